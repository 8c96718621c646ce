// The search page's elements, the site's root path, and the script its labels and results are
// shown in: results follow the reader's 繁/简 choice once made, labels follow the page.
import { type Convert, converterLoader, type Script } from './opencc.ts';

export const root = document.documentElement;
export const prefix = new URL('..', import.meta.url).pathname;

export const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
export const statusEl = document.querySelector<HTMLElement>('[data-search-status]')!;
export const emptyEl = document.querySelector<HTMLElement>('[data-search-empty]')!;
export const listEl = document.querySelector<HTMLOListElement>('[data-search-results]')!;
export const pagerEl = document.querySelector<HTMLElement>('[data-search-pager]')!;
const pageScript: Script = root.getAttribute('data-script') === 'Hans' ? 'Hans' : 'Hant';

/** The script the reader chose with the 繁/简 switch, or null: then each result shows as written. */
export function chosenScript(): Script | null {
  try {
    const stored = window.localStorage.getItem('archive.script');
    if (stored === 'Hans' || stored === 'Hant') return stored;
  } catch (e) { /* private mode */ }
  return null;
}

/** The script the page's own labels are shown in. */
export function labelScript(): Script {
  const lang = root.getAttribute('lang');
  if (lang === 'zh-Hans') return 'Hans';
  if (lang === 'zh-Hant') return 'Hant';
  return chosenScript() ?? pageScript;
}

/** A converter to a script (opencc-js, loaded as site.js loads it). */
const converter: (target: Script) => Promise<Convert> = converterLoader(prefix);

/** Converts text written in `from` to `to`. */
export async function inScript(text: string, from: Script, to: Script): Promise<string> {
  if (from === to || !text) return text;
  return (await converter(to))(text);
}

/** A label written in Traditional, in the reader's script. */
export const say = (text: string, script: Script) => inScript(text, 'Hant', script);
