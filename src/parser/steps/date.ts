// Step: the bulletin's date. Front matter wins; then the body's dateline (2023年3月6日, 民國112年3月6日,
// 2023-03-06, or 7月18日 with its year from --year, the page's own date line (发布日期：…), or the
// file's name or folder; 25日 with its month from the page date); then the page date alone. A date
// range also gives an end date.
import { basename } from 'node:path';
import { DateTime, FixedOffsetZone } from 'luxon';
import { site } from '../../config.ts';
import type { Origin } from '../../record.ts';
import { type ParseContext, warn } from '../context.ts';
import { BulletinError } from '../errors.ts';
import { NUMERAL_CHARS, parseNumber } from '../vocab.ts';

export interface DateResult {
  date: string;
  endDate?: string;
  origin: Origin;
}

// Bulletin dates are calendar days in China. A fixed UTC+8 gives the same days as Asia/Shanghai
// (dates carry no time of day) without an Intl time-zone lookup per date, which dominated parsing.
export const ZONE = FixedOffsetZone.instance(8 * 60);
const N = `\\d{1,2}|[${NUMERAL_CHARS}]{1,3}`;
// 2023年3月6日, 二〇二二年七月十八日, 民国112年3月6日, 7月18日, 12月20日至21日, 5月30日-6月1日
export const DATE_IN_TEXT = new RegExp(
  `(?:(?:民国(?<roc>\\d{2,3}|[${NUMERAL_CHARS}]{2,5})|(?<year>\\d{4}|[〇零一二三四五六七八九]{4}))年)?(?<month>${N})月(?<day>${N})[日号]` +
    `(?:(?:至|到|-|—|～|~)(?:(?<endMonth>${N})月)?(?<endDay>${N})[日号])?`,
  'gu',
);
// 2023-05-06, 2023/5/6, 2023.05.06 (a page's date line, or an ISO date in the text)
const NUMERIC_DATE = /(?<!\d)(?<year>(?:19|20)\d{2})[-/.](?<month>[01]?\d)[-/.](?<day>[0-3]?\d)(?!\d)/u;
// 25日， at the start of the body: a day whose month and year are the page date's.
// 25日，市长…; 金门县政府（19）日召开…; 北竿乡代会11日进行…: in the body's first sentence.
const DAY_ONLY = /^[^。\n]{0,40}?(?<![月\d（(第])(?:[（(](?<inParens>\d{1,2})[）)]|(?<day>\d{1,2}|[〇零一二两三四五六七八九十廿卅]{1,3}))[日号](?![电讯])/u;
// A page's date on a line of its own, anywhere: - 2022-10-12, 2014-7-21 23:12:09
const DATE_LINE = /(?:^|\n)[-–—·\s]*(?<year>(?:19|20)\d{2})[-/.](?<month>[01]?\d)[-/.](?<day>[0-3]?\d)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?=\n|$)/u;
// 中新网山西新闻11月8日电 (通讯员…)11月5日，…: the wire's date is its filing, the event's follows.
const WIRE_DATE = /^[^，。\n]{0,24}?\d{1,2}月\d{1,2}日电/u;
// Words that put a bulletin's date out of reach: 近日, 日前 (only the front matter can say).
const VAGUE_DATE = /近日|日前|近期|前不久|最近/u;
// 2022-07-18 or 20120705 in a file name.
const DATE_IN_NAME = /(?<!\d)(?<year>(?:19|20)\d{2})-?(?<month>[01]\d)-?(?<day>[0-3]\d)(?!\d)/;
// A folder named for a year: …/2022/…, or a name that starts with one: 2022_…
const YEAR_IN_PATH = /(?:^|[\\/])(?<year>(?:19|20)\d{2})(?=[\\/]|[_-](?!\d{2}-?\d{2}(?!\d)))/;

const HOW_TO_DATE =
  "give the date in a front-matter block ('date: 2022-07-18' between two '---' lines at the top of the file)";
const HOW_TO_YEAR =
  `pass --year YYYY, name the file YYYY-MM-DD-….txt or put it in a folder named for the year, or ${HOW_TO_DATE}`;

interface Found {
  year: number | null;
  month: number;
  day: number;
  endMonth: number | null;
  endDay: number | null;
  index: number;
}

