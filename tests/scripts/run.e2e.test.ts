// scripts/run.mjs, the one way the code runs: it compiles again after a source changes (never
// running a stale copy), refuses what is not a script of the repository, and the copy's parse
// pool's worker thread loads the same parser as the thread that started it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ParsePool, type ParseJob, parseJob } from '../../src/workers/parse-pool.ts';
import { cleanUp, ROOT, tempDir, writeContent } from '../helpers/site.ts';

describe('scripts/run.mjs', () => {
  let root: string;
  let content: string;
  before(() => {
    root = tempDir('run');
    content = writeContent(join(root, 'content'));
  });
  after(() => cleanUp(root));

  test('a changed source is compiled again before the next command runs', () => {
    // A copy of the repository's code, with its packages, so the test can change a page.
    const repo = join(root, 'repo');
    for (const part of ['src', 'scripts', 'layouts', 'site.config.ts', '.eleventy.ts', 'package.json']) cpSync(join(ROOT, part), join(repo, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    const build = (out: string) => spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--content', content, '--out', out, '--quiet'], { cwd: repo, encoding: 'utf8', timeout: 180_000 });

    const first = build(join(root, 'repo-site-1'));
    assert.equal(first.status, 0, first.stderr);
    const page = join(repo, 'src/site/pages/404.11ty.ts');
    writeFileSync(page, readFileSync(page, 'utf8').replace('網址可能有誤', '網址可能有誤（測試標記）'));
    const second = build(join(root, 'repo-site-2'));
    assert.equal(second.status, 0, second.stderr);

    assert.doesNotMatch(readFileSync(join(root, 'repo-site-1/404.html'), 'utf8'), /測試標記/);
    assert.match(readFileSync(join(root, 'repo-site-2/404.html'), 'utf8'), /網址可能有誤（測試標記）/);
    // One copy per version of the sources, and no temporary folder left behind.
    assert.equal(readdirSync(join(repo, '.cache/build')).filter((name) => /^[0-9a-f]{16}$/.test(name)).length, 2);
    assert.deepEqual(readdirSync(join(repo, '.cache/build')).filter((name) => name.includes('.tmp-')), []);
  });

  test('refuses a script that is not TypeScript of the repository, saying how to call it', () => {
    for (const script of ['scripts/run-tests.mjs', '../elsewhere.ts', 'scripts/missing.ts', 'src/site/browser/site.ts']) {
      const result = spawnSync(process.execPath, ['scripts/run.mjs', script], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 2, script);
      assert.match(result.stderr, /is not a TypeScript file of this repository\nusage: node scripts\/run\.mjs scripts\/build\.ts/, script);
    }
    const none = spawnSync(process.execPath, ['scripts/run.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no script given\nusage: /);
  });

  test('the parse pool\'s worker loads the parser, and its records are this thread\'s', async () => {
    const fixtures = join(ROOT, 'tests/fixtures');
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();
    const jobs: ParseJob[] = Array.from({ length: 30 }, (_, i) => files.map((f) => ({ bytes: readFileSync(join(fixtures, f)), path: `tests/fixtures/${i}-${f}`, options: {} }))).flat();
    const pool = ParsePool.start();
    assert.ok(pool, 'a pool starts (there are 2 cores)');
    try {
      // Parsed again until the worker has loaded the parser and taken a share (this thread parses meanwhile).
      let results = await pool.parse(jobs);
      for (let round = 0; pool.helped === 0 && round < 100; round++) results = await pool.parse(jobs);
      assert.ok(pool.helped > 0, `the worker parsed ${pool.helped} of ${jobs.length}`);
      const outcome = (r: ReturnType<typeof parseJob>) => JSON.stringify('record' in r ? r.record : 'error' in r ? r.error.message : r.crash.message);
      assert.deepEqual(results.map(outcome), jobs.map((job) => outcome(parseJob(job))));
    } finally {
      pool.close();
    }
  });
});
