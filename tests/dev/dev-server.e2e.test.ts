// The dev server picks up a new bulletin without a restart, tells open pages to reload, and keeps
// serving the last good site when a rebuild fails. Listens on 127.0.0.1 only; stopped in after().
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build, type BuildOptions } from '../../src/build/build.ts';
import { type DevServer, startDevServer } from '../../scripts/dev.ts';
import { SEED, SEED_URL } from '../helpers/site.ts';
import { cleanUp, TEXTS, tempArchive } from '../helpers/archive.ts';

const NEW_URL = '/2023/03/05/changwu/';
const a = tempArchive('dev');
let server: DevServer;
const lines: string[] = [];
/** Called with each stage's name as a build starts it (parse, plan, render …): a test's hook into a build. */
let onStage: ((name: string) => void) | undefined;

/** The build, with onStage told of each stage. */
function hookedBuild(options: BuildOptions) {
  const clock = options.clock;
  if (clock) {
    const start = clock.start.bind(clock);
    clock.start = (name, ...rest) => {
      onStage?.(name);
      return start(name, ...rest);
    };
  }
  return build(options);
}

before(async () => {
  process.env.ARCHIVE_PARSE_CACHE = a.cache;
  mkdirSync(join(a.content, 'bulletins/2022'));
  copyFileSync(SEED, join(a.content, 'bulletins/2022/2022-07-18-changle-dangzu-changwu-huiyi.txt'));
  server = await startDevServer({ contentDir: a.content, outDir: join(a.root, 'site'), port: 0, log: (line) => lines.push(line), build: hookedBuild });
});
after(async () => {
  await server?.close();
  cleanUp(a.root);
});

async function fetchText(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, body: await res.text() };
}

/** Polls until `check` passes or the time is up. */
async function until(what: string, check: () => Promise<boolean>, seconds = 60): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  assert.fail(`${what} within ${seconds} s; log:\n${lines.join('\n')}`);
}

/** Opens the live-reload stream and resolves with the first event named `name`. */
function nextEvent(name: string): { ready: Promise<void>; event: Promise<string> } {
  let ready!: () => void;
  const readyPromise = new Promise<void>((ok) => { ready = ok; });
  const event = new Promise<string>((ok, fail) => {
    const req = get(new URL('/__dev/events', server.url), (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      ready();
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(buffer);
        if (match) {
          req.destroy();
          ok(match[1]!);
        }
      });
    });
    req.on('error', (error) => { if (!(error as NodeJS.ErrnoException).code?.includes('RESET')) fail(error); });
  });
  return { ready: readyPromise, event };
}

