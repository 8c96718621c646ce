// Search text rules shared by the index build (Node) and the search page (bundled into
// /assets/search.js): fold text to one script, cut it into pieces and index tokens, parse a
// reader's query into terms, plan the Pagefind queries for a term, and find terms in a text.
// No imports and no Node or DOM API, so both sides run the same code (tsconfig.browser.json checks it too).
//
// The index holds overlapping bigrams of the Simplified text (中华人民 → 中华 华人 人民) and Latin
// letters and digits as words of their own. A term is sent to Pagefind as a quoted phrase of the
// same tokens, so every token must be present and adjacent; `contains` is the exact rule behind
// both, and the search page checks results with it where the phrase alone cannot be exact.

// A Han character (CJK ideographs, 〇, 々 …).
const HAN = /\p{Script=Han}/u;
// A letter or combining mark of any other script: part of a word piece.
const LETTER = /[\p{L}\p{M}]/u;
// A digit of any script: digits and letters form separate pieces (covid19 → covid 19).
const DIGIT = /\p{N}/u;
// Spacing inside a line; between two Han characters it is dropped (国务院 办公厅 = 国务院办公厅).
const SPACE = /[^\S\n\r\u2028\u2029]/u;
// Between the pieces of a skeleton: a line break, which (unlike a space) never joins two Han runs.
const SEP = '\n';
// Quoted phrases in a query: "…", “…”, 「…」, 『…』 (full-width ＂ becomes " under NFKC first).
// Example: 對臺 "全面 融入" → one phrase 全面 融入 beside the word 對臺.
const QUOTED = /"(?<a>[^"]*)"|“(?<b>[^”]*)”|「(?<c>[^」]*)」|『(?<d>[^』]*)』/gu;

/** What a character is to the tokenizer. */
export type CharClass = 'han' | 'digit' | 'letter' | 'space' | 'break';

/** A run of one kind of character in a folded text. */
export interface Piece {
  kind: 'han' | 'letter' | 'digit';
  /** One code point each. */
  chars: string[];
  /** The offset (UTF-16) of each character in the folded text, which is also its offset in the original. */
  offsets: number[];
}

/** One thing the reader asked for; a result must contain one of its alternatives. */
export interface Term {
  /** As the reader typed it. */
  written: string;
  /** Skeletons (folded pieces joined by a line break): one, or each name of an official spelt in pinyin. */
  alternatives: string[];
  /** True when the term is an official's name spelt in pinyin. */
  pinyin: boolean;
}

/** An official as the query parser matches pinyin against them. */
export interface PinyinName {
  /** Toneless pinyin, letters only: liaohaijun. */
  pinyin: string[];
  /** Simplified names that count as this person. */
  keys: string[];
}

/**
 * The text in one canonical form with the same length, so an offset into one is an offset into
 * the other: each character NFKC-normalised and lower-cased when that keeps its length
 * (ＶＩＰ → vip), then `simplify` (a length-keeping Traditional → Simplified map).
 */
export function fold(text: string, simplify: (text: string) => string): string {
  // Built as code units: growing a string one character at a time would be most of the cost of
  // cutting every bulletin's text.
  const out = new Uint16Array(text.length);
  let changed = false;
  let lone = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast paths (most of any bulletin): CJK ideographs and ASCII other than capitals are their own
    // NFKC form and lower case. tests/search/text-rules.test.ts checks them against the general rule.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code < 0x80 && !(code >= 0x41 && code <= 0x5a))) {
      out[i] = code;
      continue;
    }
    if (isPairAt(text, i)) {
      // A character outside the BMP folds to two code units (foldCharByRule keeps the length).
      const folded = foldChar(text.slice(i, i + 2));
      out[i] = folded.charCodeAt(0);
      out[i + 1] = folded.charCodeAt(1);
      changed ||= folded.charCodeAt(0) !== code || folded.charCodeAt(1) !== text.charCodeAt(i + 1);
      i++;
      continue;
    }
    lone ||= code >= 0xd800 && code <= 0xdfff;
    let folded = FOLDED_UNIT[code]!;
    if (folded === -1) FOLDED_UNIT[code] = folded = foldCharByRule(String.fromCharCode(code)).charCodeAt(0);
    out[i] = folded;
    changed ||= folded !== code;
  }
  return simplify(changed ? unitsToString(out, lone) : text);
}

/** Whether a surrogate pair (one character outside the BMP) starts at `i`. */
function isPairAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * Code units as a string, each kept as it is. The decoder is many times faster than
 * String.fromCharCode, but would replace a lone surrogate: `lone` says there may be one.
 */
