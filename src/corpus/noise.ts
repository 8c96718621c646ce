// How a bulletin's text is written: each Simplified fragment converted to the bulletin's script,
// then the noise scraped files have (pinyin readings, ASCII or doubled punctuation, full-width
// letters, ideographic spaces). Conversion is per text fragment and cached: fragments repeat
// across bulletins, and opencc-js costs about half a microsecond per character.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Rng } from './random.ts';

const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const conversionCache = new Map<string, string>();
const pinyinCache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

export function toTraditional(fragment: string): string {
  const cached = conversionCache.get(fragment);
  if (cached !== undefined) return cached;
  if (conversionCache.size >= CACHE_LIMIT) conversionCache.clear();
  const converted: string = simplifiedToTraditional(fragment);
  conversionCache.set(fragment, converted);
  return converted;
}

export function identity(fragment: string): string {
  return fragment;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Tone-marked readings per character of a Simplified fragment; "" where there is none. */
function readingsOf(fragment: string): string[] {
  let readings = pinyinCache.get(fragment);
  if (readings !== undefined) return readings;
  if (pinyinCache.size >= CACHE_LIMIT) pinyinCache.clear();
  const inContext = pinyin(fragment, { type: 'array' });
  const aligned = inContext.length === fragment.length;
  readings = [];
  for (let i = 0; i < fragment.length; i++) {
    const ch = fragment[i] as string;
    if (!isHan(ch.charCodeAt(0))) {
      readings.push('');
      continue;
    }
    const reading = aligned ? (inContext[i] as string) : pinyin(ch);
    // A character pinyin-pro does not know comes back as itself.
    readings.push(/^[a-zü\u00c0-\u01ff\u1e00-\u1eff]+$/.test(reading) ? reading : '');
  }
  pinyinCache.set(fragment, readings);
  return readings;
}

/** ASCII digits, letters, '.', '%' and '-' as their full-width forms (２０１２, ＶＩＰ). */
function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z.%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const ASCII_FOR: Record<string, string> = { '，': ',', '：': ':', '（': '(', '）': ')', '；': ';' };
// The full-width marks a scraper may have written as ASCII.
const ASCII_ABLE = /[，：（）；]/g;
// The marks a stray ASCII comma gets doubled onto (seed: 書記,、區長 會議,。 精神,,以及).
const DOUBLE_ABLE = /[，,、。]/g;

/** The noise one bulletin gets (drawn per bulletin, src/corpus/bulletin.ts). */
export interface NoiseFlags {
  /** Full-width ，：（）； written as ASCII: in every place, in some, or nowhere. */
  asciiPunctuation: 'all' | 'some' | 'none';
  /** Chance of a stray ASCII comma before each ， , 、 。 (0: none). */
  doubled: number;
  /** Chance of a pinyin reading after each Han character that has one (0: none). */
  pinyin: number;
  /** Pinyin readings in （） rather than (). */
  pinyinFullWidthParens: boolean;
  /** ASCII digits and letters written full-width. */
  fullWidth: boolean;
  /** U+3000 spaces in paragraph indents (and the byline). */
  ideographicSpace: boolean;
}

/** Characters to skip before the next pinyin reading: geometric with mean 1/pinyin. */
function gap(rng: Rng, pinyin: number): number {
  return Math.floor(Math.log(1 - rng.next()) / Math.log(1 - pinyin));
}

/**
 * The file body from paragraphs of Simplified fragments, each written with `conv` (its script)
 * and given noise as `flags` say; returns the body and the noise actually added.
 */
export function renderWithNoise(paras: readonly string[][], conv: (fragment: string) => string, rng: Rng, flags: NoiseFlags): { body: string; pinyinCount: number; doubledCount: number } {
  let pinyinCount = 0;
  const open = flags.pinyinFullWidthParens ? '（' : '(';
  const close = flags.pinyinFullWidthParens ? '）' : ')';
  const indent = flags.ideographicSpace && rng.chance(0.5) ? '　　' : '';
  const lines: string[] = [];
  for (const para of paras) {
    let line = indent;
    for (const fragment of para) {
      let written = conv(fragment);
      if (flags.fullWidth) written = toFullWidth(written);
      if (flags.pinyin > 0 && written.length === fragment.length) {
        const readings = readingsOf(fragment);
        let pieces: string[] | null = null;
        let from = 0;
        // Each character with a reading gets it with probability flags.pinyin: jump straight to the
        // next one chosen (geometric gaps) instead of drawing for every character.
        for (let i = gap(rng, flags.pinyin); i < written.length; i += 1 + gap(rng, flags.pinyin)) {
          const reading = readings[i];
          if (!reading) continue;
          pieces ??= [];
          // Now and then one reading for a two-character word: 會議(huì yì).
          const next = readings[i + 1];
          const word = next !== undefined && next !== '' && rng.chance(0.1);
          const end = word ? i + 2 : i + 1;
          pieces.push(written.slice(from, end), open, word ? `${reading} ${next}` : reading, close);
          from = end;
          if (word) i++;
          pinyinCount++;
        }
        if (pieces) {
          pieces.push(written.slice(from));
          written = pieces.join('');
        }
      }
      line += written;
    }
    lines.push(line);
  }
  let body = lines.join('\n');
  if (flags.asciiPunctuation !== 'none') {
    const all = flags.asciiPunctuation === 'all';
    body = body.replace(ASCII_ABLE, (m) => (all || rng.chance(0.5) ? (ASCII_FOR[m] as string) : m));
  }
  let doubledCount = 0;
  if (flags.doubled > 0) {
    body = body.replace(DOUBLE_ABLE, (m) => {
      if (!rng.chance(flags.doubled)) return m;
      doubledCount++;
      return `,${m}`;
    });
  }
  return { body, pinyinCount, doubledCount };
}
