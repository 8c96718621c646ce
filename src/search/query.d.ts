// Types of query.js, the search text rules shared by the index build and the search page.

/** A run of one kind of character in a folded text. */
export interface Piece {
  kind: 'han' | 'letter' | 'digit';
  /** One code point each. */
  chars: string[];
  /** The offset (UTF-16) of each character in the folded text, which is also its offset in the original. */
  offsets: number[];
}

/** One thing the reader asked for; a result must contain one of its alternatives. */
export interface Term {
  /** As the reader typed it. */
  written: string;
  /** Skeletons (folded pieces joined by a line break): one, or each name of an official spelt in pinyin. */
  alternatives: string[];
  /** True when the term is an official's name spelt in pinyin. */
  pinyin: boolean;
}

/** An official as the query parser matches pinyin against them. */
export interface PinyinName {
  /** Toneless pinyin, letters only: liaohaijun. */
  pinyin: string[];
  /** Simplified names that count as this person. */
  keys: string[];
}

export function fold(text: string, simplify: (text: string) => string): string;
export function foldCharByRule(ch: string): string;
export function classOf(ch: string): 'han' | 'digit' | 'letter' | 'space' | 'break';
export function classOfByRule(ch: string): 'han' | 'digit' | 'letter' | 'space' | 'break';
export function pieces(folded: string): Piece[];
export function pieceTokens(piece: Piece): string[];
export function indexText(text: string, simplify: (text: string) => string): string;
export function parseQuery(raw: string, simplify: (text: string) => string, names?: PinyinName[]): Term[];
export function planTerm(skeleton: string): { queries: string[]; exact: boolean };
export function findAll(folded: string, skeleton: string): Array<[number, number]>;
export function containsAll(folded: string, terms: Term[]): boolean;
export function highlights(folded: string, terms: Term[]): Array<[number, number]>;
export function excerpt(text: string, marks: Array<[number, number]>, length: number): { start: number; end: number; marks: Array<[number, number]> };
export function simplifierFromPairs(pairs: string): (text: string) => string;

/** Where one word occurs in one page of a Pagefind index chunk. */
export interface PagefindPosting {
  /** The page's number in the bundle (its place in pf_meta's list of pages). */
  page: number;
  /** Positions in the page's sequence of tokens. */
  positions: number[];
  /** The weight of each position: 24 for body text, more in headings. */
  weights: number[];
}

/** An index chunk of a Pagefind bundle, read lazily. */
export interface PagefindChunk {
  /** Its words, in Pagefind's order. */
  words(): string[];
  /** Where a word occurs, by page; none when the chunk does not hold it. */
  postings(word: string): PagefindPosting[];
}

export function decodePagefind(bytes: Uint8Array): any;
export function pagefindChunk(bytes: Uint8Array): PagefindChunk;
export function pagefindWord(token: string): string;
export function chunksHolding(starts: string[], word: string, prefix: boolean): number[];
