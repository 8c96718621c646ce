// records.json: every bulletin's metadata, without its text (the full record is beside each page).
import type { Archive } from '../../archive/model.ts';

export const data = { permalink: '/records.json', eleventyExcludeFromCollections: true, wholeSite: true };

export function render(data: { archive: Archive }): string {
  const records = data.archive.bulletins.map((e) => {
    const r = e.record;
    return {
      id: r.id, url: e.url, record_url: e.jsonUrl, source_url: e.sourceUrl,
      date: r.date, ...(r.end_date ? { end_date: r.end_date } : {}), title: r.title, source: r.source, script: r.script,
      officials: e.officials.map(({ official, person }) => ({ key: official.key, name: official.name, person: person.slug, titles: official.titles, roles: official.roles })),
      meetings: r.meetings.map((m) => ({ name: m.name, types: m.types, number: m.number, date: m.date })),
      reporters: r.reporters,
      source_file: { encoding: r.source_file.encoding, sha256: r.source_file.sha256 },
    };
  });
  return `${JSON.stringify({ count: records.length, records })}\n`;
}
