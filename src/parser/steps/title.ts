// Step: the bulletin's title, its headline (headline.ts) or, when the text has none, one made up
// from the chair and the meetings; and its id, a stable URL-safe ASCII slug from the file's name.
import { basename, extname } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Meeting, Origin } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { EVENT_KINDS } from '../vocab.ts';
import type { Headline } from './headline.ts';

// Events are not convened: a title says who held a meeting, not who convened a visit.
const EVENTS: ReadonlySet<string> = new Set(Object.values(EVENT_KINDS));

// 区政府今年第17次常务会议 → 区政府常务会议: a title names the kind of meeting, not its count.
const COUNT_IN_NAME = /(?:今年|本年度|年内)?第[\d〇零一二两三四五六七八九十百]+次/gu;
// The dateline before the first sentence: 長樂新聞網訊 7月18日，
const DATELINE = /^[^\n，。]{0,24}?(?:讯|電|电)\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]?\s*|^(?:\d{4}年)?\d{1,2}月\d{1,2}日[上下]?午?[，,]\s*/u;
const MAX_TITLE = 60;
const LEAD_BYLINE_WITHIN = 30;

export function makeTitle(
  ctx: ParseContext, headline: Headline, meetings: Meeting[], bylines: Array<[number, number]>,
): { title: string; origin: Origin } {
  if (headline.title) return { title: headline.title, origin: 'text' };
  const named = meetings.filter((m) => !EVENTS.has(m.types[0] ?? ''));
  const chairs = [...new Set(named.flatMap((m) => m.chairs))];
  if (named.length > 0 && chairs.length > 0) {
    const names = named.map((m) => m.name.split(/暨/u)[0]!.replace(COUNT_IN_NAME, ''));
    const convened = ctx.script === 'Hant' ? '主持召開' : '主持召开';
    return { title: `${chairs.join('、')}${convened}${[...new Set(names)].join('和')}`, origin: 'inferred' };
  }
  // Otherwise the first sentence, without its dateline and a byline at its start.
  let first = ctx.text.split('\n')[0]!;
  const lead = bylines.find(([start]) => start < LEAD_BYLINE_WITHIN);
  if (lead) first = first.slice(lead[1]).replace(/^\s+/u, '');
  first = first.replace(DATELINE, '');
  const sentence = first.split(/[。！？]/u)[0]!;
  const title = sentence.length > MAX_TITLE ? `${sentence.slice(0, MAX_TITLE)}…` : sentence;
  return { title, origin: 'inferred' };
}

// 2022-07-18-changle-meeting.txt: a date at the start of a file's name is the date's, not the slug's.
const DATE_PREFIX = /^(?:19|20)\d{2}-?[01]\d-?[0-3]\d[-_ ]*/;

/** The record's id: `YYYY-MM-DD-<slug>` with the slug from the file's name (Han in pinyin). */
export function makeId(path: string, date: string): string {
  return `${date}-${slugFromFileName(path)}`;
}

/** The slug part of a file's name: ASCII, lower case, words joined by '-'. */
export function slugFromFileName(path: string): string {
  const stem = basename(path, extname(path)).replace(DATE_PREFIX, '');
  const ascii = /\p{Script=Han}/u.test(stem) ? pinyin(stem, { toneType: 'none', separator: '-', nonZh: 'consecutive' }) : stem;
  const slug = ascii.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'bulletin';
}
