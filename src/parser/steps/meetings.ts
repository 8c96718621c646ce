// Step: the meetings a bulletin reports. A meeting is named where it is convened (主持召开…会议,
// …会议在…召开, 由…主持的…会议); an event without a meeting's name (an inspection, a visit, a review
// by a delegation) is found in the lead paragraph. Each meeting's part of the text runs until the
// next one's paragraph; from it come its chairs, attendees, directives (directives.ts) and documents.
import type { Meeting } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { EVENT_KINDS, MEETING_KINDS, NUMERAL_CHARS, parseNumber } from '../vocab.ts';
import { DATE_IN_TEXT, isoDate } from './date.ts';
import { extractDirectives } from './directives.ts';
import type { Mention, Officials } from './officials.ts';
import { firstIndex, indexOrEnd } from '../text.ts';

const NAME_CHARS = String.raw`[^，。；！？\n]`;
// 主持召开区政府党组（扩大）会议, 召开了…会议, 举行第2届成立大会, 主持市政会议, 主持的「专组」第二次会议
const CONVENED = new RegExp(String.raw`(?:主持)?(?:召开|举行|召集)(?:了)?\n?[“「]?(?<name>${NAME_CHARS}{1,60}?(?:会议|会|会报))[”」]?(?=[，。；！？\n、]|$)|主持(?:的)?(?<chaired>[「“]?${NAME_CHARS}{0,40}?(?:会议|例会|大会))(?=[，。；！？\n]|$)`, 'gu');
// 县政协党组2024年第22次（扩大）会议暨…主席会议召开, 区政协十届三十次主席会议在政务中心六楼会议室召开
const HELD = new RegExp(String.raw`(?<=^|[，。；\n]|[日午晚])(?<name>${NAME_CHARS}{2,60}?(?:会议|会|会报|仪式|典礼))(?:，?\d{1,2}日[^，。；\n在]{0,8})?(?:在${NAME_CHARS}{1,20}?)?(?:隆重|正式|胜利|顺利)?(?:举行|召开|开幕)(?=[，。；！？\n]|$)`, 'gu');
// A cheap first look for HELD: …会 (在…) 举行/召开/开幕.
const HELD_VERB = /举行|召开|开幕/u;
// 区委理论学习中心组开展集体学习: a study session named by its group.
const STUDIED = /(?<=^|[，。；\n]|[日午晚])(?<name>[^，。；\n]{2,40}?中心组[^，。；\n]{0,12}?(?:开展|进行|举行)[^，。；\n]{0,8}?学习|[^，。；\n]{2,40}?中心组[^，。；\n]{0,8}?学习(?=(?:在[^，。；\n]{1,20}?)?(?:举行|召开)))/gu;
// 会议名称：区政府第5次常务会议 (form-style minutes)
const FORM_NAME = /(?:^|\n)[ 　]*(?:会议名称|会议)[ 　]*[：:][ 　]*(?<name>[^\n，。]{2,60}(?:会议|会|学习))[ 　]*(?=\n|$)/gu;
// 出席民政事务局与十八区区议会正、副主席的例会: a meeting named only where someone attends it.
const ATTENDED = new RegExp(String.raw`出席(?<name>${NAME_CHARS}{2,40}?(?:例会|大会|座谈会))`, 'gu');
// Words before a convening verb that make the meeting one still to come or merely wished for.
const NOT_HELD_BEFORE = /(?:确保|将|即将|准备|筹备|计划|拟|决定|好|要|希望|如何|期间|前|于)$/u;
// A clause taken for a name by HELD: 确保区人代会…顺利召开.
const NOT_HELD_START = /^(?:确保|将|即将|准备|筹备|计划|拟|决定|要|希望|保证|力争|争取)/u;
// A name that only points back at a meeting, or a clause rather than a name: 此次会议, 的一次重要会议.
const GENERIC_NAME = /^(?:会议|大会|会|本次|此次|这次|该会|的|一次|一场|好|期间|后|续说|说|公开会议|首次会议)|[说称]|全会$/u;
// What follows a meeting that is only referred to: …会议精神, …会议上的讲话, …会议期间.
const REFERRED_AFTER = /^(?:精神|上的|上所|上作|期间|筹备|的召开|有关|相关|议程|的决定|的建议|决议|文件|纪要)/u;
// 会在2月4日举行…, 将于…召开: a meeting still to come.
const FUTURE = /(?:将|会|拟|计划|准备)(?:在|于|由)|即将|将要/u;
// 研究了召开县十七届人大二次会议有关事宜: a meeting that is a topic of this one.
const TOPIC_BEFORE = /(?:研究|讨论|审议|部署|听取|关于|筹备|审定)了?$/u;
// 各村…召开…: meetings held by others that the bulletin reports as a consequence.
const OTHERS = /^(?:各|有关|相关)[^，]{0,6}(?:在|于)?[^，]*，?/u;
// Speech verbs: a meeting named after one is quoted, not reported (…强调，5月6日…召开联席会议).
const SPEECH = /(?:强调|指出|表示|认为|说|要求|提出)[，：,:]/u;
// Events without a meeting's name, each led by someone named before it in its clause.
const EVENTS: Array<{ kind: string; pattern: RegExp }> = [
  // 县长王殿忠带领相关部门督导检查防汛工作, 县长陈海俊督查我县防汛工作情况, 检查调度防汛备汛工作
  { kind: EVENT_KINDS.inspection, pattern: /(?<name>(?:督导检查|督查|督导|督战|督办|检查调度|检查指导|检查|巡查)[^，。；\n]{0,20}?(?:工作|情况|进度))/u },
  // 来到县政协委员驻地，看望慰问…
  { kind: EVENT_KINDS.condolence, pattern: /(?<name>(?:看望慰问|看望|慰问)[^，。；\n]{0,30})/u },
  // 来到参加市三届人大六次会议的川汇区代表团，与代表共同审议…
  { kind: EVENT_KINDS.review, pattern: /代表团[^。；\n]{0,20}?(?<name>(?:共同)?审议[^，。；\n]{0,30})/u },
  // 深入…调研, 到华明街…进行了调研
  { kind: EVENT_KINDS.visit, pattern: /(?:深入|到|赴|前往|来到)[^。；\n]{1,40}?(?<name>调研[^，。；\n]{0,20})/u },
  // 到…视察, 开展视察活动
  { kind: EVENT_KINDS.tour, pattern: /(?<name>视察[^，。；\n]{0,20})/u },
  // 赴…考察
  { kind: EVENT_KINDS.study, pattern: /(?:深入|到|赴|前往|来到)[^。；\n]{1,40}?(?<name>考察[^，。；\n]{0,20})/u },
  // 与民政事务局局长徐英伟会面
  { kind: EVENT_KINDS.meet, pattern: /与[^。；\n]{1,40}?(?<name>会面|见面|会见)/u },
  // 我区在常委会议室传达…精神
  { kind: EVENT_KINDS.relay, pattern: /(?<name>(?:传达|学习贯彻|组织学习)[^。；\n]{2,80}?精神)/u },
];
// 10月23日，… / 又讯 at the start of a paragraph: a new event of the bulletin.
const DATED_PARAGRAPH = /^(?:又讯|会后|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号])/u;
// 牌头镇组织部分市县人大代表…视察: an organ (镇, 县, 区, 委员会 …) organising the event.
const ORGANISED = /(?:镇|乡|街道|县|区|市|委员会|人大|政协|常委会|代表团)组织/u;
// 会后，县派第一书记到村实地调研: a follow-up event needs nobody named.
const FOLLOW_UP = /^(?:又讯|会后)/u;
// Events whose people are not led by anyone named before them: a relay, a meeting of two sides.
const UNLED: ReadonlySet<string> = new Set([EVENT_KINDS.relay, EVENT_KINDS.meet]);
// 并召开座谈会 after a visit: the meeting is part of the visit.
const DURING_VISIT = /(?:并|随后|其间|期间|并在|现场)(?:召开|主持召开)?$|并召开$/u;
// A relay of what a meeting decided needs nobody named before it: 我区在常委会议室传达…精神.
const LEADERLESS: ReadonlySet<string> = new Set([EVENT_KINDS.relay]);
// 第17次, 第十七次, 第 32 次; else 九届二十四次 (a count after 届 needs no 第)
const NUMBER = new RegExp(`第\\s*(?<n>\\d+|[${NUMERAL_CHARS}]+)\\s*次`, 'u');
const NUMBER_AFTER_TERM = new RegExp(`[届年](?<n>\\d+|[${NUMERAL_CHARS}]+)次`, 'u');
// Asides and quotes in a meeting's name that do not change its kind: （扩大）, 「」.
const ASIDE = /[（(][^）)]*[）)]|[「」“”"]/gu;
// The organ that convenes: the end of the text before 召开, after any date (虚构市委常委会).
const ORGAN = /(?<=^|[日午晚]|\s)[\p{Script=Han}]{2,14}?(?:政府|常委会|委员会|党组|党委|人大|政协|局|办|主席团|中心组|代表团)$/u;
const MAX_ORGAN = 20;
// 今年第1次, 第十二次, 九届二十四次, 十六届: counts inside a name say nothing of its kind.
const COUNT = new RegExp(`(?:今年|本年度|\\d{4}年|[〇零一二三四五六七八九]{4}年)?第?\\s*(?:\\d+|[${NUMERAL_CHARS}]+)\\s*[次届]`, 'gu');
// A title cited, not reviewed: 符合《政协章程》规定, 根据《…》.
const CITED_BEFORE = /(?:符合|根据|按照|依照|依据|遵照|对照)$/u;
const DOCUMENT = /《(?<title>[^《》\n]+)》/gu;
const SHORT_NAME = 4;
// 传达学习…会议 and the like name one meeting even with 和 inside; otherwise A和B is two meetings.
const STUDY_NAME = /^(?:学习|传达|贯彻)/u;

interface Found {
  /** Where the meeting's part of the text starts: its paragraph (or the body's start). */
  sentenceStart: number;
  /** The organ named before 召开 when it belongs to the name (虚构市委常委会|召开|第十二次会议). */
  organStart: number;
  organEnd: number;
  nameStart: number;
  nameEnd: number;
  /** For an event without a meeting's name, its kind. */
  event?: string;
  /** The second of two meetings announced together (A和B): it shares A's sentence, not its text. */
  partner?: boolean;
}

export function extractMeetings(ctx: ParseContext, officials: Officials, bulletinDate: string, bodyStart = 0): Meeting[] {
  let found = findMeetings(ctx, officials, bodyStart, ctx.text.length);
  // A bulletin that names its meeting only in its headline: 下陆区2020年区委理论学习中心组第二次（扩大）学习
  if (found.length === 0 && bodyStart > 0) {
    found = findMeetings(ctx, officials, 0, bodyStart).map((f) => ({ ...f, sentenceStart: 0 }));
    if (found.length === 0) found = headlineMeeting(ctx, bodyStart);
  }
  // An event in the lead paragraph (副县长…到样稿村调研…) comes first, unless that paragraph names a
  // meeting; a meeting held during the visit (赴区发改委开展工作调研，并召开座谈会) is part of it.
  let event = leadEvent(officials.masked, officials.mentions, bodyStart);
  if (event?.event === EVENT_KINDS.relay && found.length > 0) event = null;
  if (event && !LEADERLESS.has(event.event!)) {
    const sentenceEnd = indexOrEnd(officials.masked, '。', event.nameEnd);
    found = found.filter((f) => !(f.nameStart > event!.nameStart && f.nameStart < sentenceEnd && DURING_VISIT.test(officials.masked.slice(Math.max(0, f.nameStart - 4), f.nameStart))));
  }
  // A paragraph that opens with its own date (又讯, 10月23日，…深入…调研) is another event.
  const fromHeadline = found.length > 0 && found[0]!.nameStart < bodyStart;
  if (!fromHeadline) {
    const events = [event, ...datedParagraphs(officials.masked, bodyStart).map((p) => eventIn(officials.masked, officials.mentions, p))];
    const taken = new Set(found.map((f) => f.sentenceStart));
    for (const e of events) {
      if (e && !taken.has(e.sentenceStart)) found.push(e);
    }
    found.sort((a, b) => a.nameStart - b.nameStart);
  }
  // A second meeting in one paragraph (…。会后，…召开分组会议) starts its part at its own sentence.
  for (let i = 1; i < found.length; i++) {
    const f = found[i]!;
    // (One sentence that convenes both, 主持召开A，随后召开B, shares its chair with both.)
    const own = sentenceStartAt(officials.masked, f.organStart);
    if (!f.partner && f.sentenceStart <= found[i - 1]!.sentenceStart && own > found[i - 1]!.nameEnd) f.sentenceStart = own;
  }
  // Where each meeting's part of the text ends: the next meeting's (not its partner's) paragraph.
  const nextStart: number[] = new Array(found.length);
  for (let i = found.length - 1, next = ctx.text.length; i >= 0; i--) {
    nextStart[i] = next;
    if (!found[i]!.partner) next = found[i]!.sentenceStart;
  }
  return found.map((f, i) => {
    const segmentStart = f.partner ? f.sentenceStart : Math.min(f.sentenceStart, i === 0 ? bodyStart : f.sentenceStart);
    const segmentEnd = f.partner ? sentenceEnd(officials.masked, f.nameEnd) : nextStart[i]!;
    return buildMeeting(ctx, officials, bulletinDate, f, segmentStart, Math.max(segmentEnd, f.nameEnd));
  });
}

/** The mentions that lie inside [start, end), found by binary search over the text-ordered list. */
export function mentionsIn(mentions: Mention[], start: number, end: number): Mention[] {
  const lo = firstIndex(mentions.length, (i) => mentions[i]!.start < start);
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i]!.start < end; i++) if (mentions[i]!.end <= end) out.push(mentions[i]!);
  return out;
}

