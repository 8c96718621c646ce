// A meeting kind: its bulletins by month and in a list, a page at a time.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive, BulletinRef, Kind, ListPage } from '../../archive/model.ts';
import { chart } from '../chart-block.ts';
import { bulletinList, pager, pageSuffix, say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

type KindPage = ListPage<BulletinRef> & { kind: Kind };

export const data = {
  pagination: { data: 'render.kinds', size: 1, alias: 'list', addAllPagesToCollections: true },
  permalink: (data: { list: KindPage }) => `${data.list.url}index.html`,
};

export function render(data: { frame: Frame; list: KindPage; archive: Archive }): string {
  const p = data.list;
  const k = p.kind;
  const s = site.defaultScript;
  const name = k.name[s];
  const body = html`<h1>${name}${pageSuffix(p, s)}</h1>
<p>${say(`共${k.bulletins.length}篇公報。`, s)} <a href="${siteUrl(`${k.url}feed.xml`)}">Atom</a></p>
${p.number === 1 ? chart(data.archive, k.monthly, 'kind-chart', say(`${name}每月公報篇數`, s), s) : ''}
<h2>${say('公報', s)}</h2>
${bulletinList(p.items, s, undefined, p.start)}
${pager(p, s)}`;
  return data.frame({
    script: s, title: `${name}${pageSuffix(p, s)}`, path: p.url, feed: { title: name, path: `${k.url}feed.xml` },
    crumbs: [{ label: say('首頁', s), path: '/' }, { label: say('會議類別', s), path: '/kinds/' }, { label: name }],
  }, body);
}
