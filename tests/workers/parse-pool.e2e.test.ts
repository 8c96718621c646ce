// Parsing on two threads (src/workers/parse-pool.ts): both threads take a share, the worker's records
// and refusals are the parser's own, in order, a crashed worker's jobs are parsed here, the worker
// never keeps the process alive, and a build's parse through the cache gives what one thread gives.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { type ParseJob, ParsePool, parseJob, toPosted } from '../../src/workers/parse-pool.ts';
import { type BulletinRecord, RECORD_FIELDS } from '../../src/record.ts';
import { CODE_ROOT, ROOT, cleanUp, tempArchive } from '../helpers/archive.ts';

const FIXTURES = join(ROOT, 'tests/fixtures');
const fixtures: ParseJob[] = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => ({ bytes: readFileSync(join(FIXTURES, f)), path: join('tests/fixtures', f), options: {} }));
// Refusals as well as records: no year anywhere, and bytes that are no text.
const refused: ParseJob[] = [
  { bytes: Buffer.from('7月18日，区长林測甲主持召开区政府常务会议。\n'), path: 'notes.txt', options: {} },
  { bytes: Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), path: '2022-01-02-broken.txt', options: {} },
];
// Enough jobs that both threads take some once the worker is ready.
const jobs = Array.from({ length: 40 }, () => [...fixtures, ...refused]).flat()
  .map((job, i) => ({ ...job, path: job.path.replace(/\.txt$/, `-${i}.txt`) }));

/** A result as plain data, to compare results made on either thread. */
const plain = (r: ReturnType<typeof parseJob>) => ('record' in r ? { record: r.record } : 'error' in r ? { error: { ...r.error, message: r.error.message, name: r.error.name } } : { crash: r.crash.message });

/** Enough jobs that the worker, once it has loaded the parser, takes a share. */
const many = Array.from({ length: 1500 }, (_, i) => jobs[i % jobs.length]!);

/** Parses `many` until the worker has loaded the parser and taken a share (this thread parses meanwhile). */
async function warmUp(pool: ParsePool): Promise<void> {
  for (let round = 0; pool.helped === 0 && round < 20; round++) await pool.parse(many);
  assert.ok(pool.helped > 0, 'the worker loads the parser');
}

