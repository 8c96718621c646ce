// The search page: reads the search from the URL, finds pages in the per-year Pagefind indexes
// (newest year first), filters, counts and sorts them with the per-year catalogs, and shows each
// result from its record.json in the reader's script. Results are built with DOM calls and
// textContent only: no bulletin text or Pagefind output is ever parsed as HTML.
import { containsAll, excerpt, fold, highlights, parseQuery, planTerm, simplifierFromPairs } from './search-query.js';

const root = document.documentElement;
const prefix = new URL('..', import.meta.url).pathname;
const PAGE_SIZE = 20;
const EXCERPT_LENGTH = 110;
/** The filters, in the order the form shows them; each narrows by one value of a row. */
const FACETS = ['official', 'kind', 'year', 'month'];
const KEYS = ['q', ...FACETS, 'from', 'to', 'sort', 'page'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const form = /** @type {HTMLFormElement} */ (document.querySelector('[data-search-form]'));
const statusEl = /** @type {HTMLElement} */ (document.querySelector('[data-search-status]'));
const emptyEl = /** @type {HTMLElement} */ (document.querySelector('[data-search-empty]'));
const listEl = /** @type {HTMLOListElement} */ (document.querySelector('[data-search-results]'));
const pagerEl = /** @type {HTMLElement} */ (document.querySelector('[data-search-pager]'));
const pageScript = root.getAttribute('data-script') === 'Hans' ? 'Hans' : 'Hant';

// ---------------------------------------------------------------------------------------------
// Loading, each file once.

const once = new Map();
/** @param {string} key @param {() => Promise<any>} load */
function cached(key, load) {
  if (!once.has(key)) once.set(key, load().catch((error) => { once.delete(key); throw error; }));
  return once.get(key);
}
/** @param {string} path */
const getJson = (path) => cached(path, async () => {
  const response = await fetch(prefix + path.replace(/^\//, ''));
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
});
const loadIndex = () => getJson('search/index.json');
const loadSimplifier = () => cached('t2s', async () => simplifierFromPairs(await getJson('search/t2s.json')));

const bundle = (shard) => `${prefix}pagefind/${shard.name}/`;
let primary = null;
const mergedIn = new Map();

/**
 * One Pagefind search over every shard needed so far: the first shard searched is the primary
 * index and the others are merged into it, so pagefind.js, its worker and its wasm load once.
 * The page's lang is und while the instance is made (Pagefind reads it then): with a zh lang
 * Pagefind would cut the query's tokens into words again.
 */
async function pagefindFor(shards) {
  if (!primary) {
    primary = (async () => {
      const pagefind = await import(`${bundle(shards[0])}pagefind.js`);
      const lang = root.getAttribute('lang');
      root.setAttribute('lang', 'und');
      let made;
      try {
        made = pagefind.createInstance({ basePath: bundle(shards[0]) });
      } finally {
        if (lang) root.setAttribute('lang', lang);
      }
      await made.init();
      mergedIn.set(shards[0].name, Promise.resolve());
      return made;
    })();
  }
  const pf = await primary;
  for (const shard of shards) {
    if (!mergedIn.has(shard.name)) mergedIn.set(shard.name, pf.mergeIndex(bundle(shard), { language: 'und' }));
  }
  await Promise.all(shards.map((shard) => mergedIn.get(shard.name)));
  return pf;
}

/** @param {string} url */
const loadRecord = (url) => getJson(`${url}record.json`);

// ---------------------------------------------------------------------------------------------
// The reader's script: results follow the 繁/简 choice once made, labels follow the page.

/** The script the reader chose with the 繁/简 switch, or null: then each result shows as written. */
function chosenScript() {
  try {
    const stored = window.localStorage.getItem('archive.script');
    if (stored === 'Hans' || stored === 'Hant') return stored;
  } catch (e) { /* private mode */ }
  return null;
}

/** The script the page's own labels are shown in. */
function labelScript() {
  const lang = root.getAttribute('lang');
  if (lang === 'zh-Hans') return 'Hans';
  if (lang === 'zh-Hant') return 'Hant';
  return chosenScript() ?? pageScript;
}

/** A converter to `target` (opencc-js, loaded like site.js loads it), or identity. */
function converter(target) {
  return cached(`opencc:${target}`, () => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `${prefix}assets/opencc/${target === 'Hans' ? 't2cn.js' : 'cn2t.js'}`;
    s.onload = () => resolve(window.OpenCC.Converter(target === 'Hans' ? { from: 't', to: 'cn' } : { from: 'cn', to: 't' }));
    s.onerror = () => reject(new Error(`cannot load ${s.src}`));
    document.head.appendChild(s);
  }));
}

/** Converts text written in `from` to `to`. */
async function inScript(text, from, to) {
  if (from === to || !text) return text;
  return (await converter(to))(text);
}

/** A label written in Traditional, in the reader's script. */
const say = (text, script) => inScript(text, 'Hant', script);

// ---------------------------------------------------------------------------------------------
// State in the URL: /search/?q=…&official=…&kind=…&year=…&month=…&from=…&to=…&sort=relevance&page=2

function readState(search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of KEYS) state[key] = (params.get(key) ?? '').trim();
  if (state.from && !DATE.test(state.from)) state.from = '';
  if (state.to && !DATE.test(state.to)) state.to = '';
  if (state.sort !== 'relevance') state.sort = '';
  state.page = Math.max(1, Number.parseInt(state.page, 10) || 1);
  return state;
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === 'page' ? (state.page > 1 ? String(state.page) : '') : state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return `${prefix}search/${query ? `?${query}` : ''}`;
}

