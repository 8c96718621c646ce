// The search stage's shards: the bulletins cut into one Pagefind index per year (or per part of a
// big year), what each index is made from (its hash), and the shadow pages Pagefind indexes.
import { createHash } from 'node:crypto';
import { byYear } from '../archive/calendar.ts';
import type { BulletinEntry } from '../archive/model.ts';
import { toSimplifiedAligned } from '../parser/script.ts';
import { SEARCH_FORMAT } from './catalogs.ts';
import { indexText } from './text-rules.ts';

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
