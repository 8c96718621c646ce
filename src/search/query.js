// Search text rules shared by the index build (Node) and the search page (browser, copied to
// /assets/search-query.js): fold text to one script, cut it into pieces and index tokens, parse a
// reader's query into terms, plan the Pagefind queries for a term, and find terms in a text.
// Plain JavaScript with no imports so both sides run the same file; types are in query.d.ts.
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

/**
 * The text in one canonical form with the same length, so an offset into one is an offset into
 * the other: each character NFKC-normalised and lower-cased when that keeps its length
 * (ＶＩＰ → vip), then `simplify` (a length-keeping Traditional → Simplified map).
 * @param {string} text
 * @param {(text: string) => string} simplify
 * @returns {string}
 */
export function fold(text, simplify) {
  // Built as code units: a string grown one character at a time was most of the build's cost of
  // cutting every bulletin's text.
  const out = new Uint16Array(text.length);
  let changed = false;
  let lone = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast paths (most of any bulletin): CJK ideographs and ASCII other than capitals are their own
    // NFKC form and lower case. tests/search/query.test.ts checks them against the general rule.
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
    let folded = FOLDED_UNIT[code];
    if (folded === -1) FOLDED_UNIT[code] = folded = foldCharByRule(String.fromCharCode(code)).charCodeAt(0);
    out[i] = folded;
    changed ||= folded !== code;
  }
  return simplify(changed ? unitsToString(out, lone) : text);
}

/** Whether a surrogate pair (one character outside the BMP) starts at `i`. */
function isPairAt(/** @type {string} */ text, /** @type {number} */ i) {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * Code units as a string, each kept as it is. The decoder is many times faster than
 * String.fromCharCode, but would replace a lone surrogate: `lone` says there may be one.
 * @param {Uint16Array} units
 * @param {boolean} lone
 */
function unitsToString(units, lone) {
  if (!lone) return UTF16.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, /** @type {any} */ (units.subarray(i, i + 8192)));
  return out;
}

/** foldCharByRule of each BMP code unit, filled as characters are met: -1 = not looked up yet. */
const FOLDED_UNIT = new Int32Array(0x10000).fill(-1);

/** foldCharByRule, remembered per character (a bulletin repeats the same punctuation hundreds of times). */
const foldedChars = new Map();

/**
 * @param {string} ch
 * @returns {string}
 */
function foldChar(ch) {
  let folded = foldedChars.get(ch);
  if (folded === undefined) foldedChars.set(ch, folded = foldCharByRule(ch));
  return folded;
}

/**
 * One character folded by the general rule (before `simplify`): NFKC, then lower case, each only
 * when it keeps the length.
 * @param {string} ch one character (code point)
 * @returns {string}
 */
export function foldCharByRule(ch) {
  let c = ch.normalize('NFKC');
  if (c.length !== ch.length) c = ch;
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

/**
 * What a character is to the tokenizer: han, digit, letter, space or break.
 * @param {string} ch one character (code point)
 * @returns {'han' | 'digit' | 'letter' | 'space' | 'break'}
 */
export function classOf(ch) {
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

/** classOfByRule, remembered per character. @type {Map<string, 'han' | 'digit' | 'letter' | 'space' | 'break'>} */
const classes = new Map();

/**
 * classOf by the Unicode properties alone.
 * @param {string} ch
 * @returns {'han' | 'digit' | 'letter' | 'space' | 'break'}
 */
export function classOfByRule(ch) {
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
 * @param {string} folded
 * @returns {import('./query.d.ts').Piece[]}
 */
export function pieces(folded) {
  /** @type {import('./query.d.ts').Piece[]} */
  const out = [];
  /** @type {import('./query.d.ts').Piece | null} */
  let current = null;
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
        current = { kind: /** @type {'han' | 'letter' | 'digit'} */ (kind), chars: [], offsets: [] };
        out.push(current);
      }
      /** @type {import('./query.d.ts').Piece} */ (current).chars.push(ch);
      /** @type {import('./query.d.ts').Piece} */ (current).offsets.push(offset);
      pendingSpace = false;
    }
    offset += ch.length;
  }
  return out;
}

/**
 * The index tokens of a piece: overlapping bigrams of a Han run (a one-character run stays one
 * token), or the whole run of letters or digits.
 * @param {import('./query.d.ts').Piece} piece
 * @returns {string[]}
 */
export function pieceTokens(piece) {
  if (piece.kind !== 'han' || piece.chars.length === 1) return [piece.chars.join('')];
  const out = [];
  for (let i = 0; i + 1 < piece.chars.length; i++) out.push(piece.chars[i] + piece.chars[i + 1]);
  return out;
}

/**
 * The text as the index sees it: tokens separated by spaces (中华人民共和国 → 中华 华人 人民 民共 共和 和国).
 * @param {string} text
 * @param {(text: string) => string} simplify
 * @returns {string}
 */
