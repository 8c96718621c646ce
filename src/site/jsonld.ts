// schema.org NewsArticle data for a bulletin page, as JSON-LD that cannot close its <script> element.
import type { BulletinEntry } from '../archive/model.ts';
import { absoluteUrl, chineseDate, isoDateTime, langTag } from './filters.ts';
import { html, jsonForScript, type SafeHtml } from './html.ts';

/** The NewsArticle object: headline, dates, reporters as authors, the source as publisher, officials as mentions. */
export function newsArticle(entry: BulletinEntry): Record<string, unknown> {
  const r = entry.record;
  const place = typeof r.place === 'string' ? r.place : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: r.title,
    url: absoluteUrl(entry.url),
    mainEntityOfPage: absoluteUrl(entry.url),
    inLanguage: langTag(r.script),
    datePublished: isoDateTime(r.date),
    ...(r.end_date ? { temporalCoverage: `${r.date}/${r.end_date}` } : {}),
    dateline: [r.source, chineseDate(r.date)].filter(Boolean).join(' '),
    ...(place ? { locationCreated: { '@type': 'Place', name: place } } : {}),
    author: r.reporters.map((p) => ({ '@type': 'Person', name: p.name, ...(p.role ? { jobTitle: p.role } : {}) })),
    ...(r.source ? { publisher: { '@type': 'Organization', name: r.source } } : {}),
    mentions: entry.officials.map(({ official, person }) => ({
      '@type': 'Person', name: official.name, url: absoluteUrl(person.url), ...(official.titles.length ? { jobTitle: official.titles.join('、') } : {}),
    })),
    isBasedOn: absoluteUrl(entry.sourceUrl),
  };
}

/** The <script type="application/ld+json"> element. */
export function jsonLdScript(data: unknown): SafeHtml {
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}
