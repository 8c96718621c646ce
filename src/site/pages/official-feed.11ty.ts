// Each official's Atom feed.
import { site } from '../../config.ts';
import type { Archive, Person } from '../../archive/model.ts';
import { personName } from '../components.ts';
import { atomFeed } from '../feed.ts';

export const data = {
  pagination: { data: 'render.personFeeds', size: 1, alias: 'person' },
  permalink: (data: { person: Person }) => `${data.person.url}feed.xml`,
  eleventyExcludeFromCollections: true,
};

export function render(data: { person: Person; archive: Archive }): string {
  const s = site.defaultScript;
  const p = data.person;
  return atomFeed(data.archive, { title: `${personName(p, s)} · ${site.name[s]}`, path: `${p.url}feed.xml`, pagePath: p.url, script: s, items: p.bulletins });
}
