// Step: the officials a bulletin names. Title-then-name (区长廖海军), several titles for one person
// (区政府党组书记、区长廖海军), one title for several people (副市长方志诚、蔡美玲), name-then-title
// (习近平总书记); roles from 主持 (chair) and 出席/参加/列席/陪同 (attendee).
import type { Meeting, Official, OfficialRole } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { AFTER_NAME_WORDS, SURNAMES, TITLE_SUFFIXES } from '../vocab.ts';
import { firstIndex } from '../text.ts';

/** One place in the text where a person is named. */
export interface Mention {
  /** [start, end) of the name in the clean text. */
  start: number;
  end: number;
  /** As written. */
  name: string;
  /** Simplified. */
  key: string;
  /** Titles as written, attached to this mention. */
  titles: string[];
  /** Where the titles stand in the text. */
  titleSpans: Array<[number, number]>;
}

export interface Officials {
  list: Official[];
  /** Every place a person is named, in text order. */
  mentions: Mention[];
  /** The text the steps match on, with 《titles》 and bylines blanked out. */
  masked: string;
  /** What each mention's own sentence says the person did (roleOf). */
  roles: Map<Mention, OfficialRole>;
}

// Longest first, so 党组书记 wins over 书记 at the same place.
const TITLE = new RegExp([...TITLE_SUFFIXES, '领导'].sort((a, b) => b.length - a.length).join('|'), 'gu');
const TITLE_AT = new RegExp(`^(?:${[...TITLE_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})`, 'u');
const SURNAME_SET = new Set<string>(SURNAMES);
const AFTER_NAME = new RegExp(`^(?:${[...AFTER_NAME_WORDS].sort((a, b) => b.length - a.length).join('|')})`, 'u');
const HAN = /\p{Script=Han}/u;
const LONE_AFTER_NAME = '等和与及在的了是向对将把被为也还都';
const TITLE_END = new RegExp(`(?:${[...TITLE_SUFFIXES].join('|')})$`, 'u');
// Words of two or more characters after a name, and titles: 来到, 主持, 同志, 县长.
const LONG_AFTER_NAME = new RegExp(`^(?:${[...AFTER_NAME_WORDS, ...TITLE_SUFFIXES].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length).join('|')})`, 'u');
// Where a title's organisation prefix stops when reading leftwards: marks, digits, and verbs such
// as 主持 or 由 (会议由副市长何运平主持).
const PREFIX_STOP = /[^\p{Script=Han}（）]|[由和与及同在向对把将被让请为的了受而]$/u;
const PREFIX_STOP_WORDS = /(?:包括|最后|首先|其次|随后|同时|然后|领会|主持|召开|陪同|出席|参加|列席|会见|看望|慰问|带领|率领|听取|传达|学习|贯彻|落实|研究|审议|强调|指出|要求|宣布|邀请|任命|免去|选举|当选)$/u;
// Characters of institutions, never of a person's name: keeps 区政府 from reading as a name.
// …and of places (南京市长江大桥 names no 江大桥).
const NOT_IN_NAMES = /[府委市县区镇乡局厅部组院所处办队社司员者席议桥路街港场馆厦寺庙站]/u;
// Given names that are words (王书记, 张会议, 商代表): a title or a common word after a surname.
const NOT_ONE_GIVEN = '人名位个次届年月日号时';
const NOT_GIVEN = /^(?:书记|主任|会议|会上|会同|会后|代表|同志|领导|干部|人员|委员|成员|一行|负责)/u;
// Words that look like a surname and a given name but never name anyone: 应邀, 常务, 各副县长.
const NEVER_NAMES = /^(?:应邀|常务|各|全体|有关|相关|本网|本报|本站|新闻|同志|代表|全镇|全县|全区|全市|成员)/u;
// Clause ends for attendance: a sentence's attendees are named before 出席 in the same sentence.
// …followed by what is attended, a mark or 并: not 参加甘肃代表团时 (taking part in something else).
const ATTEND = /(?:出席|参加|列席|陪同|到会)(?=了?(?:本次|此次)?(?:会议|大会|会|活动|调研|慰问|审议|座谈|学习|仪式|典礼|指导|视察|检查|督导|并|[，。；、！\s]|$))|在会[议]?上(?:讲话|强调|指出|要求|发言)/u;
const ATTEND_ALL = /出席|参加|列席|陪同|到会/gu;
const ATTEND_EVERY = new RegExp(ATTEND.source, 'gu');
// What ends the reach of an attendance verb back over a sentence: another act of someone's.
const ROLE_BREAK = /主持|召开|讲话|指出|强调|表示|汇报|发言|介绍|传达|宣读|听取|审议|研究|通过|委托/u;
// 沈测己到演示街道调研: a visit's leader stands before its verb.
const VISIT_VERB = /(?:先后)?(?:深入|到|赴|前往|来到)(?=[^，。；\n]{1,30}?(?:调研|督导检查|督导|检查|视察))/gu;
// 主持, 同志在二楼会议室主持, 今(27)日首度主持: what may stand between a chair and 主持.
// 李玮同志代表…, 杜渐、马锋两位同志为副镇长, 吴红英、陆柱国、徐新勇等作了中心发言: bare names before these.
const NAMED_WITH = /(?:[两三四五六七八九十]位)?同志|等作了|等(?:同志)?先后/gu;
const CHAIR_AFTER = /^(?:同志)?(?:[^，。；、\n]{0,14}?)(?:共同)?主持(?!人)/u;
const CHAIR_GAP_BREAK = /出席|参加|列席|陪同|讲话|委托|召开|会见|和|与|及/u;
const MAX_PREFIX = 14;

