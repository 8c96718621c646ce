// The build's search stage: a shadow copy of the bulletin pages written as index tokens, one
// Pagefind index per year (or per part of a big year), and the small files the search page reads.
// Everything is written into the site folder being built, so a failure here fails the build
// before the new site replaces the old one.
import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants as fsConstants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, availableParallelism, freemem, platform, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { writeFileFresh } from '../fs/atomic-write.ts';
import { toSimplifiedAligned } from '../parser/script.ts';
import { byYear } from '../archive/calendar.ts';
import type { Archive, BulletinEntry } from '../archive/model.ts';
import { env } from '../config.ts';
import { decodePagefind } from './pagefind-format.ts';
import type { SearchKind, SearchOfficial, SearchIndexFile, ShardCatalog, ShardInfo } from './search-files.ts';
import { indexText } from './text-rules.ts';

export type { SearchIndexFile, ShardCatalog, ShardInfo } from './search-files.ts';

/** Bumped when the files the search page reads change shape. */
export const SEARCH_FORMAT = 2;

export interface SearchIndexOptions {
  archive: Archive;
  /** The site folder being built; search files go to pagefind/, search/ and assets/ below it. */
  siteDir: string;
  /** Most pages in one index: memory grows with it (about 0.9 GB at 1,000). */
  shardSize?: number;
  /** Indexes built at the same time; default 2 when there are 2 cores and 4 GB free, else 1. */
  jobs?: number | JobLimit;
  /** Stops the stage: Pagefind runs are killed and the promise rejects. */
  signal?: AbortSignal;
  /** Called as each shard is done (for progress). */
  onShard?: (done: number, total: number) => void;
  /**
   * The previous site's bundles: a shard whose hash (shardHash) is the one the previous build saved
   * is copied from there instead of indexed again, when the previous catalog lists exactly its pages.
   */
  reuse?: {
    previousSiteDir: string;
    /** Shard name → shardHash, as the previous build's SearchIndexResult gave them. */
    shards: Record<string, string>;
    /**
     * The reused bundles stay where they are, in the previous site (src/build/build.ts, inPlace);
     * the build copies them over if it swaps the whole folder after all.
     */
    inPlace?: boolean;
  };
}

export interface SearchIndexResult {
  shards: ShardInfo[];
  /** Shard name → shardHash: what the next build compares to reuse a bundle. */
  hashes: Record<string, string>;
  /** Shards copied from the previous site instead of indexed again (subset builds). */
  reused: string[];
  seconds: number;
}

/** What the build reads of a Pagefind bundle's pf_meta. */
export interface BundleMeta {
  /** In Pagefind's order (a page's number is its place here): the page id and its length in tokens. */
  pages: Array<{ id: string; words: number }>;
  /** The index chunks in word order: [first word, file name under index/ without .pf_index]. */
  chunks: Array<[string, string]>;
  /** Page numbers in the order of the pages' sort key `n` (shadowPage's row), when the pages have one. */
  rows?: number[];
}

/** The Pagefind binary with Chinese support, as the pagefind package would find it. */
export function pagefindBinary(): string {
  if (env.pagefindBinary) return env.pagefindBinary;
  const require = createRequire(import.meta.url);
  const os = platform() === 'win32' ? 'windows' : platform();
  return require.resolve(`@pagefind/${os}-${arch()}/bin/pagefind_extended${os === 'windows' ? '.exe' : ''}`);
}

