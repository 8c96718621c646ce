// A small static file server for the built site (npm run serve, and the browser tests), and the
// rules it shares with the dev server: which Host it answers to, and where a folder's URL redirects.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';

/** Content types of the files a built site holds, by extension. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  // Source files are stored as they came (GB18030, Big5, UTF-16 …): no charset is claimed.
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The file a URL path names under `root` (an absolute path): index.html for folders; undefined when
 * there is none, or when the path would leave `root`.
 */
export function fileFor(root: string, urlPath: string, prefix: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return undefined;
  }
  if (!path.startsWith(prefix)) return undefined;
  const file = normalize(join(root, path.slice(prefix.length)));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    if (!statSync(file).isDirectory()) return file;
  } catch {
    // Missing, or swapped away by a rebuild between the look and the read.
    return undefined;
  }
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/**
 * Where a folder's URL without its final slash redirects (/2022 → /2022/, as a static host does),
 * or undefined when `urlPath` is no such URL. The Location is made from the folder the path
 * resolves to under `root`, never from the request: `//evil.example/%2E%2E%2F2022` gives `/2022/`.
 */
export function folderRedirect(root: string, urlPath: string, prefix: string): string | undefined {
  const plain = urlPath.split('?')[0]!;
  if (plain.endsWith('/') || extname(plain)) return undefined;
  const index = fileFor(root, `${plain}/`, prefix);
  if (!index) return undefined;
  const folder = relative(root, dirname(index));
  return folder === '' ? prefix : `${prefix}${folder.split(sep).map(encodeURIComponent).join('/')}/`;
}

/** Host names a local server answers to, whatever the port: the loopback names. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The host names a server answers to: the loopback ones, the address it listens on (unless a
 * wildcard) and `extra` (the host of SITE_URL): names, host:port or URLs, case-insensitive.
 */
export function allowedHosts(listening: string | undefined, extra: Array<string | undefined> = []): Set<string> {
  const hosts = new Set(LOOPBACK_HOSTS);
  for (const value of [listening, ...extra]) {
    if (!value || value === '0.0.0.0' || value === '::' || value === '[::]') continue;
    const name = hostOf(value);
    if (name) hosts.add(name);
  }
  return hosts;
}

/** The host name in a URL, an address (an IPv6 one bare or in brackets) or a Host header. */
function hostOf(value: string): string | undefined {
  if (value.includes('://')) return URL.canParse(value) ? hostName(new URL(value).host) : undefined;
  return hostName(/^[0-9a-f]*:[0-9a-f:.]*$/i.test(value) ? `[${value}]` : value);
}

/** The host name of a Host header (`name`, `name:port`, `[v6]:port`), lower-case, or undefined when it is none. */
export function hostName(header: string | undefined): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+?)\.?(?::\d{1,5})?$/i.exec(header ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Refuses a request whose Host header is not one of `hosts` (421, said in plain text), so a page on
 * another site that makes its own name point at 127.0.0.1 (DNS rebinding) cannot read this one.
 * Returns true when it refused.
 */
export function refuseOtherHost(req: IncomingMessage, res: ServerResponse, hosts: ReadonlySet<string>): boolean {
  const name = hostName(req.headers.host);
  if (name !== undefined && hosts.has(name)) return false;
  const told = JSON.stringify(req.headers.host ?? '').slice(0, 200);
  res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    .end(`This server answers only to ${[...hosts].join(', ')}, not to the host ${told}; open it as http://127.0.0.1:PORT/ (set SITE_URL to add its host).\n`);
  return true;
}

/**
 * Serves `root` on host:port (port 0: any free port); resolves once listening. Answers only to the
 * hosts of allowedHosts(host, `hosts`).
 */
export async function serveStatic(root: string, options: { host?: string; port?: number; prefix?: string; hosts?: Array<string | undefined> } = {}): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const prefix = options.prefix ?? '/';
  const hosts = allowedHosts(options.host ?? '127.0.0.1', options.hosts);
  const server = createServer((req, res) => {
    if (refuseOtherHost(req, res, hosts)) return;
    const urlPath = req.url ?? '/';
    const location = folderRedirect(base, urlPath, prefix);
    if (location) {
      res.writeHead(301, { location }).end();
      return;
    }
    const file = fileFor(base, urlPath, prefix);
    const status = file ? 200 : 404;
    const body = file ?? fileFor(base, `${prefix}404.html`, prefix);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(status, { 'content-type': CONTENT_TYPES[extname(body)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok());
  });
  const { address, port } = server.address() as AddressInfo;
  return { server, url: `http://${address}:${port}${prefix}` };
}
