// The editors' report: every parser warning, by bulletin, with where it is in the file.
import { basePage } from '../../../layouts/base.ts';
import { site } from '../../../site.config.ts';
import type { Archive } from '../archive.ts';
import { say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = { permalink: '/report/index.html', eleventyExcludeFromCollections: true };

export function render(data: { archive: Archive }): string {
  const s = site.defaultScript;
  const a = data.archive;
  const title = say('編輯報告', s);
  const body = html`<h1>${title}</h1>
<p>${say(`${a.totals.bulletins}篇公報，${a.report.length}條警告。警告不妨礙發布；致命錯誤會使建置失敗。`, s)}</p>
${a.report.length ? html`<div class="table-scroll"><table class="list report">
<caption>${say('警告', s)}</caption>
<thead><tr><th scope="col">${say('文件', s)}</th><th scope="col">${say('位置', s)}</th><th scope="col">${say('規則', s)}</th><th scope="col">${say('說明', s)}</th></tr></thead>
<tbody>${a.report.map((w) => html`<tr><td>${w.url ? html`<a href="${siteUrl(w.url)}">${w.file}</a>` : w.file}</td><td>${w.line}:${w.column}</td><td><code>${w.rule}</code></td><td>${w.reason}</td></tr>`)}</tbody>
</table></div>` : html`<p>${say('沒有警告。', s)}</p>`}`;
  return basePage({ script: s, title, path: '/report/', noindex: true, crumbs: [{ label: say('首頁', s), path: '/' }, { label: title }] }, body);
}
