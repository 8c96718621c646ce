// The editors' report: the review queue (every bulletin with a guessed or missing field, grouped by
// what is missing, with the front-matter lines that would fix it), then every parser warning.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive, BulletinEntry } from '../../archive/model.ts';
import { dateTime, say } from '../components.ts';
import { langTag, siteUrl } from '../filters.ts';
import { html, type SafeHtml } from '../html.ts';
import { messageTable } from '../messages.ts';
import type { Script } from '../../record.ts';
import { fieldsToFix, fixLines, REVIEW_GROUP_LABELS, reviewGroupId, type ReviewEntry, type ReviewGroup, type ReviewGroupKey } from '../../archive/review.ts';

export const data = { permalink: '/report/index.html', eleventyExcludeFromCollections: true, wholeSite: true };

export function render(data: { frame: Frame; archive: Archive }): string {
  const s = site.defaultScript;
  const a = data.archive;
  const title = say('編輯報告', s);
  let pending = 0;
  for (const e of a.bulletins) if (e.record.needs_review.length > 0) pending++;
  const groups = a.review.filter((g) => g.total > 0);
  const body = html`<h1>${title}</h1>
<p>${say(`${a.totals.bulletins}篇公報，${pending}篇有推定或缺少的欄位待核對，${a.report.length}條警告。警告不妨礙發布；致命錯誤會使建置失敗。`, s)}</p>
<h2 id="review">${say('待核對', s)}</h2>
${groups.length ? html`<p>${say(`把每篇下面的幾行改正後加進該文件開頭的 front matter（兩行 --- 之間，沒有就加上）；重新建置後，該篇就不再列在這裡。會議列表（meetings:）整個取代解析出的會議。每組最多列出最新的${site.reviewSize}篇。`, s)}</p>
<ul class="review-counts">${a.review.map((g) => html`<li>${g.total > 0 ? html`<a href="#${reviewGroupId(g.key)}">${say(REVIEW_GROUP_LABELS[g.key], s)}</a>` : say(REVIEW_GROUP_LABELS[g.key], s)}：<span class="count">${say(`${g.total}篇`, s)}</span></li>`)}</ul>
${groups.map((g) => reviewGroup(g, s))}` : html`<p>${say('沒有待核對的公報。', s)}</p>`}
<h2 id="warnings">${say('警告', s)}</h2>
${a.report.length ? messageTable(a.report, say('警告', s), s) : html`<p>${say('沒有警告。', s)}</p>`}`;
  return data.frame({ script: s, title, path: '/report/', noindex: true, crumbs: [{ label: say('首頁', s), path: '/' }, { label: title }] }, body);
}

/** One group: its heading and count, the bulletins it lists, and how many it leaves out. */
function reviewGroup(g: ReviewGroup<BulletinEntry>, s: Script): SafeHtml {
  const rest = g.total - g.entries.length;
  return html`<section class="review" id="${reviewGroupId(g.key)}">
<h3>${say(REVIEW_GROUP_LABELS[g.key], s)} <span class="count">${say(`${g.total}篇`, s)}</span></h3>
${rest > 0 ? html`<p>${say(`只列出最新的${g.entries.length}篇，其餘${rest}篇未列出。`, s)}</p>` : ''}
<ol>${g.entries.map((entry) => reviewEntry(entry, g.key, s))}</ol>
</section>`;
}

/** One bulletin in a group: a link to it, its file, what needs review and why, and the lines that would fix it. */
function reviewEntry({ bulletin: b, items }: ReviewEntry<BulletinEntry>, group: ReviewGroupKey, s: Script): SafeHtml {
  const lang = b.script === s ? '' : html` lang="${langTag(b.script)}"`;
  const fix = fixLines(b.record, fieldsToFix(b.record, group, items), s);
  return html`<li>
<p>${dateTime(b.date)} <a href="${siteUrl(b.url)}"${lang}>${b.title}</a> <code class="file">${b.sourcePath}</code></p>
<ul>${items.map((i) => html`<li><code>${i.field}</code>: ${i.reason}</li>`)}</ul>
${fix ? html`<pre class="fix">${fix}</pre>` : ''}
</li>`;
}
