// The page frame every HTML page shares: head, header with the 繁/简 and reading switches, footer.
// Eleventy hands it to the pages as global data `frame` (.eleventy.ts); its contract is src/site/frame.ts.
import type { Script } from '../src/record.ts';
import { site } from '../src/config.ts';
import { absoluteUrl, langTag, siteUrl } from '../src/site/filters.ts';
import { say } from '../src/parser/script.ts';
import type { PageOptions } from '../src/site/frame.ts';
import { escapeHtml, html, type SafeHtml } from '../src/site/html.ts';



/**
 * The whole page, as one flat string. Eleventy keeps every page it renders until its run ends. A
 * template literal's result is a tree of the hundreds of strings it joins (a V8 cons string), and
 * Eleventy would keep each tree whole: at 10,000 bulletins, 1 GB of small strings copied through
 * V8's young generation (0.4-0.9 s more of scavenges, 160 MB more peak memory). Flattened, the
 * pieces are garbage at once. (Not through a Buffer: Eleventy turns a Buffer back into a string,
 * which costs 1.3 s more.)
 */
export function basePage(o: PageOptions, body: SafeHtml): string {
  const s = o.script;
  const siteName = site.name[s];
  const nav = [
    { path: '/', label: '首頁' },
    { path: '/dates/', label: '按日期' },
    { path: '/officials/', label: '官員' },
    { path: '/kinds/', label: '會議類別' },
  ];
  return flat(`<!DOCTYPE html>\n${html`<html lang="${langTag(s)}" data-script="${s}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.path === '/' ? siteName : documentTitle(o.title, siteName)}</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
${o.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${absoluteUrl(o.path)}">
<link rel="stylesheet" href="${siteUrl('/assets/site.css')}">
<link rel="alternate" type="application/atom+xml" title="${siteName}" href="${siteUrl('/feed.xml')}">
${o.feed ? html`<link rel="alternate" type="application/atom+xml" title="${o.feed.title}" href="${siteUrl(o.feed.path)}">` : ''}
<script src="${siteUrl('/assets/site.js')}" defer data-prefix="${site.pathPrefix}"></script>
${o.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">${say('跳至正文', s)}</a>
<header class="site-header">
<a class="site-name" href="${siteUrl('/')}">${siteName}</a>
<nav class="site-nav" aria-label="${say('網站導航', s)}"><ul>${nav.map((n) => html`<li><a href="${siteUrl(n.path)}"${o.path === n.path ? html` aria-current="page"` : ''}>${say(n.label, s)}</a></li>`)}</ul></nav>
${o.path === '/search/' ? '' : html`<form class="site-search" role="search" action="${siteUrl('/search/')}" method="get"><input type="search" name="q" aria-label="${say('搜索全文', s)}" placeholder="${say('搜索', s)}"><button type="submit">${say('搜索', s)}</button></form>`}
<div class="switches" data-no-convert hidden>
<div class="script-switch" role="group" aria-label="字體 / 字体"><button type="button" data-script="Hant" lang="zh-Hant" aria-pressed="${String(s === 'Hant')}">繁體</button><button type="button" data-script="Hans" lang="zh-Hans" aria-pressed="${String(s === 'Hans')}">简体</button></div>
${o.readings ? html`<button type="button" class="ruby-toggle" aria-pressed="true" lang="${langTag(s)}">${say('拼音', s)}</button>` : ''}
</div>
</header>
${o.crumbs && o.crumbs.length > 0 ? html`<nav class="crumbs" aria-label="${say('位置', s)}"><ol>${o.crumbs.map((c) => html`<li>${c.path ? html`<a href="${siteUrl(c.path)}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}</li>`)}</ol></nav>` : ''}
<main id="main">
${body}
</main>
<footer class="site-footer">
<p>${siteName} · <a href="${siteUrl('/feed.xml')}">Atom</a> · <a href="${siteUrl('/records.json')}">records.json</a> · <a href="${siteUrl('/report/')}">${say('編輯報告', s)}</a></p>
</footer>
</body>
</html>`}\n`);
}

// Search engines show about 70 characters of a page's title; html-validate's long-title rule counts
// them as written in the page, escapes included (&lt; is 4).
const MAX_TITLE = 70;

// Bidirectional embeddings and overrides (U+202A–U+202E, U+2066–U+2069): a <title> has no markup
// to close them, so one in a bulletin's title would reverse the site's name after it in the tab.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** "title · site", the title cut with … (at a code point) so that, escaped, the whole fits in MAX_TITLE. */
function documentTitle(fullTitle: string, siteName: string): string {
  const title = fullTitle.replace(BIDI_CONTROLS, '');
  const suffix = ` · ${siteName}`;
  if (escapeHtml(title + suffix).length <= MAX_TITLE) return title + suffix;
  let cut = '';
  for (const ch of title) {
    if (escapeHtml(`${cut}${ch}…${suffix}`).length > MAX_TITLE) break;
    cut += ch;
  }
  return `${cut}…${suffix}`;
}

/**
 * `text` flattened: reading a character of a cons string makes V8 copy it into one flat string,
 * which the cons string then points to (String::Flatten, from the runtime's charCodeAt).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