/** Blanks 《…》 and the given spans so no official is found inside a title or a byline. */
export function maskText(simplified: string, spans: Array<[number, number]>): string {
  const masked = simplified.replace(/《[^《》\n]*》/gu, (m) => '□'.repeat(m.length));
  if (spans.length === 0) return masked;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(masked.slice(at, from), '□'.repeat(end - from));
    at = end;
  }
  parts.push(masked.slice(at));
  return parts.join('');
}

/**
 * The length (2–4) of a person's name starting at `at`, or 0. A name is a surname and one or two
 * more characters, followed by a mark, a title, or a word that follows names (主持, 出席 …).
 */
export function nameLengthAt(text: string, at: number): number {
  const surnameLength = SURNAME_SET.has(text.substr(at, 2)) ? 2 : SURNAME_SET.has(text[at] ?? '') ? 1 : 0;
  if (surnameLength === 0 || NEVER_NAMES.test(text.substr(at, 4))) return 0;
  // 政务司司长林郑月娥: a married name, her husband's surname before her own, after a title.
  if (surnameLength === 1 && TITLE_END.test(text.slice(Math.max(0, at - 6), at)) && SURNAME_SET.has(text[at + 1] ?? '') && [...text.substr(at, 4)].every((c) => HAN.test(c))
    && !NOT_IN_NAMES.test(text.substr(at + 1, 3)) && endsName(text, at + 4) && !endsName(text, at + 3) && !endsName(text, at + 2)) return 4;
  // 徐望来到: a two-character name before a two-character word wins over 徐望来 before 到.
  if (surnameLength === 1 && HAN.test(text[at + 1] ?? '') && !NOT_IN_NAMES.test(text[at + 1]!) && !LONE_AFTER_NAME.includes(text[at + 1]!) && !NOT_ONE_GIVEN.includes(text[at + 1]!) && LONG_AFTER_NAME.test(text.slice(at + 2, at + 8))
    && !LONG_AFTER_NAME.test(text.slice(at + 3, at + 9))) return 2;
  for (const given of [2, 1]) {
    const end = at + surnameLength + given;
    const name = text.slice(at, end);
    if (name.length !== surnameLength + given || ![...name].every((c) => HAN.test(c)) || NOT_IN_NAMES.test(name.slice(surnameLength))) continue;
    if (given === 2 && NOT_GIVEN.test(name.slice(surnameLength))) continue;
    // 池春林等: 林等 is no name; nor is 余人 (30余人参加).
    if (given === 1 && (LONE_AFTER_NAME.includes(name[name.length - 1]!) || NOT_ONE_GIVEN.includes(name[name.length - 1]!))) continue;
    // 万鼎等: a last character that is itself a word after names belongs to what follows, unless it
    // joins no other name (王建和出席: 和 ends the name 王建和).
    if (given === 2 && LONE_AFTER_NAME.includes(name[name.length - 1]!) && endsName(text, end - 1)) {
      const joins = '和与及'.includes(name[name.length - 1]!);
      if (!(joins && endsName(text, end) && nameLengthAt(text, end) === 0 && !TITLE_AT.test(text.slice(end, end + 6)))) return end - 1 - at;
    }
    if (endsName(text, end)) return end - at;
  }
  return 0;
}

