// The page for addresses the archive does not have.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import { say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = { permalink: '/404.html', eleventyExcludeFromCollections: true, wholeSite: true };

export function render(data: { frame: Frame }): string {
  const s = site.defaultScript;
  const title = say('找不到這個頁面', s);
  const body = html`<h1>${title}</h1>
<p>${say('網址可能有誤，或公報已改名。可以從這裏找：', s)}</p>
<ul><li><a href="${siteUrl('/')}">${say('首頁', s)}</a></li><li><a href="${siteUrl('/dates/')}">${say('按日期', s)}</a></li><li><a href="${siteUrl('/officials/')}">${say('官員', s)}</a></li><li><a href="${siteUrl('/kinds/')}">${say('會議類別', s)}</a></li></ul>`;
  return data.frame({ script: s, title, path: '/404.html', noindex: true }, body);
}
