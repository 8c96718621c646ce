// Bulletins per month as an SVG bar chart drawn at build time, with a table as its text alternative.
import type { Script } from '../record.ts';
import type { MonthCount } from '../archive/model.ts';
import { chineseMonth } from './filters.ts';
import { say } from '../parser/script.ts';
import { html, type SafeHtml } from './html.ts';

const BAR = 8;
const STEP = 10;
const HEIGHT = 120;
const LEFT = 34;
const TOP = 12;
const BOTTOM = 22;

/**
 * The chart: one bar per month from the first January to the last December, year labels under
 * each January, the highest count on the axis. `id` makes its <title>/<desc> ids unique on the page.
 */
export function monthlyChart(series: readonly MonthCount[], id: string, caption: string, script: Script): SafeHtml {
  if (series.length === 0) return html``;
  const max = Math.max(1, ...series.map((m) => m.count));
  const total = series.reduce((n, m) => n + m.count, 0);
  const busiest = series.reduce((a, b) => (b.count > a.count ? b : a));
  const width = LEFT + series.length * STEP + 4;
  const height = TOP + HEIGHT + BOTTOM;
  const desc = say(
    `${chineseMonth(series[0]!.month)}至${chineseMonth(series.at(-1)!.month)}，共${total}篇；最多的月份是${chineseMonth(busiest.month)}，${busiest.count}篇。下方表格列出每月篇數。`,
    script,
  );
  const bars = series.map((m, i) => {
    if (m.count === 0) return html``;
    const h = Math.max(1, Math.round((m.count / max) * HEIGHT));
    return html`<rect x="${LEFT + i * STEP}" y="${TOP + HEIGHT - h}" width="${BAR}" height="${h}"><title>${chineseMonth(m.month)}：${m.count}</title></rect>`;
  });
  const years = series.map((m, i) => (m.month.endsWith('-01')
    ? html`<text x="${LEFT + i * STEP}" y="${TOP + HEIGHT + 16}">${m.month.slice(0, 4)}</text><line x1="${LEFT + i * STEP - 1}" y1="${TOP}" x2="${LEFT + i * STEP - 1}" y2="${TOP + HEIGHT}" class="grid"/>`
    : html``));
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${caption}</title>
<desc id="${id}-desc">${desc}</desc>
${years}
<line x1="${LEFT - 2}" y1="${TOP + HEIGHT}" x2="${width}" y2="${TOP + HEIGHT}" class="axis"/>
<text x="${LEFT - 6}" y="${TOP + 8}" text-anchor="end">${max}</text>
<text x="${LEFT - 6}" y="${TOP + HEIGHT}" text-anchor="end">0</text>
<g class="bars">${bars}</g>
</svg>`;
}

/** The chart's numbers as a table: a row per year, a column per month, linked to month pages. */
export function monthlyTable(series: readonly MonthCount[], caption: string, script: Script, monthUrl: (month: string) => string | undefined): SafeHtml {
  if (series.length === 0) return html``;
  const years = [...new Set(series.map((m) => m.month.slice(0, 4)))];
  const byMonth = new Map(series.map((m) => [m.month, m.count]));
  return html`<div class="table-scroll"><table class="monthly">
<caption>${caption}</caption>
<thead><tr><th scope="col">${say('年份', script)}</th>${Array.from({ length: 12 }, (_, i) => html`<th scope="col">${i + 1}月</th>`)}<th scope="col">${say('合計', script)}</th></tr></thead>
<tbody>${years.map((y) => {
    const counts = Array.from({ length: 12 }, (_, i) => ({ month: `${y}-${String(i + 1).padStart(2, '0')}`, count: byMonth.get(`${y}-${String(i + 1).padStart(2, '0')}`) ?? 0 }));
    const sum = counts.reduce((n, c) => n + c.count, 0);
    return html`<tr><th scope="row">${y}</th>${counts.map((c) => {
      const url = c.count > 0 ? monthUrl(c.month) : undefined;
      return html`<td>${url ? html`<a href="${url}">${c.count}</a>` : c.count}</td>`;
    })}<td>${sum}</td></tr>`;
  })}</tbody>
</table></div>`;
}
