// The meeting kinds, most frequent first.
import type { Frame } from '../frame.ts';
import { site } from '../../config.ts';
import type { Archive } from '../../archive/model.ts';
import { say } from '../components.ts';
import { siteUrl } from '../filters.ts';
import { html } from '../html.ts';

export const data = { permalink: '/kinds/index.html', wholeSite: true };

export function render(data: { frame: Frame; archive: Archive }): string {
  const s = site.defaultScript;
  const title = say('會議類別', s);
  const body = html`<h1>${title}</h1>
<ul class="kinds">${data.archive.kinds.map((k) => html`<li><a href="${siteUrl(k.url)}">${k.name[s]}</a>（${say(`${k.bulletins.length}篇`, s)}）</li>`)}</ul>`;
  return data.frame({ script: s, title, path: '/kinds/', crumbs: [{ label: say('首頁', s), path: '/' }, { label: title }] }, body);
}
