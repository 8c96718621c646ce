// The officials index, in pinyin order, with their titles and counts, a page at a time.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { ListPage, Person } from '../../archive/model.ts';
import { pager, pageSuffix, personName, say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = {
  pagination: { data: 'render.peopleIndex', size: 1, alias: 'list', addAllPagesToCollections: true },
  permalink: (data: { list: ListPage<Person> }) => `${data.list.url}index.html`,
};

export function render(data: { frame: Frame; list: ListPage<Person> }): string {
  const p = data.list;
  const s = site.defaultScript;
  const title = say('官員', s);
  const body = html`<h1>${title}${pageSuffix(p, s)}</h1>
<p>${say(`共${p.total}位，按拼音排列。`, s)}</p>
<div class="table-scroll"><table class="list officials-index">
<caption>${say('官員、職務和公報數', s)}</caption>
<thead><tr><th scope="col">${say('姓名', s)}</th><th scope="col">${say('職務', s)}</th><th scope="col">${say('主持', s)}</th><th scope="col">${say('出席', s)}</th><th scope="col">${say('提及', s)}</th><th scope="col">${say('合計', s)}</th></tr></thead>
<tbody>${p.items.map((person) => html`<tr><th scope="row"><a href="${siteUrl(person.url)}">${personName(person, s)}</a></th><td>${person.titles.map((t) => t.title[s]).join('、')}</td><td class="num">${person.counts.chair}</td><td class="num">${person.counts.attendee}</td><td class="num">${person.counts.mentioned}</td><td class="num">${person.counts.total}</td></tr>`)}</tbody>
</table></div>
${pager(p, s)}`;
  return data.frame({ script: s, title: `${title}${pageSuffix(p, s)}`, path: p.url, crumbs: [{ label: say('首頁', s), path: '/' }, { label: title }] }, body);
}