function findMeetings(ctx: ParseContext, { masked, mentions }: Officials, from: number, to: number): Found[] {
  const region = masked.slice(0, to);
  const found: Found[] = [];
  const bare = (start: number, end: number) => bareName(region.slice(start, end));
  // Characters already inside a meeting's name: a second pattern's overlapping match is the same one.
  const named = new Uint8Array(region.length);
  const add = (f: Found) => {
    for (let i = f.organStart; i < f.nameEnd; i++) if (named[i]) return;
    // The same meeting named again (a headline repeated, 召开党工委会议，就是要求…) is one meeting:
    // compared with the first meetings and the latest ones, so a long text stays linear.
    const name = bare(f.nameStart, f.nameEnd);
    const nearby = found.length <= COMPARED ? found : [...found.slice(0, COMPARED / 2), ...found.slice(-COMPARED / 2)];
    if (!f.event && nearby.some((g) => !g.event && sameMeeting(bare(g.organStart, g.nameEnd), name, bare(f.organStart, f.nameEnd)))) return;
    named.fill(1, f.organStart, f.nameEnd);
    found.push(f);
  };
  const accept = (nameStart: number, nameEnd: number, verbAt: number, convened: boolean) => {
    const name = region.slice(nameStart, nameEnd);
    if (GENERIC_NAME.test(name) || NOT_HELD_START.test(name) || REFERRED_AFTER.test(region.slice(nameEnd, nameEnd + 4))) return;
    const clauseStart = lastBoundary(region, verbAt);
    const clause = region.slice(clauseStart, verbAt);
    const sentence = region.slice(sentenceStartAt(region, verbAt), verbAt);
    if (NOT_HELD_BEFORE.test(clause) || OTHERS.test(sentence) || FUTURE.test(clause) || TOPIC_BEFORE.test(clause)) return;
    if (SPEECH.test(sentence)) return;
    // 虚构市委常委会召开第十二次会议, 样板县政府召开第三次全体会议: the organ is part of the name.
    const organArea = Math.max(verbAt - MAX_ORGAN, clauseStart);
    const organ = convened ? ORGAN.exec(region.slice(organArea, verbAt)) : null;
    const organStart = organ && /^(?:今年|本年度|\d{4}年)?(?:第|全体|常务|党组|集体|专题|[（(]|[一二三四五六七八九十]+届|\d+次)/u.test(name) ? organArea + organ.index : nameStart;
    const organEnd = organStart === nameStart ? nameStart : verbAt;
    const sentenceStart = paragraphStart(region, nameStart);
    // A和B: two meetings announced together, unless the name is one study of two sessions.
    const split = !STUDY_NAME.test(name) ? /^(?<a>.+?(?:会议|会))[和及与](?<b>.+(?:会议|会))$/u.exec(name) : null;
    if (split) {
      const aEnd = nameStart + split.groups!.a!.length;
      add({ sentenceStart, organStart, organEnd, nameStart, nameEnd: aEnd });
      add({ sentenceStart, organStart: aEnd + 1, organEnd: aEnd + 1, nameStart: aEnd + 1, nameEnd, partner: true });
      return;
    }
    add({ sentenceStart, organStart, organEnd, nameStart, nameEnd });
  };

  CONVENED.lastIndex = from;
  for (let m = CONVENED.exec(region); m; m = CONVENED.exec(region)) {
    const name = m.groups!.name ?? m.groups!.chaired!;
    const nameStart = m.index + m[0].lastIndexOf(name);
    accept(nameStart, nameStart + name.length, m.index, true);
  }
  if (HELD_VERB.test(region.slice(from))) {
    HELD.lastIndex = from;
    for (let m = HELD.exec(region); m; m = HELD.exec(region)) {
      const name = m.groups!.name!;
      // 区第十六届人民代表大会第四次会议召开代表团召集人会议: the session convenes the meeting.
      accept(m.index, m.index + name.length, m.index, false);
    }
  }
  for (const pattern of [STUDIED, FORM_NAME]) {
    // A cheap first look: a study session names its 中心组, a form its 会议名称 or 会议：.
    if (!region.includes(pattern === STUDIED ? '中心组' : '会议')) continue;
    pattern.lastIndex = from;
    for (let m = pattern.exec(region); m; m = pattern.exec(region)) {
      const nameStart = m.index + m[0].lastIndexOf(m.groups!.name!);
      accept(nameStart, nameStart + m.groups!.name!.length, nameStart, false);
    }
  }
  const keys = new Set(mentions.map((x) => x.key));
  ATTENDED.lastIndex = from;
  for (let m = ATTENDED.exec(region); m; m = ATTENDED.exec(region)) {
    const nameStart = m.index + 2;
    // Someone named in the clause attends it: 林郑月娥今日出席…例会.
    const clause = region.slice(lastBoundary(region, m.index), m.index);
    if (namesIn(clause, keys)) accept(nameStart, nameStart + m.groups!.name!.length, m.index, false);
  }
  return found.sort((a, b) => a.nameStart - b.nameStart);
}

/** The event of the lead paragraph (the body's first), when it names no meeting. */
function leadEvent(text: string, mentions: Officials['mentions'], from: number): Found | null {
  let start = from;
  while (start < text.length && /\s/u.test(text[start]!)) start++;
  return start < text.length ? eventIn(text, mentions, start) : null;
}

/** Where each paragraph after the first that opens with a date starts: 10月23日，…, 又讯 … */
function datedParagraphs(text: string, from: number): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('\n', from); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (DATED_PARAGRAPH.test(text.slice(at + 1, at + 16))) starts.push(at + 1);
  }
  return starts;
}

