// The search files the page reads, each fetched once: index.json, the Traditional → Simplified pairs,
// each shard's catalog (unpacked into rows), its URLs, its Pagefind index chunks, and the bulletins' record.json.
import { type PagefindChunk, pagefindChunk } from '../../search/pagefind-format.ts';
import type { SearchIndexFile, ShardCatalog } from '../../search/search-files.ts';
import { simplifierFromPairs } from '../../search/text-rules.ts';
import { prefix } from './search-page.ts';

/** A shard as index.json lists it. */
export type ShardInfo = SearchIndexFile['shards'][number];

/**
 * A bulletin as the catalog knows it: `rank` its place in its shard (newest first), `seq` its
 * place in the whole archive, `length` its length in index tokens (about).
 */
export interface Row {
  shard: ShardInfo;
  rank: number;
  seq: number;
  date: string;
  officials: number[];
  kinds: number[];
  length: number;
  score: number;
  url?: string;
}

/** A shard's catalog unpacked (loadCatalog). */
export interface Catalog {
  shard: ShardInfo;
  /** Newest first. */
  rows: Row[];
  /** The row of each Pagefind page number. */
  byPage: Row[];
  /** The first word of each index chunk, and its file. */
  chunkWords: string[];
  chunkFiles: string[];
}

/** What the page shows of a bulletin's record.json. */
export interface RecordJson {
  title: string;
  text: string;
  script: string;
  date: string;
  meetings: Array<{ chairs: string[] }>;
}

const once = new Map<string, Promise<unknown>>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!once.has(key)) once.set(key, load().catch((error: unknown) => { once.delete(key); throw error; }));
  return once.get(key) as Promise<T>;
}
/** A JSON file of the site, fetched with `priority` when it is not loaded yet. */
const getJson = <T>(path: string, priority: RequestPriority = 'auto') => cached<T>(path, async () => {
  const response = await fetch(prefix + path.replace(/^\//, ''), { priority });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json() as Promise<T>;
});
export const loadIndex = () => getJson<SearchIndexFile>('search/index.json');
export const loadSimplifier = () => cached('t2s', async () => simplifierFromPairs(await getJson<string>('search/t2s.json')));

/**
 * A shard's catalog (search/<shard>.json) unpacked: its rows newest first, the row of each
 * Pagefind page number, and the first word of each index chunk. `position` is the shard's place
 * in index.json (newest first).
 */
export const loadCatalog = (shard: ShardInfo, position: number, priority: RequestPriority) => cached<Catalog>(`catalog:${shard.name}`, async () => {
  const c = await getJson<ShardCatalog>(`search/${shard.name}.json`, priority);
  const rows: Row[] = [];
  const byPage: Row[] = [];
  let day = 0;
  for (let rank = 0; rank < c.pages.length; rank++) {
    day = rank === 0 ? c.days[0]! : day - c.days[rank]!;
    const row: Row = {
      shard, rank, seq: position * 1e6 + rank, date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      officials: c.officials[rank]!, kinds: c.kinds[rank]!, length: 2 ** ((c.lengths.charCodeAt(rank) - 48) / 3), score: 0,
    };
    rows.push(row);
    byPage[c.pages[rank]!] = row;
  }
  const split = (list: string) => (list === '' ? [] : list.split(' '));
  return { shard, rows, byPage, chunkWords: split(c.chunkWords), chunkFiles: split(c.chunkFiles) };
});

/** The URLs of a shard's rows (search/<shard>.urls.json), loaded for the results shown. */
const loadUrls = (shard: ShardInfo) => getJson<string[]>(`search/${shard.name}.urls.json`);

export async function urlOf(row: Row): Promise<string> {
  row.url ??= (await loadUrls(row.shard))[row.rank]!;
  return row.url;
}

export const loadRecord = async (row: Row) => getJson<RecordJson>(`${await urlOf(row)}record.json`, 'high');

/** One of a shard's index chunks: its words, each with the pages that hold it and where. */
export const loadChunk = (shard: ShardInfo, file: string, priority: RequestPriority) => cached<PagefindChunk>(`chunk:${shard.name}/${file}`, async () => {
  const response = await fetch(`${prefix}pagefind/${shard.name}/index/${file}.pf_index`, { priority });
  if (!response.ok) throw new Error(`${response.status} pagefind/${shard.name}/index/${file}.pf_index`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  // Stored gzipped; a host may also have unzipped it on the way.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  return pagefindChunk(bytes);
});
