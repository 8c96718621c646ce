// A pinyin slug several people share (namesakes, homophones): links to each of them.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Ambiguity } from '../../archive/model.ts';
import { personName, say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = {
  pagination: { data: 'render.ambiguities', size: 1, alias: 'ambiguity', addAllPagesToCollections: true },
  permalink: (data: { ambiguity: Ambiguity }) => `${data.ambiguity.url}index.html`,
};

export function render(data: { frame: Frame; ambiguity: Ambiguity }): string {
  const a = data.ambiguity;
  const s = site.defaultScript;
  const body = html`<h1>${a.slug}</h1>
<p>${say('這個網址對應多位官員：', s)}</p>
<ul>${a.people.map((p) => html`<li><a href="${siteUrl(p.url)}">${personName(p, s)}</a></li>`)}</ul>`;
  return data.frame({ script: s, title: a.slug, path: a.url, crumbs: [{ label: say('首頁', s), path: '/' }, { label: say('官員', s), path: '/officials/' }, { label: a.slug }] }, body);
}
