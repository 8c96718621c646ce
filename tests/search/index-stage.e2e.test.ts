// The build's search stage: shards per year, shadow pages, the files the search page reads (every
// index chunk read as the page reads it, against the bulletins' tokens), a failed Pagefind run
// that leaves the previous site exactly as it was, and the Pagefind runner process, which must not
// outlive a build that dies.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { toSimplifiedAligned } from '../../src/parser/script.ts';
import type { SearchIndexFile, ShardCatalog } from '../../src/search/search-files.ts';
import { planShards, shadowPage } from '../../src/search/shards.ts';
import { chunksHolding, pagefindChunk, pagefindWord } from '../../src/search/pagefind-format.ts';
import { indexText } from '../../src/search/text-rules.ts';
import { type BulletinEntry } from '../../src/archive/model.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { buildFixtureSite, cleanUp, CODE_ROOT, listFiles, ROOT, SEED_URL, tempDir } from '../helpers/site.ts';

let root: string;
let content: string;
let out: string;
const json = <T>(path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as T;

before(() => ({ root, content, out } = buildFixtureSite('search-index')), { timeout: 180_000 });
after(() => cleanUp(root));

const fake = (date: string, n: number) => ({ date, url: `/${date.replaceAll('-', '/')}/b${n}/` }) as BulletinEntry;

describe('planShards', () => {
  test('one shard per year, newest first, rows newest first', async () => {
    const shards = planShards([fake('2021-03-05', 1), fake('2023-01-02', 2), fake('2021-12-30', 3)], 1000);
    assert.deepEqual(shards.map((s) => [s.name, s.entries.map((e) => e.date)]), [
      ['2023', ['2023-01-02']],
      ['2021', ['2021-12-30', '2021-03-05']],
    ]);
  });

  test('a year above the shard size is cut into equal parts', async () => {
    const year = Array.from({ length: 5 }, (_, i) => fake(`2022-0${i + 1}-01`, i));
    const shards = planShards(year, 2);
    assert.deepEqual(shards.map((s) => [s.name, s.year, s.entries.length]), [['2022', 2022, 2], ['2022-2', 2022, 2], ['2022-3', 2022, 1]]);
    assert.equal(shards[0]!.entries[0]!.date, '2022-05-01');
  });
});

describe('the shadow page', () => {
  test('holds the title and text as Simplified tokens, escaped, and nothing else', async () => {
    const page = shadowPage({ title: '<b>廖海軍</b>主持會議', record: { text: '要深化對臺交流。COVID-19' } } as BulletinEntry, 12);
    assert.match(page, /<main data-pagefind-body data-pagefind-sort="n:0000012">/);
    assert.match(page, /<h1>b 廖海 海军 b 主持 持会 会议<\/h1>/);
    assert.match(page, /<p>要深 深化 化对 对台 台交 交流 covid 19<\/p>/);
    assert.doesNotMatch(page, /<b>/);
  });
});

describe('the built site', () => {
  test('has one Pagefind index per year and a catalog of each', async () => {
    const index = json<SearchIndexFile>('search/index.json');
    assert.deepEqual(index.shards.map((s) => s.name), ['2023', '2022', '2021']);
    const byUrl = new Map((await loadArchive({ contentDir: content })).bulletins.map((e) => [e.url, e]));
    for (const shard of index.shards) {
      assert.ok(existsSync(join(out, 'pagefind', shard.name, 'pagefind-entry.json')), shard.name);
      const catalog = json<ShardCatalog>(`search/${shard.name}.json`);
      const urls = json<string[]>(`search/${shard.name}.urls.json`);
      for (const list of [catalog.pages, catalog.days, catalog.officials, catalog.kinds, urls, [...catalog.lengths]]) assert.equal(list.length, shard.count);
      assert.deepEqual([...catalog.pages].sort((a, b) => a - b), catalog.pages.map((_, i) => i), 'one Pagefind page per bulletin');
      let day = 0;
      urls.forEach((url, i) => {
        assert.ok(existsSync(join(out, url, 'index.html')), url);
        day = i === 0 ? catalog.days[0]! : day - catalog.days[i]!;
        assert.ok(i === 0 || catalog.days[i]! >= 0, 'newest first');
        const e = byUrl.get(url)!;
        assert.equal(new Date(day * 86_400_000).toISOString().slice(0, 10), e.date, url);
        assert.deepEqual(new Set(catalog.kinds[i]!.map((k) => index.kinds[k]!.slug)), new Set(e.meetings.flatMap((m) => m.kinds.map((k) => k.slug))));
        assert.deepEqual(new Set(catalog.officials[i]!.map((o) => index.officials[o]!.slug)), new Set(e.officials.map((o) => o.person.slug)));
      });
      assert.ok(urls.every((u, i) => i === 0 || byUrl.get(urls[i - 1]!)!.date >= byUrl.get(u)!.date));
      assert.ok(catalog.chunkFiles.split(' ').every((f) => existsSync(join(out, 'pagefind', shard.name, 'index', `${f}.pf_index`))));
    }
    // Only what the search page loads is published: no stock UI, no fragments.
    const files = readdirSync(join(out, 'pagefind/2022')).filter((f) => !/^(index|filter)$/.test(f)).map((f) => f.replace(/_[0-9a-f]+\.pf_meta$/, '_HASH.pf_meta')).sort();
    assert.deepEqual(files, ['pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', 'pagefind.und_HASH.pf_meta', 'wasm.unknown.pagefind']);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/2022/pagefind-entry.json'), 'utf8'));
    assert.deepEqual(Object.keys(entry.languages), ['und'], 'indexed as und: no stemming, no word segmentation');
  });

  test('officials carry their pinyin and slug; the seed row names its officials and kinds', async () => {
    const index = json<SearchIndexFile>('search/index.json');
    const liao = index.officials.find((o) => o.slug === 'liao-hai-jun')!;
    assert.deepEqual(liao.pinyin, ['liaohaijun']);
    assert.deepEqual(liao.keys, ['廖海军']);
    assert.deepEqual(liao.names, { Hant: '廖海軍', Hans: '廖海军' });
    const catalog = json<ShardCatalog>('search/2022.json');
    const seed = json<string[]>('search/2022.urls.json').indexOf(SEED_URL);
    assert.deepEqual(catalog.officials[seed]!.map((i) => index.officials[i]!.slug).sort(), ['liao-hai-jun', 'xi-jin-ping']);
    assert.ok(catalog.kinds[seed]!.map((i) => index.kinds[i]!.slug).includes('chang-wu-hui-yi'));
  });

  test('every index chunk, read as the search page reads it, holds each bulletin\'s tokens where they are', async () => {
    const index = json<SearchIndexFile>('search/index.json');
    const byUrl = new Map((await loadArchive({ contentDir: content })).bulletins.map((e) => [e.url, e]));
    let checked = 0;
    for (const shard of index.shards) {
      const catalog = json<ShardCatalog>(`search/${shard.name}.json`);
      const urls = json<string[]>(`search/${shard.name}.urls.json`);
      const starts = catalog.chunkWords.split(' ');
      const files = catalog.chunkFiles.split(' ');
      const chunks = files.map((f) => pagefindChunk(gunzipSync(readFileSync(join(out, 'pagefind', shard.name, 'index', `${f}.pf_index`)))));
      // What the chunks say, by page: word → positions (with weights).
      const found = new Map<number, Map<string, string[]>>();
      const all = chunks.flatMap((chunk) => chunk.words());
      chunks.forEach((chunk, c) => {
        for (const word of chunk.words()) {
          assert.deepEqual(chunksHolding(starts, word, false), [c], `${word} is looked up in the chunk that holds it`);
          // A prefix search (one Han character) looks in every chunk with a word starting with it.
          const first = [...word][0]!;
          const looked = chunksHolding(starts, first, true).flatMap((i) => chunks[i]!.words()).filter((w) => w.startsWith(first));
          assert.deepEqual(looked, all.filter((w) => w.startsWith(first)), first);
          for (const { page, positions, weights } of chunk.postings(word)) {
            const words = found.get(page) ?? new Map<string, string[]>();
            words.set(word, positions.map((p, i) => `${p}@${weights[i]}`).sort());
            found.set(page, words);
          }
        }
      });
      // What each bulletin's tokens say: the title first (a heading, weighing more), then the text.
      catalog.pages.forEach((page, row) => {
        const e = byUrl.get(urls[row]!)!;
        const title = indexText(e.title, toSimplifiedAligned).split(' ').filter(Boolean);
        const text = indexText(e.record.text, toSimplifiedAligned).split(' ').filter(Boolean);
        const titleWeight = found.get(page)!.get(pagefindWord(title[0]!))!.find((p) => p.startsWith('0@'))!.split('@')[1];
        assert.ok(Number(titleWeight) > 24, 'the title weighs more than the text');
        const want = new Map<string, string[]>();
        [...title, ...text].forEach((token, i) => {
          const word = pagefindWord(token);
          want.set(word, [...(want.get(word) ?? []), `${i}@${i < title.length ? titleWeight : 24}`]);
        });
        for (const list of want.values()) list.sort();
        assert.deepEqual(found.get(page), want, urls[row]);
        checked++;
      });
    }
    assert.equal(checked, byUrl.size);
  });

  test('the search page, its script (the query rules bundled in) and the T→S table are published', async () => {
    for (const file of ['search/index.html', 'assets/search.js', 'assets/search.css', 'search/t2s.json']) {
      assert.ok(existsSync(join(out, file)), file);
    }
    // The bundle compiled from src/site/browser/search.ts, with no import left to fetch.
    const script = readFileSync(join(out, 'assets/search.js'), 'utf8');
    assert.equal(script, readFileSync(join(CODE_ROOT, 'src/site/browser/search.js'), 'utf8'));
    assert.doesNotMatch(script, /^import\b/m);
    const pairs = JSON.parse(readFileSync(join(out, 'search/t2s.json'), 'utf8')) as string;
    assert.ok(pairs.includes('臺台') && pairs.includes('軍军'));
  });

  test('the header search box is a GET form to /search/ on every page but the search page', async () => {
    assert.match(readFileSync(join(out, SEED_URL, 'index.html'), 'utf8'), /<form class="site-search" role="search" action="\/search\/" method="get"><input type="search" name="q"/);
    assert.doesNotMatch(readFileSync(join(out, 'search/index.html'), 'utf8'), /class="site-search"/);
  });
});

test('a failed Pagefind run fails the build and leaves the previous site as it was', async () => {
  const snapshot = () => Object.fromEntries(listFiles(out).map((f) => [f, createHash('sha256').update(readFileSync(join(out, f))).digest('hex')]));
  const before = snapshot();
  // --full: a subset build of unchanged content would copy every index and never run Pagefind.
  const result = spawnSync(process.execPath, [join(CODE_ROOT, 'scripts/build.js'), '--content', content, '--out', out, '--full'], {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, PAGEFIND_EXTENDED_BINARY_PATH: '/bin/false' },
  });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /Pagefind failed/);
  assert.match(result.stderr, /was left as it was/);
  assert.deepEqual(snapshot(), before);
  assert.deepEqual(readdirSync(join(out, '..')).filter((f) => f.includes('.build-') || f.includes('.old-')), []);
});

