// Every URL the archive publishes, decided here once: a bulletin's, a list's pages, the sitemap's
// pages, and the files written beside the pages (redirects are checked against these).
import type { BulletinRecord } from '../record.ts';
import type { Archive, ListPage } from './model.ts';
import { bulletinSlug } from './slug.ts';

/** Splits a list into pages: page 1 at `baseUrl`, page n at `baseUrl`page/n/. */
export function paginate<T>(items: T[], size: number, baseUrl: string): Array<ListPage<T>> {
  const count = Math.max(1, Math.ceil(items.length / size));
  const pageUrls = Array.from({ length: count }, (_, i) => (i === 0 ? baseUrl : `${baseUrl}page/${i + 1}/`));
  return pageUrls.map((url, i) => ({
    url, number: i + 1, pageUrls, items: items.slice(i * size, (i + 1) * size), start: i * size, total: items.length,
  }));
}

/** The URL of a bulletin: /YYYY/MM/DD/<slug>/ from its date and the slug of its file's name. */
export function bulletinUrl(record: Pick<BulletinRecord, 'id' | 'date'>): string {
  const [y, m, d] = record.date.split('-');
  return `/${y}/${m}/${d}/${bulletinSlug(record.id, record.date)}/`;
}

/** A bulletin's two files beside its page: the source as received, and the record as JSON. */
export function bulletinFileUrls(url: string): { sourceUrl: string; jsonUrl: string } {
  return { sourceUrl: `${url}source.txt`, jsonUrl: `${url}record.json` };
}

/** Listing pages every archive has, whatever it holds. */
const FIXED_PAGES = ['/', '/dates/', '/officials/', '/kinds/', '/report/', '/search/'];

/** Pages in the sitemap besides the archive's own lists. */
const SITEMAP_FIXED = ['/', '/dates/', '/kinds/'];

/** The site path of every page in the sitemap, sorted: what Eleventy's collections.all holds. */
export function sitemapPaths(a: Archive): string[] {
  return [
    ...SITEMAP_FIXED,
    ...a.bulletins.map((e) => e.url), ...a.days.map((d) => d.url), ...a.years.map((y) => y.url),
    ...a.pages.months.map((p) => p.url), ...a.pages.people.map((p) => p.url), ...a.pages.kinds.map((p) => p.url),
    ...a.pages.peopleIndex.map((p) => p.url), ...a.ambiguities.map((x) => x.url),
  ].sort();
}

/** Every HTML page of the archive, by site path (a redirect may point to one, never start from one). */
export function pageUrls(a: Archive): Set<string> {
  return new Set<string>([
    ...FIXED_PAGES,
    ...a.bulletins.map((e) => e.url), ...a.years.map((y) => y.url), ...a.months.map((m) => m.url),
    ...a.days.map((d) => d.url), ...a.people.map((p) => p.url), ...a.kinds.map((k) => k.url),
    ...a.ambiguities.map((x) => x.url),
    ...[a.pages.months, a.pages.people, a.pages.kinds, a.pages.peopleIndex].flatMap((list) => list.map((p) => p.url)),
  ]);
}

/** The files the site writes beside its pages (feeds, JSON, sitemaps, sources): a redirect below one could not be written. */
export function fileUrls(a: Archive): Set<string> {
  return new Set<string>([
    '/404.html', '/feed.xml', '/records.json', '/sitemap.xml', ...sitemapFiles(sitemapPaths(a).length),
    ...a.bulletins.flatMap((e) => [e.sourceUrl, e.jsonUrl]), ...[...a.people, ...a.kinds].map((p) => `${p.url}feed.xml`),
  ]);
}

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** The sitemap files for this many URLs: sitemap.xml alone, or sitemap-1.xml … listed by sitemap.xml. */
export function sitemapFiles(count: number): string[] {
  const n = Math.max(1, Math.ceil(count / SITEMAP_LIMIT));
  return n === 1 ? ['/sitemap.xml'] : Array.from({ length: n }, (_, i) => `/sitemap-${i + 1}.xml`);
}
