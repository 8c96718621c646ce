// Step 3: clean the scraped body. An ordered list of named rules, each rewriting the text while
// keeping, for every character, its index in the raw body (so warnings can point at the file).
import { pinyin } from 'pinyin-pro';
import type { Reading } from '../record.ts';

export interface Normalised {
  /** Clean text; paragraphs separated by one "\n". */
  text: string;
  /** Pinyin readings removed from the text, with offsets into `text`. */
  readings: Reading[];
  /** For each index of `text`, the index in the raw body it came from. */
  sourceIndex: Int32Array;
}

/** Text plus, per character, where it came from; what every rule reads and returns. */
interface Mapped {
  text: string;
  map: Int32Array;
}

interface Rule {
  name: string;
  apply: (input: Mapped, readings: Reading[]) => Mapped;
}

const HAN = /\p{Script=Han}/u;
// Chinese punctuation that ASCII marks beside it are turned full-width for.
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】「」『』—…·';
const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_PUNCT.includes(ch));
}

/**
 * Rewrites every match of `pattern` (global) with `replace(match)`. A replacement of the same length
 * keeps each character's source index; otherwise all its characters point at the match's start.
 */
function rewrite(input: Mapped, pattern: RegExp, replace: (m: RegExpExecArray) => string): Mapped {
  const parts: string[] = [];
  // The replacements that change the text's length, with where they stand: only these change the map.
  const resized: Array<{ start: number; end: number; replacement: string; keepsEach: boolean }> = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(input.text); m; m = pattern.exec(input.text)) {
    const start = m.index;
    const replacement = replace(m);
    if (replacement === m[0]) {
      if (m[0].length === 0) pattern.lastIndex++;
      continue;
    }
    parts.push(input.text.slice(last, start), replacement);
    if (replacement.length !== m[0].length) {
      // One that keeps the match's start (會議(huì yì) → 會議) keeps each character's source
      // index; other characters point at the match's start.
      resized.push({ start, end: start + m[0].length, replacement, keepsEach: m[0].startsWith(replacement) });
    }
    last = start + m[0].length;
  }
  if (parts.length === 0) return input;
  parts.push(input.text.slice(last));
  const text = parts.join('');
  // Same-length replacements (( → （ fifty thousand times) keep every index: the map is the input's.
  if (resized.length === 0) return { text, map: input.map };
  const map = new Int32Array(text.length);
  let at = 0;
  let from = 0;
  for (const r of resized) {
    map.set(input.map.subarray(from, r.start), at);
    at += r.start - from;
    for (let i = 0; i < r.replacement.length; i++) map[at + i] = input.map[r.keepsEach ? r.start + i : r.start]!;
    at += r.replacement.length;
    from = r.end;
  }
  map.set(input.map.subarray(from), at);
  return { text, map };
}

/**
 * Replaces single characters of `chars` one for one (each with `swap(ch, index)`, one character):
 * the map stays the input's. A loop over the text, not a regular expression: a text of fifty
 * thousand ( would otherwise build fifty thousand match arrays.
 */
function swapChars(input: Mapped, chars: string, swap: (ch: string, at: number) => string): Mapped {
  const text = input.text;
  let out: string[] | null = null;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!chars.includes(ch)) continue;
    const swapped = swap(ch, i);
    if (swapped === ch) continue;
    out ??= [];
    out.push(text.slice(last, i), swapped);
    last = i + 1;
  }
  if (out === null) return input;
  out.push(text.slice(last));
  return { text: out.join(''), map: input.map };
}

// A pinyin syllable with or without tone marks or a tone digit: zhǎng, lü4, huì.
const SYLLABLE = String.raw`[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêńňǹḿ]{1,6}[1-5]?`;
// (zhǎng) or (huì yì) or （qū）: readings in ASCII or full-width parens, after the characters they
// read (長(zhǎng), 會議(huì yì)); matched from the parenthesis, the characters are checked behind it.
const ANNOTATION = new RegExp(String.raw`[(（]\s*(${SYLLABLE}(?:[\s'’-]+${SYLLABLE}){0,3})\s*[)）]`, 'gu');
const HAN_BMP = /^\p{Script=Han}$/u;
const TONE_MARKS: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'v', ǘ: 'v', ǚ: 'v', ǜ: 'v', ü: 'v',
  ê: 'e', ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm',
};

