// A bulletin's page: header, what still needs review, meeting summary, the full text with pinyin
// readings, source and neighbours; a field an editor set in front matter or a rule inferred carries a small mark.
import type { Frame } from '../frame.ts';
import type { Archive, BulletinEntry, BulletinRef } from '../../archive/model.ts';
import { dateTime, nameLink, say } from '../components.ts';
import { chineseDate, roleLabel, siteUrl } from '../filters.ts';
import { html, type SafeHtml } from '../html.ts';
import { jsonLdScript, newsArticle } from '../jsonld.ts';
import { REVIEW_GROUP_LABELS, reviewGroupId, reviewGroupOf } from '../../archive/review.ts';
import type { BulletinRecord, Script } from '../../record.ts';
import { paragraphsWithReadings } from '../text.ts';

export const data = {
  pagination: { data: 'render.bulletins', size: 1, alias: 'entry', addAllPagesToCollections: true },
  permalink: (data: { entry: BulletinEntry }) => `${data.entry.url}index.html`,
};

export function render(data: { frame: Frame; entry: BulletinEntry; archive: Archive }): string {
  const e = data.entry;
  const r = e.record;
  const s = r.script;
  const [y, m, d] = r.date.split('-');
  const paragraphs = paragraphsWithReadings(r.text, r.readings);
  const neighbour = (ref: BulletinRef | undefined, rel: 'prev' | 'next') => (ref
    ? html`<a class="${rel}" href="${siteUrl(ref.url)}" rel="${rel}">${rel === 'prev' ? '← ' : ''}${say(rel === 'prev' ? '上一篇' : '下一篇', s)}：${ref.title}（${chineseDate(ref.date)}）${rel === 'next' ? ' →' : ''}</a>`
    : '');
  // After a field whose value is not the text's own (after the h1, not in it: the heading stays the
  // title alone): "set by the editor" when front matter set it, else "inferred" when a rule made it up
  // (a title from the first sentence). Fields the text stated carry no mark.
  const edited = (...fields: string[]): SafeHtml | '' => (fields.some((f) => r.origin[f] === 'front-matter')
    ? html` <small class="edited" data-field="${fields[0]!}">${say('編輯設定', s)}</small>`
    : '');
  const inferred = (...fields: string[]): SafeHtml | '' => (fields.some((f) => r.origin[f] === 'inferred')
    ? html` <small class="inferred" data-field="${fields[0]!}">${say('推定', s)}</small>`
    : '');
  const mark = (...fields: string[]): SafeHtml | '' => edited(...fields) || inferred(...fields);
  const list = (items: readonly unknown[]) => html`<ul class="inline">${items.map((i) => html`<li>${i as string}</li>`)}</ul>`;
  const body = html`<article class="bulletin" data-id="${r.id}" data-date="${r.date}"${r.end_date ? html` data-end-date="${r.end_date}"` : ''} data-script="${s}" data-source="${r.source}"
 data-officials="${e.officials.map((o) => o.person.name.Hans).join(' ')}" data-official-slugs="${e.officials.map((o) => o.person.slug).join(' ')}"
 data-meeting-kinds="${[...new Set(r.meetings.flatMap((mt) => mt.types))].join(' ')}">
<header>
<h1>${r.title}</h1>${mark('title')}
<p class="meta"><span>${dateTime(r.date)}${r.end_date ? html`${say('至', s)}${dateTime(r.end_date)}` : ''}${mark('date', 'end_date')}</span>
<span>${say('來源', s)}：${r.source ? html`${r.source}${mark('source')}` : html`${say('不詳', s)}${edited('source')}`}</span>
${r.reporters.length ? html`<span>${r.reporters.map((p, i) => html`${i ? '、' : ''}${p.role ? `${p.role} ` : ''}${p.name}`)}${mark('reporters')}</span>` : ''}</p>
</header>
${reviewNotice(r, s)}
${r.meetings.length || e.officials.length ? html`<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">${say('摘要', s)}</h2>
${e.meetings.map(({ meeting, kinds, chairs, attendees }, i) => html`<section class="meeting" aria-labelledby="meeting-${i}">
<h3 id="meeting-${i}">${meeting.name}${mark('meetings')}</h3>
<dl>
<dt>${say('會議類別', s)}</dt><dd>${list(kinds.map((k) => html`<a href="${siteUrl(k.url)}">${k.name[s]}</a>`))}</dd>
${meeting.number !== null ? html`<dt>${say('次數', s)}</dt><dd>${say(`第${meeting.number}次`, s)}</dd>` : ''}
${meeting.date ? html`<dt>${say('日期', s)}</dt><dd>${dateTime(meeting.date)}</dd>` : ''}
${chairs.length ? html`<dt>${say('主持', s)}</dt><dd>${list(chairs.map(nameLink))}</dd>` : ''}
${attendees.length ? html`<dt>${say('出席', s)}</dt><dd>${list(attendees.map(nameLink))}</dd>` : ''}
${meeting.documents.length ? html`<dt>${say('文件', s)}</dt><dd><ul class="documents">${meeting.documents.map((doc) => html`<li>《${doc}》</li>`)}</ul></dd>` : ''}
</dl>
${meeting.directives.length ? html`<h4>${say('部署', s)}</h4><ol class="directives">${meeting.directives.map((dv) => html`<li><strong>${dv.heading}</strong>${dv.text.startsWith(dv.heading) ? dv.text.slice(dv.heading.length) : html` ${dv.text}`}</li>`)}</ol>` : ''}
</section>`)}
${e.officials.length ? html`<h3>${say('官員', s)}${mark('officials')}</h3><ul class="officials">${e.officials.map(({ official, person }) => html`<li><a href="${siteUrl(person.url)}">${official.name}</a>${official.titles.length ? html` ${official.titles.join('、')}` : ''}（${official.roles.map((role) => roleLabel(role, s)).join('、')}）</li>`)}</ul>` : ''}
</section>` : ''}
<section class="fulltext" aria-labelledby="text-heading">
<h2 id="text-heading">${say('全文', s)}</h2>
${paragraphs.map((segments) => html`<p>${segments.map((seg) => (typeof seg === 'string' ? seg : html`<ruby>${seg.base}<rt>${seg.reading}</rt></ruby>`))}</p>`)}
</section>
<footer class="source-file">
<p>${say('原始文件', s)}：<a href="${siteUrl(e.sourceUrl)}" type="text/plain">source.txt</a>（${r.source_file.encoding}，SHA-256 <code>${r.source_file.sha256}</code>）· <a href="${siteUrl(e.jsonUrl)}" type="application/json">${say('結構化記錄', s)} JSON</a></p>
</footer>
</article>
<nav class="prev-next" aria-label="${say('上一篇和下一篇', s)}">${neighbour(e.previous, 'prev')}${neighbour(e.next, 'next')}</nav>`;
  return data.frame({
    script: s,
    title: r.title,
    path: e.url,
    description: `${chineseDate(r.date)} ${r.title}`,
    head: jsonLdScript(newsArticle(e)),
    readings: paragraphs.some((p) => p.some((seg) => typeof seg !== 'string')),
    crumbs: [
      { label: say('首頁', s), path: '/' },
      { label: `${y}年`, path: `/${y}/` },
      { label: `${Number(m)}月`, path: `/${y}/${m}/` },
      { label: `${Number(d)}日`, path: `/${y}/${m}/${d}/` },
      { label: r.title },
    ],
  }, body);
}