/** Whether a name may end at `end`: a mark or the end of text, a title, or a word that follows names. */
function endsName(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || !HAN.test(next)) return true;
  const rest = text.slice(end, end + 6);
  return AFTER_NAME.test(rest) || TITLE_AT.test(rest);
}

/** The length of a name that ends at `end` (name-then-title: 习近平总书记), or 0. */
function nameLengthBefore(text: string, end: number): number {
  for (const length of [4, 3, 2]) {
    const start = end - length;
    if (start < 0) continue;
    const name = text.slice(start, end);
    if (![...name].every((c) => HAN.test(c)) || NOT_IN_NAMES.test(name)) continue;
    if (nameLengthAt(text, start) === length) return length;
  }
  return 0;
}

/** Where a title's organisation prefix starts, reading left from the title suffix at `at`. */
function prefixStart(text: string, at: number, floor: number): number {
  let start = at;
  while (start > floor && at - start < MAX_PREFIX) {
    const before = text.slice(Math.max(floor, start - 4), start);
    if (PREFIX_STOP.test(before.slice(-1)) || PREFIX_STOP_WORDS.test(before)) break;
    start--;
  }
  return start;
}

export function extractOfficials(ctx: ParseContext, bylineSpans: Array<[number, number]>): Officials {
  const masked = maskText(ctx.simplified, bylineSpans);
  const mentions: Mention[] = [];
  let floor = 0;
  let chain: Array<[number, number]> = [];
  TITLE.lastIndex = 0;
  for (let m = TITLE.exec(masked); m; m = TITLE.exec(masked)) {
    const suffixStart = m.index;
    const suffixEnd = m.index + m[0].length;
    // 市人大常委会党组书记: a title inside an organ's name (常委会, 主任室) is none.
    if ('会办室处部局'.includes(masked[suffixEnd] ?? '') && !masked.startsWith('会同', suffixEnd)) continue;
    const titleStart = chain.length > 0 && chain[chain.length - 1]![1] + 1 >= suffixStart - MAX_PREFIX
      ? prefixStart(masked, suffixStart, chain[chain.length - 1]![1] + 1)
      : prefixStart(masked, suffixStart, floor);
    const title: [number, number] = [titleStart, suffixEnd];
    const nameLength = nameLengthAt(masked, suffixEnd);
    if (nameLength > 0) {
      // 区政府党组书记、区长廖海军: the chain so far and this title all belong to the name that follows.
      const titles = [...chain, title];
      let at = suffixEnd;
      let length = nameLength;
      // 副市长方志诚、蔡美玲: one title, several people.
      for (;;) {
        mentions.push(mention(ctx, at, at + length, titles));
        at += length;
        if (masked[at] !== '、') break;
        const nextLength = nameLengthAt(masked, at + 1);
        if (nextLength === 0 || startsTitle(masked, at + 1)) break;
        at += 1;
        length = nextLength;
      }
      floor = at;
      chain = [];
      TITLE.lastIndex = at;
      continue;
    }
    // 区政府党组书记、区长…, 县长兼开发区党工委书记…: titles of one person.
    if (masked[suffixEnd] === '、' || masked[suffixEnd] === '兼') {
      chain.push(title);
      continue;
    }
    // 习近平总书记: the name comes first.
    const before = nameLengthBefore(masked, suffixStart);
    if (before > 0 && suffixStart - before >= floor) {
      mentions.push(mention(ctx, suffixStart - before, suffixStart, [[suffixStart, suffixEnd]]));
      floor = suffixEnd;
    }
    chain = [];
  }
  const byEnd = new Map(mentions.map((x) => [x.end, x]));
  // 廖海军主持召开…: a chair named without a title.
  for (const m of masked.matchAll(/主持/gu)) {
    const at = m.index;
    if (byEnd.has(at) || (masked[at - 1] === '等' && byEnd.has(at - 1))) continue;
    const length = nameLengthBefore(masked, at);
    if (length > 0) add(mentions, byEnd, mention(ctx, at - length, at, []));
  }
  addUntitledNames(ctx, masked, mentions, byEnd, ATTEND_ALL);
  addUntitledNames(ctx, masked, mentions, byEnd, VISIT_VERB);
  addUntitledNames(ctx, masked, mentions, byEnd, NAMED_WITH);
  addNameLists(ctx, masked, mentions, byEnd);
  const formRoles = addFormNames(ctx, masked, mentions, byEnd);
  mentions.sort((a, b) => a.start - b.start);
  const roles = rolesOf(masked, mentions);
  for (const [m, role] of formRoles) roles.set(m, role);
  return { list: collect(mentions, roles), mentions, masked, roles };
}

