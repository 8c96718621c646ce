// The whole record of a bulletin, text included, as JSON beside its page (record.json).
import type { BulletinEntry } from '../archive.ts';

export const data = {
  pagination: { data: 'archive.render.bulletins', size: 1, alias: 'entry' },
  permalink: (data: { entry: BulletinEntry }) => data.entry.jsonUrl,
  eleventyExcludeFromCollections: true,
};

/** The record exactly as the parser made it, plus where its page and source copy are. */
export function render(data: { entry: BulletinEntry }): string {
  const e = data.entry;
  return `${JSON.stringify({ ...e.record, url: e.url, source_url: e.sourceUrl }, null, 1)}\n`;
}
