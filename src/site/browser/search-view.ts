// Showing a search: the page of results (titles and passages with the matches marked, in the
// reader's script), the filters with their counts, the status and the page links. Built with DOM
// calls and textContent only: no bulletin text or index file is ever parsed as HTML.
import type { SearchIndexFile } from '../../search/search-files.ts';
import { excerpt, fold, highlights, type Term } from '../../search/text-rules.ts';
import type { Script } from './opencc.ts';
import { loadIndex, loadRecord, type Row, urlOf } from './search-data.ts';
import { chosenScript, emptyEl, form, inScript, labelScript, listEl, pagerEl, prefix, root, say, statusEl } from './search-page.ts';
import { type Facet, FACETS, type State, stateUrl } from './search-state.ts';

/** A search to show. */
export interface View {
  state: State;
  terms: Term[];
  results: Row[];
  /** Per filter, the count of each of its values; null when idle. */
  counts: Record<Facet, Map<string, number>> | null;
  total: number;
  exact?: boolean;
  idle: boolean;
  simplify: (text: string) => string;
}

export const PAGE_SIZE = 20;
const EXCERPT_LENGTH = 110;

/** The chosen script the results on screen were shown in. */
let rendered = chosenScript();

/** The chosen script the results on screen were shown in. */
export function renderedScript(): Script | null {
  return rendered;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** Text with its marks as text nodes and <mark> elements, converted to the reader's script. */
async function marked(text: string, marks: Array<[number, number]>, from: Script, to: Script): Promise<DocumentFragment> {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of marks) {
    if (s > at) out.append(await inScript(text.slice(at, s), from, to));
    out.append(el('mark', {}, await inScript(text.slice(s, e), from, to)));
    at = e;
  }
  if (at < text.length) out.append(await inScript(text.slice(at), from, to));
  return out;
}

