// The search page: reads the search from the URL, looks the query's tokens up in the index chunks
// of the per-year Pagefind indexes (read directly, without pagefind.js), filters, counts and sorts
// the bulletins found with the per-year catalogs, and shows each result from its record.json in
// the reader's script. Results are built with DOM calls and textContent only: no bulletin text or
// index file is ever parsed as HTML. Bundled as a module (/assets/search.js, scripts/run.mjs) with
// the search rules the build indexed with (src/search/text-rules.ts, pagefind-format.ts).
import { chunksHolding, type PagefindChunk, pagefindChunk, pagefindWord } from '../../search/pagefind-format.ts';
import type { SearchIndexFile, ShardCatalog } from '../../search/search-files.ts';
import { containsAll, excerpt, fold, highlights, parseQuery, planTerm, simplifierFromPairs, type Term } from '../../search/text-rules.ts';
import { type Convert, converterLoader, type Script } from './opencc.ts';

/** A shard as index.json lists it. */
type ShardInfo = SearchIndexFile['shards'][number];

/** A filter of the form, one value of a row each. */
type Facet = 'official' | 'kind' | 'year' | 'month';

/** What a search is, as the URL and the form hold it. */
interface State {
  q: string;
  official: string;
  kind: string;
  year: string;
  month: string;
  from: string;
  to: string;
  /** 'relevance', or '' for newest first. */
  sort: string;
  page: number;
}

/**
 * A bulletin as the catalog knows it: `rank` its place in its shard (newest first), `seq` its
 * place in the whole archive, `length` its length in index tokens (about).
 */
interface Row {
  shard: ShardInfo;
  rank: number;
  seq: number;
  date: string;
  officials: number[];
  kinds: number[];
  length: number;
  score: number;
  url?: string;
}

/** A shard's catalog unpacked (loadCatalog). */
interface Catalog {
  shard: ShardInfo;
  /** Newest first. */
  rows: Row[];
  /** The row of each Pagefind page number. */
  byPage: Row[];
  /** The first word of each index chunk, and its file. */
  chunkWords: string[];
  chunkFiles: string[];
}

/** What the page shows of a bulletin's record.json. */
interface RecordJson {
  title: string;
  text: string;
  script: string;
  date: string;
  meetings: Array<{ chairs: string[] }>;
}

/** Each row found, with the weighted count of each query token in it. */
type Found = Map<Row, Map<string, number>>;

/** One shard searched: its rows found, whether they are exact, and how many rows hold each token. */
interface ShardMatch {
  catalog: Catalog;
  rows: Found;
  exact: boolean;
  df: Map<string, number>;
}

