// The editor's dev server: builds the archive, serves it on 127.0.0.1, watches the content folder,
// rebuilds through the same build function as `npm run build`, and tells open pages to reload.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { StageClock } from '../build/progress.ts';
import { build, type BuildOptions, type BuildResult } from '../build/build.ts';
import { ArchiveError } from '../archive/model.ts';
import { terminalText } from '../messages/terminal.ts';
import { messageLine } from '../messages/text.ts';
import { allowedHosts, CONTENT_TYPES, fileFor, folderRedirect, refuseOtherHost } from './static-server.ts';

export interface DevOptions {
  /** The content folder to build and watch. */
  contentDir: string;
  /** Where the site is built (replaced whole after each good build). */
  outDir: string;
  /** 0: any free port. */
  port?: number;
  /** Always a loopback address unless you mean otherwise; default 127.0.0.1. */
  host?: string;
  /** The site's path prefix (site.config.ts pathPrefix); default "/". */
  prefix?: string;
  /** Quiet time after the last change before a rebuild starts, in ms; default 100. */
  debounceMs?: number;
  /** Where progress lines go; default console.log. */
  log?: (line: string) => void;
  /**
   * Host names it answers to besides the loopback ones and `host` (SITE_URL's, as scripts/dev.ts
   * passes it): a request with any other Host header is refused (421).
   */
  hosts?: Array<string | undefined>;
  /** The build function; default src/build/build.ts's build (tests wrap it). */
  build?: (options: BuildOptions) => Promise<BuildResult>;
}

/** One build's outcome, as the 'build' event and rebuild() report it. */
export interface BuildOutcome {
  ok: boolean;
  seconds: number;
  /** What triggered it: "start" or the changed paths, relative to the content folder. */
  changed: string[];
  result?: BuildResult;
  /** For a failed build: one "FILE:LINE: reason" per problem. */
  problems?: string[];
  /** Content files that were removed while it ran (relative to the content folder): another build follows. */
  removed?: string[];
}

/** The path of the live-reload event stream; the pages get a small script that listens to it. */
export const EVENTS_PATH = '/__dev/events';


// Reloads the page after a good rebuild; shows a banner after a failed one. Only the dev server adds it.
const RELOAD_SCRIPT = `<script>(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('build-error', (e) => {
    let bar = document.getElementById('dev-build-error');
    if (!bar) { bar = document.createElement('pre'); bar.id = 'dev-build-error'; bar.style.cssText = 'position:fixed;bottom:0;left:0;right:0;margin:0;padding:1em;background:#fee;color:#900;z-index:9999;white-space:pre-wrap'; document.body.append(bar); }
    bar.textContent = 'Rebuild failed; this is the last good site.\\n' + JSON.parse(e.data).join('\\n');
  });
  events.addEventListener('rebuilding', (e) => {
    let bar = document.getElementById('dev-build-error');
    if (!bar) { bar = document.createElement('pre'); bar.id = 'dev-build-error'; bar.style.cssText = 'position:fixed;bottom:0;left:0;right:0;margin:0;padding:1em;background:#ffd;color:#640;z-index:9999;white-space:pre-wrap'; document.body.append(bar); }
    bar.textContent = JSON.parse(e.data).join('\\n');
  });
})();</script>`;

/** Files whose change means a rebuild: bulletins and the editor files, not temp files of a writer. */
function matters(name: string): boolean {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  if (base.startsWith('.') || base.endsWith('.tmp') || base.endsWith('~')) return false;
  return /\.(txt|ya?ml)$/i.test(base) || !extname(base);
}

export class DevServer extends EventEmitter {
  readonly contentDir: string;
  readonly outDir: string;
  url = '';
  port = 0;
  /** The last build's outcome. */
  last?: BuildOutcome;
  private server?: Server;
  private watcher?: FSWatcher;
  private readonly clients = new Set<ServerResponse>();
  private timer?: NodeJS.Timeout;
  private pending = new Set<string>();
  private running?: Promise<BuildOutcome>;
  private closed = false;
  private readonly log: (line: string) => void;
  private readonly prefix: string;
  private readonly hosts: ReadonlySet<string>;

  constructor(readonly options: DevOptions) {
    super();
    this.contentDir = resolve(options.contentDir);
    this.outDir = resolve(options.outDir);
    this.log = options.log ?? ((line) => console.log(line));
    this.prefix = options.prefix ?? '/';
    this.hosts = allowedHosts(options.host ?? '127.0.0.1', options.hosts);
  }

