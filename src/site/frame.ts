// The page frame's contract: what every page tells the frame (layouts/base.ts) about itself. The
// frame reaches the pages as Eleventy global data `frame` (.eleventy.ts adds it), so src/ never
// imports the top-level layouts/ folder.
import type { SafeHtml } from './html.ts';
import type { Script } from '../record.ts';

export interface PageOptions {
  /** The page's script: the bulletin's own, else the site's default. Sets <html lang>. */
  script: Script;
  /** The page's title, without the site's name. */
  title: string;
  /** The page's site path, e.g. /2022/07/18/slug/ (the canonical link). */
  path: string;
  description?: string;
  /** Extra markup for <head>: JSON-LD, meta refresh. */
  head?: SafeHtml;
  /** The page's Atom feed, announced in <head>. */
  feed?: { title: string; path: string };
  /** Where the page sits: home › year › month … (the last one is the page itself). */
  crumbs?: Array<{ label: string; path?: string }>;
  /** Show the pinyin toggle (the page has readings). */
  readings?: boolean;
  /** Keep the page out of search engines (redirects, the report, 404). */
  noindex?: boolean;
}

/** The frame: the whole HTML page around a page's body. */
export type Frame = (options: PageOptions, body: SafeHtml) => string;
