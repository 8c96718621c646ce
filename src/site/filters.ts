// Display filters: dates in Chinese and ISO, script conversion, URLs. Named after what they return.
// (inScript and say, the script conversions, live with the parser's: src/parser/script.ts.)
import { DateTime } from 'luxon';
import { inScript, say } from '../parser/script.ts';
import type { OfficialRole, Script } from '../record.ts';
import { site } from '../config.ts';

/** The BCP 47 tag of a script: zh-Hant or zh-Hans. */
export function langTag(script: Script): string {
  return script === 'Hans' ? 'zh-Hans' : 'zh-Hant';
}

/** `format` remembered per date (or month): a site prints the same few thousand dates 100,000 times (formatting each with luxon costs 3.5 s at 10,000 bulletins). */
function perDate(format: (iso: string) => string): (iso: string) => string {
  const seen = new Map<string, string>();
  return (iso) => {
    let out = seen.get(iso);
    if (out === undefined) seen.set(iso, out = format(iso));
    return out;
  };
}

/**
 * YYYY-MM-DD as numbers, checked as a day of the calendar. Naming a day needs no time zone; luxon's
 * parse in the site's zone, once per date and format, costs 1.4 s at 10,000 bulletins
 * (isoDateTime, which needs the zone, uses it).
 */
function calendarDay(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, dayOfMonth] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, dayOfMonth);
  // A day past the month's end (02-30) or before it (00) lands in another month.
  if (!match || check.getUTCMonth() !== month - 1) throw new Error(`not an ISO date: ${iso}`);
  return { year, month, day: dayOfMonth };
}

/** 2022-07-18 → 2022年7月18日 */
export const chineseDate = perDate((iso) => {
  const d = calendarDay(iso);
  return `${d.year}年${d.month}月${d.day}日`;
});

/** 2022-07 → 2022年7月 */
export const chineseMonth = perDate((yearMonth) => {
  const d = calendarDay(`${yearMonth}-01`);
  return `${d.year}年${d.month}月`;
});

/** 2022-07-18 → 2022-07-18T00:00:00+08:00 (the start of the day in the archive's zone), for feeds. */
export const isoDateTime = perDate((iso) => {
  const { year, month, day } = calendarDay(iso);
  // Made at the day's start: fromISO then startOf('day') computed the zone's offset twice as often.
  return DateTime.fromObject({ year, month, day }, { zone: site.zone }).toISO({ suppressMilliseconds: true })!;
});

const ROLE_LABELS: Record<OfficialRole, Record<Script, string>> = {
  chair: { Hant: '主持', Hans: '主持' },
  attendee: { Hant: '出席', Hans: '出席' },
  mentioned: { Hant: '提及', Hans: '提及' },
};

/** chair → 主持 */
export function roleLabel(role: OfficialRole, script: Script): string {
  return ROLE_LABELS[role][script];
}

/** A site path with the path prefix: /2022/ → /archive/2022/ when published below /archive/. */
export function siteUrl(path: string): string {
  return site.pathPrefix + path.replace(/^\/+/, '');
}

/** A site path as an absolute URL, for feeds, the sitemap, canonical links and JSON-LD. */
export function absoluteUrl(path: string): string {
  return site.baseUrl + siteUrl(path);
}

/** Registers the filters for any template language that wants them (the .11ty.ts pages import them). */
export function filtersPlugin(eleventyConfig: { addFilter(name: string, fn: (...args: any[]) => unknown): void }): void {
  for (const [name, fn] of Object.entries({ inScript, say, langTag, chineseDate, chineseMonth, isoDateTime, roleLabel, siteUrl, absoluteUrl })) {
    eleventyConfig.addFilter(name, fn);
  }
}
