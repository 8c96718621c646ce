// Finding a search's bulletins: each shard's rows holding the query's tokens (read from its index
// chunks), scored by BM25 for relevance, narrowed by the filters with a count for each value, and
// checked against their records when the index alone cannot tell.
import { chunksHolding, pagefindWord } from '../../search/pagefind-format.ts';
import type { SearchIndexFile } from '../../search/search-files.ts';
import { containsAll, fold, planTerm, type Term } from '../../search/text-rules.ts';
import { type Catalog, loadChunk, loadRecord, type Row } from './search-data.ts';
import { type Facet, FACETS, type State } from './search-state.ts';

/** Each row found, with the weighted count of each query token in it. */
type Found = Map<Row, Map<string, number>>;

/** One shard searched: its rows found, whether they are exact, and how many rows hold each token. */
export interface ShardMatch {
  catalog: Catalog;
  rows: Found;
  exact: boolean;
  df: Map<string, number>;
}

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
export async function matchShard(catalog: Catalog, terms: Term[], priority: RequestPriority): Promise<Omit<ShardMatch, 'catalog'>> {
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
export function scored(found: ShardMatch[]): Row[] {
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
export function passing(rows: Row[], state: State, index: SearchIndexFile): Row[] {
  const results = inRange(rows, state).filter((r) => passes(r, state, index, null));
  // Newest first is the catalogs' order: by date, then URL.
  return results.sort(state.sort === 'relevance' ? (a, b) => b.score - a.score || a.seq - b.seq : (a, b) => a.seq - b.seq);
}

/** The rows passing every filter, and per filter the counts of its values among rows passing the others. */
export function narrow(rows: Row[], state: State, index: SearchIndexFile): { results: Row[]; counts: Record<Facet, Map<string, number>> } {
  const counts = {} as Record<Facet, Map<string, number>>;
  const range = inRange(rows, state);
  for (const facet of FACETS) {
    const c = new Map<string, number>();
    for (const row of range) if (passes(row, state, index, facet)) for (const v of new Set(facetValues(row, facet, index))) c.set(v, (c.get(v) ?? 0) + 1);
    counts[facet] = c;
  }
  return { results: passing(rows, state, index), counts };
}

/**
 * Results that really contain every term, for queries the index alone cannot answer exactly
 * (a single Han character at a phrase's edge): checked against each record's text until
 * `needed` are found; the rest stay unchecked.
 */
export async function checked(results: Row[], terms: Term[], simplify: (text: string) => string, needed: number): Promise<Row[]> {
  const out: Row[] = [];
  let i = 0;
  for (; i < results.length && out.length < needed; i++) {
    const record = await loadRecord(results[i]!);
    if (containsAll(fold(`${record.title}\n${record.text}`, simplify), terms)) out.push(results[i]!);
  }
  return out.concat(results.slice(i));
}
