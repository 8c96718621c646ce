// A day: the bulletins dated that day.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { DayData } from '../../archive/model.ts';
import { bulletinList, say } from '../components.ts';
import { chineseDate } from '../filters.ts';
import { html } from '../html.ts';

export const data = {
  pagination: { data: 'render.days', size: 1, alias: 'day', addAllPagesToCollections: true },
  permalink: (data: { day: DayData }) => `${data.day.url}index.html`,
};

export function render(data: { frame: Frame; day: DayData }): string {
  const d = data.day;
  const s = site.defaultScript;
  const [y, m, dd] = d.date.split('-');
  const body = html`<h1><time datetime="${d.date}">${chineseDate(d.date)}</time></h1>
${bulletinList(d.bulletins, s)}`;
  return data.frame({
    script: s, title: chineseDate(d.date), path: d.url,
    crumbs: [{ label: say('首頁', s), path: '/' }, { label: `${y}年`, path: `/${y}/` }, { label: `${Number(m)}月`, path: `/${y}/${m}/` }, { label: `${Number(dd)}日` }],
  }, body);
}