/** A search to show. */
interface View {
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

const root = document.documentElement;
const prefix = new URL('..', import.meta.url).pathname;
const PAGE_SIZE = 20;
const EXCERPT_LENGTH = 110;
/** The filters, in the order the form shows them; each narrows by one value of a row. */
const FACETS: Facet[] = ['official', 'kind', 'year', 'month'];
const KEYS = ['q', ...FACETS, 'from', 'to', 'sort', 'page'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const statusEl = document.querySelector<HTMLElement>('[data-search-status]')!;
const emptyEl = document.querySelector<HTMLElement>('[data-search-empty]')!;
const listEl = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const pagerEl = document.querySelector<HTMLElement>('[data-search-pager]')!;
const pageScript: Script = root.getAttribute('data-script') === 'Hans' ? 'Hans' : 'Hant';

// ---------------------------------------------------------------------------------------------
// Loading, each file once.

const once = new Map<string, Promise<unknown>>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!once.has(key)) once.set(key, load().catch((error: unknown) => { once.delete(key); throw error; }));
  return once.get(key) as Promise<T>;
}
/** A JSON file of the site, fetched with `priority` when it is not loaded yet. */
const getJson = <T>(path: string, priority: RequestPriority = 'auto') => cached<T>(path, async () => {
  const response = await fetch(prefix + path.replace(/^\//, ''), { priority });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json() as Promise<T>;
});
const loadIndex = () => getJson<SearchIndexFile>('search/index.json');
const loadSimplifier = () => cached('t2s', async () => simplifierFromPairs(await getJson<string>('search/t2s.json')));

/**
 * A shard's catalog (search/<shard>.json) unpacked: its rows newest first, the row of each
 * Pagefind page number, and the first word of each index chunk. `position` is the shard's place
 * in index.json (newest first).
 */
const loadCatalog = (shard: ShardInfo, position: number, priority: RequestPriority) => cached<Catalog>(`catalog:${shard.name}`, async () => {
  const c = await getJson<ShardCatalog>(`search/${shard.name}.json`, priority);
  const rows: Row[] = [];
  const byPage: Row[] = [];
  let day = 0;
  for (let rank = 0; rank < c.pages.length; rank++) {
    day = rank === 0 ? c.days[0]! : day - c.days[rank]!;
    const row: Row = {
      shard, rank, seq: position * 1e6 + rank, date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      officials: c.officials[rank]!, kinds: c.kinds[rank]!, length: 2 ** ((c.lengths.charCodeAt(rank) - 48) / 3), score: 0,
    };
    rows.push(row);
    byPage[c.pages[rank]!] = row;
  }
  const split = (list: string) => (list === '' ? [] : list.split(' '));
  return { shard, rows, byPage, chunkWords: split(c.chunkWords), chunkFiles: split(c.chunkFiles) };
});

/** The URLs of a shard's rows (search/<shard>.urls.json), loaded for the results shown. */
const loadUrls = (shard: ShardInfo) => getJson<string[]>(`search/${shard.name}.urls.json`);

async function urlOf(row: Row): Promise<string> {
  row.url ??= (await loadUrls(row.shard))[row.rank]!;
  return row.url;
}

const loadRecord = async (row: Row) => getJson<RecordJson>(`${await urlOf(row)}record.json`, 'high');

/** One of a shard's index chunks: its words, each with the pages that hold it and where. */
const loadChunk = (shard: ShardInfo, file: string, priority: RequestPriority) => cached<PagefindChunk>(`chunk:${shard.name}/${file}`, async () => {
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
 */
async function occurrences(catalog: Catalog, word: string, prefix: boolean, priority: RequestPriority): Promise<Map<Row, { positions: number[]; weights: number[] }>> {
  const out = new Map<Row, { positions: number[]; weights: number[] }>();
  const chunks = await Promise.all(chunksHolding(catalog.chunkWords, word, prefix).map((i) => loadChunk(catalog.shard, catalog.chunkFiles[i]!, priority)));
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
 */
async function findIn(catalog: Catalog, query: string, df: Map<string, number>, priority: RequestPriority): Promise<Found> {
  const phrase = query.startsWith('"');
  const tokens = (phrase ? query.slice(1, -1).split(' ') : [query]).map(pagefindWord);
  const lists = await Promise.all(tokens.map((t) => occurrences(catalog, t, !phrase, priority)));
  tokens.forEach((t, i) => df.set(t, lists[i]!.size));
  const found: Found = new Map();
  for (const [row, first] of lists[0]!) {
    if (!lists.every((list) => list.has(row))) continue;
    if (tokens.length > 1) {
      const at = lists.map((list) => new Set(list.get(row)!.positions));
      if (!first.positions.some((p) => at.every((set, t) => set.has(p + t)))) continue;
    }
    found.set(row, new Map(tokens.map((t, i) => [t, lists[i]!.get(row)!.weights.reduce((n, w) => n + w / 24, 0)])));
  }
  return found;
}

/** Rows in both maps, with the token counts of both. */
function both(a: Found, b: Found): Found {
  return new Map([...a].filter(([row]) => b.has(row)).map(([row, tf]) => [row, new Map([...tf, ...b.get(row)!])]));
}

/**
 * The rows of one shard that contain every term (a term: any of its alternatives), with their
 * token counts; `exact` false when they still need checking against their records.
 */
async function matchShard(catalog: Catalog, terms: Term[], priority: RequestPriority): Promise<Omit<ShardMatch, 'catalog'>> {
  const df = new Map<string, number>();
  let exact = true;
  let result: Found | null = null;
  for (const term of terms) {
    const union: Found = new Map();
    for (const alternative of term.alternatives) {
      const plan = planTerm(alternative);
      if (!plan.exact) exact = false;
      let all: Found | null = null;
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
  return { rows: terms.length === 0 ? new Map(catalog.rows.map((r) => [r, new Map<string, number>()])) : result ?? new Map(), exact, df };
}

// BM25 for relevance, with its usual constants: term saturation and the weight of length.
const K1 = 1.2;
const B = 0.75;

/**
 * The rows found in every shard, each with its BM25 score over all of them (the sum over the
 * tokens that found it).
 */
function scored(found: ShardMatch[]): Row[] {
  const all = found.flatMap((f) => f.catalog.rows);
  const averageLength = all.reduce((n, r) => n + r.length, 0) / Math.max(1, all.length);
  const df = new Map<string, number>();
  for (const f of found) for (const [t, n] of f.df) df.set(t, (df.get(t) ?? 0) + n);
  const idf = (t: string) => Math.log(1 + (all.length - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
  return found.flatMap((f) => [...f.rows].map(([row, tf]) => {
    let score = 0;
    for (const [t, n] of tf) score += (idf(t) * n * (K1 + 1)) / (n + K1 * (1 - B + (B * row.length) / averageLength));
    return { ...row, score };
  }));
}

// ---------------------------------------------------------------------------------------------
// The reader's script: results follow the 繁/简 choice once made, labels follow the page.

/** The script the reader chose with the 繁/简 switch, or null: then each result shows as written. */
function chosenScript(): Script | null {
  try {
    const stored = window.localStorage.getItem('archive.script');
    if (stored === 'Hans' || stored === 'Hant') return stored;
  } catch (e) { /* private mode */ }
  return null;
}

/** The script the page's own labels are shown in. */
function labelScript(): Script {
  const lang = root.getAttribute('lang');
  if (lang === 'zh-Hans') return 'Hans';
  if (lang === 'zh-Hant') return 'Hant';
  return chosenScript() ?? pageScript;
}

/** A converter to a script (opencc-js, loaded as site.js loads it). */
const converter: (target: Script) => Promise<Convert> = converterLoader(prefix);

/** Converts text written in `from` to `to`. */
async function inScript(text: string, from: Script, to: Script): Promise<string> {
  if (from === to || !text) return text;
  return (await converter(to))(text);
}

/** A label written in Traditional, in the reader's script. */
const say = (text: string, script: Script) => inScript(text, 'Hant', script);

// ---------------------------------------------------------------------------------------------
// State in the URL: /search/?q=…&official=…&kind=…&year=…&month=…&from=…&to=…&sort=relevance&page=2

function readState(search: string): State {
  const params = new URLSearchParams(search);
  const text = (key: string) => (params.get(key) ?? '').trim();
  const state: State = {
    q: text('q'), official: text('official'), kind: text('kind'), year: text('year'), month: text('month'),
    from: text('from'), to: text('to'), sort: text('sort'), page: 1,
  };
  if (state.from && !DATE.test(state.from)) state.from = '';
  if (state.to && !DATE.test(state.to)) state.to = '';
  if (state.sort !== 'relevance') state.sort = '';
  state.page = Math.max(1, Number.parseInt(text('page'), 10) || 1);
  return state;
}

function stateUrl(state: State): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === 'page' ? (state.page > 1 ? String(state.page) : '') : state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return `${prefix}search/${query ? `?${query}` : ''}`;
}

function fillForm(state: State): void {
  for (const key of KEYS) {
    const field = form.elements.namedItem(key);
    if (field && 'value' in field) field.value = String(state[key] ?? '');
  }
}

function formState(): State {
  const state = readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString());
  state.page = 1;
  return state;
}

/** The value a row has for a facet (several for officials and kinds). */
function facetValues(row: Row, facet: Facet, index: SearchIndexFile): string[] {
  if (facet === 'official') return row.officials.map((i) => index.officials[i]!.slug);
  if (facet === 'kind') return row.kinds.map((i) => index.kinds[i]!.slug);
  if (facet === 'year') return [row.date.slice(0, 4)];
  return [row.date.slice(0, 7)];
}

const inRange = (rows: Row[], state: State) => rows.filter((r) => (!state.from || r.date >= state.from) && (!state.to || r.date <= state.to));
const passes = (row: Row, state: State, index: SearchIndexFile, except: Facet | null) => FACETS.every((f) => f === except || !state[f] || facetValues(row, f, index).includes(state[f]));

/** The rows passing every filter, sorted. */
function passing(rows: Row[], state: State, index: SearchIndexFile): Row[] {
  const results = inRange(rows, state).filter((r) => passes(r, state, index, null));
  // Newest first is the catalogs' order: by date, then URL.
  return results.sort(state.sort === 'relevance' ? (a, b) => b.score - a.score || a.seq - b.seq : (a, b) => a.seq - b.seq);
}

/** The rows passing every filter, and per filter the counts of its values among rows passing the others. */
function narrow(rows: Row[], state: State, index: SearchIndexFile): { results: Row[]; counts: Record<Facet, Map<string, number>> } {
  const counts = {} as Record<Facet, Map<string, number>>;
  const range = inRange(rows, state);
  for (const facet of FACETS) {
    const c = new Map<string, number>();
    for (const row of range) if (passes(row, state, index, facet)) for (const v of new Set(facetValues(row, facet, index))) c.set(v, (c.get(v) ?? 0) + 1);
    counts[facet] = c;
  }
  return { results: passing(rows, state, index), counts };
}

// ---------------------------------------------------------------------------------------------
// Running a search.

let current = 0;
/** What is on screen, to show again in the other script. */
let shown: View | null = null;
/** The chosen script the results on screen were shown in. */
let rendered = chosenScript();

async function run(state: State): Promise<void> {
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
    if (shards.length > 0) loadCatalog(shards[0]!, index.shards.indexOf(shards[0]!), 'high').catch(() => {});
    const simplify = /[^\x00-\x7f]/.test(state.q) ? await loadSimplifier() : (t: string) => t;
    const names = index.officials.map((o) => ({ pinyin: o.pinyin, keys: o.keys }));
    const terms = state.q ? parseQuery(state.q, simplify, names) : [];
    if (!searching) {
      shown = null;
      await show({ state, terms, results: [], counts: null, total: 0, idle: true, simplify }, stale);
      return;
    }
    const unsearchable = state.q !== '' && terms.length === 0;
    const count = unsearchable ? 0 : shards.length;
    const searches: Array<Promise<ShardMatch>> = [];
    const start = (i: number, priority: RequestPriority): Promise<ShardMatch> => {
      if (!searches[i]) {
        searches[i] = loadCatalog(shards[i]!, index.shards.indexOf(shards[i]!), priority).then(async (catalog) => ({ catalog, ...(await matchShard(catalog, terms, priority)) }));
        searches[i]!.catch(() => {});
      }
      return searches[i]!;
    };
    const needed = state.page * PAGE_SIZE;
    let early: { rest: Promise<void> } | undefined;
    if (state.sort !== 'relevance') {
      // Newest first, the shards' rows come in the shards' order. They are searched from the
      // newest in batches (one shard, then as many as the results so far say the page needs, at
      // least twice the last batch); as soon as those searched fill the page it is shown, and
      // the older shards are searched for the counts while its records load.
      const sofar: Row[] = [];
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
async function checked(results: Row[], terms: Term[], simplify: (text: string) => string, needed: number): Promise<Row[]> {
  const out: Row[] = [];
  let i = 0;
  for (; i < results.length && out.length < needed; i++) {
    const record = await loadRecord(results[i]!);
    if (containsAll(fold(`${record.title}\n${record.text}`, simplify), terms)) out.push(results[i]!);
  }
  return out.concat(results.slice(i));
}

// ---------------------------------------------------------------------------------------------
// Showing results.

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
async function showItems(results: Row[], page: number, terms: Term[], simplify: (text: string) => string, stale: () => boolean): Promise<{ rest: Promise<void> }> {
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
async function show(view: View, stale: () => boolean, early?: { rest: Promise<void> }): Promise<void> {
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

// ---------------------------------------------------------------------------------------------
// Wiring: the form, links inside the results, back and forward, the 繁/简 switch, the / key.

function go(state: State): Promise<void> {
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  fillForm(state);
  return run(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void go(formState());
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target.type === 'date')) go(formState());
});
document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest('a[data-search-link]') : null;
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  const url = new URL(a.getAttribute('href') ?? '', location.href);
  void go(readState(url.search)).then(() => listEl.querySelector('a')?.focus());
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
    (form.elements.namedItem('q') as HTMLInputElement).focus();
  }
});

const initial = readState(location.search);
fillForm(initial);
run(initial);
