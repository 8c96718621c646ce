// By date: every year with its count, and the whole archive as bulletins per month.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive } from '../../archive/model.ts';
import { say } from '../components.ts';
import { chart } from '../chart-block.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = { permalink: '/dates/index.html', wholeSite: true };

export function render(data: { frame: Frame; archive: Archive }): string {
  const a = data.archive;
  const s = site.defaultScript;
  const body = html`<h1>${say('按日期', s)}</h1>
<ul class="years">${a.years.map((y) => html`<li><a href="${siteUrl(y.url)}">${y.year}年</a>（${say(`${y.count}篇`, s)}）</li>`)}</ul>
<h2>${say('每月公報數', s)}</h2>
${chart(a, a.monthly, 'archive-chart', say('全部公報每月篇數', s), s)}`;
  return data.frame({ script: s, title: say('按日期', s), path: '/dates/', crumbs: [{ label: say('首頁', s), path: '/' }, { label: say('按日期', s) }] }, body);
}