/** The event without a meeting's name that the paragraph at `start` reports, if any. */
function eventIn(text: string, mentions: Officials['mentions'], start: number): Found | null {
  const end = indexOrEnd(text, '\n', start);
  const paragraph = text.slice(start, end);
  for (const { kind, pattern } of EVENTS) {
    const m = pattern.exec(paragraph);
    if (!m) continue;
    const nameStart = start + m.index + m[0].lastIndexOf(m.groups!.name!);
    const clauseStart = sentenceStartAt(text, nameStart);
    // Led by someone named before it in its sentence.
    // A relay needs someone named in its paragraph: 会议传达学习了…精神 alone reports no event.
    if (LEADERLESS.has(kind) && mentionsIn(mentions, start, end).length === 0) continue;
    const followUp = FOLLOW_UP.test(paragraph);
    // 牌头镇组织部分人大代表视察…: an organ that organises the event stands for its leader.
    const organised = ORGANISED.test(text.slice(clauseStart, nameStart));
    if (!LEADERLESS.has(kind) && !followUp && !organised && mentionsIn(mentions, clauseStart, nameStart).length === 0) continue;
    return { sentenceStart: start, organStart: nameStart, organEnd: nameStart, nameStart, nameEnd: nameStart + m.groups!.name!.length, event: kind };
  }
  return null;
}

