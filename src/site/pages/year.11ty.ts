// A year: its twelve months as calendars, days with bulletins linked.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive, YearData } from '../../archive/model.ts';
import { monthCalendar, say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = {
  pagination: { data: 'render.years', size: 1, alias: 'yearData', addAllPagesToCollections: true },
  permalink: (data: { yearData: YearData }) => `${data.yearData.url}index.html`,
};

export function render(data: { frame: Frame; yearData: YearData; archive: Archive }): string {
  const y = data.yearData;
  const s = site.defaultScript;
  const i = data.archive.years.indexOf(y);
  const prev = data.archive.years[i - 1];
  const next = data.archive.years[i + 1];
  const body = html`<h1>${y.year}年</h1>
<p>${say(`共${y.count}篇公報。`, s)}</p>
<div class="calendars">${y.months.map((m) => monthCalendar(m, s))}</div>
<nav class="prev-next" aria-label="${say('其他年份', s)}">${prev ? html`<a class="prev" href="${siteUrl(prev.url)}" rel="prev">← ${prev.year}年</a>` : ''}${next ? html`<a class="next" href="${siteUrl(next.url)}" rel="next">${next.year}年 →</a>` : ''}</nav>`;
  return data.frame({
    script: s, title: `${y.year}年`, path: y.url,
    crumbs: [{ label: say('首頁', s), path: '/' }, { label: say('按日期', s), path: '/dates/' }, { label: `${y.year}年` }],
  }, body);
}
