// Small searches the parser's steps share: over the text, and over lists kept in text order.

/** The index of `search` in `text` from `from`, or the text's length when it does not occur. */
export function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i === -1 ? text.length : i;
}

/**
 * The first index of a list in text order whose item is not `before` a position (binary search),
 * or the list's length: `firstIndex(list.length, (i) => list[i].start < at)`.
 */
export function firstIndex(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