/**
 * The bulletin's date (and end date). `frontText` is the front-matter block as written (from its
 * opening `---`): its `date:` and `end_date:` are read from there, as YAML would turn an unquoted
 * 2022-02-30 into 2 March. Every date must be a real day within the archive's range (site.config.ts
 * `dates`); else a BulletinError with the line that gives it.
 */
export function extractDate(ctx: ParseContext, front: Record<string, unknown>, bodyStart = 0, frontText = ''): DateResult {
  const fromFront = frontMatterDate(front, 'date', frontText, ctx.file);
  const endFromFront = frontMatterDate(front, 'end_date', frontText, ctx.file);
  const page = pageDate(ctx, bodyStart);
  const inText = firstDateInText(ctx, bodyStart) ?? dayOnly(ctx, bodyStart, page) ?? page;
  const inName = dateInName(ctx.file);

  let result: DateResult;
  let line: number | undefined;
  if (fromFront) {
    const endDate = inText && inText.endDay !== null && !endFromFront ? rangeEnd(fromFront.date, inText) : undefined;
    result = { date: fromFront.date, ...(endDate ? { endDate } : {}), origin: 'front-matter' };
    line = fromFront.line;
  } else {
    const found = dateFromBody(ctx, inText, page, inName);
    result = found.result;
    line = found.line;
  }
  checkInRange(result.date, ctx.file, line, fromFront ? 'front-matter' : result.origin);
  if (endFromFront) {
    if (endFromFront.date < result.date) {
      throw new BulletinError('bad-date', ctx.file,
        `the front matter's end_date ${endFromFront.date} is before the bulletin's date ${result.date}; correct it or remove it`, endFromFront.line);
    }
    result.endDate = endFromFront.date;
  } else if (result.endDate && !inRange(result.endDate)) {
    delete result.endDate;
  }
  return result;
}

/** The date the body gives (or the file's name, or --date), with the line that gives it when the text does. */
function dateFromBody(ctx: ParseContext, inText: Found | null, page: Found | null, inName: string | null): { result: DateResult; line?: number } {
  if (!inText) {
    if (inName) return { result: { date: inName, origin: 'path' } };
    const given = givenDate(ctx);
    if (given) return { result: { date: given, origin: 'flag' } };
    const vague = VAGUE_DATE.exec(ctx.simplified);
    throw new BulletinError('no-date', ctx.file,
      vague ? `the text dates the bulletin only as '${ctx.text.substr(vague.index, vague[0].length)}'; ${HOW_TO_DATE}`
        : `no date found in the text; ${HOW_TO_DATE}`, vague ? ctx.locate(vague.index).line : undefined);
  }

  let year = inText.year;
  let origin: Origin = 'text';
  if (year === null) {
    if (ctx.options.year !== undefined) {
      year = ctx.options.year;
      origin = 'flag';
    } else if (page?.year) {
      // Published on 2021-01-06 about 12月30日: the year before.
      year = inText.month > page.month + 1 ? page.year - 1 : page.year;
    } else if (inName) {
      year = Number(inName.slice(0, 4));
      origin = 'path';
    } else {
      const fromFolder = YEAR_IN_PATH.exec(ctx.file)?.groups?.year;
      if (!fromFolder) {
        throw new BulletinError('no-year', ctx.file,
          `the date '${inText.month}月${inText.day}日' has no year; ${HOW_TO_YEAR}`, ctx.locate(inText.index).line);
      }
      year = Number(fromFolder);
      origin = 'path';
    }
  }
  const date = isoDate(year, inText.month, inText.day);
  if (!date) {
    throw new BulletinError('bad-date', ctx.file,
      `'${year}年${inText.month}月${inText.day}日' is not a real date; correct it in the text or ${HOW_TO_DATE}`,
      ctx.locate(inText.index).line);
  }
  if (inName && inName !== date) {
    warn(ctx, 'date/mismatch', inText.index,
      `the text says ${date} but the file name says ${inName}; rename the file or correct the date`);
  }
  const endDate = inText.endDay !== null ? rangeEnd(date, inText) : undefined;
  return { result: { date, ...(endDate ? { endDate } : {}), origin }, line: ctx.locate(inText.index).line };
}

/** Whether a YYYY-MM-DD date is within the archive's range (site.config.ts `dates`). */
function inRange(date: string): boolean {
  return date >= site.dates.first && date <= site.dates.last;
}

