// The build's search stage: a shadow copy of the bulletin pages written as index tokens, one
// Pagefind index per year (or per part of a big year), and the small files the search page reads.
// Everything is written into the site folder being built, so a failure here fails the build
// before the new site replaces the old one.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, availableParallelism, freemem, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { toSimplifiedAligned } from '../parser/script.ts';
import type { Archive, BulletinEntry } from '../site/archive.ts';
import { indexText } from './query.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Bumped when the files the search page reads change shape. */
export const SEARCH_FORMAT = 1;

export interface SearchIndexOptions {
  archive: Archive;
  /** The site folder being built; search files go to pagefind/, search/ and assets/ below it. */
  siteDir: string;
  /** Most pages in one index: memory grows with it (about 0.9 GB at 1,000). */
  shardSize?: number;
  /** Indexes built at the same time; default 2 when there are 2 cores and 4 GB free, else 1. */
  jobs?: number;
  /**
   * A subset build: shards of years not in `changedYears` are copied from the previous site's
   * bundle instead of indexed again, when that bundle indexed exactly the same pages.
   */
  reuse?: { previousSiteDir: string; changedYears: number[] };
}

/** One Pagefind index: a year, or part of a year with more than shardSize bulletins. */
export interface ShardInfo {
  /** Folder name under pagefind/ and file name under search/: 2022, or 2022-2 for a year's second part. */
  name: string;
  year: number;
  /** First and last date in the shard, YYYY-MM-DD. */
  first: string;
  last: string;
  count: number;
  /** Seconds the Pagefind run took. */
  seconds: number;
}

export interface SearchIndexResult {
  shards: ShardInfo[];
  /** Shards copied from the previous site instead of indexed again (subset builds). */
  reused: string[];
  seconds: number;
}

/** An official as the search page knows them. */
export interface SearchOfficial {
  slug: string;
  names: Record<'Hant' | 'Hans', string>;
  /** What tells namesakes apart (長樂區), else "". */
  label: string;
  /** Simplified names that count as this person in a query spelt in pinyin. */
  keys: string[];
  /** Toneless pinyin, letters only: liaohaijun (and lu for lü). */
  pinyin: string[];
}

export interface SearchKind {
  slug: string;
  names: Record<'Hant' | 'Hans', string>;
}

/** /search/index.json: what the search page loads first. */
export interface SearchIndexFile {
  format: number;
  /** Newest first. */
  shards: Array<Omit<ShardInfo, 'seconds'>>;
  officials: SearchOfficial[];
  kinds: SearchKind[];
}

/** /search/<shard>.json: one row per bulletin of the shard, newest first. */
export interface ShardCatalog {
  name: string;
  /** [Pagefind page id, URL path, date, officials (indexes into officials), kinds (indexes into kinds)] */
  rows: Array<[string, string, string, number[], number[]]>;
}

