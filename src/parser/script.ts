// Traditional/Simplified handling through one conversion library (opencc-js), never copied tables.
import * as OpenCC from 'opencc-js';
import type { Script } from '../record.ts';

// Each made when first used, once per thread (Simplified → Traditional takes 0.2 s to make, and
// the parser never needs it).
let traditionalToSimplified: ((text: string) => string) | undefined;
let simplifiedToTraditional: ((text: string) => string) | undefined;

/** The text in Simplified characters. */
export function toSimplified(text: string): string {
  const convert = (traditionalToSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** The text in Traditional characters. */
export function toTraditional(text: string): string {
  const convert = (simplifiedToTraditional ??= OpenCC.Converter({ from: 'cn', to: 't' }));
  return convert(text);
}

const inScriptMemo = new Map<string, string>();

/** Text in the given script (opencc-js): canonical Simplified names and the site's labels on a page. */
export function inScript(text: string, script: Script): string {
  if (text.length > 40) return script === 'Hans' ? toSimplified(text) : toTraditional(text);
  const key = script + text;
  const known = inScriptMemo.get(key);
  if (known !== undefined) return known;
  const converted = script === 'Hans' ? toSimplified(text) : toTraditional(text);
  inScriptMemo.set(key, converted);
  return converted;
}

/** A site label, written once in Traditional, in the page's script (converted for Simplified pages). */
export function say(text: string, script: Script): string {
  return script === 'Hant' ? text : inScript(text, 'Hans');
}

// Simplified form of each BMP code unit, filled as characters are met: 0 = not looked up yet.
const SIMPLIFIED_CODE = new Uint16Array(0x10000);
const utf16 = new TextDecoder('utf-16le');

/** Whether a UTF-16 code unit is a CJK ideograph (BMP blocks; astral ones are left as they are). */
function isHanUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function simplifiedCode(code: number): number {
  let simplified = SIMPLIFIED_CODE[code]!;
  if (simplified === 0) {
    const converted = toSimplified(String.fromCharCode(code));
    simplified = converted.length === 1 ? converted.charCodeAt(0) : code;
    SIMPLIFIED_CODE[code] = simplified;
  }
  return simplified;
}

/**
 * The text in Simplified characters with the same length, so an index into one is an index into
 * the other: converted one character at a time through a table filled from opencc-js, which is
 * what matching vocabularies needs and many times faster than phrase-level conversion.
 */
export function toSimplifiedAligned(text: string): string {
  const out = new Uint16Array(text.length);
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const simplified = isHanUnit(code) ? simplifiedCode(code) : code;
    if (simplified !== code) changed = true;
    out[i] = simplified;
  }
  return changed ? utf16.decode(out) : text;
}

// Share of Han characters that must change under Traditional→Simplified for a text to be Hant.
// A Traditional bulletin changes a quarter or more; a Simplified one almost none (a stray 著 or 乾).
const HANT_SHARE = 0.05;

/** Hant when enough of the text's Han characters are Traditional-only, else Hans. */
export function detectScript(text: string, simplified = toSimplifiedAligned(text)): Script {
  let han = 0;
  let traditionalOnly = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHanUnit(code)) continue;
    han++;
    if (code !== simplified.charCodeAt(i)) traditionalOnly++;
  }
  return han > 0 && traditionalOnly / han >= HANT_SHARE ? 'Hant' : 'Hans';
}
