// sitemap.xml as an index of the numbered sitemaps, only when there are more than 50,000 URLs.
import { SITEMAP_LIMIT, sitemapFiles } from '../../archive/urls.ts';
import { sitemapIndex } from '../sitemap.ts';

interface Data { archive: { sitemapUrls: string[] }; pagination: { pageNumber: number } }

export const data = {
  wholeSite: true,
  pagination: { data: 'archive.sitemapUrls', size: SITEMAP_LIMIT },
  permalink: (data: Data) => (data.pagination.pageNumber === 0 && data.archive.sitemapUrls.length > SITEMAP_LIMIT ? '/sitemap.xml' : false),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return sitemapIndex(sitemapFiles(data.archive.sitemapUrls.length));
}