/** Refuses a date outside the archive's range, saying where it came from and how to correct it. */
function checkInRange(date: string, file: string, line: number | undefined, origin: Origin, key = 'date'): void {
  if (inRange(date)) return;
  const range = `the archive's dates run from ${site.dates.first} to ${site.dates.last} (site.config.ts, 'dates')`;
  const where = origin === 'front-matter' ? `the front matter's ${key}` : origin === 'path' ? "the file name's date"
    : origin === 'flag' ? 'the date given (--year or --date)' : 'the date in the text';
  const fix = origin === 'front-matter' ? 'correct it' : origin === 'path' ? `rename the file or ${HOW_TO_DATE}`
    : origin === 'flag' ? 'pass another --year or --date' : `correct it in the text or ${HOW_TO_DATE}`;
  throw new BulletinError('bad-date', file, `${where} ${date} is outside the archive: ${range}; ${fix}`, line);
}

/**
 * The first date written in the body (after its headline and meta lines), unless 近日/日前 comes
 * first in its paragraph; an ISO date counts when it comes before any 月日 date.
 */
function firstDateInText(ctx: ParseContext, bodyStart: number): Found | null {
  DATE_IN_TEXT.lastIndex = bodyStart;
  let m = DATE_IN_TEXT.exec(ctx.simplified);
  // A wire's dateline: the next date in the same first sentence is the event's.
  if (m && WIRE_DATE.test(ctx.simplified.slice(bodyStart, m.index + m[0].length + 1))) {
    const next = DATE_IN_TEXT.exec(ctx.simplified);
    if (next && !ctx.simplified.slice(m.index, next.index).includes('。')) m = next;
  }
  const firstLineEnd = ctx.simplified.indexOf('\n', bodyStart);
  const numeric = NUMERIC_DATE.exec(ctx.simplified.slice(bodyStart, firstLineEnd === -1 ? undefined : firstLineEnd));
  if (numeric?.groups && (!m || bodyStart + numeric.index < m.index)) {
    const g = numeric.groups;
    return { year: Number(g.year), month: Number(g.month), day: Number(g.day), endMonth: null, endDay: null, index: bodyStart + numeric.index };
  }
  if (!m?.groups) return null;
  const paragraphStart = ctx.simplified.lastIndexOf('\n', m.index) + 1;
  if (VAGUE_DATE.test(ctx.simplified.slice(paragraphStart, m.index))) return null;
  const g = m.groups;
  const month = parseNumber(g.month!);
  const day = parseNumber(g.day!);
  if (month === null || day === null) return null;
  const roc = g.roc ? parseNumber(g.roc) : null;
  return {
    year: roc !== null ? roc + ROC_EPOCH : g.year ? parseNumber(g.year) : null,
    month,
    day,
    endMonth: g.endMonth ? parseNumber(g.endMonth) : null,
    endDay: g.endDay ? parseNumber(g.endDay) : null,
    index: m.index,
  };
}

// 民國112年 is 2023: the Republic of China counts years from 1912.
const ROC_EPOCH = 1911;

/** The page's own date, from the meta lines above the body (发布日期：2023-06-21, 时间：2020-07-28). */
function pageDate(ctx: ParseContext, bodyStart: number): Found | null {
  const head = ctx.simplified.slice(0, bodyStart);
  const numeric = NUMERIC_DATE.exec(head);
  if (numeric?.groups) {
    const g = numeric.groups;
    return { year: Number(g.year), month: Number(g.month), day: Number(g.day), endMonth: null, endDay: null, index: numeric.index };
  }
  DATE_IN_TEXT.lastIndex = 0;
  const m = DATE_IN_TEXT.exec(head);
  if (!m?.groups?.year) {
    // No date above the body: a line that is only a date, below it (- 2022-10-12).
    const line = DATE_LINE.exec(ctx.simplified.slice(bodyStart));
    if (!line?.groups) return null;
    const g = line.groups;
    return { year: Number(g.year), month: Number(g.month), day: Number(g.day), endMonth: null, endDay: null, index: bodyStart + line.index };
  }
  const [year, month, day] = [parseNumber(m.groups.year), parseNumber(m.groups.month!), parseNumber(m.groups.day!)];
  if (year === null || month === null || day === null) return null;
  return { year, month, day, endMonth: null, endDay: null, index: m.index };
}

