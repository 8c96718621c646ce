// The dev server picks up a new bulletin without a restart, tells open pages to reload, and keeps
// serving the last good site when a rebuild fails. Listens on 127.0.0.1 only; stopped in after().
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type DevServer, startDevServer } from '../../scripts/dev.ts';
import { SEED, SEED_URL } from '../site/helpers.ts';
import { cleanUp, TEXTS, tempArchive } from './helpers.ts';

const NEW_URL = '/2023/03/05/changwu/';
const a = tempArchive('dev');
let server: DevServer;
const lines: string[] = [];

before(async () => {
  process.env.ARCHIVE_PARSE_CACHE = a.cache;
  mkdirSync(join(a.content, 'bulletins/2022'));
  copyFileSync(SEED, join(a.content, 'bulletins/2022/2022-07-18-changle-dangzu-changwu-huiyi.txt'));
  server = await startDevServer({ contentDir: a.content, outDir: join(a.root, 'site'), port: 0, log: (line) => lines.push(line) });
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