/** The Pagefind binary with Chinese support, as the pagefind package would find it. */
export function pagefindBinary(): string {
  if (process.env.PAGEFIND_EXTENDED_BINARY_PATH) return process.env.PAGEFIND_EXTENDED_BINARY_PATH;
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

/** The shadow page Pagefind indexes in place of a bulletin's page: its title and text as tokens. */
export function shadowPage(entry: Pick<BulletinEntry, 'title' | 'record'>): string {
  const tokens = (text: string) => escapeHtml(indexText(text, toSimplifiedAligned));
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>-</title></head><body><main data-pagefind-body>\n<h1>${tokens(entry.title)}</h1>\n<p>${tokens(entry.record.text)}</p>\n</main></body></html>\n`;
}

/** The Traditional → Simplified table the search page folds queries with: pairs of BMP characters. */
export function simplifiedPairs(): string {
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

/** Splits the bulletins into shards: one per year, a year cut into equal parts above `size`. */
export function planShards(bulletins: BulletinEntry[], size: number): Array<{ name: string; year: number; entries: BulletinEntry[] }> {
  const byYear = new Map<number, BulletinEntry[]>();
  for (const e of bulletins) {
    const year = Number(e.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), e]);
  }
  const shards: Array<{ name: string; year: number; entries: BulletinEntry[] }> = [];
  for (const [year, entries] of [...byYear].sort((a, b) => b[0] - a[0])) {
    const sorted = [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1));
    const parts = Math.ceil(sorted.length / size);
    const per = Math.ceil(sorted.length / parts);
    for (let p = 0; p < parts; p++) {
      shards.push({ name: p === 0 ? String(year) : `${year}-${p + 1}`, year, entries: sorted.slice(p * per, (p + 1) * per) });
    }
  }
  return shards;
}

/** Runs Pagefind over one shard's shadow pages; resolves with its output, rejects with it on failure. */
function runPagefind(site: string, output: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(pagefindBinary(), ['--site', site, '--output-path', output, '--force-language', 'und', '--quiet'], {
      // Smaller index chunks: a query fetches less (measured in docs/search.md).
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? '4000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done(log);
      else fail(new Error(`Pagefind failed on ${site} (${signal ?? `exit ${code}`}):\n${log.trim().slice(-2000)}`));
    });
  });
}

/** Page id (the fragment's file name) of every URL in a Pagefind bundle. */
export function pageIds(bundle: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(bundle, 'fragment');
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.pf_fragment')) continue;
    const bytes = gunzipSync(readFileSync(join(dir, file)));
    if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') throw new Error(`${join(dir, file)}: not a Pagefind fragment`);
    const fragment = JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string };
    ids.set(fragment.url, file.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}

// Files of a Pagefind bundle the search page never loads: the stock UIs, and the fragments
// (tokenized text; results are shown from record.json). About two thirds of the bundle's bytes.
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Removes what the search page never loads from a bundle, once the page ids have been read. */
function pruneBundle(bundle: string): void {
  rmSync(join(bundle, 'fragment'), { recursive: true, force: true });
  for (const file of readdirSync(bundle)) if (UNUSED.test(file)) rmSync(join(bundle, file));
}

/** Writes a file as a new file: a hard link at the path is replaced, never written through. */
function writeFresh(path: string, data: string | Buffer): void {
  rmSync(path, { force: true });
  writeFileSync(path, data);
}

/** Runs tasks with at most `jobs` at a time, in order; rejects on the first failure. */
async function pool<T>(tasks: Array<() => Promise<T>>, jobs: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < tasks.length) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  return results;
}

/**
 * The Pagefind ids of a shard the previous site already indexed, by URL, when its year did not
 * change and the previous catalog lists exactly the shard's pages; else undefined.
 */
function reusableIds(reuse: NonNullable<SearchIndexOptions['reuse']>, shard: { name: string; year: number; entries: BulletinEntry[] }): Map<string, string> | undefined {
  if (reuse.changedYears.includes(shard.year)) return undefined;
  const catalogFile = join(reuse.previousSiteDir, 'search', `${shard.name}.json`);
  if (!existsSync(catalogFile) || !existsSync(join(reuse.previousSiteDir, 'pagefind', shard.name))) return undefined;
  let catalog: ShardCatalog;
  try {
    catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as ShardCatalog;
  } catch {
    return undefined;
  }
  const ids = new Map(catalog.rows.map(([id, url]) => [url, id]));
  const same = ids.size === shard.entries.length && shard.entries.every((e) => ids.has(e.url));
  return same ? ids : undefined;
}

function defaultJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism(), Math.floor(freemem() / 2e9)));
}

/** Builds the search indexes and files into `siteDir`. Throws if Pagefind fails. */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const siteDir = resolve(options.siteDir);
  const { archive } = options;
  const shards = planShards(archive.bulletins, options.shardSize ?? 1000);

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
    const ids = options.reuse && reusableIds(options.reuse, shard);
    return ids ? [[shard.name, ids] as const] : [];
  }));
  const shadow = mkdtempSync(join(tmpdir(), 'archive-search-'));
  try {
    for (const shard of shards) {
      if (reused.has(shard.name)) continue;
      for (const e of shard.entries) {
        const file = join(shadow, shard.name, e.url, 'index.html');
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, shadowPage(e));
      }
    }
    mkdirSync(join(siteDir, 'search'), { recursive: true });
    const infos = await pool(shards.map((shard) => async (): Promise<ShardInfo> => {
      const t0 = performance.now();
      const bundle = join(siteDir, 'pagefind', shard.name);
      let ids = reused.get(shard.name);
      if (ids) {
        // Copied, not linked: nothing here may share a file with the live site.
        cpSync(join(options.reuse!.previousSiteDir, 'pagefind', shard.name), bundle, { recursive: true });
      } else {
        await runPagefind(join(shadow, shard.name), bundle);
        ids = pageIds(bundle);
        pruneBundle(bundle);
      }
      const rows: ShardCatalog['rows'] = shard.entries.map((e) => {
        const id = ids.get(e.url);
        if (!id) throw new Error(`Pagefind did not index ${e.url} (shard ${shard.name})`);
        const people = [...new Set(e.officials.map((o) => officialIndex.get(o.person.slug)!))];
        const types = [...new Set(e.meetings.flatMap((m) => m.kinds.map((k) => kindIndex.get(k.slug)!)))];
        return [id, e.url, e.date, people, types];
      });
      const catalog: ShardCatalog = { name: shard.name, rows };
      writeFresh(join(siteDir, 'search', `${shard.name}.json`), JSON.stringify(catalog));
      return {
        name: shard.name, year: shard.year, count: rows.length,
        first: shard.entries.at(-1)!.date, last: shard.entries[0]!.date, seconds: (performance.now() - t0) / 1000,
      };
    }), options.jobs ?? defaultJobs());

    const index: SearchIndexFile = {
      format: SEARCH_FORMAT,
      shards: infos.map(({ seconds: _, ...info }) => info),
      officials,
      kinds,
    };
    writeFresh(join(siteDir, 'search', 'index.json'), JSON.stringify(index));
    writeFresh(join(siteDir, 'search', 't2s.json'), JSON.stringify(simplifiedPairs()));
    // The query rules the index was built with, for the search page.
    mkdirSync(join(siteDir, 'assets'), { recursive: true });
    writeFresh(join(siteDir, 'assets', 'search-query.js'), readFileSync(join(HERE, 'query.js')));
    return { shards: infos, reused: [...reused.keys()], seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(shadow, { recursive: true, force: true });
  }
}
