// The search page: reads the search from the URL, looks the query's tokens up in the index chunks
// of the per-year Pagefind indexes (read directly, without pagefind.js), filters, counts and sorts
// the bulletins found with the per-year catalogs, and shows each result from its record.json in
// the reader's script. Results are built with DOM calls and textContent only: no bulletin text or
// index file is ever parsed as HTML. Bundled as a module (/assets/search.js, scripts/run.mjs) with
// the search rules the build indexed with (src/search/text-rules.ts, pagefind-format.ts).
import { parseQuery } from '../../search/text-rules.ts';
import { loadCatalog, loadIndex, loadSimplifier, type Row } from './search-data.ts';
import { checked, matchShard, narrow, passing, scored, type ShardMatch } from './search-match.ts';
import { chosenScript, form, labelScript, listEl, root, say, statusEl } from './search-page.ts';
import { fillForm, FACETS, formState, readState, type State, stateUrl } from './search-state.ts';
import { PAGE_SIZE, renderedScript, show, showItems, type View } from './search-view.ts';

// ---------------------------------------------------------------------------------------------
// Running a search.

let current = 0;
/** What is on screen, to show again in the other script. */
let shown: View | null = null;

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
  if (chosenScript() === renderedScript()) return;
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