function fillForm(state) {
  for (const key of KEYS) {
    const field = form.elements.namedItem(key);
    if (field && 'value' in field) field.value = state[key] ?? '';
  }
}

function formState() {
  const state = readState(new URLSearchParams(new FormData(form)).toString());
  state.page = 1;
  return state;
}

// ---------------------------------------------------------------------------------------------
// Matching: page ids per shard from Pagefind, rows from the shard's catalog.

/** Ids of pages matching one Pagefind query, with scores when asked. */
async function ids(pf, query, withScores) {
  const found = await pf.search(query);
  const out = new Map(found.results.map((r) => [r.id, 0]));
  if (withScores) {
    // Exact searches score every page 1; the same tokens unquoted rank them (the chunks are loaded).
    const ranked = await pf.search(query.replace(/"/g, ''));
    for (const r of ranked.results) if (out.has(r.id)) out.set(r.id, r.score);
  }
  return out;
}

/** Rows of the shards that match every term, each with a score; `exact` false when they still need checking. */
async function match(shards, terms, withScores) {
  const catalogs = await Promise.all(shards.map((shard) => getJson(`search/${shard.name}.json`)));
  const rows = catalogs.flatMap((c) => c.rows.map((r) => ({ id: r[0], url: r[1], date: r[2], officials: r[3], kinds: r[4], score: 0 })));
  if (terms.length === 0 || rows.length === 0) return { rows: terms.length === 0 ? rows : [], exact: true };
  const pf = await pagefindFor(shards);
  let exact = true;
  /** @type {Map<string, number> | null} */
  let result = null;
  for (const term of terms) {
    const union = new Map();
    for (const alternative of term.alternatives) {
      const plan = planTerm(alternative);
      if (!plan.exact) exact = false;
      let both = null;
      for (const query of plan.queries) {
        const found = await ids(pf, query, withScores);
        both = both === null ? found : new Map([...both].filter(([id]) => found.has(id)).map(([id, sc]) => [id, sc + found.get(id)]));
        if (both.size === 0) break;
      }
      for (const [id, sc] of both ?? []) union.set(id, Math.max(union.get(id) ?? 0, sc));
    }
    result = result === null ? union : new Map([...result].filter(([id]) => union.has(id)).map(([id, sc]) => [id, sc + union.get(id)]));
    if (result.size === 0) break;
  }
  const found = result ?? new Map();
  return { rows: rows.filter((r) => found.has(r.id)).map((r) => ({ ...r, score: found.get(r.id) })), exact };
}

/** The value a row has for a facet (several for officials and kinds). */
function facetValues(row, facet, index) {
  if (facet === 'official') return row.officials.map((i) => index.officials[i].slug);
  if (facet === 'kind') return row.kinds.map((i) => index.kinds[i].slug);
  if (facet === 'year') return [row.date.slice(0, 4)];
  return [row.date.slice(0, 7)];
}

/** The rows passing every filter, and per filter the counts of its values among rows passing the others. */
function narrow(rows, state, index) {
  const inRange = rows.filter((r) => (!state.from || r.date >= state.from) && (!state.to || r.date <= state.to));
  const passes = (row, except) => FACETS.every((f) => f === except || !state[f] || facetValues(row, f, index).includes(state[f]));
  const counts = {};
  for (const facet of FACETS) {
    const c = new Map();
    for (const row of inRange) if (passes(row, facet)) for (const v of new Set(facetValues(row, facet, index))) c.set(v, (c.get(v) ?? 0) + 1);
    counts[facet] = c;
  }
  const results = inRange.filter((r) => passes(r, null));
  results.sort(state.sort === 'relevance'
    ? (a, b) => b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1)
    : (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1));
  return { results, counts };
}

// ---------------------------------------------------------------------------------------------
// Running a search.

let current = 0;
/** What is on screen, to show again in the other script. */
let shown = null;
/** The chosen script the results on screen were shown in. */
let rendered = chosenScript();

async function run(state) {
  const token = ++current;
  const stale = () => token !== current;
  root.setAttribute('data-search', 'running');
  const script = labelScript();
  statusEl.textContent = await say('正在搜索…', script);
  try {
    const index = await loadIndex();
    const simplify = /[^\x00-\x7f]/.test(state.q) ? await loadSimplifier() : (t) => t;
    const names = index.officials.map((o) => ({ pinyin: o.pinyin, keys: o.keys }));
    const terms = state.q ? parseQuery(state.q, simplify, names) : [];
    const searching = state.q !== '' || FACETS.some((f) => state[f]) || state.from || state.to;
    if (!searching) {
      shown = null;
      await show({ state, terms, results: [], counts: null, total: 0, idle: true, simplify }, stale);
      return;
    }
    // The shards that can hold a result in the date range: year and month are filters with counts.
    const shards = index.shards.filter((sh) => (!state.to || sh.first <= state.to) && (!state.from || sh.last >= state.from));
    const unsearchable = state.q !== '' && terms.length === 0;
    const { rows, exact } = unsearchable ? { rows: [], exact: true } : await match(shards, terms, state.sort === 'relevance');
    if (stale()) return;
    let { results, counts } = narrow(rows, state, index);
    if (!exact) results = await checked(results, terms, simplify, state.page * PAGE_SIZE);
    if (stale()) return;
    shown = { state, terms, results, counts, total: results.length, exact, idle: false, simplify };
    await show(shown, stale);
  } catch (error) {
    if (stale()) return;
    statusEl.textContent = `${await say('搜索出錯了', script)}: ${error instanceof Error ? error.message : String(error)}`;
    root.setAttribute('data-search', 'error');
  }
}

/**
 * Results that really contain every term, for queries the index alone cannot answer exactly
 * (a single Han character at a phrase's edge): checked against each record's text until
 * `needed` are found; the rest stay unchecked.
 */
async function checked(results, terms, simplify, needed) {
  const out = [];
  let i = 0;
  for (; i < results.length && out.length < needed; i++) {
    const record = await loadRecord(results[i].url);
    if (containsAll(fold(`${record.title}\n${record.text}`, simplify), terms)) out.push(results[i]);
  }
  return out.concat(results.slice(i));
}

// ---------------------------------------------------------------------------------------------
// Showing results.

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** Text with its marks as text nodes and <mark> elements, converted to the reader's script. */
async function marked(text, marks, from, to) {
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

const chineseDate = (iso) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** One result: the title linked, date and chairs, and a passage around the first match. */
async function resultItem(row, terms, simplify, labels) {
  const record = await loadRecord(row.url);
  const from = record.script === 'Hans' ? 'Hans' : 'Hant';
  const to = chosenScript() ?? from;
  const titleMarks = highlights(fold(record.title, simplify), terms);
  const text = record.text;
  const part = excerpt(text, highlights(fold(text, simplify), terms), EXCERPT_LENGTH);
  const chairs = [...new Set(record.meetings.flatMap((m) => m.chairs))];
  const link = el('a', { href: prefix + row.url.replace(/^\//, '') }, await marked(record.title, titleMarks, from, to));
  const meta = el('p', { class: 'search-meta' }, el('time', { datetime: record.date }, chineseDate(record.date)));
  // 主持 is written the same in both scripts.
  if (chairs.length > 0) meta.append(el('span', { class: 'search-chair' }, `主持：${await inScript(chairs.join('、'), from, to)}`));
  const passage = el('p', { class: 'search-excerpt' });
  if (part.start > 0) passage.append('…');
  passage.append(await marked(text.slice(part.start, part.end), part.marks, from, to));
  if (part.end < text.length) passage.append('…');
  const item = el('li', { 'data-url': row.url, 'data-date': record.date }, el('h2', {}, link), meta, passage);
  if (to !== labels) item.setAttribute('lang', to === 'Hans' ? 'zh-Hans' : 'zh-Hant');
  return item;
}

/** Replaces a filter's options with the values that have results, each with its count. */
async function showFacet(facet, counts, state, index, script) {
  const select = form.elements.namedItem(facet);
  if (!select || !counts) return;
  const c = counts[facet];
  let values = [];
  if (facet === 'official') {
    for (const o of index.officials) values.push([o.slug, o.label ? `${o.names[script]}（${await say(o.label, script)}）` : o.names[script]]);
  } else if (facet === 'kind') {
    values = index.kinds.map((k) => [k.slug, k.names[script]]);
  } else {
    values = [...c.keys()].sort().reverse().map((v) => [v, facet === 'year' ? `${v}年` : `${v.slice(0, 4)}年${Number(v.slice(5))}月`]);
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
async function show(view, stale) {
  const script = labelScript();
  rendered = chosenScript();
  const { state, terms, results, counts, idle, simplify } = view;
  const index = await loadIndex();
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const items = await Promise.all(results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => resultItem(r, terms, simplify, script)));
  const filtered = FACETS.some((f) => state[f]) || state.from || state.to;
  const status = idle ? '' : results.length === 0 ? await say('沒有找到結果。', script) : await say(`找到 ${results.length} 篇，按${state.sort === 'relevance' ? '相關度' : '日期從新到舊'}排列。`, script);
  const emptyParts = [];
  if (!idle && results.length === 0) {
    emptyParts.push(el('p', {}, await say(terms.length > 0 ? '每個詞都要出現在公報裏：試試少用幾個詞，或換一個說法。' : '沒有符合篩選條件的公報。', script)));
    if (filtered) {
      const plain = { ...state, official: '', kind: '', year: '', month: '', from: '', to: '', page: 1 };
      emptyParts.push(el('p', {}, el('a', { href: stateUrl(plain), 'data-search-link': '' }, await say('去掉所有篩選再搜索', script))));
    }
  }
  if (stale()) return;
  for (const facet of FACETS) await showFacet(facet, counts, state, index, script);
  statusEl.textContent = status;
  emptyEl.replaceChildren(...emptyParts);
  emptyEl.hidden = emptyParts.length === 0;
  listEl.replaceChildren(...items);
  listEl.setAttribute('start', String((page - 1) * PAGE_SIZE + 1));
  listEl.setAttribute('data-total', String(results.length));
  const links = [];
  if (page > 1) links.push(el('a', { href: stateUrl({ ...state, page: page - 1 }), rel: 'prev', 'data-search-link': '' }, await say('上一頁', script)));
  if (pages > 1) links.push(el('span', {}, `${page} / ${pages}`));
  if (page < pages) links.push(el('a', { href: stateUrl({ ...state, page: page + 1 }), rel: 'next', 'data-search-link': '' }, await say('下一頁', script)));
  pagerEl.replaceChildren(...links);
  pagerEl.hidden = links.length === 0;
  root.setAttribute('data-search', idle ? 'idle' : results.length === 0 ? 'empty' : 'done');
}

// ---------------------------------------------------------------------------------------------
// Wiring: the form, links inside the results, back and forward, the 繁/简 switch, the / key.

function go(state) {
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  fillForm(state);
  return run(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(formState());
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target.type === 'date')) go(formState());
});
document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest('a[data-search-link]') : null;
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  const url = new URL(a.getAttribute('href'), location.href);
  go(readState(url.search)).then(() => listEl.querySelector('a')?.focus());
});
window.addEventListener('popstate', () => {
  const state = readState(location.search);
  fillForm(state);
  run(state);
});
// site.js sets lang when the reader switches script: show the same results in the chosen script.
new MutationObserver(() => {
  const lang = root.getAttribute('lang');
  if (lang !== 'zh-Hans' && lang !== 'zh-Hant') return;
  if (chosenScript() === rendered) return;
  const token = current;
  if (shown) show(shown, () => token !== current);
}).observe(root, { attributes: true, attributeFilter: ['lang'] });
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    form.elements.namedItem('q').focus();
  }
});

const initial = readState(location.search);
fillForm(initial);
run(initial);
