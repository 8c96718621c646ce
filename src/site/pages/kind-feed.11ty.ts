// Each meeting kind's Atom feed.
import { site } from '../../config.ts';
import type { Archive, Kind } from '../../archive/model.ts';
import { atomFeed } from '../feed.ts';

export const data = {
  pagination: { data: 'render.kindFeeds', size: 1, alias: 'kind' },
  permalink: (data: { kind: Kind }) => `${data.kind.url}feed.xml`,
  eleventyExcludeFromCollections: true,
};

export function render(data: { kind: Kind; archive: Archive }): string {
  const s = site.defaultScript;
  const k = data.kind;
  return atomFeed(data.archive, { title: `${k.name[s]} · ${site.name[s]}`, path: `${k.url}feed.xml`, pagePath: k.url, script: s, items: k.bulletins });
}