// A reason in English, as the parser writes them, by its first letter: "no chair was found for '常務會議'".
const ENGLISH = /^[^\p{L}]*[A-Za-z]/u;

/**
 * What an editor has still to check (the record's needs_review), for readers and editors alike: each
 * field the parser guessed or could not find, why, and a link to its group on /report/, where the
 * front-matter lines that settle it are. Nothing when the record needs no review.
 */
function reviewNotice(r: BulletinRecord, s: Script): SafeHtml | '' {
  if (r.needs_review.length === 0) return '';
  return html`<aside class="review-notice" aria-labelledby="review-notice-heading">
<h2 id="review-notice-heading">${say('待核對', s)}</h2>
<p>${say('以下內容不是原文寫明的：有的是自動推定的，有的在原文中沒有找到。編輯核對以前，請以原文為準。', s)}</p>
<ul>${r.needs_review.map((item) => {
    const group = reviewGroupOf(item.field);
    return html`<li><a href="${siteUrl(`/report/#${reviewGroupId(group)}`)}">${say(REVIEW_GROUP_LABELS[group], s)}</a>（<code>${item.field}</code>）：${ENGLISH.test(item.reason) ? html`<span lang="en">${item.reason}</span>` : item.reason}</li>`;
  })}</ul>
</aside>`;
}