/** A headline that is itself a meeting's name: 下陆区2020年区委理论学习中心组第二次（扩大）学习. */
function headlineMeeting(ctx: ParseContext, bodyStart: number): Found[] {
  for (const line of ctx.simplified.slice(0, bodyStart).split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || meetingTypes(trimmed).length === 0) continue;
    const nameStart = ctx.simplified.indexOf(trimmed);
    return [{ sentenceStart: 0, organStart: nameStart, organEnd: nameStart, nameStart, nameEnd: nameStart + trimmed.length }];
  }
  return [];
}

/** Whether two meetings' bare names (counts and asides removed) name the same meeting. */
function sameMeeting(earlier: string, later: string, laterWithOrgan: string): boolean {
  if (meetingTypes(earlier).join() !== meetingTypes(later).join()) return false;
  return earlier.includes(later) || laterWithOrgan.includes(earlier) || later.includes(earlier);
}

/** A name without counts, asides and quotes: what its kind is read from. */
function bareName(name: string): string {
  return name.replace(ASIDE, '').replace(COUNT, '').replace(/\s+/gu, '');
}

// How far the walks below reach: a clause, sentence or paragraph longer than this is cut there,
// so that many meetings in one long paragraph keep the parse linear in the text.
const CLAUSE_REACH = 200;
const SENTENCE_REACH = 400;
const PARAGRAPH_REACH = 4000;
// A meeting's own date stands shortly before its name: 7月18日，区长…主持召开….
const DATE_REACH = 100;
// How many meetings found so far a new one is compared with (the first and the latest).
const COMPARED = 16;

