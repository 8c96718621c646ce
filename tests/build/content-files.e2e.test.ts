// Issue 17, items 3 and 13 on the build: a link, FIFO or linked folder in the content folder is
// refused by name (nothing published from outside it, no hang), and a killed build's temp folder is
// deleted by the next build when its process is gone.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanUp, runBuild, tempDir, writeContent } from '../helpers/site.ts';

const roots: string[] = [];
const children: Array<{ kill(): boolean }> = [];
after(() => {
  children.forEach((c) => c.kill());
  roots.forEach(cleanUp);
});

test('a link to /etc/passwd, a FIFO and a linked folder stop the build, each named; the old site stays', () => {
  const root = tempDir('content-links');
  roots.push(root);
  const content = writeContent(join(root, 'content'));
  const out = join(root, 'site');
  symlinkSync('/etc/passwd', join(content, 'bulletins/2022/2022-07-25-x.txt'));
  spawnSync('mkfifo', [join(content, 'bulletins/2022/2022-07-26-pipe.txt')]);
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', '2022-08-01-y.txt'), '长乐新闻网讯 2022年8月1日，区长林测甲主持召开专题会议。\n');
  symlinkSync(join(root, 'outside'), join(content, 'bulletins/linked'));
  symlinkSync('/etc/passwd', join(content, 'officials.yml'));
  const started = performance.now();
  const result = runBuild(content, out);
  assert.ok(performance.now() - started < 120_000, 'the build does not wait on the FIFO');
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stderr, /2022-07-25-x\.txt: is a symbolic link; links are never followed/);
  assert.match(result.stderr, /2022-07-26-pipe\.txt: is a FIFO \(named pipe\), not a regular file/);
  assert.match(result.stderr, /bulletins\/linked: is a symbolic link/);
  assert.match(result.stderr, /officials\.yml: is a symbolic link/);
  assert.doesNotMatch(result.stderr, /root:x:0/);
  assert.equal(existsSync(out), false, 'nothing published');
});

test("a dead build's temp folder is deleted by the next build; a running build's is left alone", async () => {
  const root = tempDir('build-litter');
  roots.push(root);
  const content = writeContent(join(root, 'content'));
  const out = join(root, 'site');
  const dead = join(root, `site.build-${spawnSync('true').pid}`);
  const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
  children.push(sleeper);
  const live = join(root, `site.build-${sleeper.pid}`);
  for (const dir of [dead, live]) {
    mkdirSync(join(dir, '2022'), { recursive: true });
    writeFileSync(join(dir, '2022', 'index.html'), 'half a site');
  }
  const result = runBuild(content, out);
  assert.equal(result.status, 0, result.stderr);
  // Deleted in the background: give rm a moment.
  for (let i = 0; i < 100 && existsSync(dead); i++) await new Promise((ok) => setTimeout(ok, 50));
  assert.equal(existsSync(dead), false, "the dead build's folder is gone");
  assert.equal(existsSync(live), true, "a live build's folder stays");
});
