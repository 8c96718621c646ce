// The search page: reads the search from the URL, looks the query's tokens up in the index chunks
// of the per-year Pagefind indexes (read directly, without pagefind.js), filters, counts and sorts
// the bulletins found with the per-year catalogs, and shows each result from its record.json in
// the reader's script. Results are built with DOM calls and textContent only: no bulletin text or
// index file is ever parsed as HTML.
import {
  chunksHolding, containsAll, excerpt, fold, highlights, pagefindChunk, pagefindWord, parseQuery, planTerm, simplifierFromPairs,
} from './search-query.js';

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
/**
 * @param {string} path
 * @param {'high' | 'low' | 'auto'} [priority] the fetch's priority, when the file is not loaded yet
 */
const getJson = (path, priority = 'auto') => cached(path, async () => {
  const response = await fetch(prefix + path.replace(/^\//, ''), { priority });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
});
const loadIndex = () => getJson('search/index.json');
const loadSimplifier = () => cached('t2s', async () => simplifierFromPairs(await getJson('search/t2s.json')));

/**
 * @typedef {{ shard: any; rank: number; seq: number; date: string; officials: number[]; kinds: number[]; length: number; score: number; url?: string }} Row
 * A bulletin as the catalog knows it: `rank` its place in its shard (newest first), `seq` its
 * place in the whole archive, `length` its length in index tokens (about).
 */

/**
 * A shard's catalog (search/<shard>.json) unpacked: its rows newest first, the row of each
 * Pagefind page number, and the first word of each index chunk.
 * @param {any} shard from index.json
 * @param {number} position the shard's place in index.json (newest first)
 */
const loadCatalog = (shard, position, priority) => cached(`catalog:${shard.name}`, async () => {
  const c = await getJson(`search/${shard.name}.json`, priority);
  /** @type {Row[]} */
  const rows = [];
  /** @type {Row[]} */
  const byPage = [];
  let day = 0;
  for (let rank = 0; rank < c.pages.length; rank++) {
    day = rank === 0 ? c.days[0] : day - c.days[rank];
    const row = {
      shard, rank, seq: position * 1e6 + rank, date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      officials: c.officials[rank], kinds: c.kinds[rank], length: 2 ** ((c.lengths.charCodeAt(rank) - 48) / 3), score: 0,
    };
    rows.push(row);
    byPage[c.pages[rank]] = row;
  }
  const split = (list) => (list === '' ? [] : list.split(' '));
  return { shard, rows, byPage, chunkWords: split(c.chunkWords), chunkFiles: split(c.chunkFiles) };
});

/** The URLs of a shard's rows (search/<shard>.urls.json), loaded for the results shown. */
const loadUrls = (shard) => getJson(`search/${shard.name}.urls.json`);

/** @param {Row} row */
async function urlOf(row) {
  row.url ??= (await loadUrls(row.shard))[row.rank];
  return /** @type {string} */ (row.url);
}

/** @param {Row} row */
const loadRecord = async (row) => getJson(`${await urlOf(row)}record.json`, 'high');

/** One of a shard's index chunks: its words, each with the pages that hold it and where. */
const loadChunk = (shard, file, priority) => cached(`chunk:${shard.name}/${file}`, async () => {
  const response = await fetch(`${prefix}pagefind/${shard.name}/index/${file}.pf_index`, { priority });
  if (!response.ok) throw new Error(`${response.status} pagefind/${shard.name}/index/${file}.pf_index`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  // Stored gzipped; a host may also have unzipped it on the way.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  return pagefindChunk(bytes);
});

/**
 * Where a word (or, with `prefix`, any word starting with it) occurs in a shard's pages:
 * row → [positions, weights].
 * @returns {Promise<Map<Row, { positions: number[]; weights: number[] }>>}
 */
async function occurrences(catalog, word, prefix, priority) {
  const out = new Map();
  const chunks = await Promise.all(chunksHolding(catalog.chunkWords, word, prefix).map((i) => loadChunk(catalog.shard, catalog.chunkFiles[i], priority)));
  for (const chunk of chunks) {
    for (const w of prefix ? chunk.words().filter((w) => w.startsWith(word)) : [word]) {
      for (const { page, positions, weights } of chunk.postings(w)) {
        const row = catalog.byPage[page];
        if (!row) throw new Error(`pagefind/${catalog.shard.name}: page ${page} of ${w} is not in the catalog`);
        const seen = out.get(row);
        if (seen) seen.positions.push(...positions), seen.weights.push(...weights);
        else out.set(row, { positions: [...positions], weights: [...weights] });
      }
    }
  }
  return out;
}

/**
 * The rows of one shard matching one query of planTerm, each with the weighted count of each of
 * the query's tokens in it (for relevance): `"a b c"` needs the tokens at consecutive positions
 * (as `contains` reads a text, a break between two pieces, the end of the title included, is no
 * gap), a bare character any word starting with it. `df` gets how many of the shard's rows hold
 * each token.
 * @returns {Promise<Map<Row, Map<string, number>>>}
 */
async function findIn(catalog, query, df, priority) {
  const phrase = query.startsWith('"');
  const tokens = (phrase ? query.slice(1, -1).split(' ') : [query]).map(pagefindWord);
  const lists = await Promise.all(tokens.map((t) => occurrences(catalog, t, !phrase, priority)));
  tokens.forEach((t, i) => df.set(t, lists[i].size));
  const found = new Map();
  for (const [row, first] of lists[0]) {
    if (!lists.every((list) => list.has(row))) continue;
    if (tokens.length > 1) {
      const at = lists.map((list) => new Set(list.get(row).positions));
      if (!first.positions.some((p) => at.every((set, t) => set.has(p + t)))) continue;
    }
    found.set(row, new Map(tokens.map((t, i) => [t, lists[i].get(row).weights.reduce((n, w) => n + w / 24, 0)])));
  }
  return found;
}

/** Rows in both maps, with the token counts of both. */
function both(a, b) {
  return new Map([...a].filter(([row]) => b.has(row)).map(([row, tf]) => [row, new Map([...tf, ...b.get(row)])]));
}

/**
 * The rows of one shard that contain every term (a term: any of its alternatives), with their
 * token counts; `exact` false when they still need checking against their records.
 * @returns {Promise<{ rows: Map<Row, Map<string, number>>; exact: boolean; df: Map<string, number> }>}
 */
async function matchShard(catalog, terms, priority) {
  const df = new Map();
  let exact = true;
  /** @type {Map<Row, Map<string, number>> | null} */
  let result = null;
  for (const term of terms) {
    const union = new Map();
    for (const alternative of term.alternatives) {
      const plan = planTerm(alternative);
      if (!plan.exact) exact = false;
      let all = null;
      for (const query of plan.queries) {
        const found = await findIn(catalog, query, df, priority);
        all = all === null ? found : both(all, found);
        if (all.size === 0) break;
      }
      for (const [row, tf] of all ?? []) union.set(row, new Map([...(union.get(row) ?? []), ...tf]));
    }
    result = result === null ? union : both(result, union);
    if (result.size === 0) break;
  }
  return { rows: terms.length === 0 ? new Map(catalog.rows.map((r) => [r, new Map()])) : result ?? new Map(), exact, df };
}

// BM25 for relevance, with its usual constants: term saturation and the weight of length.
const K1 = 1.2;
const B = 0.75;

/**
 * The rows found in every shard, each with its BM25 score over all of them (the sum over the
 * tokens that found it).
 * @param {Array<{ catalog: any; rows: Map<Row, Map<string, number>>; df: Map<string, number> }>} found
 */
function scored(found) {
  const all = found.flatMap((f) => f.catalog.rows);
  const averageLength = all.reduce((n, r) => n + r.length, 0) / Math.max(1, all.length);
  const df = new Map();
  for (const f of found) for (const [t, n] of f.df) df.set(t, (df.get(t) ?? 0) + n);
  const idf = (t) => Math.log(1 + (all.length - df.get(t) + 0.5) / (df.get(t) + 0.5));
  return found.flatMap((f) => [...f.rows].map(([row, tf]) => {
    let score = 0;
    for (const [t, n] of tf) score += (idf(t) * n * (K1 + 1)) / (n + K1 * (1 - B + (B * row.length) / averageLength));
    return { ...row, score };
  }));
}

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

/** The value a row has for a facet (several for officials and kinds). */
function facetValues(row, facet, index) {
  if (facet === 'official') return row.officials.map((i) => index.officials[i].slug);
  if (facet === 'kind') return row.kinds.map((i) => index.kinds[i].slug);
  if (facet === 'year') return [row.date.slice(0, 4)];
  return [row.date.slice(0, 7)];
}

const inRange = (rows, state) => rows.filter((r) => (!state.from || r.date >= state.from) && (!state.to || r.date <= state.to));
const passes = (row, state, index, except) => FACETS.every((f) => f === except || !state[f] || facetValues(row, f, index).includes(state[f]));

/** The rows passing every filter, sorted. */
function passing(rows, state, index) {
  const results = inRange(rows, state).filter((r) => passes(r, state, index, null));
  // Newest first is the catalogs' order: by date, then URL.
  return results.sort(state.sort === 'relevance' ? (a, b) => b.score - a.score || a.seq - b.seq : (a, b) => a.seq - b.seq);
}

/** The rows passing every filter, and per filter the counts of its values among rows passing the others. */
function narrow(rows, state, index) {
  const counts = {};
  const range = inRange(rows, state);
  for (const facet of FACETS) {
    const c = new Map();
    for (const row of range) if (passes(row, state, index, facet)) for (const v of new Set(facetValues(row, facet, index))) c.set(v, (c.get(v) ?? 0) + 1);
    counts[facet] = c;
  }
  return { results: passing(rows, state, index), counts };
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
    const searching = state.q !== '' || FACETS.some((f) => state[f]) || state.from || state.to;
    // The shards that can hold a result in the date range (year and month are filters with
    // counts), newest first; their catalogs start loading now, the newest first in the queue.
    const shards = searching ? index.shards.filter((sh) => (!state.to || sh.first <= state.to) && (!state.from || sh.last >= state.from)) : [];
    if (shards.length > 0) loadCatalog(shards[0], index.shards.indexOf(shards[0]), 'high').catch(() => {});
    const simplify = /[^\x00-\x7f]/.test(state.q) ? await loadSimplifier() : (t) => t;
    const names = index.officials.map((o) => ({ pinyin: o.pinyin, keys: o.keys }));
    const terms = state.q ? parseQuery(state.q, simplify, names) : [];
    if (!searching) {
      shown = null;
      await show({ state, terms, results: [], counts: null, total: 0, idle: true, simplify }, stale);
      return;
    }
    const unsearchable = state.q !== '' && terms.length === 0;
    const count = unsearchable ? 0 : shards.length;
    /** @type {Array<Promise<{ catalog: any; rows: Map<Row, Map<string, number>>; exact: boolean; df: Map<string, number> }>>} */
    const searches = [];
    const start = (i, priority) => {
      if (!searches[i]) {
        searches[i] = loadCatalog(shards[i], index.shards.indexOf(shards[i]), priority).then(async (catalog) => ({ catalog, ...(await matchShard(catalog, terms, priority)) }));
        searches[i].catch(() => {});
      }
      return searches[i];
    };
    const needed = state.page * PAGE_SIZE;
    let early;
    if (state.sort !== 'relevance') {
      // Newest first, the shards' rows come in the shards' order. They are searched from the
      // newest in batches (one shard, then as many as the results so far say the page needs, at
      // least twice the last batch); as soon as those searched fill the page it is shown, and
      // the older shards are searched for the counts while its records load.
      const sofar = [];
      let size = 1;
      for (let from = 0; from + size < count;) {
        const batch = await Promise.all(Array.from({ length: size }, (_, k) => start(from + k, 'high')));
        if (stale()) return;
        if (batch.some((f) => !f.exact)) break;
        for (const f of batch) sofar.push(...f.rows.keys());
        from += size;
        const results = passing(sofar, state, index);
        if (results.length >= needed) {
          early = await showItems(results, state.page, terms, simplify, stale);
          break;
        }
        const perShard = results.length / from;
        size = Math.max(2 * size, perShard > 0 ? Math.ceil((1.5 * (needed - results.length)) / perShard) : count);
      }
    }
    for (let i = 0; i < count; i++) start(i, 'low');
    const found = await Promise.all(searches);
    if (stale()) return;
    const exact = found.every((f) => f.exact);
    const rows = state.sort === 'relevance' ? scored(found) : found.flatMap((f) => [...f.rows.keys()]);
    let { results, counts } = narrow(rows, state, index);
    if (!exact) results = await checked(results, terms, simplify, needed);
    if (stale()) return;
    shown = { state, terms, results, counts, total: results.length, exact, idle: false, simplify };
    await show(shown, stale, early);
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
    const record = await loadRecord(results[i]);
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
  const record = await loadRecord(row);
  const url = await urlOf(row);
  const from = record.script === 'Hans' ? 'Hans' : 'Hant';
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

/**
 * Puts page `page` of the results in the list. Their records are fetched together and each
 * result is shown as soon as it and those before it are ready, so the first does not wait for
 * the twentieth. Resolves once the first is shown, with the promise of the rest.
 * @returns {Promise<{ rest: Promise<void> }>}
 */
async function showItems(results, page, terms, simplify, stale) {
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
async function show(view, stale, early) {
  const script = labelScript();
  const { state, terms, results, counts, idle, simplify } = view;
  const index = await loadIndex();
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const page = Math.min(state.page, pages);
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
  const { rest } = early ?? await showItems(results, page, terms, simplify, stale);
  if (stale()) return;
  for (const facet of FACETS) await showFacet(facet, counts, state, index, script);
  statusEl.textContent = status;
  emptyEl.replaceChildren(...emptyParts);
  emptyEl.hidden = emptyParts.length === 0;
  listEl.setAttribute('data-total', String(results.length));
  const links = [];
  if (page > 1) links.push(el('a', { href: stateUrl({ ...state, page: page - 1 }), rel: 'prev', 'data-search-link': '' }, await say('上一頁', script)));
  if (pages > 1) links.push(el('span', {}, `${page} / ${pages}`));
  if (page < pages) links.push(el('a', { href: stateUrl({ ...state, page: page + 1 }), rel: 'next', 'data-search-link': '' }, await say('下一頁', script)));
  pagerEl.replaceChildren(...links);
  pagerEl.hidden = links.length === 0;
  await rest;
  if (stale()) return;
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