/** The date the caller gave (--date) for a text that has none: a year, month and day of its own. */
function givenDate(ctx: ParseContext): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(ctx.options.date ?? '');
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** 25日，市长…: a dateline with the day alone, in the page date's month (or the month before). */
function dayOnly(ctx: ParseContext, bodyStart: number, page: Found | null): Found | null {
  if (!page?.year) return null;
  const m = DAY_ONLY.exec(ctx.simplified.slice(bodyStart, bodyStart + 200));
  const day = m ? parseNumber(m.groups!.inParens ?? m.groups!.day!) : null;
  if (day === null) return null;
  const before = day > page.day;
  const month = before ? (page.month === 1 ? 12 : page.month - 1) : page.month;
  const year = before && page.month === 1 ? page.year - 1 : page.year;
  return { year, month, day, endMonth: null, endDay: null, index: bodyStart + m!.index };
}

/** 12月20日至21日 → the 21st of the start's month; a month that wraps goes into the next year. */
function rangeEnd(start: string, found: Found): string | undefined {
  const startDate = DateTime.fromISO(start, { zone: ZONE });
  const month = found.endMonth ?? startDate.month;
  let end = DateTime.fromObject({ year: startDate.year, month, day: found.endDay! }, { zone: ZONE });
  if (end.isValid && end < startDate) end = end.plus({ years: 1 });
  return end.isValid && end > startDate ? end.toISODate()! : undefined;
}

/** YYYY-MM-DD for a real calendar date, else null (2月30日). */
export function isoDate(year: number, month: number, day: number): string | null {
  // Plain arithmetic: this runs for every date in every bulletin, and needs no time zone.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateInName(file: string): string | null {
  const g = DATE_IN_NAME.exec(basename(file))?.groups;
  return g ? isoDate(Number(g.year), Number(g.month), Number(g.day)) : null;
}

// A top-level key of the front matter as written: `date: 2022-07-18`, `"end_date": '2022-07-19'  # comment`.
const FRONT_KEY = (key: string) => new RegExp(`^(["']?)${key}\\1[ \\t]*:[ \\t]*(?<value>.*)$`, 'mu');
// The value of such a line: quoted (either quote), or plain up to a comment.
const FRONT_VALUE = /^(?:"(?<double>[^"]*)"|'(?<single>[^']*)'|(?<plain>[^#]*?))[ \t]*(?:#.*)?$/u;
// The one way to write a front-matter date: 2022-07-18.
const ISO_DAY = /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$/u;

/**
 * The front matter's `date` or `end_date`, with its line: a real day written YYYY-MM-DD, read from
 * the block as written when it is there (YAML reads 2022-02-30 as 2 March, 0099-03-04 as 1999 and
 * 2022-07-18T01:00:00+08:00 as the 17th), else from the parsed value. Null when the key is absent.
 */
function frontMatterDate(front: Record<string, unknown>, key: 'date' | 'end_date', frontText: string, file: string): { date: string; line?: number } | null {
  const value = front[key];
  if (value === undefined || value === null || value === '') return null;
  const written = FRONT_KEY(key).exec(frontText);
  const line = written ? lineOf(frontText, written.index) : undefined;
  const v = written ? FRONT_VALUE.exec(written.groups!.value!)?.groups : undefined;
  let text = v ? (v.double ?? v.single ?? v.plain ?? '').trim() : '';
  if (!text) {
    // Not a one-line value (or not found as written): the parsed value, a Date only as midnight UTC.
    if (typeof value === 'string') text = value.trim();
    else if (value instanceof Date && !Number.isNaN(value.getTime()) && value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0) {
      text = value.getUTCFullYear() >= 1000 && value.getUTCFullYear() <= 9999 ? value.toISOString().slice(0, 10) : String(value.getUTCFullYear());
    } else text = String(value);
  }
  const example = `e.g. '${key}: 2022-07-18'`;
  const m = ISO_DAY.exec(text);
  if (!m) {
    throw new BulletinError('bad-date', file,
      `the front matter's ${key} '${text}' is not a date written as YYYY-MM-DD (a day alone, no time); write it as ${example}`, line);
  }
  // Any year, 0000 included: a day before 1000 is real, and refused below for being out of range.
  const [year, month, day] = [Number(m.groups!.year), Number(m.groups!.month), Number(m.groups!.day)];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new BulletinError('bad-date', file, `the front matter's ${key} '${text}' is not a real day; correct it, ${example}`, line);
  }
  checkInRange(text, file, line, 'front-matter', key);
  return { date: text, line };
}

/** 1-based line of an index in a text. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