function plainSyllable(syllable: string): string {
  return syllable.toLowerCase().replace(/[1-5]$/, '').replace(/[^a-z]/g, (c) => TONE_MARKS[c] ?? c).replace(/u:/g, 'v');
}

const readingsCache = new Map<string, Set<string>>();
const syllableCache = new Map<string, boolean>();
/** Every toneless reading pinyin-pro knows for one character (長: chang, zhang). */
function readingsOf(ch: string): Set<string> {
  let known = readingsCache.get(ch);
  if (!known) {
    const list = pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[];
    known = new Set(list.map((p) => p.toLowerCase()));
    readingsCache.set(ch, known);
  }
  return known;
}

/**
 * A reading is real pinyin only when each syllable is a reading of the character it follows:
 * 長(zhǎng) is, 府(Digital Government) is not.
 */
function matchesCharacters(chars: string, syllables: string[]): boolean {
  if (syllables.length === 0 || syllables.length !== chars.length) return false;
  return syllables.every((s, i) => {
    const key = chars[i]! + s;
    let matches = syllableCache.get(key);
    if (matches === undefined) {
      const plain = plainSyllable(s);
      const known = readingsOf(chars[i]!);
      matches = known.has(plain) || known.has(plain.replace('v', 'u'));
      syllableCache.set(key, matches);
    }
    return matches;
  });
}