/** Toneless pinyin of a name, surnames read as surnames: 单 → shan. Letters only. */
function pinyinForms(key: string): string[] {
  const withV = pinyin(key, { toneType: 'none', type: 'array', v: true, mode: 'surname' }).join('').toLowerCase();
  const forms = [withV.replace(/[^a-z]/g, ''), withV.replace(/v/g, 'u').replace(/[^a-z]/g, '')];
  return [...new Set(forms.filter(Boolean))];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The shadow page Pagefind indexes in place of a bulletin's page: its title and text as tokens.
 * `row` is its place in the shard, given as the sort key `n`: the bundle's pf_meta then lists the
 * pages in row order (BundleMeta.rows), so the build never reads a fragment back.
 */
export function shadowPage(entry: Pick<BulletinEntry, 'title' | 'record'>, row: number): string {
  const tokens = (text: string) => escapeHtml(indexText(text, toSimplifiedAligned));
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>-</title></head><body><main data-pagefind-body data-pagefind-sort="n:${String(row).padStart(7, '0')}">\n<h1>${tokens(entry.title)}</h1>\n<p>${tokens(entry.record.text)}</p>\n</main></body></html>\n`;
}

/** The Traditional → Simplified table the search page folds queries with: pairs of BMP characters. */
export function simplifiedPairs(): string {
  // Made once per process (0.12 s, on every rebuild of a running dev server otherwise).
  pairsMemo ??= buildPairs();
  return pairsMemo;
}

let pairsMemo: string | undefined;

function buildPairs(): string {
  let pairs = '';
  // The same ranges as toSimplifiedAligned converts.
  for (const [lo, hi] of [[0x3400, 0x9fff], [0xf900, 0xfaff]] as const) {
    for (let code = lo; code <= hi; code++) {
      const ch = String.fromCharCode(code);
      const simplified = toSimplifiedAligned(ch);
      if (simplified !== ch) pairs += ch + simplified;
    }
  }
  return pairs;
}

/** The bulletins of one Pagefind index. */
export interface Shard {
  name: string;
  year: number;
  /** Newest first. */
  entries: BulletinEntry[];
}

/** Splits the bulletins into shards: one per year, a year cut into equal parts above `size`. */
export function planShards(bulletins: BulletinEntry[], size: number): Shard[] {
  const shards: Shard[] = [];
  for (const [year, entries] of [...byYear(bulletins)].reverse()) {
    const sorted = [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1));
    const parts = Math.ceil(sorted.length / size);
    const per = Math.ceil(sorted.length / parts);
    for (let p = 0; p < parts; p++) {
      shards.push({ name: p === 0 ? String(year) : `${year}-${p + 1}`, year, entries: sorted.slice(p * per, (p + 1) * per) });
    }
  }
  return shards;
}

/** What a shard's Pagefind index is made from: its pages' URLs, titles and texts, in order. */
export function shardHash(shard: Shard): string {
  const h = createHash('sha256').update(`${SEARCH_FORMAT}\0${shard.name}`);
  for (const e of shard.entries) h.update('\0').update(e.url).update('\0').update(e.title).update('\0').update(e.record.text);
  return h.digest('base64url').slice(0, 22);
}

/**
 * Pagefind runs in a small process of their own (src/search/pagefind-runner.ts), at most
 * `limit.value` at a time: the runs go on while this thread is busy (Eleventy renders on it for
 * tens of seconds without a break), and starting each run, and deleting its files, forks that
 * small process rather than this one. run() resolves with the run's seconds once its bundle is in place.
 */
class PagefindRunner {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { done: (seconds: number) => void; fail: (error: Error) => void }>();
  private readonly exited: Promise<void>;
  private next = 0;

  constructor(limit: JobLimit) {
    this.child = fork(fileURLToPath(new URL('./pagefind-runner.js', import.meta.url)), ['pagefind-runner', pagefindBinary(), String(limit.value)], {
      // None of this process's Node flags (the build's heap sizes): the runner is a small process.
      execArgv: [],
      // Smaller index chunks: a query fetches less (measured in docs/search.md).
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: env.pagefindChunkSize },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    limit.onChange(() => this.send({ type: 'jobs', value: limit.value }));
    this.child.on('message', (m: { type: 'done'; id: number; seconds: number } | { type: 'failed'; id: number; message: string }) => {
      const waiting = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.type === 'done') waiting?.done(m.seconds);
      else waiting?.fail(new Error(m.message));
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.failAll(new Error(`the Pagefind runner stopped (${signal ?? `exit ${code}`})`));
        resolve();
      });
      this.child.on('error', (error) => {
        this.failAll(error);
        // A process that never started has no exit to wait for.
        if (this.child.pid === undefined) resolve();
      });
    });
  }

  /** Indexes `site` into `scratch`, copies what the search page reads into `bundle`, and deletes `site` and `scratch`. */
  run(task: { site: string; scratch: string; bundle: string }): Promise<number> {
    const id = this.next++;
    return new Promise((done, fail) => {
      this.waiting.set(id, { done, fail });
      this.send({ type: 'run', id, ...task });
    });
  }

  /** Kills the runs under way and drops the queue; each of their promises rejects. */
  abort(): void {
    this.send({ type: 'abort' });
  }

  /** Ends the runner process (it kills any run still going) and waits for it to exit. */
  async close(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    await this.exited;
  }

  private send(message: object): void {
    // A runner that has gone already failed every run it had (the exit handler).
    if (this.child.connected) this.child.send(message);
    else this.failAll(new Error('the Pagefind runner stopped'));
  }

  private failAll(error: Error): void {
    for (const { fail } of this.waiting.values()) fail(error);
    this.waiting.clear();
  }
}

/** Where the search stage's scratch files go: /dev/shm (memory) when it is there to write in, else the temp folder. */
function scratchDir(): string {
  try {
    accessSync('/dev/shm', fsConstants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** How many Pagefind runs may go at once; may change while the stage runs (see src/build/build.ts). */
export class JobLimit {
  private readonly listeners: Array<() => void> = [];
  constructor(private current: number) {}
  get value(): number {
    return this.current;
  }
  set(value: number): void {
    this.current = value;
    for (const listener of this.listeners) listener();
  }
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/** Reads a bundle's pf_meta (Pagefind 1.6: [version, pages [[id, tokens, …]], chunks [[from, to, file]], filters, sorts [[key, pages]], …]). */
export function readBundleMeta(bundle: string): BundleMeta {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new Error(`${bundle}: one language expected, found ${Object.keys(entry.languages).join(', ') || 'none'}`);
  const file = join(bundle, `pagefind.${languages[0]!.hash}.pf_meta`);
  const meta = decodePagefind(gunzipSync(readFileSync(file))) as unknown[];
  const [, pages, chunks, , sorts] = meta as [string, Array<[string, number]>, Array<[string, string, string]>, unknown, Array<[string, number[]]>];
  const ok = Array.isArray(pages) && Array.isArray(chunks) && pages.every((p) => typeof p[0] === 'string' && typeof p[1] === 'number')
    && chunks.every((c) => typeof c[0] === 'string' && typeof c[2] === 'string') && Array.isArray(sorts);
  if (!ok) throw new Error(`${file}: not a pf_meta file of Pagefind 1.6`);
  const rows = sorts.find(([key]) => key === 'n')?.[1];
  return { pages: pages.map(([id, words]) => ({ id, words })), chunks: chunks.map(([from, , name]) => [from, name]), rows };
}

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The catalog of a shard, from its bulletins, their Pagefind ids by URL and the bundle's pf_meta. */
export function shardCatalog(shard: Shard, ids: Map<string, string>, meta: BundleMeta, officialIndex: Map<string, number>, kindIndex: Map<string, number>): ShardCatalog {
  const pageOf = new Map(meta.pages.map((p, i) => [p.id, i]));
  const numbers = shard.entries.map((e) => {
    const page = pageOf.get(ids.get(e.url) ?? '');
    if (page === undefined) throw new Error(`Pagefind did not index ${e.url} (shard ${shard.name})`);
    return page;
  });
  if (meta.pages.length !== numbers.length) throw new Error(`Pagefind indexed ${meta.pages.length} pages for the ${numbers.length} bulletins of shard ${shard.name}`);
  const days = shard.entries.map((e) => dayNumber(e.date));
  return {
    name: shard.name,
    chunkWords: meta.chunks.map(([word]) => word).join(' '),
    chunkFiles: meta.chunks.map(([, file]) => file).join(' '),
    pages: numbers,
    days: days.map((d, i) => (i === 0 ? d : days[i - 1]! - d)),
    // In ascending order, which compresses better.
    officials: shard.entries.map((e) => [...new Set(e.officials.map((o) => officialIndex.get(o.person.slug)!))].sort((a, b) => a - b)),
    kinds: shard.entries.map((e) => [...new Set(e.meetings.flatMap((m) => m.kinds.map((k) => kindIndex.get(k.slug)!)))].sort((a, b) => a - b)),
    lengths: numbers.map((n) => String.fromCharCode(48 + Math.round(3 * Math.log2(Math.max(1, meta.pages[n]!.words))))).join(''),
  };
}

/**
 * The Pagefind ids of a shard the previous site already indexed, by URL, and its bundle's pf_meta,
 * when the previous build saved the same shardHash and the previous site's catalog lists exactly
 * the shard's pages; else undefined.
 */
function reusable(reuse: NonNullable<SearchIndexOptions['reuse']>, shard: Shard, hash: string): { ids: Map<string, string>; meta: BundleMeta } | undefined {
  if (reuse.shards[shard.name] !== hash) return undefined;
  const bundle = join(reuse.previousSiteDir, 'pagefind', shard.name);
  const file = (suffix: string) => join(reuse.previousSiteDir, 'search', `${shard.name}${suffix}`);
  if (!existsSync(bundle) || !existsSync(file('.json')) || !existsSync(file('.urls.json'))) return undefined;
  try {
    const urls = JSON.parse(readFileSync(file('.urls.json'), 'utf8')) as string[];
    const catalog = JSON.parse(readFileSync(file('.json'), 'utf8')) as ShardCatalog;
    const same = Array.isArray(catalog.pages) && catalog.pages.length === urls.length
      && urls.length === shard.entries.length && shard.entries.every((e, i) => e.url === urls[i]);
    if (!same) return undefined;
    const meta = readBundleMeta(bundle);
    return { ids: new Map(urls.map((url, i) => [url, meta.pages[catalog.pages[i]!]!.id])), meta };
  } catch {
    return undefined;
  }
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism(), Math.floor(freemem() / 2e9)));
}

/** Builds the search indexes and files into `siteDir`. Throws if Pagefind fails. */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const siteDir = resolve(options.siteDir);
  const { archive } = options;
  const shards = planShards(archive.bulletins, options.shardSize ?? 1000);
  const hashes = Object.fromEntries(shards.map((shard) => [shard.name, shardHash(shard)]));

  const officials: SearchOfficial[] = archive.people.map((p) => ({
    slug: p.slug, names: p.name, label: p.label, keys: p.keys, pinyin: [...new Set(p.keys.flatMap(pinyinForms))],
  }));
  const officialIndex = new Map(archive.people.map((p, i) => [p.slug, i]));
  const kinds: SearchKind[] = archive.kinds.map((k) => ({ slug: k.slug, names: k.name }));
  const kindIndex = new Map(archive.kinds.map((k, i) => [k.slug, i]));

  // Every file of the stage is written anew (unlinked first): when the folder being built shares
  // files with the previous site through hard links, writing in place would change that site too.
  rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
  const reused = new Map(shards.flatMap((shard) => {
    const found = options.reuse && reusable(options.reuse, shard, hashes[shard.name]!);
    return found ? [[shard.name, found] as const] : [];
  }));
  const shadow = mkdtempSync(join(scratchDir(), 'archive-search-'));
  try {
    mkdirSync(join(siteDir, 'search'), { recursive: true });
    let shardsDone = 0;
    const finished = new Map<string, Promise<ShardInfo>>();
    const finish = (shard: Shard, ids: Map<string, string>, meta: BundleMeta, seconds: number): ShardInfo => {
      const catalog = shardCatalog(shard, ids, meta, officialIndex, kindIndex);
      writeFileFresh(join(siteDir, 'search', `${shard.name}.json`), JSON.stringify(catalog));
      writeFileFresh(join(siteDir, 'search', `${shard.name}.urls.json`), JSON.stringify(shard.entries.map((e) => e.url)));
      options.onShard?.(++shardsDone, shards.length);
      return {
        name: shard.name, year: shard.year, count: shard.entries.length,
        first: shard.entries.at(-1)!.date, last: shard.entries[0]!.date, seconds,
      };
    };
    // Pagefind runs, `jobs` at a time, from the runner process. Each shard's shadow pages (one flat
    // folder: 0.html …) are written here, all of them before this returns (the render waits for
    // this thread), and handed to the runner one shard at a time, so the first run starts at
    // once. The pages and Pagefind's whole output go to a scratch folder in memory when there is
    // one (/dev/shm): 20,000 small files at 10,000 bulletins that never need a disk, most of them
    // deleted at once. Only what the search page reads is copied into the site.
    const limit = options.jobs instanceof JobLimit ? options.jobs : new JobLimit(options.jobs ?? defaultJobs());
    const runner = new PagefindRunner(limit);
    const stop = () => runner.abort();
    options.signal?.addEventListener('abort', stop);
    try {
      for (const shard of shards.filter((s) => !reused.has(s.name))) {
        if (options.signal?.aborted) break;
        const site = join(shadow, shard.name);
        const bundle = join(siteDir, 'pagefind', shard.name);
        mkdirSync(site);
        shard.entries.forEach((e, n) => writeFileSync(join(site, `${n}.html`), shadowPage(e, n)));
        const scratch = join(shadow, `${shard.name}.bundle`);
        const indexed = runner.run({ site, scratch, bundle }).then((seconds) => {
          const meta = readBundleMeta(bundle);
          const { pages, rows } = meta;
          if (rows?.length !== shard.entries.length) throw new Error(`Pagefind sorted ${rows?.length ?? 0} pages by row for the ${shard.entries.length} bulletins of shard ${shard.name}`);
          return finish(shard, new Map(shard.entries.map((e, n) => [e.url, pages[rows[n]!]!.id])), meta, seconds);
        });
        // The first failure stops the other runs; the stage rejects with it below.
        indexed.catch(stop);
        finished.set(shard.name, indexed);
      }
      // The reused shards' bundles and catalogs once the runs are under way.
      for (const shard of shards) {
        const found = reused.get(shard.name);
        if (!found) continue;
        const reuse = options.reuse!;
        const done = (async () => {
          // Copied, not linked: nothing here may share a file with the live site.
          if (!reuse.inPlace) cpSync(join(reuse.previousSiteDir, 'pagefind', shard.name), join(siteDir, 'pagefind', shard.name), { recursive: true });
          return finish(shard, found.ids, found.meta, 0);
        })();
        done.catch(stop);
        finished.set(shard.name, done);
      }
    } catch (error) {
      stop();
      throw error;
    } finally {
      // Nothing of the stage may still be writing when it returns or throws (a failed build
      // removes the folder next).
      await Promise.allSettled(finished.values());
      options.signal?.removeEventListener('abort', stop);
      await runner.close();
    }
    if (options.signal?.aborted) throw options.signal.reason;
    const infos = await Promise.all(shards.map((shard) => finished.get(shard.name)!));

    const index: SearchIndexFile = {
      format: SEARCH_FORMAT,
      shards: infos.map(({ seconds: _, ...info }) => info),
      officials,
      kinds,
    };
    writeFileFresh(join(siteDir, 'search', 'index.json'), JSON.stringify(index));
    writeFileFresh(join(siteDir, 'search', 't2s.json'), JSON.stringify(simplifiedPairs()));
    return { shards: infos, hashes, reused: [...reused.keys()], seconds: (performance.now() - started) / 1000 };
  } finally {
    // Each run's files were removed as it ended: what is left is the folder, or a failed build's runs.
    rmSync(shadow, { recursive: true, force: true });
  }
}