/** Index just after the last clause mark before `at`. */
function lastBoundary(text: string, at: number): number {
  const floor = Math.max(0, at - CLAUSE_REACH);
  for (let i = at - 1; i >= floor; i--) if ('，。；！？\n'.includes(text[i]!)) return i + 1;
  return floor;
}

/** Index just after the last sentence mark before `at`. */
function sentenceStartAt(text: string, at: number): number {
  const floor = Math.max(0, at - SENTENCE_REACH);
  for (let i = at - 1; i >= floor; i--) if ('。；！？\n'.includes(text[i]!)) return i + 1;
  return floor;
}

function sentenceEnd(text: string, at: number): number {
  const ceiling = Math.min(text.length, at + SENTENCE_REACH);
  for (let i = at; i < ceiling; i++) if ('。；！？\n'.includes(text[i]!)) return i;
  return ceiling;
}

/** The start of the paragraph holding `at`: a meeting's sentence opens its part of the text. */
function paragraphStart(text: string, at: number): number {
  const floor = Math.max(0, at - PARAGRAPH_REACH);
  const i = text.slice(floor, at).lastIndexOf('\n');
  return i === -1 ? floor : floor + i + 1;
}

/** Whether a clause holds one of the officials' names (2 to 4 characters). */
function namesIn(clause: string, keys: ReadonlySet<string>): boolean {
  for (let i = 0; i < clause.length; i++) {
    for (let length = 2; length <= 4; length++) if (keys.has(clause.substr(i, length))) return true;
  }
  return false;
}

