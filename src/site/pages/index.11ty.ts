// The home page: totals, ways into the archive, and the latest bulletins.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive } from '../../archive/model.ts';
import { bulletinList, say } from '../components.ts';
import { chineseDate, siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = { permalink: '/index.html', wholeSite: true };

export function render(data: { frame: Frame; archive: Archive }): string {
  const a = data.archive;
  const s = site.defaultScript;
  const t = a.totals;
  const body = html`<h1>${site.name[s]}</h1>
<ul class="totals">
<li><strong>${t.bulletins}</strong>${say('篇公報', s)}</li>
<li><strong>${t.people}</strong>${say('位官員', s)}</li>
<li><strong>${t.kinds}</strong>${say('類會議', s)}</li>
${t.first && t.last ? html`<li><strong>${t.years}</strong>${say('年', s)}（${chineseDate(t.first)}–${chineseDate(t.last)}）</li>` : ''}
</ul>
<h2>${say('瀏覽', s)}</h2>
<ul class="ways">
<li><a href="${siteUrl('/dates/')}">${say('按日期', s)}</a></li>
<li><a href="${siteUrl('/officials/')}">${say('按官員', s)}</a></li>
<li><a href="${siteUrl('/kinds/')}">${say('按會議類別', s)}</a></li>
</ul>
${a.years.length ? html`<p>${say('年份', s)}：${a.years.map((y, i) => html`${i ? ' · ' : ''}<a href="${siteUrl(y.url)}">${y.year}</a>`)}</p>` : ''}
<h2>${say('最新公報', s)}</h2>
${bulletinList(a.latest.slice(0, site.homeSize), s)}`;
  return data.frame({ script: s, title: site.name[s], path: '/', description: say('地方政府政務新聞公報檔案', s) }, body);
}