function add(mentions: Mention[], byEnd: Map<number, Mention>, m: Mention): void {
  mentions.push(m);
  byEnd.set(m.end, m);
}

/**
 * 蔡测丙，叶例辛，副县长阎拟壬出席会议 / 沈测己到演示街道调研: names listed without titles before
 * an attendance or visit verb. Walks back from each verb over the list, past people already
 * found, adding bare names.
 */
function addUntitledNames(ctx: ParseContext, masked: string, mentions: Mention[], byEnd: Map<number, Mention>, verbs: RegExp): void {
  for (const verb of masked.matchAll(verbs)) {
    let at = verb.index;
    // 郑南贵、谢友先、池春林等常委会领导出席会议: the list ends at 等.
    const group = GROUP_BEFORE.exec(masked.slice(Math.max(0, at - 16), at));
    if (group) at -= group[0].length;
    if (masked[at - 1] === '等') at--;
    for (;;) {
      const known = byEnd.get(at);
      if (known) {
        at = Math.min(known.start, ...known.titleSpans.map(([start]) => start));
      } else {
        const length = nameLengthBefore(masked, at);
        // 客商代表出席: a bare name stands after a mark, a title or a few short words, not inside a word.
        if (length === 0 || !BARE_NAME_AFTER.test(masked.slice(Math.max(0, at - length - 6), at - length))) break;
        add(mentions, byEnd, mention(ctx, at - length, at, []));
        at -= length;
      }
      if (masked[at - 1] !== '、' && masked[at - 1] !== '，') break;
      at--;
    }
  }
}

// What may stand before a name written without a title: a mark or the start, a title or a label
// (县领导, 中心组成员), or 由/和/与/及/同/出 (会议由李玮主持, 选举出穆兴科同志).
const BARE_NAME_AFTER = new RegExp(`(?:^|[^\\p{Script=Han}]|[由和与及同出在]|领导|成员|同志|代表|${[...TITLE_SUFFIXES].join('|')})$`, 'u');

