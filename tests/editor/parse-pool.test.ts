// Parsing on two threads (src/workers/parse-pool.ts): the worker's records and refusals are the
// parser's own, in order, and a build's parse through the cache gives what one thread gives.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { hasEarlyHelperThread, startHelperThreadEarly, stopEarlyHelperThread, waitForEarlyHelperThread } from '../../src/workers/parse-helper-thread.ts';
import { EARLY_HELPER_FROM, HELPER_FROM, type ParseJob, ParseHelper, parseJob, toPosted } from '../../src/workers/parse-pool.ts';
import { type BulletinRecord, RECORD_FIELDS } from '../../src/record.ts';
import { ROOT, cleanUp, tempArchive } from './helpers.ts';

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

describe('parse helper', () => {
  test('records and refusals from both threads are the parser\'s, in order', () => {
    const helper = ParseHelper.start();
    assert.ok(helper, 'this machine has two cores');
    try {
      assert.ok(helper.waitUntilReady(30_000), 'the worker loads the parser');
      const results = helper.run(jobs);
      assert.ok(helper.helped > 0 && helper.helped < jobs.length, `the worker parsed ${helper.helped} of ${jobs.length}`);
      assert.equal(results.length, jobs.length);
      results.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(jobs[i]!)), jobs[i]!.path));
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
      // A second batch on the same worker.
      const again = helper.run(jobs.slice(0, 30));
      again.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(jobs[i]!))));
    } finally {
      helper.close();
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

  test('a thread started early is the one the next helper runs on, once', () => {
    startHelperThreadEarly();
    assert.ok(hasEarlyHelperThread());
    const helper = ParseHelper.start();
    assert.ok(helper);
    assert.equal(hasEarlyHelperThread(), false, 'adopted');
    try {
      assert.ok(helper.waitUntilReady(30_000), 'the early worker loads the parser');
      const results = helper.run(jobs);
      assert.ok(helper.helped > 0, 'the early worker parsed some');
      results.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(jobs[i]!)), jobs[i]!.path));
    } finally {
      helper.close();
    }
    // Stopping when nothing is left to stop is no error.
    stopEarlyHelperThread();
  });

  test('a module that imports the build starts no thread (only the build command does)', async () => {
    await import('../../src/build/build.ts');
    assert.equal(hasEarlyHelperThread(), false);
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
  const same = (outcomes: ReturnType<ParseCache['parseFiles']>) => outcomes.forEach((outcome, i) => {
    assert.ok(!(outcome instanceof Error), String(outcome));
    assert.deepEqual(outcome.record, expected[i]!.record, paths[i]);
    assert.deepEqual(outcome.error && plain({ error: outcome.error }), expected[i]!.error && plain({ error: expected[i]!.error }), paths[i]);
    assert.equal(outcome.sha256, expected[i]!.sha256);
  });

  test('with a helper thread, gives parseFile\'s outcomes in order, then the cache gives them again', () => {
    const dir = join(a.root, 'cache');
    const cache = new ParseCache(dir);
    const first = cache.parseFiles(paths, {}, { helperFrom: 2 });
    same(first);
    assert.ok(first.every((o) => !(o instanceof Error) && (o.cached === false)));
    cache.flush();
    const second = new ParseCache(dir).parseFiles(paths, {}, { helperFrom: 2 });
    same(second);
    // Every file but the unreadable one (an I/O refusal is never cached) comes from the cache.
    assert.equal(second.filter((o) => !(o instanceof Error) && o.cached).length, paths.length - 1);
  });

  test('in several batches on two threads, the worker parses one batch while this thread finishes the one before', () => {
    // Loaded before the parse, as in a build, so that it takes part from the first batch.
    startHelperThreadEarly();
    assert.ok(waitForEarlyHelperThread(30_000));
    const cache = new ParseCache(join(a.root, 'batches-cache'));
    const progress: number[] = [];
    const outcomes = cache.parseFiles(paths, {}, { helperFrom: 2, filesPerBatch: 40 }, (done) => progress.push(done));
    same(outcomes);
    assert.ok(cache.helped > 0, 'the worker parsed some');
    // Progress only grows, and ends with every file.
    assert.deepEqual(progress, [...progress].sort((x, y) => x - y));
    assert.equal(progress.at(-1), paths.length);
    // Results of a batch the worker went on to before this thread finished the one before are kept.
    const helper = ParseHelper.start()!;
    try {
      assert.ok(helper.waitUntilReady(30_000));
      const first = helper.begin(jobs.slice(0, 60));
      const second = helper.begin(jobs.slice(60, 120));
      // The worker parses both batches whole (slot 1 of the control array: results it has posted)
      // before this thread asks for the first.
      const control = second.control!;
      for (let waited = 0; Atomics.load(control, 1) < 60 && waited < 300; waited++) Atomics.wait(control, 1, Atomics.load(control, 1), 100);
      const results = [...helper.finish(first), ...helper.finish(second)];
      results.forEach((result, i) => assert.deepEqual(plain(result), plain(parseJob(jobs[i]!)), jobs[i]!.path));
      assert.equal(helper.helped, 120, 'the worker parsed both batches, and its results of the second were kept');
    } finally {
      helper.close();
    }
  });

  test('with too few misses, parses on this thread alone', () => {
    const cache = new ParseCache(join(a.root, 'one-thread-cache'));
    same(cache.parseFiles(paths, {}, { helperFrom: paths.length + 1 }));
    assert.equal(cache.misses, paths.length - 1);
    assert.equal(cache.helped, 0);
  });

  test('a thread started early lowers the bar to EARLY_HELPER_FROM misses, and is stopped when the list does not need it', () => {
    // More misses than EARLY_HELPER_FROM, fewer than HELPER_FROM.
    const many = Array.from({ length: EARLY_HELPER_FROM + 100 }, (_, i) => {
      const job = fixtures[i % fixtures.length]!;
      const path = join(a.root, 'many', job.path.split('/').pop()!.replace(/\.txt$/, `-${i}.txt`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, job.bytes);
      return path;
    });
    assert.ok(many.length < HELPER_FROM);
    const alone = new ParseCache(join(a.root, 'many-alone-cache'));
    alone.parseFiles(many);
    assert.equal(alone.helped, 0, 'no early thread: one thread');

    startHelperThreadEarly();
    // As in a build, where it loads while the build loads its own modules.
    assert.ok(waitForEarlyHelperThread(30_000));
    const dir = join(a.root, 'many-early-cache');
    const early = new ParseCache(dir);
    const outcomes = early.parseFiles(many);
    assert.ok(early.helped > 0, 'the early thread parsed some');
    assert.equal(hasEarlyHelperThread(), false);
    outcomes.forEach((o, i) => assert.deepEqual(!(o instanceof Error) && o.record, new ParseCache(undefined).parseFile(many[i]!).record));
    early.flush();

    // Every file cached: the early thread is not needed, and is stopped.
    startHelperThreadEarly();
    const warm = new ParseCache(dir);
    warm.parseFiles(many);
    assert.equal(warm.misses, 0);
    assert.equal(warm.helped, 0);
    assert.equal(hasEarlyHelperThread(), false, 'stopped');
  });
});
