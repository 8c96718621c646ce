// A small static file server for the built site (npm run serve, and the browser tests).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

/** Serves `root` on host:port (port 0: any free port); resolves once listening. */
export async function serveStatic(root: string, options: { host?: string; port?: number; prefix?: string } = {}): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const prefix = options.prefix ?? '/';
  const server = createServer((req, res) => {
    const urlPath = req.url ?? '/';
    const plain = urlPath.split('?')[0]!;
    // /2022 → /2022/ as a static host would do.
    if (!plain.endsWith('/') && !extname(plain)) {
      const dir = fileFor(base, `${plain}/`, prefix);
      if (dir) {
        res.writeHead(301, { location: `${plain}/` }).end();
        return;
      }
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