function unitsToString(units: Uint16Array, lone: boolean): string {
  if (!lone) return UTF16.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/** foldCharByRule of each BMP code unit, filled as characters are met: -1 = not looked up yet. */
const FOLDED_UNIT = new Int32Array(0x10000).fill(-1);

/** foldCharByRule, remembered per character (a bulletin repeats the same punctuation hundreds of times). */
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) foldedChars.set(ch, folded = foldCharByRule(ch));
  return folded;
}

/**
 * One character folded by the general rule (before `simplify`): NFKC, then lower case, each only
 * when it keeps the length.
 * @param ch one character (code point)
 */
export function foldCharByRule(ch: string): string {
  let c = ch.normalize('NFKC');
  if (c.length !== ch.length) c = ch;
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

/**
 * What a character is to the tokenizer: han, digit, letter, space or break.
 * @param ch one character (code point)
 */
export function classOf(ch: string): CharClass {
  // Fast paths, checked against the general rule below for every BMP character by the tests.
  const code = ch.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return 'digit';
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'letter';
    if (code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c) return 'space';
    return 'break';
  }
  let kind = classes.get(ch);
  if (kind === undefined) classes.set(ch, kind = classOfByRule(ch));
  return kind;
}

/** classOfByRule, remembered per character. */
const classes = new Map<string, CharClass>();

/**
 * classOf by the Unicode properties alone.
 */
export function classOfByRule(ch: string): CharClass {
  if (HAN.test(ch)) return 'han';
  if (DIGIT.test(ch)) return 'digit';
  if (LETTER.test(ch)) return 'letter';
  if (SPACE.test(ch)) return 'space';
  return 'break';
}

/**
 * A folded text cut into pieces: maximal runs of Han characters (spaces between two Han
 * characters skipped), of letters, or of digits. Punctuation, line breaks and other spaces only
 * separate pieces. Each piece keeps the offset of each of its characters in the text.
 */
export function pieces(folded: string): Piece[] {
  const out: Piece[] = [];
  let current: Piece | null = null;
  let pendingSpace = false;
  let offset = 0;
  for (const ch of folded) {
    const kind = classOf(ch);
    if (kind === 'space') {
      pendingSpace = true;
    } else if (kind === 'break') {
      current = null;
      pendingSpace = false;
    } else {
      const joins = current !== null && current.kind === kind && (!pendingSpace || kind === 'han');
      if (!joins) {
        current = { kind, chars: [], offsets: [] };
        out.push(current);
      }
      current!.chars.push(ch);
      current!.offsets.push(offset);
      pendingSpace = false;
    }
    offset += ch.length;
  }
  return out;
}

/**
 * The index tokens of a piece: overlapping bigrams of a Han run (a one-character run stays one
 * token), or the whole run of letters or digits.
 */
export function pieceTokens(piece: Piece): string[] {
  if (piece.kind !== 'han' || piece.chars.length === 1) return [piece.chars.join('')];
  const out: string[] = [];
  for (let i = 0; i + 1 < piece.chars.length; i++) out.push(piece.chars[i]! + piece.chars[i + 1]!);
  return out;
}

/**
 * The text as the index sees it: tokens separated by spaces (中华人民共和国 → 中华 华人 人民 民共 共和 和国).
 */
export function indexText(text: string, simplify: (text: string) => string): string {
  // The same tokens as pieces(…).flatMap(pieceTokens).join(' ') (tests/search/text-rules.test.ts checks
  // both on random and real texts), in one pass that writes code units: the build cuts every
  // bulletin's text, and at 10,000 bulletins a piece object per run costs 1.7 s, a growing string 1.3 s.
  const folded = fold(text, simplify);
  const n = folded.length;
  // A code unit gives at most three: a Han character is in two bigrams, and a space follows each.
  const out = new Uint16Array(3 * n);
  let length = 0;
  const put = (from: number, to: number) => {
    for (let j = from; j < to; j++) out[length++] = folded.charCodeAt(j);
  };
  const space = () => { if (length > 0) out[length++] = 0x20; };
  /** The current run's kind (a CLASS_CODES value), 0 for none. */
  let kind = 0;
  // A letter or digit run: [runStart, runEnd). A Han run: its last character, [runStart, runEnd).
  let runStart = 0;
  let runEnd = 0;
  let hanLength = 0;
  let pendingSpace = false;
  const endRun = () => {
    if (kind === HAN_CODE ? hanLength === 1 : kind !== 0) {
      space();
      put(runStart, runEnd);
    }
    kind = 0;
  };
  for (let i = 0; i < n;) {
    const width = isPairAt(folded, i) ? 2 : 1;
    const code = folded.charCodeAt(i);
    const k = width === 2 ? CLASS_CODES[classOf(folded.slice(i, i + 2))] : code >= 0x4e00 && code <= 0x9fff ? HAN_CODE : unitClass(code);
    if (k === SPACE_CODE) {
      pendingSpace = true;
    } else if (k === BREAK_CODE) {
      endRun();
      pendingSpace = false;
    } else {
      if (kind === k && (!pendingSpace || k === HAN_CODE)) {
        if (k === HAN_CODE) {
          space();
          put(runStart, runEnd);
          put(i, i + width);
          runStart = i;
          hanLength++;
        }
        runEnd = i + width;
      } else {
        endRun();
        kind = k;
        runStart = i;
        runEnd = i + width;
        hanLength = 1;
      }
      pendingSpace = false;
    }
    i += width;
  }
  endRun();
  // A lone surrogate is a break (classOf), never part of a token.
  return unitsToString(out.subarray(0, length), false);
}

