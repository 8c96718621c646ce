// `npm run build` runs a compiled copy of the code (scripts/run.mjs, src/paths.ts): it must write the
// same site as the TypeScript sources do, and never run a copy older than the sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { cleanUp, listFiles, ROOT, runBuild, tempDir, writeContent } from './helpers.ts';

describe('the compiled build (npm run build)', () => {
  let root: string;
  let content: string;
  before(() => {
    root = tempDir('compiled');
    content = writeContent(join(root, 'content'));
  });
  after(() => cleanUp(root));

  test('writes the same files, byte for byte, as the TypeScript sources through tsx', () => {
    const compiled = join(root, 'compiled-site');
    const sources = join(root, 'sources-site');
    for (const [out, from] of [[compiled, 'compiled'], [sources, 'sources']] as const) {
      const result = runBuild(content, out, from);
      assert.equal(result.status, 0, `${from} build failed:\n${result.stdout}\n${result.stderr}`);
    }
    const files = listFiles(compiled);
    assert.deepEqual(files, listFiles(sources));
    assert.ok(files.includes('index.html') && files.some((f) => f.endsWith('record.json')) && files.some((f) => f.startsWith('pagefind/')));
    const differ = files.filter((f) => !readFileSync(join(compiled, f)).equals(readFileSync(join(sources, f))));
    assert.deepEqual(differ, []);
  });

  test('the parse helper\'s worker loads the compiled parser, and its records are the parser\'s', async () => {
    const { compiledCopy } = await import('../../scripts/run.mjs');
    const dir = await compiledCopy();
    // Plain Node, no tsx: what the compiled build's threads have.
    const script = join(root, 'helper.mjs');
    writeFileSync(script, `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const { ParsePool, parseJob } = await import(${JSON.stringify(pathToFileURL(join(dir, 'src/workers/parse-pool.js')).href)});
const fixtures = ${JSON.stringify(join(ROOT, 'tests/fixtures'))};
const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();
const jobs = Array.from({ length: 30 }, (_, i) => files.map((f) => ({ bytes: readFileSync(join(fixtures, f)), path: 'tests/fixtures/' + i + '-' + f, options: {} }))).flat();
const pool = ParsePool.start();
// Parsed again until the worker has loaded the parser and taken a share (this thread parses meanwhile).
let results = await pool.parse(jobs);
for (let round = 0; pool.helped === 0 && round < 100; round++) results = await pool.parse(jobs);
const ready = pool.helped > 0;
const helper = pool;
pool.close();
const same = results.every((r, i) => JSON.stringify(r.record ?? r.error?.message) === JSON.stringify((({ record, error }) => record ?? error?.message)(parseJob(jobs[i]))));
console.log(JSON.stringify({ ready, helped: helper.helped, jobs: jobs.length, same }));
`);
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(result.status, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as { ready: boolean; helped: number; jobs: number; same: boolean };
    assert.ok(answer.ready, 'the worker loaded the compiled parser');
    assert.ok(answer.helped > 0, `the worker parsed ${answer.helped} of ${answer.jobs}`);
    assert.ok(answer.same, 'every result is what the parser gives on this thread');
  });

  test('a changed source is compiled again before the next build runs', () => {
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
    for (const script of ['scripts/run-tests.mjs', '../elsewhere.ts', 'scripts/missing.ts']) {
      const result = spawnSync(process.execPath, ['scripts/run.mjs', script], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 2, script);
      assert.match(result.stderr, /is not a TypeScript file of this repository\nusage: node scripts\/run\.mjs scripts\/build\.ts/, script);
    }
  });
});
