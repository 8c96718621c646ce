// ASCII URL slugs for Chinese names (officials, meeting kinds) via pinyin-pro; never Eleventy's slugify.
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

/** The longest slug pinyinSlug returns: a URL segment (and a folder name) stays far below 255 bytes. */
export const MAX_SLUG = 64;

/**
 * 廖海军 → "liao-hai-jun"; 吕 → "lv"; non-Han ASCII letters and digits are kept. A slug longer than
 * MAX_SLUG is cut at a syllable and ends in the text's hash (60 × 廖 → "liao-liao-…-liao-1a2b3c").
 */
export function pinyinSlug(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const slug = syllables.join('-').normalize('NFKD').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || 'x';
  const head = slug.slice(0, MAX_SLUG - 7);
  const cut = head.lastIndexOf('-');
  return `${cut > 0 ? head.slice(0, cut) : head}-${keyHash(text)}`;
}

/** A short suffix that depends only on the key: the first 6 hex digits of its SHA-256. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 6);
}

/** The slug with the key's hash: what a key gets when another key has the same pinyin. */
export function hashedSlug(key: string): string {
  return `${pinyinSlug(key)}-${keyHash(key)}`;
}

/** Sort key for Chinese names: toneless pinyin, then tone numbers, then the characters. */
export function pinyinSortKey(text: string): string {
  const plain = pinyin(text, { toneType: 'none', type: 'array', v: true }).join(' ');
  const toned = pinyin(text, { toneType: 'num', type: 'array', v: true }).join(' ');
  return `${plain}\u0000${toned}\u0000${text}`;
}

/** The slug part of a bulletin id `YYYY-MM-DD-<slug>`; the whole id when it carries no date. */
export function bulletinSlug(id: string, date: string): string {
  return id.startsWith(`${date}-`) ? id.slice(date.length + 1) : id;
}
