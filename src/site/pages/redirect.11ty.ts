// The editor's redirects: an old URL that sends readers on, or says its bulletin was withdrawn.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Redirect } from '../../archive/model.ts';
import { say } from '../components.ts';
import { absoluteUrl, chineseDate, siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = {
  pagination: { data: 'render.redirects', size: 1, alias: 'redirect' },
  permalink: (data: { redirect: Redirect }) => `${data.redirect.from}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render(data: { frame: Frame; redirect: Redirect }): string {
  const r = data.redirect;
  const s = site.defaultScript;
  if (r.to) {
    const href = r.to.startsWith('/') ? siteUrl(r.to) : r.to;
    const canonical = r.to.startsWith('/') ? absoluteUrl(r.to) : r.to;
    return `<!DOCTYPE html>\n${html`<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say('已移至新網址', s)}</title>
<meta http-equiv="refresh" content="0;url=${href}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${canonical}">
</head>
<body>
<main>
<h1>${say('已移至新網址', s)}</h1>
<p>${say('本頁已移至', s)} <a href="${href}">${canonical}</a>。</p>
${r.note ? html`<p>${r.note}</p>` : ''}
</main>
</body>
</html>`}\n`;
  }
  const body = html`<h1>${say('公報已撤下', s)}</h1>
<p class="notice">${r.title ? html`《${r.title}》` : say('這篇公報', s)}${say(`於${chineseDate(r.withdrawn!)}撤下。`, s)}</p>
${r.note ? html`<p>${r.note}</p>` : ''}
<p><a href="${siteUrl('/')}">${say('返回首頁', s)}</a></p>`;
  return data.frame({ script: s, title: say('公報已撤下', s), path: r.from, noindex: true }, body);
}