describe('dev server', () => {
  test('serves the built site on 127.0.0.1 with the live-reload script in its pages', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetchText(SEED_URL);
    assert.equal(page.status, 200);
    assert.match(page.body, /new EventSource\("\/__dev\/events"\)/);
    assert.match(lines.join('\n'), /^built in [\d.]+ s \(1 bulletins/m);
  });

  test('a bulletin saved into a new year folder is served on its page, in the lists and on the officials\' pages', async () => {
    const reload = nextEvent('reload');
    await reload.ready;
    mkdirSync(join(a.content, 'bulletins/2023'));
    writeFileSync(join(a.content, 'bulletins/2023/2023-03-05-changwu.txt'), TEXTS.utf8);
    await until('the new page is served', async () => (await fetchText(NEW_URL)).status === 200);
    assert.match((await fetchText(NEW_URL)).body, /林测甲/);
    assert.match((await fetchText('/2023/03/')).body, new RegExp(NEW_URL));
    assert.match((await fetchText('/2023/')).body, /href="\/2023\/03\/"/);
    assert.match((await fetchText('/officials/')).body, /href="\/officials\/lin-ce-jia\/"/);
    assert.match((await fetchText('/officials/lin-ce-jia/')).body, new RegExp(NEW_URL));
    assert.match((await fetchText('/')).body, new RegExp(NEW_URL));
    await reload.event;
    assert.match(lines.join('\n'), /^rebuilt in [\d.]+ s \(2 bulletins, \d+ files; changed: .*2023-03-05-changwu\.txt/m);
  });

  test('a broken file keeps the last good site, says which file and why, and tells the pages', async () => {
    const failed = nextEvent('build-error');
    await failed.ready;
    writeFileSync(join(a.content, 'bulletins/2023/2023-03-06-broken.txt'), '');
    const problems = JSON.parse(await failed.event) as string[];
    assert.match(problems[0]!, /2023-03-06-broken\.txt: the file is empty/);
    assert.match(lines.join('\n'), /rebuild failed in [\d.]+ s; still serving the last good site:\n {2}\S+2023-03-06-broken\.txt: the file is empty/);
    assert.equal((await fetchText(NEW_URL)).status, 200);
    // Fixing the file brings the server back.
    const reload = nextEvent('reload');
    await reload.ready;
    writeFileSync(join(a.content, 'bulletins/2023/2023-03-06-broken.txt'), TEXTS.gb18030.replace('2023年4月12日', '2023年3月6日'));
    await reload.event;
    assert.equal((await fetchText('/2023/03/06/broken/')).status, 200);
  });
});

/** A raw request with a Host header of our choosing (none: undefined) and a path sent as it is. */
function raw(path: string, host: string | undefined): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, setHost: false, headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      // The event stream never ends: its first bytes are enough.
      res.on('data', (chunk: string) => {
        body += chunk;
        if (res.headers['content-type']?.includes('event-stream')) req.destroy();
      });
      const done = () => ok({ status: res.statusCode!, headers: res.headers, body });
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('dev server: hostile requests', () => {
  test('answers only to 127.0.0.1, localhost and [::1]: another Host (DNS rebinding) gets 421 and nothing of the site', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`, 'LOCALHOST']) {
      assert.equal((await raw(SEED_URL, host)).status, 200, host);
    }
    for (const host of [`evil.example:${server.port}`, 'evil.example', '127.0.0.1.evil.example', 'localhost@evil.example', undefined]) {
      for (const path of [SEED_URL, '/__dev/events', '/no/such/page/']) {
        const res = await raw(path, host);
        // No Host at all: Node's own 400 (HTTP/1.1 requires one).
        assert.equal(res.status, host === undefined ? 400 : 421, `${host} ${path}`);
        assert.doesNotMatch(res.body, /EventSource|<html|live reload|build failed/i);
        if (host !== undefined) assert.match(res.body, /answers only to 127\.0\.0\.1, localhost, \[::1\]/);
      }
    }
  });

  test('a folder\'s redirect is made from the resolved path, never echoed: //evil.example/%2E%2E%2F2022 → /2022/', async () => {
    const res = await raw('//evil.example/%2E%2E%2F2022', `127.0.0.1:${server.port}`);
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/2022/');
    assert.equal((await raw('/2022', `127.0.0.1:${server.port}`)).headers.location, '/2022/');
    for (const path of ['//evil.example/2022', '/%2F%2Fevil.example/..%2F2022', '/\\evil.example/%2E%2E/2022']) {
      const location = String((await raw(path, `127.0.0.1:${server.port}`)).headers.location ?? '');
      assert.ok(location === '' || /^\/[^/\\]/.test(location), `${path} → ${location}`);
    }
  });

  test('a bulletin removed while a rebuild reads it: "FILE was removed while building; rebuilding", then a good build', { timeout: 120_000 }, async () => {
    const file = join(a.content, 'bulletins/2023/2023-04-12-dangzu.txt');
    // Removed once the bulletins are parsed and before their pages and source copies are written.
    onStage = (name) => {
      if (name === 'plan' && existsSync(file)) rmSync(file);
    };
    try {
      const said = nextEvent('rebuilding');
      const reload = nextEvent('reload');
      await Promise.all([said.ready, reload.ready]);
      mkdirSync(join(a.content, 'bulletins/2023'), { recursive: true });
      writeFileSync(file, TEXTS.gb18030);
      const problems = JSON.parse(await said.event) as string[];
      assert.deepEqual(problems, ['bulletins/2023/2023-04-12-dangzu.txt was removed while building; rebuilding']);
      await reload.event;
      assert.match(lines.join('\n'), /bulletins\/2023\/2023-04-12-dangzu\.txt was removed while building; rebuilding/);
      assert.doesNotMatch(lines.join('\n'), /ENOENT/);
      assert.equal(server.last?.ok, true, 'the build after it succeeded');
      assert.equal((await fetchText('/2023/04/12/dangzu/')).status, 404);
    } finally {
      onStage = undefined;
    }
  });
});
