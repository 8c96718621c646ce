// sitemap.xml: every HTML page's absolute URL; past 50,000 URLs, numbered sitemaps and an index.
import { absoluteUrl } from './filters.ts';
import { xml } from './html.ts';

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
