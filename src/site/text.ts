// A record's clean text as paragraphs, with its pinyin readings placed over the characters they read.
import type { Reading } from '../record.ts';

/** Plain text, or characters with the reading printed over them (<ruby>). */
export type Segment = string | { base: string; reading: string };

/** Index after `count` code points from `start`, no further than `end`. */
function advance(text: string, start: number, count: number, end: number): number {
  let i = start;
  for (let n = 0; n < count && i < end; n++) i += (text.codePointAt(i)! > 0xffff ? 2 : 1);
  return Math.min(i, end);
}

/**
 * The text's paragraphs (split on "\n", blank ones dropped), each a list of segments. A reading
 * covers as many characters as it has syllables ("huì yì" → 2); overlapping readings are skipped.
 */
export function paragraphsWithReadings(text: string, readings: readonly Reading[]): Segment[][] {
  const sorted = [...readings].sort((a, b) => a.offset - b.offset);
  const out: Segment[][] = [];
  let r = 0;
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    const segments: Segment[] = [];
    let cursor = start;
    for (; r < sorted.length && sorted[r]!.offset < end; r++) {
      const { offset, pinyin } = sorted[r]!;
      if (offset < cursor) continue;
      const syllables = Math.max(1, pinyin.trim().split(/\s+/).length);
      const baseEnd = advance(text, offset, syllables, end);
      if (baseEnd === offset) continue;
      if (offset > cursor) segments.push(text.slice(cursor, offset));
      segments.push({ base: text.slice(offset, baseEnd), reading: pinyin.trim() });
      cursor = baseEnd;
    }
    if (cursor < end) segments.push(text.slice(cursor, end));
    if (line.trim() !== '') out.push(segments);
    start = end + 1;
  }
  return out;
}
