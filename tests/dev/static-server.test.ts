// npm run serve's server (src/dev/static-server.ts): answers only to this machine's host names (and
// SITE_URL's), and makes a folder's redirect from the path it resolves to, never from the request.
// Listens on 127.0.0.1 only; each test stops its server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { allowedHosts, folderRedirect, hostName, serveStatic } from '../../src/dev/static-server.ts';

const root = mkdtempSync(join(tmpdir(), 'archive-static-server-'));
mkdirSync(join(root, '2022/07'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
writeFileSync(join(root, '2022/index.html'), '<!doctype html><title>2022</title>');
writeFileSync(join(root, '2022/07/index.html'), '<!doctype html><title>2022-07</title>');
after(() => rmSync(root, { recursive: true, force: true }));

/** A raw request: the path sent as it is, the Host header of our choosing. */
function raw(server: Server, path: string, host: string): Promise<{ status: number; location?: string; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, setHost: false, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => ok({ status: res.statusCode!, location: res.headers.location, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function withServer(options: Parameters<typeof serveStatic>[1], run: (server: Server, host: string) => Promise<void>): Promise<void> {
  const { server } = await serveStatic(root, { host: '127.0.0.1', port: 0, ...options });
  try {
    await run(server, `127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

describe('npm run serve', () => {
  test('GET //evil.example/%2E%2E%2F2022 redirects to /2022/, not to another site', async () => {
    await withServer({}, async (server, host) => {
      const res = await raw(server, '//evil.example/%2E%2E%2F2022', host);
      assert.equal(res.status, 301);
      assert.equal(res.location, '/2022/');
      assert.equal((await raw(server, '/2022', host)).location, '/2022/');
      assert.equal((await raw(server, '/2022/07', host)).location, '/2022/07/');
      assert.equal((await raw(server, '/2022/%2E%2E', host)).location, '/');
      for (const path of ['//evil.example/2022', '/%2F%2Fevil.example/..%2F2022', '/\\evil.example/%2E%2E/2022', '///evil.example/../2022']) {
        const { location } = await raw(server, path, host);
        assert.ok(location === undefined || /^\/[^/\\]/.test(location) || location === '/', `${path} → ${location}`);
      }
      assert.equal((await raw(server, '/2022/', host)).status, 200);
    });
  });

  test('under a path prefix, the Location keeps the prefix and nothing of the request', async () => {
    await withServer({ prefix: '/archive/' }, async (server, host) => {
      assert.equal((await raw(server, '/archive//evil.example/%2E%2E%2F2022', host)).location, '/archive/2022/');
      assert.equal((await raw(server, '/archive/2022', host)).location, '/archive/2022/');
      assert.equal((await raw(server, '//evil.example/%2E%2E%2F2022', host)).status, 404);
    });
  });

  test('answers to 127.0.0.1, localhost, [::1] and SITE_URL\'s host; any other Host gets 421', async () => {
    await withServer({ hosts: ['https://archive.example.org/archive/'] }, async (server) => {
      for (const host of ['127.0.0.1', 'localhost:8080', '[::1]:1', 'Archive.Example.org', 'archive.example.org:443']) {
        assert.equal((await raw(server, '/', host)).status, 200, host);
      }
      for (const host of ['evil.example', 'evil.example:8080', 'archive.example.org.evil.example', '127.0.0.1@evil.example']) {
        const res = await raw(server, '/', host);
        assert.equal(res.status, 421, host);
        assert.doesNotMatch(res.body, /<title>/);
        assert.match(res.body, /answers only to 127\.0\.0\.1, localhost, \[::1\], archive\.example\.org/);
      }
    });
  });

  test('the rules on their own', () => {
    assert.deepEqual([...allowedHosts('0.0.0.0', ['http://127.0.0.1:8080', undefined, '::1', 'fe80::1', '192.168.1.5'])], ['127.0.0.1', 'localhost', '[::1]', '[fe80::1]', '192.168.1.5']);
    assert.deepEqual([...allowedHosts('10.0.0.2')], ['127.0.0.1', 'localhost', '[::1]', '10.0.0.2']);
    assert.equal(hostName('LOCALHOST.:80'), 'localhost');
    assert.equal(hostName('[::1]:8080'), '[::1]');
    for (const bad of ['', 'a b', 'a@b', 'a/b', '[::1', undefined]) assert.equal(hostName(bad), undefined, String(bad));
    assert.equal(folderRedirect(root, '/2022/', '/'), undefined, 'already a folder URL');
    assert.equal(folderRedirect(root, '/2022/index.html', '/'), undefined, 'a file');
    assert.equal(folderRedirect(root, '/2023', '/'), undefined, 'no such folder');
    assert.equal(folderRedirect(root, '/../../etc', '/'), undefined, 'outside the site');
  });
});