// 会议推定马正勇、王庆利、罗盛芬…为…: three or more bare names in a 、 list name people.
/** The members of lists of three or more names written without titles (会议推定马正勇、王庆利、罗盛芬…为…). */
function addNameLists(ctx: ParseContext, masked: string, mentions: Mention[], byEnd: Map<number, Mention>): void {
  const marks: number[] = [];
  for (let i = masked.indexOf('、'); i !== -1; i = masked.indexOf('、', i + 1)) marks.push(i);
  const hanRun = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!HAN.test(masked[i]!)) return false;
    return true;
  };
  for (let k = 0; k < marks.length;) {
    // A run of 、 whose gaps each hold two to four Han characters: the list's middle items.
    let j = k;
    while (j + 1 < marks.length && marks[j + 1]! - marks[j]! - 1 >= 2 && marks[j + 1]! - marks[j]! - 1 <= 4 && hanRun(marks[j]! + 1, marks[j + 1]!)) j++;
    const first = marks[k]!;
    const last = marks[j]!;
    const items: Array<[number, number]> = [];
    let before = first;
    while (before > first - 4 && before > 0 && HAN.test(masked[before - 1]!)) before--;
    items.push([before, first]);
    for (let i = k; i < j; i++) items.push([marks[i]! + 1, marks[i + 1]!]);
    let after = last + 1;
    while (after < last + 5 && after < masked.length && HAN.test(masked[after]!)) after++;
    items.push([last + 1, after]);
    k = j + 1;
    if (items.length < 3) continue;
    // The first item may carry a verb before the name (推定马正勇), the last what follows it (邓国功为).
    const found: Array<[number, number]> = [];
    items.forEach(([from, to], i) => {
      if (i === 0) {
        const length = nameLengthBefore(masked, to);
        if (length >= 2) found.push([to - length, to]);
        return;
      }
      const length = nameLengthAt(masked, from);
      if (length >= 2 && (length === to - from || i === items.length - 1)) found.push([from, from + length]);
    });
    if (found.length < 3) continue;
    for (const [from, to] of found) if (!byEnd.has(to)) add(mentions, byEnd, mention(ctx, from, to, []));
  }
}

// Form-style minutes: 主持人：王样乙 / 出席人员：林测甲、陈测乙 / 列席：… on lines of their own.
const FORM_LINE = /(?:^|\n)[ 　]*(?:会议)?(?<field>主持人|主持|出席人员|出席领导|出席|参加人员|参会人员|参加|列席人员|列席)[ 　]*[：:](?<list>[^\n]{1,300})/gu;
const FORM_NAME = /\p{Script=Han}{2,4}/gu;

/** The names of form-style minutes' 主持人：/出席人员： lines, with the role their line gives. */
function addFormNames(ctx: ParseContext, masked: string, mentions: Mention[], byEnd: Map<number, Mention>): Map<Mention, OfficialRole> {
  const roles = new Map<Mention, OfficialRole>();
  for (const line of masked.matchAll(FORM_LINE)) {
    const role: OfficialRole = line.groups!.field!.startsWith('主持') ? 'chair' : 'attendee';
    const listStart = line.index + line[0].length - line.groups!.list!.length;
    for (const token of line.groups!.list!.matchAll(FORM_NAME)) {
      const start = listStart + token.index;
      const known = byEnd.get(start + token[0].length);
      if (known) {
        roles.set(known, role);
        continue;
      }
      // A bare name: a surname and one to three more characters, the whole token.
      const length = nameLengthAt(masked, start);
      if (length !== token[0].length) continue;
      const m = mention(ctx, start, start + length, []);
      add(mentions, byEnd, m);
      roles.set(m, role);
    }
  }
  return roles;
}

// 等常委会领导, 等县委常委会组成人员, 两位同志, 及机关各委、室负责人: a group after a list of names.
const GROUP_BEFORE = /(?:等|及)[^，。；、\n]{0,14}?(?:领导|人员|成员|负责人|负责同志|同志|代表)$|[两三四五六七八九十]位同志$|同志$/u;

