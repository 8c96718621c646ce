// Step: the meetings a bulletin reports. One 主持召开…会议 sentence (or …会在…举行, or a 调研 visit)
// is one meeting; it runs until the next one starts. Each gets its kinds, number, date, chairs,
// attendees, directives (directives.ts) and documents (《…》).
import type { Meeting } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { MEETING_KINDS, NUMERAL_CHARS, parseNumber } from '../vocab.ts';
import { DATE_IN_TEXT, isoDate } from './date.ts';
import { extractDirectives } from './directives.ts';
import { type Officials, roleOf } from './officials.ts';

// 主持召开区政府党组（扩大）会议暨区政府党组理论学习中心组学习会。 The name runs to the clause's end.
const CONVENED = /(?:主持)?召开(?:了)?(?<name>[^，。；！？\n]{1,60}?(?:会议|会))(?=[，。；！？\n]|$)/gu;
// 2021湖北武黄同城暨黄石（光谷）产业投资推介会在武汉举行
const HELD = /(?<=^|[，。；\n])(?:[^，。；\n]{0,12}?[日午]，?)?(?<name>[^，。；\n]{2,50}?(?:会议|会))(?:在[^，。；\n]{1,20}?)?(?:隆重)?(?:举行|召开|开幕)/gu;
// A cheap first look for HELD: …会 (在…) 举行/召开/开幕.
const HELD_VERB = /会议?(?:在[^，。；\n]{1,20}?)?(?:隆重)?(?:举行|召开|开幕)/u;
// 邱木兴先后深入玉山县、信州区督导检查禁毒工作: the visit is named from its verb (督导检查禁毒工作).
const VISIT = /(?:先后)?(?:深入|到|赴|前往|来到)[^，。；\n]{1,30}?(?<name>(?:调研|督导检查|督导|检查|视察)[^，。；\n]{0,20})/gu;
// 第17次, 第十七次
const NUMBER = new RegExp(`第(?<n>\\d+|[${NUMERAL_CHARS}]+)次`, 'u');
// Asides in a meeting's name that do not change its kind: （扩大）, (扩大).
const ASIDE = /[（(][^）)]*[）)]/gu;
// The organ that convenes: the end of the text before 召开, after any date (虚构市委常委会).
const ORGAN = /(?<=^|[日午]|\s)[\p{Script=Han}]{2,14}?(?:政府|常委会|委员会|党组|党委|人大|政协|局|办)$/u;
const MAX_ORGAN = 20;
const GENERIC_NAME = /^(?:会议|大会|本次|此次|这次|该会|全会$)/u;
// 今年第1次, 第十二次: a count inside a name says nothing of its kind.
const COUNT = new RegExp(`(?:今年|本年度|\\d{4}年|[〇零一二三四五六七八九]{4}年)?第(?:\\d+|[${NUMERAL_CHARS}]+)次`, 'gu');
const DOCUMENT = /《(?<title>[^》\n]+)》/gu;

interface Found {
  /** Where the meeting's sentence starts and where its name is. */
  sentenceStart: number;
  /** The organ named before 召开 when it belongs to the name (虚构市委常委会|召开|第十二次会议). */
  organStart: number;
  organEnd: number;
  nameStart: number;
  nameEnd: number;
  visit: boolean;
}

export function extractMeetings(ctx: ParseContext, officials: Officials, bulletinDate: string): Meeting[] {
  const found = findMeetings(officials);
  return found.map((f, i) => {
    const segmentStart = f.sentenceStart;
    const segmentEnd = found[i + 1]?.sentenceStart ?? ctx.text.length;
    return buildMeeting(ctx, officials, bulletinDate, f, segmentStart, segmentEnd);
  });
}