const RULES: Rule[] = [
  {
    // Windows and old-Mac line ends become "\n", and so does U+E40C, the paragraph mark of
    // scraped SogouCS pages.
    name: 'line-endings',
    apply: (input) => rewrite(input, /\r\n?|\uE40C/g, () => '\n'),
  },
  {
    // 長(zhǎng) → 長, keeping "zhǎng" as a reading of 長. Must run before parentheses are touched.
    name: 'pinyin-annotations',
    apply: (input, readings) => {
      const found: Array<{ index: number; pinyin: string }> = [];
      const out = rewrite(input, ANNOTATION, (m) => {
        const syllables = m[1]!.split(/[\s'’-]+/).filter(Boolean);
        const first = m.index - syllables.length;
        const chars = input.text.slice(Math.max(0, first), m.index);
        if (first < 0 || ![...chars].every((c) => HAN_BMP.test(c)) || !matchesCharacters(chars, syllables)) return m[0];
        // Offset in the text being built: fixed up below once the rewrite is done.
        found.push({ index: first, pinyin: syllables.join(' ') });
        return '';
      });
      // Translate each annotated character's index in `input` to its index in `out`.
      let j = 0;
      for (const f of found) {
        const target = input.map[f.index]!;
        while (j < out.map.length && out.map[j]! < target) j++;
        readings.push({ offset: j, pinyin: f.pinyin });
      }
      return out;
    },
  },
  {
    // ＶＩＰ２０１２ → VIP2012: full-width ASCII letters and digits become half-width.
    name: 'fullwidth-alphanumerics',
    apply: (input) => rewrite(input, /[０-９Ａ-Ｚａ-ｚ]/g, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0)),
  },
  {
    // Spaces, tabs, U+3000 and NBSP: trimmed at line ends, dropped beside Chinese punctuation,
    // otherwise one space (南都讯　记者刘凡 → 南都讯 记者刘凡).
    name: 'spaces',
    apply: (input) =>
      rewrite(input, /[ \t\u3000\u00a0\u2002-\u200b\ufeff]+/g, (m) => {
        const before = input.text[m.index - 1];
        const after = input.text[m.index + m[0].length];
        if (before === undefined || after === undefined || before === '\n' || after === '\n') return '';
        if (CJK_PUNCT.includes(before) || CJK_PUNCT.includes(after)) return '';
        if (',.;:!?'.includes(after)) return '';
        if (',;:!?'.includes(before) && isChinese(after)) return '';
        return ' ';
      }),
  },
  {
    // Empty lines go: paragraphs are separated by exactly one "\n".
    name: 'blank-lines',
    apply: (input) => rewrite(input, /^\n+|\n{2,}|\n+$/g, (m) => (m.index === 0 || m.index + m[0].length === input.text.length ? '' : '\n')),
  },
  {
    // Doubled marks from scraping: ",," → "，"; a stray comma before another mark goes (",。" → "。").
    name: 'stray-commas',
    apply: (input) =>
      // One pass over each run of commas (a pattern that must find an ASCII comma inside a run
      // would try every start of a long run of ，: quadratic).
      rewrite(input, /[,，]+(?=([。、；：？！”」』）》…—]?))/g, (m) => {
        if (!m[0].includes(',')) return m[0];
        const next = m[1];
        if (next) return '';
        const before = input.text[m.index - 1];
        if (m[0].length > 1) return '，';
        // A lone comma between digits (1,000) or ASCII words stays for the next rule to judge.
        return before === undefined ? '' : m[0];
      }),
  },
  {
    // (擴大) → （擴大）: a pair of ASCII parentheses beside Chinese on either side becomes full-width.
    name: 'fullwidth-parentheses',
    apply: (input) =>
      rewrite(input, /\(([^()\n]*)\)/g, (m) => {
        const before = input.text[m.index - 1];
        const after = input.text[m.index + m[0].length];
        const inner = m[1]!;
        const chineseAround = isChinese(before) || isChinese(after) || isChinese(inner[0]) || isChinese(inner[inner.length - 1]);
        return chineseAround ? `（${inner}）` : m[0];
      }),
  },
  {
    // 读本(2008年版）: a parenthesis left unpaired beside Chinese becomes full-width too.
    name: 'fullwidth-lone-parentheses',
    apply: (input) =>
      swapChars(input, '()', (ch, at) => {
        const chinese = isChinese(input.text[at - 1]) || isChinese(input.text[at + 1]);
        return chinese ? (ch === '(' ? '（' : '）') : ch;
      }),
  },
  {
    // "區,區" → "區，區": ASCII , : ; ? ! beside a Chinese character or mark become full-width.
    name: 'fullwidth-punctuation',
    apply: (input) =>
      swapChars(input, ',:;?!', (ch, at) => {
        const before = input.text[at - 1];
        const after = input.text[at + 1];
        return isChinese(before) || isChinese(after) ? FULLWIDTH[ch]! : ch;
      }),
  },
  {
    // A comma left doubled by the rules above (，，) or before a stop (，。).
    name: 'doubled-fullwidth-commas',
    apply: (input) => rewrite(input, /，+(?=([。、；：？！]?))/g, (m) => (m[1] ? '' : m[0].length > 1 ? '，' : m[0])),
  },
];

/** Cleans a bulletin body; see the rules above, in the order they run. */
export function normalise(body: string): Normalised {
  // A plain loop: Int32Array.from with a mapping function costs a fifth of the parse.
  const identity = new Int32Array(body.length);
  for (let i = 0; i < identity.length; i++) identity[i] = i;
  let state: Mapped = { text: body, map: identity };
  const readings: Reading[] = [];
  for (const rule of RULES) {
    const before = state;
    state = rule.apply(state, readings);
    if (state !== before && rule.name !== 'pinyin-annotations') shiftReadings(readings, before, state);
  }
  return { text: state.text, readings, sourceIndex: state.map };
}

/** Moves reading offsets from one version of the text to the next, by their source indices. */
function shiftReadings(readings: Reading[], before: Mapped, after: Mapped): void {
  for (const r of readings) {
    const source = before.map[r.offset]!;
    let lo = 0;
    let hi = after.map.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after.map[mid]! < source) lo = mid + 1;
      else hi = mid;
    }
    r.offset = lo;
  }
}

/** The rule names, in order: for tests and documentation. */
export const NORMALISE_RULES = RULES.map((r) => r.name);