function buildMeeting(
  ctx: ParseContext, officials: Officials, bulletinDate: string, f: Found, start: number, end: number,
): Meeting {
  const name = ctx.text.slice(f.organStart, f.organEnd) + ctx.text.slice(f.nameStart, f.nameEnd);
  const simplifiedName = ctx.simplified.slice(f.organStart, f.organEnd) + ctx.simplified.slice(f.nameStart, f.nameEnd);
  const inSegment = mentionsIn(officials.mentions, start, end);
  const chairs: string[] = [];
  const attendees: string[] = [];
  for (const m of inSegment) {
    const role = officials.roles.get(m);
    // An event's leader is whoever its sentence names before it.
    const leads = f.event !== undefined && !UNLED.has(f.event) && m.end <= f.nameStart && m.start >= sentenceStartAt(officials.masked, f.nameStart);
    if ((role === 'chair' || leads) && !chairs.includes(m.name)) chairs.push(m.name);
  }
  for (const m of inSegment) {
    const role = officials.roles.get(m);
    if (role === 'attendee' && !attendees.includes(m.name) && !chairs.includes(m.name)) attendees.push(m.name);
  }
  const documents: string[] = [];
  if (!f.partner) {
    // Searched in the meeting's part alone, so many meetings stay linear.
    const part = ctx.text.slice(start, end);
    DOCUMENT.lastIndex = 0;
    for (let m = DOCUMENT.exec(part); m; m = DOCUMENT.exec(part)) {
      const at = start + m.index;
      if (CITED_BEFORE.test(ctx.simplified.slice(Math.max(0, at - 2), at))) continue;
      // 《报告》 after 《2018年政府工作报告》: a short name for a title already listed.
      const title = m.groups!.title!;
      if (!documents.some((d) => d === title || (title.length <= SHORT_NAME && d.endsWith(title)))) documents.push(title);
    }
  }
  return {
    name,
    types: f.event ? [f.event] : meetingTypes(simplifiedName),
    number: f.event ? null : meetingNumber(simplifiedName),
    date: meetingDate(ctx, start, f.nameStart, bulletinDate),
    chairs,
    attendees,
    directives: f.partner ? [] : extractDirectives(ctx, start, end),
    documents,
  };
}