function findMeetings({ masked, mentions }: Officials): Found[] {
  const found: Found[] = [];
  const add = (m: RegExpExecArray, visit: boolean) => {
    const nameStart = m.index + m[0].lastIndexOf(m.groups!.name!);
    const nameEnd = nameStart + m.groups!.name!.length;
    // 虚构市委常委会召开第十二次会议, 样板县政府召开第三次全体会议: the organ is part of the name.
    const clauseStart = Math.max(m.index - MAX_ORGAN, lastBoundary(masked, m.index));
    const organ = visit ? null : ORGAN.exec(masked.slice(clauseStart, m.index));
    const organStart = organ && /^(?:今年|本年度)?(?:第|全体|常务|党组)/u.test(m.groups!.name!) ? clauseStart + organ.index : nameStart;
    const organEnd = organStart === nameStart ? nameStart : m.index;
    // A meeting only referred to (传达…区委常委会会议精神) is not one of this bulletin's.
    if (/^精神|^上的/u.test(masked.slice(nameEnd, nameEnd + 3))) return;
    // 会议在…召开 and 此次会议 point back at a meeting already named.
    if (GENERIC_NAME.test(m.groups!.name!)) return;
    if (found.some((f) => organStart < f.nameEnd && f.organStart < nameEnd)) return;
    found.push({ sentenceStart: sentenceStartOf(masked, m.index), organStart, organEnd, nameStart, nameEnd, visit });
  };
  for (const pattern of [CONVENED, HELD]) {
    if (pattern === HELD && !HELD_VERB.test(masked)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(masked); m; m = pattern.exec(masked)) add(m, false);
  }
  VISIT.lastIndex = 0;
  for (let m = VISIT.exec(masked); m; m = VISIT.exec(masked)) {
    // A visit is led by someone named in its own clause: 区长林測甲到示例村调研….
    const clauseStart = lastBoundary(masked, m.index);
    if (mentions.some((x) => x.start >= clauseStart && x.end <= m!.index)) add(m, true);
  }
  return found.sort((a, b) => a.nameStart - b.nameStart);
}

/** Index just after the last clause mark before `at`. */
function lastBoundary(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if ('，。；！？\n'.includes(text[i]!)) return i + 1;
  return 0;
}

/** The start of the paragraph holding `at`: a meeting's sentence opens its part of the text. */
function sentenceStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function buildMeeting(
  ctx: ParseContext, officials: Officials, bulletinDate: string, f: Found, start: number, end: number,
): Meeting {
  const name = ctx.text.slice(f.organStart, f.organEnd) + ctx.text.slice(f.nameStart, f.nameEnd);
  const simplifiedName = ctx.simplified.slice(f.organStart, f.organEnd) + ctx.simplified.slice(f.nameStart, f.nameEnd);
  const numberMatch = NUMBER.exec(simplifiedName);
  const inSegment = officials.mentions.filter((m) => m.start >= start && m.end <= end);
  const chairs: string[] = [];
  const attendees: string[] = [];
  for (const m of inSegment) {
    const role = roleOf(officials.masked, m, officials.mentions);
    // A visit's leader is whoever the sentence names before it.
    const leads = f.visit && m.end <= f.nameStart && m.start >= f.sentenceStart;
    if ((role === 'chair' || leads) && !chairs.includes(m.name)) chairs.push(m.name);
    else if (role === 'attendee' && !attendees.includes(m.name)) attendees.push(m.name);
  }
  const documents: string[] = [];
  DOCUMENT.lastIndex = 0;
  const segment = ctx.text.slice(start, end);
  for (let m = DOCUMENT.exec(segment); m; m = DOCUMENT.exec(segment)) {
    if (!documents.includes(m.groups!.title!)) documents.push(m.groups!.title!);
  }
  return {
    name,
    types: f.visit ? ['调研'] : meetingTypes(simplifiedName),
    number: numberMatch ? parseNumber(numberMatch.groups!.n!) : null,
    date: meetingDate(ctx, start, f.nameStart, bulletinDate),
    chairs,
    attendees,
    directives: extractDirectives(ctx, start, end, inSegment.map((m) => m.key)),
    documents,
  };
}

/** Canonical kinds of a meeting's name; 暨 joins two names of the same meeting. */
export function meetingTypes(simplifiedName: string): string[] {
  const types: string[] = [];
  for (const part of simplifiedName.split('暨')) {
    const bare = part.replace(ASIDE, '').replace(COUNT, '');
    const kind = MEETING_KINDS.find((k) => k.pattern.test(bare));
    if (kind && !types.includes(kind.type)) types.push(kind.type);
  }
  return types;
}

/** The date written in the meeting's sentence before its name, else the bulletin's date. */
function meetingDate(ctx: ParseContext, sentenceStart: number, nameStart: number, bulletinDate: string): string {
  const before = ctx.simplified.slice(sentenceStart, nameStart);
  DATE_IN_TEXT.lastIndex = 0;
  const m = DATE_IN_TEXT.exec(before);
  if (!m?.groups) return bulletinDate;
  const year = m.groups.year ? parseNumber(m.groups.year) : Number(bulletinDate.slice(0, 4));
  const month = parseNumber(m.groups.month!);
  const day = parseNumber(m.groups.day!);
  return (year !== null && month !== null && day !== null && isoDate(year, month, day)) || bulletinDate;
}
