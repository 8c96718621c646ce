// A month: its calendar and its bulletins, a page at a time.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive, BulletinRef, ListPage, MonthData } from '../../archive/model.ts';
import { bulletinList, monthCalendar, pager, pageSuffix, say } from '../components.ts';
import { html } from '../html.ts';

type MonthPage = ListPage<BulletinRef> & { monthData: MonthData };

export const data = {
  pagination: { data: 'render.months', size: 1, alias: 'list', addAllPagesToCollections: true },
  permalink: (data: { list: MonthPage }) => `${data.list.url}index.html`,
};

export function render(data: { frame: Frame; list: MonthPage; archive: Archive }): string {
  const p = data.list;
  const m = p.monthData;
  const s = site.defaultScript;
  const title = `${m.year}年${m.number}月`;
  const body = html`<h1>${title}${pageSuffix(p, s)}</h1>
<p>${say(`共${m.count}篇公報。`, s)}</p>
${monthCalendar(m, s)}
<h2>${say('公報', s)}</h2>
${bulletinList(p.items, s, undefined, p.start)}
${pager(p, s)}`;
  return data.frame({
    script: s, title: `${title}${pageSuffix(p, s)}`, path: p.url,
    crumbs: [{ label: say('首頁', s), path: '/' }, { label: `${m.year}年`, path: `/${m.year}/` }, { label: `${m.number}月` }],
  }, body);
}
