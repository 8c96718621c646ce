// The files the search page reads besides the Pagefind bundles: each shard's catalog (from its
// bundle's pf_meta), the officials and meeting kinds index.json lists, and the Traditional → Simplified pairs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import type { Archive } from '../archive/model.ts';
import { toSimplifiedAligned } from '../parser/script.ts';
import { decodePagefind } from './pagefind-format.ts';
import type { SearchKind, SearchOfficial, ShardCatalog } from './search-files.ts';
import type { Shard } from './shards.ts';

/** Bumped when the files the search page reads change shape. */
export const SEARCH_FORMAT = 2;

/** What the build reads of a Pagefind bundle's pf_meta. */
export interface BundleMeta {
  /** In Pagefind's order (a page's number is its place here): the page id and its length in tokens. */
  pages: Array<{ id: string; words: number }>;
  /** The index chunks in word order: [first word, file name under index/ without .pf_index]. */
  chunks: Array<[string, string]>;
  /** Page numbers in the order of the pages' sort key `n` (shadowPage's row), when the pages have one. */
  rows?: number[];
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

/** Toneless pinyin of a name, surnames read as surnames: 单 → shan. Letters only. */
function pinyinForms(key: string): string[] {
  const withV = pinyin(key, { toneType: 'none', type: 'array', v: true, mode: 'surname' }).join('').toLowerCase();
  const forms = [withV.replace(/[^a-z]/g, ''), withV.replace(/v/g, 'u').replace(/[^a-z]/g, '')];
  return [...new Set(forms.filter(Boolean))];
}

/** The officials and meeting kinds index.json lists, and each one's place in its list (the catalogs' numbers). */
export function searchLists(archive: Archive): { officials: SearchOfficial[]; officialIndex: Map<string, number>; kinds: SearchKind[]; kindIndex: Map<string, number> } {
  const officials: SearchOfficial[] = archive.people.map((p) => ({
    slug: p.slug, names: p.name, label: p.label, keys: p.keys, pinyin: [...new Set(p.keys.flatMap(pinyinForms))],
  }));
  const officialIndex = new Map(archive.people.map((p, i) => [p.slug, i]));
  const kinds: SearchKind[] = archive.kinds.map((k) => ({ slug: k.slug, names: k.name }));
  const kindIndex = new Map(archive.kinds.map((k, i) => [k.slug, i]));
  return { officials, officialIndex, kinds, kindIndex };
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
