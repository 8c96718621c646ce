// Atom feeds: the archive's, each official's and each meeting kind's. All text is XML-escaped.
import type { Script } from '../record.ts';
import { site } from '../config.ts';
import type { Archive, BulletinRef } from '../archive/model.ts';
import { absoluteUrl, isoDateTime, langTag } from './filters.ts';
import { html, xml } from './html.ts';
import { paragraphsWithReadings } from './text.ts';

export interface FeedOptions {
  title: string;
  /** The feed's own site path (…/feed.xml). */
  path: string;
  /** The HTML page the feed follows. */
  pagePath: string;
  script: Script;
  /** Newest first; only the first site.feedSize are used. */
  items: readonly BulletinRef[];
}

/** An Atom document. Entry content is the bulletin's paragraphs as escaped HTML (type="html"). */
export function atomFeed(archive: Archive, o: FeedOptions): string {
  const items = o.items.slice(0, site.feedSize).map((ref) => archive.entry(ref.id)!);
  const updated = items[0] ? isoDateTime(items[0].date) : isoDateTime('2000-01-01');
  const entries = items.map((e) => {
    const r = e.record;
    const paragraphs = paragraphsWithReadings(r.text, []).map((segs) => html`<p>${segs.join('')}</p>`);
    const firstParagraph = r.text.split('\n').find((line) => line.trim() !== '') ?? '';
    return xml`<entry xml:lang="${langTag(r.script)}">
<title>${r.title}</title>
<id>${absoluteUrl(e.url)}</id>
<link rel="alternate" type="text/html" href="${absoluteUrl(e.url)}"/>
<published>${isoDateTime(r.date)}</published>
<updated>${isoDateTime(r.date)}</updated>
${r.reporters.length ? r.reporters.map((p) => xml`<author><name>${p.name}</name></author>`) : xml`<author><name>${r.source || site.name[r.script]}</name></author>`}
<summary type="text">${firstParagraph}</summary>
<content type="html">${html`${paragraphs}`.value}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${langTag(o.script)}">
<title>${o.title}</title>
<id>${absoluteUrl(o.path)}</id>
<link rel="self" type="application/atom+xml" href="${absoluteUrl(o.path)}"/>
<link rel="alternate" type="text/html" href="${absoluteUrl(o.pagePath)}"/>
<updated>${updated}</updated>
<author><name>${site.name[o.script]}</name></author>
${entries}
</feed>`}\n`;
}