const HAN_CODE = 1;
const SPACE_CODE = 4;
const BREAK_CODE = 5;
/** classOf's answers as small numbers, for a table. */
const CLASS_CODES = { han: HAN_CODE, letter: 2, digit: 3, space: SPACE_CODE, break: BREAK_CODE };

/** classOf of each BMP code unit as a CLASS_CODES value, filled as characters are met: 0 = not looked up yet. */
const CLASS_UNIT = new Uint8Array(0x10000);

function unitClass(code: number): number {
  let k = CLASS_UNIT[code]!;
  if (k === 0) CLASS_UNIT[code] = k = CLASS_CODES[classOf(String.fromCharCode(code))];
  return k;
}

/**
 * The pieces of a folded text as one comparable string: pieces joined by SEP. Two texts that
 * give the same index tokens in the same order give the same skeleton.
 */
function skeletonOf(list: Piece[]): string {
  return list.map((p) => p.chars.join('')).join(SEP);
}

/**
 * The reader's query as terms. Quoted phrases are one term each; the rest is split at spaces.
 * Consecutive Latin words that spell an official's name in pinyin (liao haijun, liaohaijun)
 * become one term that any of that person's names satisfies.
 * @param names officials' pinyin (letters only) and keys
 */
export function parseQuery(raw: string, simplify: (text: string) => string, names: PinyinName[] = []): Term[] {
  const text = raw.normalize('NFKC');
  const parts: Array<{ written: string; quoted: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    for (const w of text.slice(last, m.index).split(/\s+/u)) if (w) parts.push({ written: w, quoted: false });
    const g = m.groups as Record<string, string | undefined>;
    const phrase = (g.a ?? g.b ?? g.c ?? g.d ?? '').trim();
    if (phrase) parts.push({ written: phrase, quoted: true });
    last = m.index! + m[0].length;
  }
  for (const w of text.slice(last).replace(/["“”「」『』]/gu, ' ').split(/\s+/u)) if (w) parts.push({ written: w, quoted: false });

  const letters = (w: string): string | null => {
    const ps = pieces(fold(w, simplify));
    return ps.length > 0 && ps.every((p) => p.kind === 'letter' && /^[a-z]+$/.test(p.chars.join(''))) ? ps.map((p) => p.chars.join('')).join('') : null;
  };
  const byPinyin = new Map<string, string[]>();
  for (const n of names) for (const form of n.pinyin) byPinyin.set(form, [...(byPinyin.get(form) ?? []), ...n.keys]);

  const terms: Term[] = [];
  for (let i = 0; i < parts.length; i++) {
    // The longest run of Latin words from here that spells someone's name (at most 4 words).
    let matched = 0;
    let keys: string[] = [];
    let joined = '';
    for (let j = i; j < Math.min(parts.length, i + 4); j++) {
      const l = letters(parts[j]!.written);
      if (l === null) break;
      joined += l;
      if (byPinyin.has(joined)) { matched = j - i + 1; keys = byPinyin.get(joined)!; }
    }
    if (matched > 0) {
      const written = parts.slice(i, i + matched).map((p) => p.written).join(' ');
      terms.push({ written, alternatives: [...new Set(keys)].map((k) => skeletonOf(pieces(fold(k, simplify)))), pinyin: true });
      i += matched - 1;
      continue;
    }
    const skeleton = skeletonOf(pieces(fold(parts[i]!.written, simplify)));
    if (skeleton) terms.push({ written: parts[i]!.written, alternatives: [skeleton], pinyin: false });
  }
  // The same term twice adds nothing.
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.alternatives.join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The Pagefind queries that together find every page containing one alternative of a term.
 * Each Han run of two or more characters and each word gives its tokens; a one-character Han run
 * gives its token only when both its neighbours are in the term (then the text's run is exactly
 * that character); otherwise it is left out, the phrase is cut there, and `exact` is false: pages
 * must then be checked with `contains`. A term that is one Han character is sent unquoted, as a
 * prefix of the bigrams that start with it.
 * @param skeleton an alternative of a term
 */
export function planTerm(skeleton: string): { queries: string[]; exact: boolean } {
  const ps = pieces(skeleton);
  const only = ps.length === 1 ? ps[0]! : undefined;
  if (only && only.kind === 'han' && only.chars.length === 1) return { queries: [only.chars[0]!], exact: false };
  const segments: string[][] = [[]];
  let exact = true;
  ps.forEach((p, i) => {
    const bounded = i > 0 && i < ps.length - 1;
    if (p.kind === 'han' && p.chars.length === 1 && !bounded) {
      exact = false;
      if (segments[segments.length - 1]!.length > 0) segments.push([]);
      return;
    }
    segments[segments.length - 1]!.push(...pieceTokens(p));
  });
  const queries = segments.filter((s) => s.length > 0).map((s) => `"${s.join(' ')}"`);
  return { queries, exact };
}

/**
 * Where the term alternative occurs in a text: [start, end) offsets into the text. A match must
 * not cut a word or number in two at its ends (gdp is not found in gdpr, 17 not in 2017); a Han
 * run at either end may continue in the text.
 * @param folded the folded text
 * @param skeleton the alternative's skeleton
 */
export function findAll(folded: string, skeleton: string): Array<[number, number]> {
  if (!skeleton) return [];
  const ps = pieces(folded);
  const chars: string[] = [];
  const offsets: number[] = [];
  const kinds: Array<Piece['kind'] | 'sep'> = [];
  ps.forEach((p, i) => {
    if (i > 0) { chars.push(SEP); offsets.push(-1); kinds.push('sep'); }
    p.chars.forEach((c, j) => { chars.push(c); offsets.push(p.offsets[j]!); kinds.push(p.kind); });
  });
  const needle = [...skeleton];
  const first = classOf(needle[0]!);
  const lastKind = classOf(needle[needle.length - 1]!);
  const out: Array<[number, number]> = [];
  // Compared code point by code point: `chars` holds one code point (or separator) per entry.
  for (let i = 0; i + needle.length <= chars.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      if (chars[i + j] !== needle[j]) { ok = false; break; }
    }
    if (!ok) continue;
    const end = i + needle.length - 1;
    if (first !== 'han' && i > 0 && kinds[i - 1] === first) continue;
    if (lastKind !== 'han' && end + 1 < kinds.length && kinds[end + 1] === lastKind) continue;
    out.push([offsets[i]!, offsets[end]! + chars[end]!.length]);
    i = end;
  }
  return out;
}

/**
 * Whether a text contains every term (a term: any of its alternatives).
 * @param folded the folded text
 */
export function containsAll(folded: string, terms: Term[]): boolean {
  return terms.every((t) => t.alternatives.some((a) => findAll(folded, a).length > 0));
}

/**
 * Every match of every term in a text, sorted and merged where they overlap.
 * @param folded the folded text
 */
export function highlights(folded: string, terms: Term[]): Array<[number, number]> {
  const all = terms.flatMap((t) => t.alternatives.flatMap((a) => findAll(folded, a))).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of all) {
    const prev = merged[merged.length - 1];
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * A passage of about `length` characters around the first match, and the matches inside it
 * (offsets relative to the passage). Without a match: the start of the text.
 * @param text the original text
 * @param marks from `highlights`
 */
export function excerpt(text: string, marks: Array<[number, number]>, length: number): { start: number; end: number; marks: Array<[number, number]> } {
  const firstMark = marks[0];
  let start = firstMark ? Math.max(0, firstMark[0] - Math.floor(length / 3)) : 0;
  // Start at the text's start, or after a line break, when one is close before the match.
  const lineStart = firstMark ? text.lastIndexOf('\n', firstMark[0] - 1) : -1;
  if (firstMark && lineStart >= start) start = lineStart + 1;
  else if (start < length / 5) start = 0;
  const end = Math.min(text.length, start + length);
  const inside = marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s - start, e - start]);
  return { start, end, marks: inside };
}

/**
 * A Traditional → Simplified function from a table of pairs (each pair: a Traditional BMP
 * character followed by its Simplified form), keeping the length, as the build's table does.
 */
export function simplifierFromPairs(pairs: string): (text: string) => string {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
  return (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) out += map.get(text[i]!) ?? text[i];
    return out;
  };
}
