// An official's page: titles held over time, activity by month, and their bulletins, a page at a time.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive, ListPage, Person, PersonBulletin } from '../../archive/model.ts';
import { chart } from '../chart-block.ts';
import { bulletinList, pager, pageSuffix, personName, say } from '../components.ts';
import { chineseDate, roleLabel, siteUrl } from '../filters.ts';
import { html } from '../html.ts';

type PersonPage = ListPage<PersonBulletin> & { person: Person };

export const data = {
  pagination: { data: 'render.people', size: 1, alias: 'list', addAllPagesToCollections: true },
  permalink: (data: { list: PersonPage }) => `${data.list.url}index.html`,
};

export function render(data: { frame: Frame; list: PersonPage; archive: Archive }): string {
  const p = data.list;
  const person = p.person;
  const s = site.defaultScript;
  const name = personName(person, s);
  const span = (first: string, last: string) => (first === last ? chineseDate(first) : `${chineseDate(first)}–${chineseDate(last)}`);
  const body = html`<h1>${name}${pageSuffix(p, s)}</h1>
<p>${say(`主持${person.counts.chair}次，出席${person.counts.attendee}次，提及${person.counts.mentioned}次，共${person.counts.total}篇公報。`, s)} <a href="${siteUrl(`${person.url}feed.xml`)}">Atom</a></p>
${p.number === 1 ? html`${person.titles.length ? html`<h2>${say('職務', s)}</h2>
<div class="table-scroll"><table class="list titles">
<caption>${say('公報中所見的職務，按首次出現排列', s)}</caption>
<thead><tr><th scope="col">${say('職務', s)}</th><th scope="col">${say('期間', s)}</th><th scope="col">${say('篇數', s)}</th></tr></thead>
<tbody>${person.titles.map((t) => html`<tr><td>${t.title[s]}</td><td>${span(t.first, t.last)}</td><td class="num">${t.count}</td></tr>`)}</tbody>
</table></div>` : ''}
<h2>${say('每月活動', s)}</h2>
${chart(data.archive, person.monthly, 'person-chart', say(`${name}每月公報篇數`, s), s)}` : ''}
<h2>${say('公報', s)}</h2>
${bulletinList(p.items, s, (b) => html` <span class="roles">（${(b as PersonBulletin).roles.map((r) => roleLabel(r, s)).join('、')}）</span>`, p.start)}
${pager(p, s)}`;
  return data.frame({
    script: s, title: `${name}${pageSuffix(p, s)}`, path: p.url,
    feed: { title: name, path: `${person.url}feed.xml` },
    crumbs: [{ label: say('首頁', s), path: '/' }, { label: say('官員', s), path: '/officials/' }, { label: name }],
  }, body);
}
