// A bulletin that cannot be parsed fails the build, names the file and the reason, and leaves the
// previous output folder exactly as it was.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildFixtureSite, cleanUp, listFiles, runBuild } from '../helpers/site.ts';

let root: string;
let content: string;
let out: string;

/** Every file's path and SHA-256: equal snapshots mean byte-for-byte equal folders. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

before(() => ({ root, content, out } = buildFixtureSite('failed')));
after(() => cleanUp(root));

for (const [name, text, reason] of [
  ['2022/2022-08-01-empty.txt', '', /the file is empty/],
  ['2022/undated-notice.txt', '長樂新聞網訊 區長林測甲主持召開會議。\n', /no date found/],
] as const) {
  test(`${name.split('/')[1]}: the build fails, says why, and keeps the previous site`, () => {
    const before = snapshot(out);
    const bad = join(content, 'bulletins', name);
    writeFileSync(bad, text);
    try {
      const result = runBuild(content, out);
      assert.notEqual(result.status, 0, 'the build must fail');
      assert.ok(result.stderr.includes(name.split('/')[1]!), `stderr names the file:\n${result.stderr}`);
      assert.match(result.stderr, reason);
      assert.deepEqual(snapshot(out), before, 'the previous output is untouched');
      assert.deepEqual(readdirSync(dirname(out)).filter((f) => f.includes('.build-') || f.includes('.old-')), [], 'no temp folder is left');
    } finally {
      rmSync(bad);
    }
  });
}

test('a failed first build creates no output folder', () => {
  const fresh = join(root, 'fresh-site');
  writeFileSync(join(content, 'bulletins/2022/2022-08-01-empty.txt'), '');
  try {
    const result = runBuild(content, fresh);
    assert.notEqual(result.status, 0);
    assert.equal(existsSync(fresh), false);
  } finally {
    rmSync(join(content, 'bulletins/2022/2022-08-01-empty.txt'));
  }
});

test('a redirect to a page that does not exist fails the build with the file and the entry', () => {
  const file = join(content, 'redirects.yml');
  const previous = readFileSync(file, 'utf8');
  writeFileSync(file, `${previous}- from: /2019/01/01/x/\n  to: /2019/01/01/nowhere/\n`);
  try {
    const before = snapshot(out);
    const result = runBuild(content, out);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /redirects\.yml: \/2019\/01\/01\/x\/ points to \/2019\/01\/01\/nowhere\//);
    assert.deepEqual(snapshot(out), before);
  } finally {
    writeFileSync(file, previous);
  }
});

test('after the broken file is removed the build succeeds again', () => {
  const result = runBuild(content, out);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /built 6 bulletins/);
});
