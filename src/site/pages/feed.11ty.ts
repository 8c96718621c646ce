// The archive's Atom feed: the latest bulletins.
import { site } from '../../config.ts';
import type { Archive } from '../../archive/model.ts';
import { atomFeed } from '../feed.ts';

export const data = { permalink: '/feed.xml', eleventyExcludeFromCollections: true, wholeSite: true };

export function render(data: { archive: Archive }): string {
  const s = site.defaultScript;
  return atomFeed(data.archive, { title: site.name[s], path: '/feed.xml', pagePath: '/', script: s, items: data.archive.latest });
}
