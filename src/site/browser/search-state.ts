// What a search is, as the URL and the form hold it:
// /search/?q=…&official=…&kind=…&year=…&month=…&from=…&to=…&sort=relevance&page=2
import { form, prefix } from './search-page.ts';

/** A filter of the form, one value of a row each. */
export type Facet = 'official' | 'kind' | 'year' | 'month';

/** What a search is, as the URL and the form hold it. */
export interface State {
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

/** The filters, in the order the form shows them; each narrows by one value of a row. */
export const FACETS: Facet[] = ['official', 'kind', 'year', 'month'];
const KEYS = ['q', ...FACETS, 'from', 'to', 'sort', 'page'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readState(search: string): State {
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

export function stateUrl(state: State): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === 'page' ? (state.page > 1 ? String(state.page) : '') : state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return `${prefix}search/${query ? `?${query}` : ''}`;
}

export function fillForm(state: State): void {
  for (const key of KEYS) {
    const field = form.elements.namedItem(key);
    if (field && 'value' in field) field.value = String(state[key] ?? '');
  }
}

export function formState(): State {
  const state = readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString());
  state.page = 1;
  return state;
}