/** A process that is gone, or a zombie waiting for a parent that does not reap it. */
function isGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

test('when the build process dies, the Pagefind runner stops its runs and exits', async () => {
  const dir = tempDir('runner-orphan');
  // A Pagefind that never ends: it notes its pid, its parent's pid and its --site, then sleeps.
  const fakePagefind = join(dir, 'pagefind.sh');
  const started = join(dir, 'started');
  writeFileSync(fakePagefind, `#!/bin/sh\necho "$$ $PPID $2" > "${started}.tmp" && mv "${started}.tmp" "${started}"\nexec sleep 300\n`);
  chmodSync(fakePagefind, 0o755);
  const build = spawn(process.execPath, [join(CODE_ROOT, 'scripts/build.js'), '--content', content, '--out', join(dir, 'site'), '--quiet'], {
    cwd: ROOT, stdio: 'ignore', env: { ...process.env, PAGEFIND_EXTENDED_BINARY_PATH: fakePagefind },
  });
  let pids: number[] = [];
  let shadow: string | undefined;
  try {
    for (let waited = 0; !existsSync(started); waited += 100) {
      assert.ok(waited < 120_000 && build.exitCode === null, 'the build started no Pagefind run');
      await sleep(100);
    }
    const [run, runner, site] = readFileSync(started, 'utf8').trim().split(' ');
    pids = [Number(run), Number(runner)];
    shadow = dirname(site!);
    assert.match(readFileSync(`/proc/${runner}/cmdline`, 'utf8'), /pagefind-runner\.js\0pagefind-runner\0/);
    build.kill('SIGKILL');
    for (let waited = 0; !pids.every(isGone); waited += 100) {
      assert.ok(waited < 10_000, `still running 10 s after the build died: ${pids.filter((p) => !isGone(p)).join(', ')}`);
      await sleep(100);
    }
  } finally {
    build.kill('SIGKILL');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch { /* gone */ }
    }
    // The dead build's shadow pages (its own cleanup never ran).
    if (shadow?.includes('archive-search-')) rmSync(shadow, { recursive: true, force: true });
    cleanUp(dir);
  }
});
