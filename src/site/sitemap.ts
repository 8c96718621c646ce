// sitemap.xml: every HTML page's absolute URL; past 50,000 URLs, numbered sitemaps and an index.
import { absoluteUrl } from './filters.ts';
import { xml } from './html.ts';

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** The site paths of pages worth listing: HTML pages, not feeds, JSON, redirects or the 404. */
export function sitemapPaths(collection: ReadonlyArray<{ url: string | false }>): string[] {
  return collection.map((item) => item.url).filter((url): url is string => typeof url === 'string' && url.endsWith('/')).sort();
}

export function urlset(paths: readonly string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => xml`<url><loc>${absoluteUrl(p)}</loc></url>\n`)}</urlset>`}\n`;
}

export function sitemapIndex(files: readonly string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((f) => xml`<sitemap><loc>${absoluteUrl(f)}</loc></sitemap>\n`)}</sitemapindex>`}\n`;
}

/** The sitemap files for this many URLs: sitemap.xml alone, or sitemap-1.xml … listed by sitemap.xml. */
export function sitemapFiles(count: number): string[] {
  const n = Math.max(1, Math.ceil(count / SITEMAP_LIMIT));
  return n === 1 ? ['/sitemap.xml'] : Array.from({ length: n }, (_, i) => `/sitemap-${i + 1}.xml`);
}
