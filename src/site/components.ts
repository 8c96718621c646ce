// Small pieces of markup the pages share: bulletin lists, pagers, calendars, name links.
import type { Script } from '../record.ts';
import type { BulletinRef, DayData, ListPage, MonthData, NameLink, PersonRef } from '../archive/model.ts';
import { monthWeeks, WEEKDAYS } from './calendar.ts';
import { chineseDate, langTag, siteUrl } from './filters.ts';
import { say } from '../parser/script.ts';
import { html, type Interpolation, type SafeHtml } from './html.ts';

export { say };

/** lang="…" when a bulletin's script differs from the page's. */
const langIfOther = (ref: { script: Script }, script: Script) => (ref.script === script ? '' : html` lang="${langTag(ref.script)}"`);

/** <time> with the Chinese date shown and the ISO date in datetime. */
export function dateTime(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${chineseDate(iso)}</time>`;
}

/** A list of bulletins, each with its date and title; `extra` adds text after an item. */
export function bulletinList(items: readonly BulletinRef[], script: Script, extra?: (item: BulletinRef) => Interpolation, start = 0): SafeHtml {
  if (items.length === 0) return html`<p>${say('沒有公報。', script)}</p>`;
  return html`<ol class="bulletins" start="${start + 1}">${items.map((b) => html`<li>${dateTime(b.date)} <a href="${siteUrl(b.url)}"${langIfOther(b, script)}>${b.title}</a>${extra ? extra(b) : ''}</li>`)}</ol>`;
}

/** Page links for a long list; nothing when it fits on one page. */
export function pager(page: ListPage<unknown>, script: Script): SafeHtml {
  if (page.pageUrls.length <= 1) return html``;
  const prev = page.pageUrls[page.number - 2];
  const next = page.pageUrls[page.number];
  return html`<nav class="pager" aria-label="${say('分頁', script)}"><ul>
${prev ? html`<li><a href="${siteUrl(prev)}" rel="prev">${say('上一頁', script)}</a></li>` : ''}
${page.pageUrls.map((url, i) => html`<li>${i + 1 === page.number ? html`<span aria-current="page">${i + 1}</span>` : html`<a href="${siteUrl(url)}">${i + 1}</a>`}</li>`)}
${next ? html`<li><a href="${siteUrl(next)}" rel="next">${say('下一頁', script)}</a></li>` : ''}
</ul></nav>`;
}

/** "第 2 頁" for titles of later pages, "" on page 1. */
export function pageSuffix(page: ListPage<unknown>, script: Script): string {
  return page.number > 1 ? say(`（第${page.number}頁）`, script) : '';
}

/** A person's name in the page's script, with what tells them apart from a namesake. */
export function personName(person: PersonRef, script: Script): string {
  return person.label ? `${person.name[script]}（${say(person.label, script)}）` : person.name[script];
}

/** A name as written, linked to the person's page when known. */
export function nameLink(link: NameLink): SafeHtml {
  return link.person ? html`<a href="${siteUrl(link.person.url)}">${link.name}</a>` : html`${link.name}`;
}

/** A month as a calendar: days with bulletins link to their day page and show how many. */
export function monthCalendar(month: MonthData, script: Script): SafeHtml {
  const byDate = new Map<string, DayData>(month.days.map((d) => [d.date, d]));
  const caption = `${month.year}年${month.number}月`;
  return html`<table class="calendar">
<caption>${month.count > 0 ? html`<a href="${siteUrl(month.url)}">${caption}</a>` : caption}<span class="count">${month.count > 0 ? say(`${month.count}篇`, script) : ''}</span></caption>
<thead><tr>${WEEKDAYS.map((d) => html`<th scope="col"><abbr title="${say(`星期${d}`, script)}">${d}</abbr></th>`)}</tr></thead>
<tbody>${monthWeeks(month.year, month.number).map((week) => html`<tr>${week.map((date) => {
    if (!date) return html`<td></td>`;
    const dayNumber = Number(date.slice(8));
    const day = byDate.get(date);
    return day
      ? html`<td class="has"><a href="${siteUrl(day.url)}" aria-label="${chineseDate(date)}：${say(`${day.bulletins.length}篇`, script)}">${dayNumber}</a></td>`
      : html`<td>${dayNumber}</td>`;
  })}</tr>`)}</tbody>
</table>`;
}
