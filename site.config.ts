// The archive's settings, for its editors to change: its name, where it is published, its default
// script, list sizes, the dates a bulletin may have. src/config.ts reads this file (and lets SITE_URL
// and SITE_PATH_PREFIX in the environment override the two addresses); the code reads src/config.ts.
import type { Script } from './src/record.ts';

export interface SiteConfig {
  /** The archive's name, shown in every page's header and feed titles. */
  name: { Hant: string; Hans: string };
  /** Where the site is published, without a trailing slash: feeds and the sitemap use absolute URLs. */
  baseUrl: string;
  /** The folder the site is served from: "/" at a domain's root, "/archive/" below it. */
  pathPrefix: string;
  /** The script of pages that are not one bulletin's (home, lists, indexes). */
  defaultScript: Script;
  /** How many entries one page of a long list shows. */
  pageSize: number;
  /** How many entries a feed carries. */
  feedSize: number;
  /** How many bulletins the home page lists. */
  homeSize: number;
  /** How many bulletins each group of the review queue (/report/) lists, newest first; the rest are counted. */
  reviewSize: number;
  /** The time zone bulletin dates are in. */
  zone: string;
  /**
   * The days a bulletin may be dated (YYYY-MM-DD, both included): a date outside them, in the text
   * or the front matter, is an error with its line (`check`, `parse` and the build alike).
   */
  dates: { first: string; last: string };
}

/** The settings. */
export const settings: SiteConfig = {
  name: { Hant: '長樂政務新聞檔案', Hans: '长乐政务新闻档案' },
  baseUrl: 'http://127.0.0.1:8080',
  pathPrefix: '/',
  defaultScript: 'Hant',
  pageSize: 50,
  feedSize: 50,
  homeSize: 20,
  reviewSize: 500,
  zone: 'Asia/Shanghai',
  // From the founding of the People's Republic to the end of next year (in China's time zone).
  dates: { first: '1949-10-01', last: `${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1}-12-31` },
};
