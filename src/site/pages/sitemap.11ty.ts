// The sitemap: one file up to 50,000 URLs, else numbered files (sitemap-index.11ty.ts lists them).
import { SITEMAP_LIMIT, sitemapFiles, sitemapPaths, urlset } from '../sitemap.ts';

interface Data { collections: { all: Array<{ url: string | false }> }; pagination: { pageNumber: number; items: Array<{ url: string | false }> } }

export const data = {
  pagination: { data: 'collections.all', size: SITEMAP_LIMIT },
  permalink: (data: Data) => sitemapFiles(data.collections.all.length)[data.pagination.pageNumber],
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return urlset(sitemapPaths(data.pagination.items));
}
