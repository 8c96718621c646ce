// The site's only script on every page: the 繁/简 switch (opencc-js, loaded only when used) and the
// pinyin toggle. Both choices are remembered in localStorage. Without JavaScript the page reads as built.
// Bundled as a classic script (/assets/site.js, scripts/run.mjs): it reads document.currentScript.
import { type Convert, converterLoader, type Script } from './opencc.ts';

const root = document.documentElement;
const me = document.currentScript;
const prefix = me?.getAttribute('data-prefix') || '/';
const SCRIPT_KEY = 'archive.script';
const READINGS_KEY = 'archive.readings';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const pageScript = root.getAttribute('data-script') || 'Hant';
let current = pageScript;
const converter = converterLoader(prefix);
/** Every convertible text node and attribute, as the page was built. */
const texts = new Map<Text, string>();
const attrs: Array<{ el: Element; name: string; value: string }> = [];
const originalTitle = document.title;

function read(key: string): string | null {
  try { return window.localStorage.getItem(key); } catch { return null; }
}
function store(key: string, value: string): void {
  try { window.localStorage.setItem(key, value); } catch { /* private mode */ }
}
const tag = (script: string) => (script === 'Hans' ? 'zh-Hans' : 'zh-Hant');

const skip = (el: Element | null) => !el || el.closest('script, style, [data-no-convert]');

/** Remembers every convertible text and attribute as the page was built, once. */
function collect(): void {
  if (texts.size || attrs.length) return;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (HAN.test(n.nodeValue ?? '') && !skip(n.parentElement)) texts.set(n, n.nodeValue ?? '');
  }
  document.querySelectorAll('[aria-label], [title], [lang]').forEach((el) => {
    if (el === root || skip(el)) return;
    for (const name of ['aria-label', 'title', 'lang']) {
      if (el.hasAttribute(name)) attrs.push({ el, name, value: el.getAttribute(name) ?? '' });
    }
  });
}

function show(target: Script, convert: Convert | null): void {
  texts.forEach((value, node) => { node.nodeValue = convert ? convert(value) : value; });
  for (const a of attrs) {
    const value = a.name === 'lang' ? (convert ? tag(target) : a.value) : (convert ? convert(a.value) : a.value);
    a.el.setAttribute(a.name, value);
  }
  document.title = convert ? convert(originalTitle) : originalTitle;
  root.lang = tag(target);
  current = target;
  document.querySelectorAll('[data-script-choice]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-script-choice') === target));
  });
}

function useScript(target: string | null): Promise<void> {
  if (target !== 'Hant' && target !== 'Hans') return Promise.resolve();
  collect();
  if (target === current) return Promise.resolve();
  if (target === pageScript) { show(target, null); return Promise.resolve(); }
  return converter(target).then((convert) => { show(target, convert); });
}

function showReadings(on: boolean): void {
  root.classList.toggle('readings-hidden', !on);
  document.querySelectorAll('.ruby-toggle').forEach((b) => { b.setAttribute('aria-pressed', String(on)); });
}

function start(): void {
  document.querySelectorAll<HTMLElement>('.switches').forEach((el) => { el.hidden = false; });
  document.querySelectorAll('.script-switch button[data-script]').forEach((b) => {
    b.setAttribute('data-script-choice', b.getAttribute('data-script') ?? '');
    b.addEventListener('click', () => {
      const target = b.getAttribute('data-script') ?? '';
      store(SCRIPT_KEY, target);
      void useScript(target);
    });
  });
  document.querySelectorAll('.ruby-toggle').forEach((b) => {
    b.addEventListener('click', () => {
      const on = b.getAttribute('aria-pressed') !== 'true';
      store(READINGS_KEY, on ? 'shown' : 'hidden');
      showReadings(on);
    });
  });
  showReadings(read(READINGS_KEY) !== 'hidden');
  const wanted = read(SCRIPT_KEY);
  if (wanted && wanted !== pageScript) useScript(wanted).then(ready, ready);
  else ready();
}

function ready(): void { root.setAttribute('data-switches-ready', current); }

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