/** Whether a title (with its organisation prefix) starts at `at`: 区长…, 市公安局副局长…. */
function startsTitle(text: string, at: number): boolean {
  const clause = /^[\p{Script=Han}（）]{0,14}/u.exec(text.slice(at, at + 14))![0];
  TITLE.lastIndex = 0;
  const m = TITLE.exec(clause);
  if (m === null) return false;
  // 申建军在主席台就座: a name followed by a word after names is a name, whatever comes later.
  const name = nameLengthAt(text, at);
  const after = text.slice(at + name, at + name + 6);
  if (name > 0 && AFTER_NAME.test(after) && !TITLE_AT.test(after)) return false;
  return name <= m.index;
}

function mention(ctx: ParseContext, start: number, end: number, titleSpans: Array<[number, number]>): Mention {
  return {
    start, end, name: ctx.text.slice(start, end), key: ctx.simplified.slice(start, end),
    // 县领导阎拟壬: 领导 leads to names but is no title.
    titles: titleSpans.filter(([s, e]) => !ctx.simplified.slice(s, e).endsWith('领导')).map(([s, e]) => ctx.text.slice(s, e)),
    titleSpans,
  };
}

/** One official per key, with every title and role from all their mentions. */
function collect(mentions: Mention[], roleOfMention: Map<Mention, OfficialRole>): Official[] {
  const byKey = new Map<string, { official: Official; titles: Set<string>; roles: Set<OfficialRole> }>();
  for (const m of mentions) {
    let entry = byKey.get(m.key);
    if (!entry) {
      entry = { official: { name: m.name, key: m.key, titles: [], roles: [] }, titles: new Set(), roles: new Set() };
      byKey.set(m.key, entry);
    }
    for (const t of m.titles) {
      if (!entry.titles.has(t)) entry.official.titles.push(t);
      entry.titles.add(t);
    }
    entry.roles.add(roleOfMention.get(m)!);
  }
  return [...byKey.values()].map(({ official, roles }) => {
    const ordered: OfficialRole[] = roles.has('chair') || roles.has('attendee')
      ? (['chair', 'attendee'] as const).filter((r) => roles.has(r))
      : ['mentioned'];
    return { ...official, roles: ordered };
  });
}

// How far after a name its sentence is read for 主持 or 出席: a longer stretch is no one clause.
const ROLE_WINDOW = 200;
// How far 主持 may follow a name (区长林测甲同志在二楼会议室主持).
const CHAIR_REACH = 22;
// How many names listed after one (廖海军、王样乙共同主持) are skipped to find what they did.
const MAX_LISTED = 40;

/** Every mention's role, each read from a bounded stretch of text after it (linear in the text). */
function rolesOf(masked: string, mentions: Mention[]): Map<Mention, OfficialRole> {
  const byStart = new Map(mentions.map((x) => [x.start, x]));
  const covered = new Uint8Array(masked.length);
  for (const other of mentions) {
    covered.fill(1, other.start, other.end);
    for (const [s, e] of other.titleSpans) covered.fill(1, s, e);
  }
  // Found once for the whole text: where each sentence ends, every attendance verb, and how many
  // characters up to each position are neither someone's name or title nor a filler word.
  const stopAfter = new Int32Array(masked.length + 1);
  stopAfter[masked.length] = masked.length;
  for (let i = masked.length - 1; i >= 0; i--) stopAfter[i] = IS_SENTENCE_MARK[masked.charCodeAt(i)] ? i : stopAfter[i + 1]!;
  const verbs = [...masked.matchAll(ATTEND_EVERY)].map((v) => v.index);
  const heavy = new Int32Array(masked.length + 1);
  for (let i = 0; i < masked.length; i++) heavy[i + 1] = heavy[i]! + (covered[i] || IS_FILLER[masked.charCodeAt(i)] ? 0 : 1);
  const chairs = [...masked.matchAll(/主持/gu)].map((c) => c.index);
  const text: RoleText = { masked, byStart, covered, stopAfter, verbs, heavy, chairs };
  const roles = new Map<Mention, OfficialRole>();
  for (const m of mentions) roles.set(m, roleOf(text, m));
  return roles;
}

