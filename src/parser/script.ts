// Traditional/Simplified handling through one conversion library (opencc-js), never copied tables.
import * as OpenCC from 'opencc-js';
import type { Script } from '../record.ts';

const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/** The text in Simplified characters. */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

/** The text in Traditional characters. */
export function toTraditional(text: string): string {
  return simplifiedToTraditional(text);
}

/**
 * The text in Simplified characters with the same length, so an index into one is an index into
 * the other. Phrase conversions that would change the length fall back to one character at a time.
 */
export function toSimplifiedAligned(text: string): string {
  const converted = traditionalToSimplified(text);
  if (converted.length === text.length) return converted;
  let out = '';
  for (const ch of text) {
    const one = traditionalToSimplified(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/** Hant when the text has at least as many Traditional-only characters as Simplified-only ones. */
export function detectScript(text: string, simplified = toSimplifiedAligned(text)): Script {
  let traditionalOnly = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== simplified[i]) traditionalOnly++;
  if (traditionalOnly === 0) return 'Hans';
  const asTraditional = simplifiedToTraditional(text);
  let simplifiedOnly = 0;
  const n = Math.min(asTraditional.length, text.length);
  for (let i = 0; i < n; i++) if (text[i] !== asTraditional[i]) simplifiedOnly++;
  return traditionalOnly >= simplifiedOnly ? 'Hant' : 'Hans';
}