export function indexText(text, simplify) {
  // The same tokens as pieces(…).flatMap(pieceTokens).join(' ') (tests/search/query.test.ts checks
  // both on random and real texts), in one pass that writes code units: the build cuts every
  // bulletin's text (1.7 s for 10,000 with a piece object per run, 1.3 s growing a string).
  const folded = fold(text, simplify);
  const n = folded.length;
  // A code unit gives at most three: a Han character is in two bigrams, and a space follows each.
  const out = new Uint16Array(3 * n);
  let length = 0;
  const put = (/** @type {number} */ from, /** @type {number} */ to) => {
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

function unitClass(/** @type {number} */ code) {
  let k = CLASS_UNIT[code];
  if (k === 0) CLASS_UNIT[code] = k = CLASS_CODES[classOf(String.fromCharCode(code))];
  return k;
}

/**
 * The pieces of a folded text as one comparable string: pieces joined by SEP. Two texts that
 * give the same index tokens in the same order give the same skeleton.
 * @param {import('./query.d.ts').Piece[]} list
 */
function skeletonOf(list) {
  return list.map((p) => p.chars.join('')).join(SEP);
}

/**
 * The reader's query as terms. Quoted phrases are one term each; the rest is split at spaces.
 * Consecutive Latin words that spell an official's name in pinyin (liao haijun, liaohaijun)
 * become one term that any of that person's names satisfies.
 * @param {string} raw
 * @param {(text: string) => string} simplify
 * @param {import('./query.d.ts').PinyinName[]} [names] officials' pinyin (letters only) and keys
 * @returns {import('./query.d.ts').Term[]}
 */
export function parseQuery(raw, simplify, names = []) {
  const text = raw.normalize('NFKC');
  /** @type {Array<{ written: string; quoted: boolean }>} */
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    for (const w of text.slice(last, m.index).split(/\s+/u)) if (w) parts.push({ written: w, quoted: false });
    const g = /** @type {Record<string, string | undefined>} */ (m.groups);
    const phrase = (g.a ?? g.b ?? g.c ?? g.d ?? '').trim();
    if (phrase) parts.push({ written: phrase, quoted: true });
    last = /** @type {number} */ (m.index) + m[0].length;
  }
  for (const w of text.slice(last).replace(/["“”「」『』]/gu, ' ').split(/\s+/u)) if (w) parts.push({ written: w, quoted: false });

  const letters = (/** @type {string} */ w) => {
    const ps = pieces(fold(w, simplify));
    return ps.length > 0 && ps.every((p) => p.kind === 'letter' && /^[a-z]+$/.test(p.chars.join(''))) ? ps.map((p) => p.chars.join('')).join('') : null;
  };
  const byPinyin = new Map();
  for (const n of names) for (const form of n.pinyin) byPinyin.set(form, [...(byPinyin.get(form) ?? []), ...n.keys]);

  /** @type {import('./query.d.ts').Term[]} */
  const terms = [];
  for (let i = 0; i < parts.length; i++) {
    // The longest run of Latin words from here that spells someone's name (at most 4 words).
    let matched = 0;
    /** @type {string[]} */
    let keys = [];
    let joined = '';
    for (let j = i; j < Math.min(parts.length, i + 4); j++) {
      const l = letters(parts[j].written);
      if (l === null) break;
      joined += l;
      if (byPinyin.has(joined)) { matched = j - i + 1; keys = byPinyin.get(joined); }
    }
    if (matched > 0) {
      const written = parts.slice(i, i + matched).map((p) => p.written).join(' ');
      terms.push({ written, alternatives: [...new Set(keys)].map((k) => skeletonOf(pieces(fold(k, simplify)))), pinyin: true });
      i += matched - 1;
      continue;
    }
    const skeleton = skeletonOf(pieces(fold(parts[i].written, simplify)));
    if (skeleton) terms.push({ written: parts[i].written, alternatives: [skeleton], pinyin: false });
  }
  // The same term twice adds nothing.
  const seen = new Set();
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
 * @param {string} skeleton an alternative of a term
 * @returns {{ queries: string[]; exact: boolean }}
 */
export function planTerm(skeleton) {
  const ps = pieces(skeleton);
  if (ps.length === 1 && ps[0].kind === 'han' && ps[0].chars.length === 1) return { queries: [ps[0].chars[0]], exact: false };
  /** @type {string[][]} */
  const segments = [[]];
  let exact = true;
  ps.forEach((p, i) => {
    const bounded = i > 0 && i < ps.length - 1;
    if (p.kind === 'han' && p.chars.length === 1 && !bounded) {
      exact = false;
      if (segments[segments.length - 1].length > 0) segments.push([]);
      return;
    }
    segments[segments.length - 1].push(...pieceTokens(p));
  });
  const queries = segments.filter((s) => s.length > 0).map((s) => `"${s.join(' ')}"`);
  return { queries, exact };
}

/**
 * Where the term alternative occurs in a text: [start, end) offsets into the text. A match must
 * not cut a word or number in two at its ends (gdp is not found in gdpr, 17 not in 2017); a Han
 * run at either end may continue in the text.
 * @param {string} folded the folded text
 * @param {string} skeleton the alternative's skeleton
 * @returns {Array<[number, number]>}
 */
export function findAll(folded, skeleton) {
  if (!skeleton) return [];
  const ps = pieces(folded);
  const chars = [];
  const offsets = [];
  const kinds = [];
  ps.forEach((p, i) => {
    if (i > 0) { chars.push(SEP); offsets.push(-1); kinds.push('sep'); }
    p.chars.forEach((c, j) => { chars.push(c); offsets.push(p.offsets[j]); kinds.push(p.kind); });
  });
  const needle = [...skeleton];
  const first = classOf(needle[0]);
  const lastKind = classOf(needle[needle.length - 1]);
  /** @type {Array<[number, number]>} */
  const out = [];
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
    out.push([offsets[i], offsets[end] + chars[end].length]);
    i = end;
  }
  return out;
}

/**
 * Whether a text contains every term (a term: any of its alternatives).
 * @param {string} folded the folded text
 * @param {import('./query.d.ts').Term[]} terms
 */
export function containsAll(folded, terms) {
  return terms.every((t) => t.alternatives.some((a) => findAll(folded, a).length > 0));
}

/**
 * Every match of every term in a text, sorted and merged where they overlap.
 * @param {string} folded the folded text
 * @param {import('./query.d.ts').Term[]} terms
 * @returns {Array<[number, number]>}
 */
export function highlights(folded, terms) {
  const all = terms.flatMap((t) => t.alternatives.flatMap((a) => findAll(folded, a))).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  /** @type {Array<[number, number]>} */
  const merged = [];
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
 * @param {string} text the original text
 * @param {Array<[number, number]>} marks from `highlights`
 * @param {number} length
 * @returns {{ start: number; end: number; marks: Array<[number, number]> }}
 */
export function excerpt(text, marks, length) {
  const firstMark = marks[0];
  let start = firstMark ? Math.max(0, firstMark[0] - Math.floor(length / 3)) : 0;
  // Start at the text's start, or after a line break, when one is close before the match.
  const lineStart = firstMark ? text.lastIndexOf('\n', firstMark[0] - 1) : -1;
  if (firstMark && lineStart >= start) start = lineStart + 1;
  else if (start < length / 5) start = 0;
  const end = Math.min(text.length, start + length);
  const inside = marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => /** @type {[number, number]} */ ([s - start, e - start]));
  return { start, end, marks: inside };
}

/**
 * A Traditional → Simplified function from a table of pairs (each pair: a Traditional BMP
 * character followed by its Simplified form), keeping the length, as the build's table does.
 * @param {string} pairs
 * @returns {(text: string) => string}
 */
export function simplifierFromPairs(pairs) {
  const map = new Map();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i], pairs[i + 1]);
  return (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) out += map.get(text[i]) ?? text[i];
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Pagefind's index files, read directly. The build reads each bundle's pf_meta (the order of its
// pages and the words each index chunk starts with) into the shard's catalog; the search page
// reads only the index chunks of the words it looks for, so it needs neither pagefind.js, its
// worker and wasm, nor the pf_meta files (docs/search.md says why). This is Pagefind 1.6's format
// (package.json pins the version); tests/search/build-index.test.ts reads every chunk of a built
// site and checks it against the tokens of its bulletins.

const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * A reader of the CBOR value after the signature of one of Pagefind's index files (pf_meta,
 * pf_index) once un-gzipped: arrays, integers and text, which is all these files hold.
 * @param {Uint8Array} bytes
 */
function pagefindReader(bytes) {
  for (let i = 0; i < PAGEFIND_SIGNATURE.length; i++) {
    if (bytes[i] !== PAGEFIND_SIGNATURE.charCodeAt(i)) throw new Error('not a Pagefind index file');
  }
  const utf8 = new TextDecoder();
  const reader = {
    at: PAGEFIND_SIGNATURE.length,
    /** The major type of the last item whose head was read: 0 unsigned, 1 negative, 3 text, 4 array. */
    major: 0,
    /** Reads an item's head: sets `major`, returns its argument (a length, or the integer). */
    head() {
      const byte = bytes[reader.at++];
      reader.major = byte >> 5;
      const n = byte & 31;
      const at = reader.at;
      if (n < 24) return n;
      if (n === 24) { reader.at += 1; return bytes[at]; }
      if (n === 25) { reader.at += 2; return bytes[at] * 0x100 + bytes[at + 1]; }
      if (n === 26) { reader.at += 4; return ((bytes[at] * 0x100 + bytes[at + 1]) * 0x100 + bytes[at + 2]) * 0x100 + bytes[at + 3]; }
      throw new Error(`Pagefind file: unsupported CBOR item 0x${byte.toString(16)} at ${at - 1}`);
    },
    /** @returns {string} */
    text() {
      const n = reader.head();
      if (reader.major !== 3) throw new Error(`Pagefind file: text expected at ${reader.at}`);
      reader.at += n;
      return utf8.decode(bytes.subarray(reader.at - n, reader.at));
    },
    /** @returns {any} */
    read() {
      const n = reader.head();
      if (reader.major === 0) return n;
      if (reader.major === 1) return -1 - n;
      if (reader.major === 3) {
        reader.at += n;
        return utf8.decode(bytes.subarray(reader.at - n, reader.at));
      }
      if (reader.major === 4) {
        const list = new Array(n);
        for (let i = 0; i < n; i++) list[i] = reader.read();
        return list;
      }
      throw new Error(`Pagefind file: unsupported CBOR major type ${reader.major} at ${reader.at}`);
    },
    skip() {
      const n = reader.head();
      if (reader.major === 2 || reader.major === 3) reader.at += n;
      else if (reader.major === 4) for (let i = 0; i < n; i++) reader.skip();
      else if (reader.major > 1) throw new Error(`Pagefind file: unsupported CBOR major type ${reader.major} at ${reader.at}`);
    },
  };
  return reader;
}

/**
 * The whole value of one of Pagefind's index files once un-gzipped (the build reads pf_meta so).
 * @param {Uint8Array} bytes
 * @returns {any}
 */
export function decodePagefind(bytes) {
  return pagefindReader(bytes).read();
}

/**
 * An index chunk once un-gzipped (`[[[word, [[page, [locations], …], …]], …]]`): its words, and
 * for a word the pages that hold it and where, decoded only when asked (a chunk holds hundreds of
 * words; a query needs one or two). Page numbers are stored as differences from the previous
 * page; a negative location −(w + 1) sets the weight w of the locations after it, each stored as
 * the difference from the previous location of the same run.
 * @param {Uint8Array} bytes
 * @returns {import('./query.d.ts').PagefindChunk}
 */
export function pagefindChunk(bytes) {
  const reader = pagefindReader(bytes);
  /** @type {Map<string, number>} */
  const offsets = new Map();
  reader.head();
  const count = reader.head();
  for (let i = 0; i < count; i++) {
    const fields = reader.head();
    offsets.set(reader.text(), reader.at);
    for (let f = 1; f < fields; f++) reader.skip();
  }
  return {
    words: () => [...offsets.keys()],
    postings(word) {
      const offset = offsets.get(word);
      if (offset === undefined) return [];
      reader.at = offset;
      /** @type {import('./query.d.ts').PagefindPosting[]} */
      const out = [];
      let page = 0;
      const pages = reader.head();
      for (let p = 0; p < pages; p++) {
        const fields = reader.head();
        page += reader.head();
        /** @type {number[]} */
        const positions = [];
        /** @type {number[]} */
        const weights = [];
        let weight = 24;
        let position = 0;
        const locations = reader.head();
        for (let l = 0; l < locations; l++) {
          const n = reader.head();
          if (reader.major === 1) {
            weight = n;
            position = 0;
          } else {
            position += n;
            positions.push(position);
            weights.push(weight);
          }
        }
        for (let f = 2; f < fields; f++) reader.skip();
        out.push({ page, positions, weights });
      }
      return out;
    },
  };
}

/**
 * A token as Pagefind stores and looks it up: without diacritics, except the kana voicing marks
 * (the same rule as pagefind.js's normalizeDiacritics).
 * @param {string} token
 * @returns {string}
 */
export function pagefindWord(token) {
  const stripped = token.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * Orders words as Pagefind sorts them (by code point, as Rust compares strings).
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function compareWords(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = /** @type {number} */ (x[i].codePointAt(0)) - /** @type {number} */ (y[i].codePointAt(0));
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The index chunks that can hold a word, or with `prefix` every word starting with it, given
 * the first word of each chunk in Pagefind's order: the last chunk starting at or before the
 * word (a word is in that one or in none), and for a prefix the chunks after it that start with it.
 * @param {string[]} starts
 * @param {string} word
 * @param {boolean} prefix
 * @returns {number[]} indexes into `starts`
 */
export function chunksHolding(starts, word, prefix) {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareWords(starts[mid], word) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const found = lo === 0 ? [] : [lo - 1];
  if (prefix) for (let i = lo; i < starts.length && starts[i].startsWith(word); i++) found.push(i);
  return found;
}