/** What roleOf reads, computed once per text. */
interface RoleText {
  masked: string;
  byStart: Map<number, Mention>;
  covered: Uint8Array;
  stopAfter: Int32Array;
  verbs: number[];
  heavy: Int32Array;
  /** Where 主持 is written. */
  chairs: number[];
}

/** A table by UTF-16 code unit: 1 for each character of `chars`. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
const IS_SENTENCE_MARK = charTable('。；！？\n');

/**
 * chair when 主持 follows the name (区长廖海军主持召开, 会议由副市长何运平主持); attendee when
 * 出席/参加/列席/陪同 follows in the same sentence; otherwise mentioned.
 */
function roleOf({ masked, byStart, covered, stopAfter, verbs, heavy, chairs }: RoleText, m: Mention): OfficialRole {
  // Skip names listed with this one (廖海军、王样乙共同主持) and an 等.
  let end = m.end;
  let listed = 0;
  for (let next = byStart.get(end + 1); next && masked[end] === '、' && listed < MAX_LISTED; next = byStart.get(end + 1), listed++) end = next.end;
  if (masked[end] === '等') end++;
  const presides = chairs[firstAtOrAfter(chairs, end)];
  if (presides !== undefined && presides - end <= CHAIR_REACH) {
    const chair = CHAIR_AFTER.exec(masked.slice(end, end + CHAIR_REACH + 2));
    if (chair && !CHAIR_GAP_BREAK.test(chair[0].replace(/主持$/u, ''))) return 'chair';
  }
  const limit = Math.min(stopAfter[m.end]!, m.end + ROLE_WINDOW);
  const verb = verbs[firstAtOrAfter(verbs, m.end)];
  if (verb === undefined || verb >= limit) return 'mentioned';
  const others = heavy[verb]! - heavy[m.end]!;
  if (others <= MAX_NON_FILLER) return 'attendee';
  if (others > MAX_GROUPS) return 'mentioned';
  let rest = '';
  for (let i = m.end; i < verb; i++) if (!covered[i]) rest += masked[i];
  return listedBefore(rest) ? 'attendee' : 'mentioned';
}

/** The index of the first value at or after `at` in a sorted list (its length if none). */
function firstAtOrAfter(sorted: number[], at: number): number {
  return firstIndex(sorted.length, (i) => sorted[i]! < at);
}

// Words that may stand between a list of names and 出席: 等, 也, 分别, 应邀 …
const FILLER_CHARS = '、，等和及与也还均都并一同分别共应邀在当地';
const FILLER = new RegExp(`[${FILLER_CHARS}]`, 'gu');
const IS_FILLER = charTable(FILLER_CHARS);
const MAX_NON_FILLER = 6;
// At most this many characters of other offices (区政协专职常委，机关正科级以上干部) between a name and 列席.
const MAX_GROUPS = 60;

/**
 * Whether the text between a name and an attendance verb, other people's names and titles left
 * out, lets the verb apply to the name: a few filler words (曹裕江，黄石市委副书记、市长吴锦出席), or
 * offices and groups (及有关部门负责人列席) with no other act, quote, date or 的 among them.
 */
function listedBefore(rest: string): boolean {
  if (rest.replace(FILLER, '').length <= MAX_NON_FILLER) return true;
  return rest.length <= MAX_GROUPS && !ROLE_BREAK.test(rest) && !/[“”《\d的给致]/u.test(rest);
}

/** Refiner: an official who chairs or attends a meeting has that role on the bulletin too. */
export function withMeetingRoles(list: Official[], meetings: Meeting[]): Official[] {
  return list.map((official) => {
    const roles = new Set(official.roles.filter((r) => r !== 'mentioned'));
    for (const m of meetings) {
      if (m.chairs.includes(official.name)) roles.add('chair');
      if (m.attendees.includes(official.name)) roles.add('attendee');
    }
    const ordered = (['chair', 'attendee'] as const).filter((r) => roles.has(r));
    return { ...official, roles: ordered.length > 0 ? ordered : ['mentioned'] };
  });
}
