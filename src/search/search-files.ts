// The shapes of the files the build writes under /search/ for the search page: the contract between
// src/search/index-stage.ts and catalogs.ts (Node) and src/site/browser/search*.ts (the browser). Types only.

/** One Pagefind index: a year, or part of a year with more than shardSize bulletins. */
export interface ShardInfo {
  /** Folder name under pagefind/ and file name under search/: 2022, or 2022-2 for a year's second part. */
  name: string;
  year: number;
  /** First and last date in the shard, YYYY-MM-DD. */
  first: string;
  last: string;
  count: number;
  /** Seconds the Pagefind run took. */
  seconds: number;
}

/** An official as the search page knows them. */
export interface SearchOfficial {
  slug: string;
  names: Record<'Hant' | 'Hans', string>;
  /** What tells namesakes apart (長樂區), else "". */
  label: string;
  /** Simplified names that count as this person in a query spelt in pinyin. */
  keys: string[];
  /** Toneless pinyin, letters only: liaohaijun (and lu for lü). */
  pinyin: string[];
}

export interface SearchKind {
  slug: string;
  names: Record<'Hant' | 'Hans', string>;
}

/** /search/index.json: what the search page loads first. */
export interface SearchIndexFile {
  format: number;
  /** Newest first. */
  shards: Array<Omit<ShardInfo, 'seconds'>>;
  officials: SearchOfficial[];
  kinds: SearchKind[];
}

/**
 * /search/<shard>.json: what the search page needs of every bulletin of a shard to find, filter,
 * count and sort it, and where the shard's index chunks are. The rows are the shard's bulletins
 * newest first (as planShards orders them); their URLs are in /search/<shard>.urls.json, which
 * the page loads only for the results it shows.
 */
export interface ShardCatalog {
  name: string;
  /** The first word of each of the bundle's index chunks, in word order, separated by spaces. */
  chunkWords: string;
  /** The file name under index/ (without .pf_index) of each chunk, separated by spaces. */
  chunkFiles: string;
  /** Each row's Pagefind page number (its place in the bundle's pf_meta). */
  pages: number[];
  /** Each row's date in days since 1970-01-01: the first row's, then how many days older each row is than the one before. */
  days: number[];
  /** Each row's officials, as indexes into index.json's officials. */
  officials: number[][];
  /** Each row's meeting kinds, as indexes into index.json's kinds. */
  kinds: number[][];
  /** Each row's length in index tokens, one character per row whose code minus 48 is round(3 log2 length). */
  lengths: string;
}