const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** One result: the title linked, date and chairs, and a passage around the first match. */
async function resultItem(row: Row, terms: Term[], simplify: (text: string) => string, labels: Script): Promise<HTMLLIElement> {
  const record = await loadRecord(row);
  const url = await urlOf(row);
  const from: Script = record.script === 'Hans' ? 'Hans' : 'Hant';
  const to = chosenScript() ?? from;
  const titleMarks = highlights(fold(record.title, simplify), terms);
  const text = record.text;
  const part = excerpt(text, highlights(fold(text, simplify), terms), EXCERPT_LENGTH);
  const chairs = [...new Set(record.meetings.flatMap((m) => m.chairs))];
  const link = el('a', { href: prefix + url.replace(/^\//, '') }, await marked(record.title, titleMarks, from, to));
  const meta = el('p', { class: 'search-meta' }, el('time', { datetime: record.date }, chineseDate(record.date)));
  // 主持 is written the same in both scripts.
  if (chairs.length > 0) meta.append(el('span', { class: 'search-chair' }, `主持：${await inScript(chairs.join('、'), from, to)}`));
  const passage = el('p', { class: 'search-excerpt' });
  if (part.start > 0) passage.append('…');
  passage.append(await marked(text.slice(part.start, part.end), part.marks, from, to));
  if (part.end < text.length) passage.append('…');
  const item = el('li', { 'data-url': url, 'data-date': record.date }, el('h2', {}, link), meta, passage);
  if (to !== labels) item.setAttribute('lang', to === 'Hans' ? 'zh-Hans' : 'zh-Hant');
  return item;
}

/** Replaces a filter's options with the values that have results, each with its count. */
async function showFacet(facet: Facet, counts: View['counts'], state: State, index: SearchIndexFile, script: Script): Promise<void> {
  const select = form.elements.namedItem(facet) as HTMLSelectElement | null;
  if (!select || !counts) return;
  const c = counts[facet];
  let values: Array<[string, string]> = [];
  if (facet === 'official') {
    for (const o of index.officials) values.push([o.slug, o.label ? `${o.names[script]}（${await say(o.label, script)}）` : o.names[script]]);
  } else if (facet === 'kind') {
    values = index.kinds.map((k): [string, string] => [k.slug, k.names[script]]);
  } else {
    values = [...c.keys()].sort().reverse().map((v): [string, string] => [v, facet === 'year' ? `${v}年` : `${v.slice(0, 4)}年${Number(v.slice(5))}月`]);
  }
  values = values.filter(([v]) => c.has(v) || v === state[facet]);
  if (facet === 'official' || facet === 'kind') values.sort((a, b) => (c.get(b[0]) ?? 0) - (c.get(a[0]) ?? 0));
  const options = [el('option', { value: '' }, await say('全部', script))];
  for (const [value, label] of values) {
    const option = el('option', { value }, `${label} (${c.get(value) ?? 0})`);
    if (value === state[facet]) option.selected = true;
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = state[facet];
}

/**
 * Puts page `page` of the results in the list. Their records are fetched together and each
 * result is shown as soon as it and those before it are ready, so the first does not wait for
 * the twentieth. Resolves once the first is shown, with the promise of the rest.
 */
export async function showItems(results: Row[], page: number, terms: Term[], simplify: (text: string) => string, stale: () => boolean): Promise<{ rest: Promise<void> }> {
  const labels = labelScript();
  rendered = chosenScript();
  const pending = results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => resultItem(r, terms, simplify, labels));
  // Each is awaited in turn; this keeps a failure after a newer search from going unhandled.
  for (const p of pending) p.catch(() => {});
  const first = pending.length > 0 ? await pending[0] : undefined;
  if (stale()) return { rest: Promise.resolve() };
  listEl.replaceChildren(...(first ? [first] : []));
  listEl.setAttribute('start', String((page - 1) * PAGE_SIZE + 1));
  const rest = (async () => {
    for (const p of pending.slice(1)) {
      const item = await p;
      if (stale()) return;
      listEl.append(item);
    }
  })();
  return { rest };
}

/**
 * Shows a search: the filters with their counts, the status, the page of results (unless
 * `early` has shown it already) and the page links.
 */
export async function show(view: View, stale: () => boolean, early?: { rest: Promise<void> }): Promise<void> {
  const script = labelScript();
  const { state, terms, results, counts, idle, simplify } = view;
  const index = await loadIndex();
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const filtered = FACETS.some((f) => state[f]) || state.from || state.to;
  const status = idle ? '' : results.length === 0 ? await say('沒有找到結果。', script) : await say(`找到 ${results.length} 篇，按${state.sort === 'relevance' ? '相關度' : '日期從新到舊'}排列。`, script);
  const emptyParts: HTMLElement[] = [];
  if (!idle && results.length === 0) {
    emptyParts.push(el('p', {}, await say(terms.length > 0 ? '每個詞都要出現在公報裏：試試少用幾個詞，或換一個說法。' : '沒有符合篩選條件的公報。', script)));
    if (filtered) {
      const plain: State = { ...state, official: '', kind: '', year: '', month: '', from: '', to: '', page: 1 };
      emptyParts.push(el('p', {}, el('a', { href: stateUrl(plain), 'data-search-link': '' }, await say('去掉所有篩選再搜索', script))));
    }
  }
  if (stale()) return;
  const { rest } = early ?? await showItems(results, page, terms, simplify, stale);
  if (stale()) return;
  for (const facet of FACETS) await showFacet(facet, counts, state, index, script);
  statusEl.textContent = status;
  emptyEl.replaceChildren(...emptyParts);
  emptyEl.hidden = emptyParts.length === 0;
  listEl.setAttribute('data-total', String(results.length));
  const links: HTMLElement[] = [];
  if (page > 1) links.push(el('a', { href: stateUrl({ ...state, page: page - 1 }), rel: 'prev', 'data-search-link': '' }, await say('上一頁', script)));
  if (pages > 1) links.push(el('span', {}, `${page} / ${pages}`));
  if (page < pages) links.push(el('a', { href: stateUrl({ ...state, page: page + 1 }), rel: 'next', 'data-search-link': '' }, await say('下一頁', script)));
  pagerEl.replaceChildren(...links);
  pagerEl.hidden = links.length === 0;
  await rest;
  if (stale()) return;
  root.setAttribute('data-search', idle ? 'idle' : results.length === 0 ? 'empty' : 'done');
}