  /** Builds once, starts serving and watching. Serves even when the first build fails (and says why). */
  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    // A rebuild can keep the event loop busy for seconds; a keep-alive timer firing right after it
    // would close a socket a client is reusing (ECONNRESET). Idle sockets are closed by close().
    this.server.keepAliveTimeout = 0;
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => ok());
    });
    const { address, port } = this.server.address() as AddressInfo;
    this.port = port;
    this.url = `http://${address}:${port}${this.prefix}`;
    this.watcher = watch(this.contentDir, { recursive: true }, (_event, name) => {
      if (name && matters(String(name))) this.schedule(String(name));
    });
    this.watcher.on('error', (error) => this.log(`watch error: ${error.message}`));
    await this.rebuild(['start']);
    return this;
  }

  /** Rebuilds now (after any build under way) and returns its outcome. */
  rebuild(changed: string[] = []): Promise<BuildOutcome> {
    const previous = this.running ?? Promise.resolve(undefined);
    const next = previous.then(() => this.buildOnce(changed));
    this.running = next;
    void next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
    return next;
  }

  /** Resolves when no build is running or waiting. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((ok) => setTimeout(ok, 20));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watcher?.close();
    for (const client of this.clients) client.end();
    this.clients.clear();
    await this.running?.catch(() => undefined);
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((ok) => this.server!.close(() => ok()));
    }
  }

  private schedule(name: string): void {
    if (this.closed) return;
    this.pending.add(name);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const changed = [...this.pending];
      this.pending.clear();
      void this.rebuild(changed);
    }, this.options.debounceMs ?? 100);
  }

  private async buildOnce(changed: string[]): Promise<BuildOutcome> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let outcome: BuildOutcome;
    try {
      // Every build reads the content folder afresh; the parse cache keeps unchanged bulletins cheap.
      const clock = new StageClock({ show: false });
      const result = await (this.options.build ?? build)({ contentDir: this.contentDir, outDir: this.outDir, clock, inPlace: true });
      outcome = { ok: true, seconds: seconds(), changed, result };
      const stages = clock.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)}`).join(', ');
      this.log(`${changed[0] === 'start' ? 'built' : 'rebuilt'} in ${outcome.seconds.toFixed(2)} s (${result.bulletins} bulletins, ${result.pages} files${changed[0] === 'start' ? '' : `; changed: ${changed.join(', ')}`}; ${result.plan.mode === 'subset' ? `subset build, ${result.plan.items} changed page(s)` : `full build: ${result.plan.reason}`}; seconds: ${stages})`);
      this.send('reload', 'null');
    } catch (error) {
      const removed = this.removedFiles(error);
      // The same files again right after: something else is wrong; said as any failure is.
      if (removed.length > 0 && this.last?.removed?.join('\n') !== removed.join('\n')) {
        // Not the editor's mistake: the file went away between the look and the read. The watcher
        // has seen it go; make sure a build follows.
        const problems = removed.map((file) => `${file} was removed while building; rebuilding`);
        outcome = { ok: false, seconds: seconds(), changed, problems, removed };
        for (const problem of problems) this.log(problem);
        this.send('rebuilding', JSON.stringify(problems));
        for (const file of removed) this.schedule(file);
        this.last = outcome;
        this.emit('build', outcome);
        return outcome;
      }
      const problems = error instanceof ArchiveError
        ? error.messages.map(messageLine)
        : [(error as Error).stack ?? String(error)];
      outcome = { ok: false, seconds: seconds(), changed, problems };
      this.log(`${changed[0] === 'start' ? 'build' : 'rebuild'} failed in ${outcome.seconds.toFixed(2)} s; ${existsSync(this.outDir) ? 'still serving the last good site' : 'nothing to serve yet'}:`);
      for (const problem of problems) this.log(terminalText(`  ${problem}`));
      this.send('build-error', JSON.stringify(problems));
    }
    this.last = outcome;
    this.emit('build', outcome);
    return outcome;
  }

  /**
   * The content files (relative to the content folder) a failed build could not read because they
   * are gone now; empty when the failure had any other cause as well.
   */
  private removedFiles(error: unknown): string[] {
    const inContent = (file: string) => {
      const path = resolve(file);
      const rel = relative(this.contentDir, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !existsSync(path) ? rel : undefined;
    };
    if (error instanceof ArchiveError) {
      const files = error.messages.map((m) => (m.file === undefined ? undefined : inContent(m.file)));
      return files.every((f) => f !== undefined) ? [...new Set(files)] : [];
    }
    // A read that failed in a later stage (Eleventy wraps errors: originalError, cause).
    for (let e = error as (NodeJS.ErrnoException & { originalError?: unknown }) | undefined, depth = 0; e && depth < 10; depth++) {
      if (e.code === 'ENOENT' && typeof e.path === 'string') {
        const file = inContent(e.path);
        return file ? [file] : [];
      }
      e = (e.originalError ?? e.cause) as typeof e;
    }
    return [];
  }

  private send(event: string, data: string): void {
    for (const client of this.clients) client.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  /** The file a URL path names in the built site (index.html for folders); undefined when none. */
  private siteFile(urlPath: string): string | undefined {
    return fileFor(resolve(this.outDir), urlPath, this.prefix);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // Before anything is read: the pages and the event stream (which carries build errors, with
    // absolute paths) are for this machine's browser only.
    if (refuseOtherHost(req, res, this.hosts)) return;
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': live reload\n\n');
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return;
    }
    const location = folderRedirect(this.outDir, path, this.prefix);
    if (location) {
      res.writeHead(301, { location }).end();
      return;
    }
    const file = this.siteFile(path);
    const body = file ?? this.siteFile(`${this.prefix}404.html`);
    if (!body) {
      const why = this.last && !this.last.ok ? `the build failed:\n${this.last.problems!.join('\n')}\n` : 'not found\n';
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(why);
      return;
    }
    let data: Buffer;
    try {
      data = readFileSync(body);
    } catch {
      // Swapped away between the look and the read: the next request finds the new site.
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    const type = CONTENT_TYPES[extname(body)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      const html = data.toString('utf8');
      const at = html.lastIndexOf('</body>');
      data = Buffer.from(at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at), 'utf8');
    }
    res.writeHead(file ? 200 : 404, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

}

/** Starts a dev server; stop it with close(). */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  return new DevServer(options).start();
}