/** The meeting's own number: 第17次 in its name, else 九届二十四次; null for none. */
function meetingNumber(simplifiedName: string): number | null {
  const name = simplifiedName.replace(/[（(][^）)]*[）)]/gu, '');
  // A joint meeting's number is its first part's, else the one its name has (党组会议暨九届二十一次主席会议).
  for (const part of [name.split('暨')[0]!, name]) {
    const m = NUMBER.exec(part) ?? NUMBER_AFTER_TERM.exec(part);
    if (m) return parseNumber(m.groups!.n!);
  }
  return null;
}

/** Canonical kinds of a meeting's name; 暨 joins two names of the same meeting. */
export function meetingTypes(simplifiedName: string): string[] {
  const types: string[] = [];
  for (const part of simplifiedName.split('暨')) {
    const bare = bareName(part);
    const kind = MEETING_KINDS.find((k) => k.pattern.test(bare))?.type ?? fallbackKind(bare);
    if (kind && !types.includes(kind)) types.push(kind);
  }
  return types;
}

// 全县招商引资推介会 → 推介会: an unlisted kind is the name's last word, unless that is an organ's.
const KIND_TAIL = /(?<word>\p{Script=Han}{2})(?<suffix>会议|大会|会|仪式|典礼)$/u;
// …but not an organ's (区政府会议, 县委会议) or a count's (第五次会议).
const ORGAN_END = /[府委局办协党政区县市镇乡村省州届次年第人代全大]$/u;

/** Whether a kind is one of the tables' (MEETING_KINDS, EVENT_KINDS) rather than read from a name's last word. */
export function isKnownKind(kind: string): boolean {
  return KNOWN_KINDS.has(kind);
}
const KNOWN_KINDS: ReadonlySet<string> = new Set([...MEETING_KINDS.map((k) => k.type), ...Object.values(EVENT_KINDS)]);

/** The kind of a meeting whose name no kind in MEETING_KINDS matches, or null. */
function fallbackKind(bare: string): string | null {
  const m = KIND_TAIL.exec(bare);
  if (!m || ORGAN_END.test(m.groups!.word!)) return null;
  return m.groups!.word! + m.groups!.suffix!;
}

/** The date written in the meeting's sentence before its name, else the bulletin's date. */
function meetingDate(ctx: ParseContext, sentenceStart: number, nameStart: number, bulletinDate: string): string {
  const before = ctx.simplified.slice(Math.max(sentenceStart, paragraphStart(ctx.simplified, nameStart), nameStart - DATE_REACH), nameStart);
  DATE_IN_TEXT.lastIndex = 0;
  const m = DATE_IN_TEXT.exec(before);
  if (!m?.groups) return bulletinDate;
  const year = m.groups.year ? parseNumber(m.groups.year) : Number(bulletinDate.slice(0, 4));
  const month = parseNumber(m.groups.month!);
  const day = parseNumber(m.groups.day!);
  return (year !== null && month !== null && day !== null && isoDate(year, month, day)) || bulletinDate;
}
