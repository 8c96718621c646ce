// The search page (/search/): a plain GET form (the header's search box leads here without
// JavaScript) whose filters list every official, kind, year and month; search.js runs the query
// in the URL and replaces the lists with counted ones.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive } from '../../archive/model.ts';
import { personName, say } from '../components.ts';
import { chineseMonth, siteUrl } from '../filters.ts';
import { html, type SafeHtml } from '../html.ts';

export const data = { permalink: '/search/index.html', eleventyExcludeFromCollections: true, wholeSite: true };

export function render(data: { frame: Frame; archive: Archive }): string {
  const s = site.defaultScript;
  const a = data.archive;
  const title = say('搜索', s);
  const all = html`<option value="">${say('全部', s)}</option>`;
  const select = (name: string, label: string, options: SafeHtml[]) => html`<p class="search-filter">
<label for="search-${name}">${say(label, s)}</label>
<select id="search-${name}" name="${name}" data-no-convert>${all}${options}</select></p>`;
  const body = html`<h1>${title}</h1>
<form class="search-form" action="${siteUrl('/search/')}" method="get" role="search" data-search-form>
<p class="search-query"><label for="search-q">${say('關鍵詞', s)}</label>
<input id="search-q" type="search" name="q" autocomplete="off" aria-describedby="search-tips">
<button type="submit">${title}</button></p>
<p id="search-tips" class="search-tips">${say('繁體、简体都可以；用引號搜索整個短語（"對臺交流"）；官員可以用拼音（liao haijun）。', s)}</p>
<fieldset class="search-filters">
<legend>${say('篩選', s)}</legend>
${select('official', '官員', a.people.map((p) => html`<option value="${p.slug}">${personName(p, s)}</option>`))}
${select('kind', '會議類別', a.kinds.map((k) => html`<option value="${k.slug}">${k.name[s]}</option>`))}
${select('year', '年份', [...a.years].reverse().map((y) => html`<option value="${String(y.year)}">${y.year}年</option>`))}
${select('month', '月份', [...a.months].reverse().map((m) => html`<option value="${m.month}">${chineseMonth(m.month)}</option>`))}
<p class="search-filter"><label for="search-from">${say('從', s)}</label>
<input id="search-from" type="date" name="from"${a.totals.first ? html` min="${a.totals.first}" max="${a.totals.last!}"` : ''}></p>
<p class="search-filter"><label for="search-to">${say('到', s)}</label>
<input id="search-to" type="date" name="to"${a.totals.first ? html` min="${a.totals.first}" max="${a.totals.last!}"` : ''}></p>
<p class="search-filter"><label for="search-sort">${say('排序', s)}</label>
<select id="search-sort" name="sort"><option value="">${say('最新', s)}</option><option value="relevance">${say('相關度', s)}</option></select></p>
</fieldset>
</form>
<p class="search-status" role="status" data-search-status data-no-convert></p>
<div class="search-empty" data-search-empty data-no-convert hidden></div>
<ol class="search-results" data-search-results data-no-convert></ol>
<nav class="search-pager" aria-label="${say('結果分頁', s)}" data-search-pager data-no-convert hidden></nav>
<noscript><p>${say('搜索需要瀏覽器啟用 JavaScript；也可以按日期、官員或會議類別瀏覽。', s)}</p></noscript>`;
  return data.frame({
    script: s,
    title,
    path: '/search/',
    noindex: true,
    // search.js (the query rules bundled in) starts with index.json: it is fetched at once with it.
    head: html`<link rel="stylesheet" href="${siteUrl('/assets/search.css')}">
<script type="module" src="${siteUrl('/assets/search.js')}"></script>
<link rel="preload" href="${siteUrl('/search/index.json')}" as="fetch" crossorigin>`,
    crumbs: [{ label: say('首頁', s), path: '/' }, { label: title }],
  }, body);
}
