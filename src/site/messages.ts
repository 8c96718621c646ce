// Messages (src/record.ts) on a page: /report/'s table of warnings, one row per message.
import type { Message, Script } from '../record.ts';
import { messagePosition } from '../messages/text.ts';
import { say } from '../parser/script.ts';
import { siteUrl } from './filters.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * A table of messages: the file (its path in the content folder, never the builder's own folders;
 * a link to the bulletin when the message has its url), line:column, rule and reason.
 */
export function messageTable(messages: readonly Message[], caption: string, script: Script): SafeHtml {
  return html`<div class="table-scroll"><table class="list report">
<caption>${caption}</caption>
<thead><tr><th scope="col">${say('文件', script)}</th><th scope="col">${say('位置', script)}</th><th scope="col">${say('規則', script)}</th><th scope="col">${say('說明', script)}</th></tr></thead>
<tbody>${messages.map(messageRow)}</tbody>
</table></div>`;
}

function messageRow(m: Message): SafeHtml {
  const path = m.path ?? '';
  return html`<tr><td>${m.url ? html`<a href="${siteUrl(m.url)}">${path}</a>` : path}</td><td>${messagePosition(m)}</td><td><code>${m.rule}</code></td><td>${m.reason}</td></tr>`;
}