describe('parse pool', () => {
  test('records and refusals from both threads are the parser\'s, in order', async () => {
    const pool = ParsePool.start();
    assert.ok(pool, 'this machine has two cores');
    try {
      await warmUp(pool);
      const before = pool.helped;
      const results = await pool.parse(many);
      const helped = pool.helped - before;
      assert.ok(helped > 0 && helped < many.length, `the worker parsed ${helped} of ${many.length}`);
      assert.equal(results.length, many.length);
      results.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(many[i]!)), many[i]!.path));
      assert.ok(results.some((r) => 'error' in r) && results.some((r) => 'record' in r));
      // The worker's records of the parser's own fields come with their JSON, which the cache
      // stores as it is; one with other front matter (provenance, tags) comes as a clone.
      const withJson = results.filter((r): r is { record: BulletinRecord; json: string } => 'record' in r && r.json !== undefined);
      assert.ok(withJson.length > 0);
      for (const r of withJson) {
        assert.equal(r.json, JSON.stringify(r.record));
        assert.ok(Object.keys(r.record).every((k) => RECORD_FIELDS.includes(k as never)));
      }
      assert.ok(results.some((r) => 'record' in r && r.json === undefined && 'provenance' in r.record));
      // Two lists at once on the same worker, each in its order.
      const helpedBefore = pool.helped;
      const [first, second] = await Promise.all([pool.parse(jobs.slice(0, 30)), pool.parse(many)]);
      first.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(jobs[i]!))));
      second.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(many[i]!))));
      assert.ok(pool.helped > helpedBefore, 'the worker takes a share of lists handed over together');
    } finally {
      pool.close();
    }
  });

  test('a record with a front matter date goes from the worker as it is, not as JSON', () => {
    const result = parseJob(fixtures.find((f) => f.path.includes('front-matter'))!);
    assert.ok('record' in result);
    const published = new Date('2020-05-04T00:00:00Z');
    const posted = toPosted({ record: { ...result.record, published } as BulletinRecord });
    assert.ok('record' in posted && (posted.record as unknown as { published: Date }).published === published);
    assert.deepEqual(toPosted({ record: { ...result.record } }), 'provenance' in result.record ? { record: result.record } : { json: JSON.stringify(result.record) });
  });

  test('the jobs of a worker that dies are parsed on this thread', async () => {
    const pool = ParsePool.start()!;
    try {
      await warmUp(pool);
      const before = pool.helped;
      const parsed = pool.parse(many);
      // Killed once it has parsed some of this list (the pool sees it end as it would a crash).
      const worker = (pool as unknown as { worker: import('node:worker_threads').Worker }).worker;
      let killed = false;
      const check = setInterval(() => {
        if (pool.helped > before && !killed) {
          killed = true;
          void worker.terminate();
        }
      }, 1);
      const results = await parsed.finally(() => clearInterval(check));
      assert.ok(killed, 'the worker was killed during the parse');
      results.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(many[i]!)), many[i]!.path));
      const after = await pool.parse(jobs);
      after.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(jobs[i]!))));
    } finally {
      pool.close();
    }
  });

  test('the worker keeps the process alive only while a parse is under way', () => {
    // A process that parses and never closes its pool still ends, with every result.
    const poolUrl = pathToFileURL(join(CODE_ROOT, 'src/workers/parse-pool.js')).href;
    const script = `
      const { ParsePool } = await import(${JSON.stringify(poolUrl)});
      const { readFileSync } = await import('node:fs');
      const bytes = readFileSync(${JSON.stringify(join(FIXTURES, readdirSync(FIXTURES).find((f) => f.endsWith('.txt'))!))});
      const pool = ParsePool.start();
      const jobs = Array.from({ length: 1200 }, (_, i) => ({ bytes, path: 'x-' + i + '.txt', options: {} }));
      const results = await pool.parse(jobs);
      console.log(JSON.stringify({ results: results.filter(Boolean).length, helped: pool.helped }));
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.status, 0, child.stderr);
    const answer = JSON.parse(child.stdout) as { results: number; helped: number };
    assert.equal(answer.results, 1200, 'the process waited for the worker\'s results');
    assert.ok(Date.now() - started < 55_000);
  });
});

describe('ParseCache.parseFiles', () => {
  const a = tempArchive('parse-pool');
  after(() => cleanUp(a.root));
  const paths = jobs.map((job) => {
    const path = join(a.root, job.path.split('/').pop()!);
    writeFileSync(path, job.bytes);
    return path;
  });
  paths.push(join(a.root, '2023-03-05-missing.txt'));
  const reference = new ParseCache(join(a.root, 'reference-cache'));
  const expected = paths.map((path) => reference.parseFile(path));
  const same = (outcomes: Awaited<ReturnType<ParseCache['parseFiles']>>) => outcomes.forEach((outcome, i) => {
    assert.ok(!(outcome instanceof Error), String(outcome));
    assert.deepEqual(outcome.record, expected[i]!.record, paths[i]);
    assert.deepEqual(outcome.error && plain({ error: outcome.error }), expected[i]!.error && plain({ error: expected[i]!.error }), paths[i]);
    assert.equal(outcome.sha256, expected[i]!.sha256);
  });

  test('with a pool, gives parseFile\'s outcomes in order, then the cache gives them again', async () => {
    const dir = join(a.root, 'cache');
    const cache = new ParseCache(dir);
    const first = await cache.parseFiles(paths, {}, { poolFrom: 2 });
    same(first);
    assert.ok(first.every((o) => !(o instanceof Error) && (o.cached === false)));
    cache.flush();
    const second = await new ParseCache(dir).parseFiles(paths, {}, { poolFrom: 2 });
    same(second);
    // Every file but the unreadable one (an I/O refusal is never cached) comes from the cache.
    assert.equal(second.filter((o) => !(o instanceof Error) && o.cached).length, paths.length - 1);
  });

  test('in several batches on two threads, both threads parse (the worker once it has loaded the parser) and progress only grows', async () => {
    const manyPaths = Array.from({ length: 3000 }, (_, i) => {
      const job = jobs[i % jobs.length]!;
      const path = join(a.root, 'many', job.path.replace(/.*\//, '').replace(/\.txt$/, `-${i}.txt`));
      return { path, job };
    });
    mkdirSync(join(a.root, 'many'), { recursive: true });
    for (const { path, job } of manyPaths) writeFileSync(path, job.bytes);
    const files = manyPaths.map((m) => m.path);
    const cache = new ParseCache(join(a.root, 'batches-cache'));
    const progress: number[] = [];
    const outcomes = await cache.parseFiles(files, {}, { poolFrom: 2, filesPerBatch: 800 }, (done) => progress.push(done));
    const alone = new ParseCache(undefined);
    outcomes.forEach((o, i) => assert.deepEqual(!(o instanceof Error) && o.record, alone.parseFile(files[i]!).record));
    assert.ok(cache.helped > 0 && cache.helped < files.length, `the worker parsed ${cache.helped} of ${files.length}`);
    assert.deepEqual(progress, [...progress].sort((x, y) => x - y));
    assert.equal(progress.at(-1), files.length);
  });

  test('with too few misses, parses on this thread alone', async () => {
    const cache = new ParseCache(join(a.root, 'one-thread-cache'));
    same(await cache.parseFiles(paths, {}, { poolFrom: paths.length + 1 }));
    assert.equal(cache.misses, paths.length - 1);
    assert.equal(cache.helped, 0);
  });
});
