// The sitemap: one file up to 50,000 URLs, else numbered files (sitemap-index.11ty.ts lists them).
// Paginated over the archive's page list, not collections.all, so a subset build lists every page.
import { SITEMAP_LIMIT, sitemapFiles } from '../../archive/urls.ts';
import { urlset } from '../sitemap.ts';

interface Data { archive: { sitemapUrls: string[] }; pagination: { pageNumber: number; items: string[] } }

export const data = {
  wholeSite: true,
  pagination: { data: 'archive.sitemapUrls', size: SITEMAP_LIMIT },
  permalink: (data: Data) => sitemapFiles(data.archive.sitemapUrls.length)[data.pagination.pageNumber],
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return urlset(data.pagination.items);
}
