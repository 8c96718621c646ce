// Generates a seeded corpus of obviously fictional bulletins shaped like real ones, noise included,
// together with the facts each one states, so parsers can be tested and benchmarked at scale.
//
// Usage: npm run -s corpus -- --n 10000 --out DIR [--seed 42] [--years 2008-2024] [--force]
// Writes DIR/YYYY/YYYY-MM-DD-<slug>.txt. The same seed and options give byte-identical files.
import { existsSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { ROOT } from '../paths.ts';
import type { Script } from '../record.ts';
import * as V from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Public types

export interface CorpusOptions {
  /** Number of bulletins. */
  n: number;
  /** PRNG seed (any 32-bit integer); default 42. */
  seed?: number;
  /** First and last year, inclusive; default [2008, 2024]. */
  years?: readonly [number, number];
}

export interface CorpusFile {
  /** Path relative to the corpus folder, with "/": 2023/2023-07-18-shili-qu-changwu-17.txt. */
  path: string;
  /** The file's content (UTF-8 when written). */
  text: string;
  /** What the bulletin states, for checking a parser. */
  expected: ExpectedBulletin;
}

/**
 * The facts a bulletin states. Strings are as written in the file's script (Traditional in Hant
 * files) but clean: before noise was added, i.e. full-width punctuation, half-width digits and no
 * pinyin readings. Meeting types are canonical and Simplified (常务会议, 党组会议 …).
 */
export interface ExpectedBulletin {
  /** Same as CorpusFile.path. */
  path: string;
  /** The file name without .txt: 2023-07-18-shili-qu-changwu-17. */
  slug: string;
  /** YYYY-MM-DD. */
  date: string;
  /**
   * Where the full date is stated: 'text' (2023年7月18日 in the dateline), 'path' (the text says
   * 7月18日 and the year is only in the file path), 'front-matter' (the text says 近日/日前).
   */
  dateOrigin: 'text' | 'path' | 'front-matter';
  script: Script;
  /** The fictional jurisdiction, Simplified (示例区). */
  place: string;
  /** Publisher in the dateline (示例新闻网); "" when the dateline names none. */
  source: string;
  /** The front-matter title, or null when the file has no front matter. */
  title: string | null;
  meetings: ExpectedMeeting[];
  /** Every official named, in order of first mention. Reporters are not officials. */
  officials: ExpectedOfficial[];
  /** Byline, in order. */
  reporters: ExpectedReporter[];
  /** Sum of the meetings' directive counts. */
  directiveCount: number;
  /** All documents in 《》, in order, without the brackets. */
  documents: string[];
  noise: ExpectedNoise;
}

export interface ExpectedMeeting {
  /** The name as written: 區政府今年第17次常務會議, 区政府党组（扩大）会议暨区政府党组理论学习中心组学习会. */
  name: string;
  /** Canonical kinds, Simplified; two when 暨 joins two. */
  types: string[];
  /** N of 第N次 (also when written 第十七次), else null. */
  number: number | null;
  /** YYYY-MM-DD, or null when the text says only 近日 (or 同日 after 近日). */
  date: string | null;
  /** Who chaired it (for 调研: who led the visit), names as written. */
  chairs: string[];
  /** Who attended it (出席/参加/列席/陪同), names as written. */
  attendees: string[];
  /** Number of directive items: 要… paragraphs, 要…；要… clauses, or 一要/一是 items. */
  directives: number;
  /** Titles in 《》 belonging to this meeting, without the brackets. */
  documents: string[];
}

export interface ExpectedOfficial {
  /** As written. */
  name: string;
  /** Simplified. */
  key: string;
  /** Titles as written before the name, in order of first appearance. A title shared by a list
   *  (副区长王样乙、陈示丙) counts for every name in it; 区领导 is not a title. */
  titles: string[];
  /** In the order chair, attendee, mentioned. */
  roles: ('chair' | 'attendee' | 'mentioned')[];
}

export interface ExpectedReporter {
  name: string;
  /** 记者 / 通讯员 as written; "" for a bare name with no role. */
  role: string;
}

export interface ExpectedNoise {
  /** Pinyin readings pasted after Han characters: 长(zhǎng). */
  pinyin: number;
  /** Full-width ，：（）； written as ASCII: in every place, in some, or nowhere. */
  asciiPunctuation: 'all' | 'some' | 'none';
  /** Stray ASCII commas added before ， , 、 。 (giving ,， ,, ,、 ,。). */
  doubledPunctuation: number;
  /** ASCII digits and letters written full-width (２０１２, ＶＩＰ). */
  fullWidth: boolean;
  /** U+3000 spaces in the byline and paragraph indents. */
  ideographicSpace: boolean;
  /** A YAML front-matter block (title, date, provenance) opens the file. */
  frontMatter: boolean;
  /** Blank lines before the first line. */
  leadingBlankLines: boolean;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32, no Math.random anywhere.

/** Mixes integers into one 32-bit seed (murmur3 finaliser per step). */
function mixSeed(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }
  /** An index into `weights`, chosen in proportion to them. */
  index(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** k distinct items (all of them if there are fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) k = items.length;
    // Rejection is cheapest for the few-out-of-many draws made here.
    if (k * 3 <= items.length) {
      const out: T[] = [];
      while (out.length < k) {
        const item = items[Math.floor(this.next() * items.length)] as T;
        if (!out.includes(item)) out.push(item);
      }
      return out;
    }
    const pool = items.slice();
    const out: T[] = [];
    while (out.length < k) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Roster: who holds which post in a year. Fixed, independent of the seed.

const TERM_YEARS = 5;

/** The person on `rung` (0-1 deputy, 2 executive deputy, 3 head, 4 party secretary) in `year`. */
export function officeHolder(j: V.Jurisdiction, rung: V.Rung, year: number): string {
  const term = Math.floor((year - j.termStart) / TERM_YEARS);
  const size = j.people.length;
  return j.people[(((term - rung) % size) + size) % size] as string;
}

/** A person's posts over the years, as spans of one short title (Simplified), e.g. 区长 2012-2016. */
export function titleHistory(name: string, from: number, to: number): { from: number; to: number; place: string; title: string }[] {
  const spans: { from: number; to: number; place: string; title: string }[] = [];
  for (let year = from; year <= to; year++) {
    for (const j of V.JURISDICTIONS) {
      for (const rung of [0, 1, 2, 3, 4] as const) {
        if (officeHolder(j, rung, year) !== name) continue;
        const title = expandTitle(shortTitle(j, rung), j);
        const last = spans[spans.length - 1];
        if (last && last.title === title && last.place === j.name && last.to === year - 1) last.to = year;
        else spans.push({ from: year, to: year, place: j.name, title });
      }
    }
  }
  return spans;
}

function isTown(j: V.Jurisdiction): boolean {
  return j.level === '镇' || j.level === '乡';
}

/** 区委 for a district, 镇党委 for a town. */
function committee(j: V.Jurisdiction): string {
  return isTown(j) ? `${j.level}党委` : `${j.level}委`;
}

function expandTitle(template: string, j: V.Jurisdiction): string {
  return template.replaceAll('{L}', j.level).replaceAll('{C}', committee(j)).replaceAll('{P}', j.name);
}

function shortTitle(j: V.Jurisdiction, rung: V.Rung): string {
  return isTown(j) ? V.SHORT_TITLES[rung].town : V.SHORT_TITLES[rung].city;
}

// ---------------------------------------------------------------------------------------------
// Script conversion and noise helpers. Conversion is per text fragment and cached: fragments repeat
// across bulletins, and opencc-js costs about half a microsecond per character.

const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const conversionCache = new Map<string, string>();
const pinyinCache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

function toTraditional(fragment: string): string {
  const cached = conversionCache.get(fragment);
  if (cached !== undefined) return cached;
  if (conversionCache.size >= CACHE_LIMIT) conversionCache.clear();
  const converted: string = simplifiedToTraditional(fragment);
  conversionCache.set(fragment, converted);
  return converted;
}

function identity(fragment: string): string {
  return fragment;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Tone-marked readings per character of a Simplified fragment; "" where there is none. */
function readingsOf(fragment: string): string[] {
  let readings = pinyinCache.get(fragment);
  if (readings !== undefined) return readings;
  if (pinyinCache.size >= CACHE_LIMIT) pinyinCache.clear();
  const inContext = pinyin(fragment, { type: 'array' });
  const aligned = inContext.length === fragment.length;
  readings = [];
  for (let i = 0; i < fragment.length; i++) {
    const ch = fragment[i] as string;
    if (!isHan(ch.charCodeAt(0))) {
      readings.push('');
      continue;
    }
    const reading = aligned ? (inContext[i] as string) : pinyin(ch);
    // A character pinyin-pro does not know comes back as itself.
    readings.push(/^[a-zü\u00c0-\u01ff\u1e00-\u1eff]+$/.test(reading) ? reading : '');
  }
  pinyinCache.set(fragment, readings);
  return readings;
}

/** ASCII digits, letters, '.', '%' and '-' as their full-width forms (２０１２, ＶＩＰ). */
function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z.%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const ASCII_FOR: Record<string, string> = { '，': ',', '：': ':', '（': '(', '）': ')', '；': ';' };
// The full-width marks a scraper may have written as ASCII.
const ASCII_ABLE = /[，：（）；]/g;
// The marks a stray ASCII comma gets doubled onto (seed: 書記,、區長 會議,。 精神,,以及).
const DOUBLE_ABLE = /[，,、。]/g;

const CN_DIGITS = '零一二三四五六七八九';

/** 17 → 十七, 103 → 一百零三, 110 → 一百一十 (1 ≤ n ≤ 9999). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    out += (CN_DIGITS[d] as string) + units[digits.length - 1 - i];
  });
  return out;
}

const ORDINALS = '一二三四五六七八';

// ---------------------------------------------------------------------------------------------
// Dates: plain calendar arithmetic in UTC (no time zone is involved in a calendar date).

interface Day {
  year: number;
  month: number;
  day: number;
}

function dayOfYear(year: number, index: number): Day {
  const d = new Date(Date.UTC(year, 0, 1 + index));
  return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isWeekend(year: number, index: number): boolean {
  const weekday = new Date(Date.UTC(year, 0, 1 + index)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function iso(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// One bulletin. Text is built as paragraphs of Simplified fragments; each fragment is converted
// (and given pinyin noise) on its own, so a name or title reads the same in the text and in `expected`.

type Fragments = string[];
type Role = 'chair' | 'attendee' | 'mentioned';
const ROLE_ORDER: readonly Role[] = ['chair', 'attendee', 'mentioned'];

interface OfficialTally {
  key: string;
  titles: string[];
  roles: Set<Role>;
}

interface MeetingPlan {
  kinds: V.MeetingKind[];
}

interface Flags {
  script: Script;
  fullYear: boolean;
  frontMatter: boolean;
  vagueDate: boolean;
  asciiPunctuation: 'all' | 'some' | 'none';
  doubled: number;
  pinyin: number;
  pinyinFullWidthParens: boolean;
  fullWidth: boolean;
  ideographicSpace: boolean;
  leadingBlankLines: boolean;
  finalNewline: boolean;
}

/** Tokens that should not repeat within one template (今年以来，X，X。). */
const NO_REPEAT_TOKENS = new Set(['CLAUSE', 'TOPIC', 'SITE', 'DTOPIC']);

/** Vocabulary templates split into literal parts and {TOKEN}s, once each. */
const TEMPLATE_PARTS = new Map<string, string[]>();

const KINDS_BY_TYPE = new Map(V.MEETING_KINDS.map((k) => [k.type, k]));

function kindOf(type: string): V.MeetingKind {
  const kind = KINDS_BY_TYPE.get(type);
  if (!kind) throw new Error(`vocabulary: unknown meeting kind ${type}`);
  return kind;
}

class BulletinBuilder {
  private readonly paras: Fragments[] = [];
  private readonly officials = new Map<string, OfficialTally>();
  private readonly usedHeadings = new Set<string>();
  private readonly usedPadding = new Set<string>();
  /** Localities of the current 调研, for its padding sentences. */
  private visited: string[] = [];
  private readonly conv: (fragment: string) => string;
  private readonly meetings: ExpectedMeeting[] = [];
  private readonly reporters: ExpectedReporter[] = [];
  private source = '';
  /** Long bulletins have longer directive items. */
  verbose = false;

  constructor(
    private readonly rng: Rng,
    private readonly j: V.Jurisdiction,
    private readonly date: Day,
    private readonly flags: Flags,
    private readonly counters: Map<string, number>,
  ) {
    this.conv = flags.script === 'Hant' ? toTraditional : identity;
  }

  // -- fragments ------------------------------------------------------------------------------

  private para(...fragments: string[]): Fragments {
    const p = fragments.slice();
    this.paras.push(p);
    return p;
  }

  /** Fills a vocabulary template's tokens; each token becomes its own fragment. */
  private fill(template: string, vars: Record<string, string> = {}): Fragments {
    const out: Fragments = [];
    let parts = TEMPLATE_PARTS.get(template);
    if (!parts) {
      parts = template.split(/(\{[A-Z0-9]+\})/).filter((part) => part !== '');
      TEMPLATE_PARTS.set(template, parts);
    }
    const seen = new Set<string>();
    for (const part of parts) {
      if (!part.startsWith('{')) {
        out.push(part);
        continue;
      }
      const token = part.slice(1, -1);
      const given = vars[token];
      if (given !== undefined) {
        out.push(given);
        continue;
      }
      // A template naming two clauses, topics or sites gets two different ones.
      let value = this.token(token);
      if (NO_REPEAT_TOKENS.has(token)) {
        for (let tries = 0; tries < 5 && seen.has(value.join('')); tries++) value = this.token(token);
        seen.add(value.join(''));
      }
      out.push(...value);
    }
    return out;
  }

  private token(token: string): Fragments {
    const { rng, j } = this;
    switch (token) {
      case 'P': return [j.name];
      case 'L': return [j.level];
      case 'C': return [committee(j)];
      case 'PARENT': return [rng.chance(0.5) ? `${j.parent}委` : j.parent];
      case 'TOPIC': return [rng.pick(V.WORK_TOPICS)];
      case 'LOC': return [rng.pick(j.localities)];
      case 'SITE': return [rng.pick(V.SITES)];
      case 'DEPT': return [rng.pick(V.DEPARTMENTS)];
      case 'CAMPAIGN': return [rng.pick(V.CAMPAIGNS)];
      case 'PERIOD': return this.date.month > 2 ? ['1-', String(this.date.month - 1), '月'] : ['去年'];
      case 'INT': return [String(rng.int(3, 120))];
      case 'AMOUNT': return [(rng.next() * 300 + 1).toFixed(1)];
      case 'PCT': return [(rng.next() * 15 + 0.5).toFixed(1)];
      case 'CLAUSE': return this.fill(rng.pick(V.BACKGROUND_CLAUSES));
      case 'Y': return [String(this.date.year)];
      case 'Y2': return [String(this.date.year + 2)];
      case 'DTOPIC': return [rng.pick(V.DOCUMENT_TOPICS)];
      default: throw new Error(`vocabulary: unknown token {${token}}`);
    }
  }

  private written(fragments: Fragments): string {
    return fragments.map(this.conv).join('');
  }

  // -- people ---------------------------------------------------------------------------------

  private holder(rung: V.Rung): string {
    return officeHolder(this.j, rung, this.date.year);
  }

  private rungOf(name: string): V.Rung {
    for (const rung of [0, 1, 2, 3, 4] as const) if (this.holder(rung) === name) return rung;
    throw new Error(`${name} holds no post in ${this.j.name} in ${this.date.year}`);
  }

  private record(name: string, titles: string[], role: Role): void {
    let tally = this.officials.get(name);
    if (!tally) {
      tally = { key: name, titles: [], roles: new Set() };
      this.officials.set(name, tally);
    }
    for (const t of titles) if (!tally.titles.includes(t)) tally.titles.push(t);
    tally.roles.add(role);
  }

  /** Titles for a mention: the full chain the first time, then the short title or none. */
  private titlesFor(name: string, style: 'auto' | 'short' | 'none' = 'auto'): string[] {
    const rung = this.rungOf(name);
    if (style === 'none') return [];
    const known = this.officials.has(name);
    if (style === 'short' || known) {
      if (known && this.rng.chance(0.3)) return [];
      return [expandTitle(shortTitle(this.j, rung), this.j)];
    }
    const chains = isTown(this.j) ? V.TITLES[rung].town : V.TITLES[rung].city;
    return this.rng.pick(chains).map((t) => expandTitle(t, this.j));
  }

  /** 区政府党组书记、区长林测甲 as fragments, recorded with `role`. */
  private mention(name: string, role: Role, style: 'auto' | 'short' | 'none' = 'auto'): Fragments {
    const titles = this.titlesFor(name, style);
    this.record(name, titles, role);
    const out: Fragments = [];
    titles.forEach((t, i) => {
      if (i > 0) out.push('、');
      out.push(t);
    });
    out.push(name);
    return out;
  }

  // -- meetings -------------------------------------------------------------------------------

  /** 今年第17次 / 2023年第17次 / 第17次 / 第十七次, or nothing. */
  private numberFragments(kind: V.MeetingKind, n: number): Fragments | null {
    const { rng } = this;
    if (!rng.chance(kind.numbered)) return null;
    if (kind.type === '全体会议') return rng.chance(0.7) ? ['第', chineseNumeral(n), '次'] : ['第', String(n), '次'];
    const r = rng.next();
    if (r < 0.35) return ['今年第', String(n), '次'];
    if (r < 0.5) return [String(this.date.year), '年第', String(n), '次'];
    if (r < 0.8) return ['第', String(n), '次'];
    return ['第', chineseNumeral(n), '次'];
  }

  private governmentOrgan(): string {
    return this.rng.chance(0.12) ? `${this.j.name}人民政府` : `${this.j.level}政府`;
  }

  /**
   * The name of one meeting of `kind`, and the number it states. `joinedTo` is the kind before 暨
   * when this is the second part (never numbered); `topic` is shared by the joined parts.
   */
  private meetingName(kind: V.MeetingKind, n: number, joinedTo: string | null, topic: string): { name: Fragments; number: number | null } {
    const { rng, j } = this;
    const L = j.level;
    const num = joinedTo ? null : this.numberFragments(kind, n);
    const numbered = (before: Fragments, after: Fragments): { name: Fragments; number: number | null } =>
      ({ name: [...before, ...(num ?? []), ...after], number: num ? n : null });
    switch (kind.type) {
      case '常务会议':
        return numbered([this.governmentOrgan()], ['常务会议']);
      case '党组会议':
        if (!num && rng.chance(0.4)) return { name: [`${L}政府党组`, '（扩大）会议'], number: null };
        return numbered([`${L}政府党组`], ['会议']);
      case '理论学习中心组学习会': {
        // After 暨 the study session belongs to the body that met: 区委常委会会议暨区委理论学习中心组学习会.
        const byCommittee = joinedTo ? joinedTo === '常委会会议' : rng.chance(0.5);
        const organ = isTown(j) || byCommittee ? committee(j) : `${L}政府党组`;
        return numbered([organ, '理论学习中心组'], ['学习会']);
      }
      case '常委会会议':
        if (!num && rng.chance(0.2)) return { name: [committee(j), '常委会（扩大）会议'], number: null };
        return rng.chance(0.7) ? numbered([committee(j), '常委会'], ['会议']) : numbered([committee(j)], ['常委会会议']);
      case '全体会议':
        if (!num) return { name: [this.governmentOrgan(), rng.chance(0.5) ? '全体（扩大）会议' : '全体会议'], number: null };
        return numbered([this.governmentOrgan()], ['全体会议']);
      case '工作会议':
        return { name: rng.chance(0.7) ? ['全', L, topic, '工作会议'] : [j.name, topic, '工作会议'], number: null };
      case '专题会议':
        if (num) return numbered([this.governmentOrgan()], ['专题会议']);
        return { name: rng.chance(0.5) ? [topic, '专题会议'] : [this.governmentOrgan(), topic, '专题会议'], number: null };
      case '领导小组会议':
        return numbered([L, rng.pick(V.LEADING_GROUPS), '领导小组'], ['会议']);
      case '联席会议':
        return { name: [L, rng.pick(V.JOINT_TOPICS), '工作联席会议'], number: null };
      case '调研':
        return { name: ['调研', topic, '工作'], number: null };
      default:
        throw new Error(`vocabulary: no name template for ${kind.type}`);
    }
  }

  /** Who chairs (leads) a meeting of this kind. */
  private chairsFor(kind: V.MeetingKind, organCommittee: boolean): string[] {
    const { rng } = this;
    switch (kind.type) {
      case '常委会会议':
        return [this.holder(4)];
      case '理论学习中心组学习会':
        return [this.holder(organCommittee ? 4 : 3)];
      case '专题会议':
        return [this.holder(rng.chance(0.6) ? 3 : 2)];
      case '领导小组会议':
        return [this.holder(rng.chance(0.5) ? 4 : 3)];
      case '联席会议':
        return [this.holder(rng.pick([0, 1, 2] as const))];
      case '工作会议':
        return [this.holder(rng.chance(0.6) ? 3 : 2)];
      case '调研':
        if (rng.chance(0.2)) return [this.holder(4), this.holder(3)];
        return [this.holder(rng.pick([4, 3, 3, 2, 1] as const))];
      default:
        return [this.holder(3)];
    }
  }

  /** The dateline (first meeting) or the second meeting's date lead; returns the date it states. */
  private dateLead(first: boolean, out: Fragments): string | null {
    const { rng, date, flags } = this;
    if (first) {
      if (flags.vagueDate) {
        out.push(rng.chance(0.6) ? '近日' : '日前', '，');
        return null;
      }
      if (flags.fullYear) out.push(String(date.year), '年');
      out.push(String(date.month), '月', String(date.day), '日');
      if (rng.chance(0.2)) out.push(rng.chance(0.5) ? '上午' : '下午');
      out.push('，');
      return iso(date);
    }
    const firstDate = this.meetings[0]?.date ?? null;
    const r = rng.next();
    if (r < 0.3 || (flags.vagueDate && r < 0.7)) {
      out.push(rng.chance(0.8) ? '同日' : '当天下午', '，');
      return firstDate;
    }
    if (flags.vagueDate) {
      out.push('近日', '，');
      return null;
    }
    // Most second meetings are the same day; some a few days earlier in the same year.
    let day = date;
    if (rng.chance(0.25) && date.day > 3) day = { ...date, day: date.day - rng.int(1, 3) };
    out.push(String(day.month), '月', String(day.day), '日', '，');
    return iso(day);
  }

  /** Characters (Simplified) written so far from paragraph `from` on. */
  private lengthSince(from: number): number {
    let n = 0;
    for (let i = from; i < this.paras.length; i++) for (const f of this.paras[i] as Fragments) n += f.length;
    return n;
  }

  /**
   * Writes one meeting of about `targetChars` characters (padding sentences make up the length);
   * `first` means it opens the bulletin and `opening` holds the dateline's source fragments.
   */
  writeMeeting(plan: MeetingPlan, first: boolean, opening: Fragments, directives: number, targetChars: number): void {
    const start = this.paras.length;
    const { rng, j } = this;
    const kinds = plan.kinds;
    const main = kinds[0] as V.MeetingKind;
    const topic = rng.pick(V.WORK_TOPICS);
    for (const k of kinds) this.counters.set(k.type, (this.counters.get(k.type) ?? 0) + 1);

    const nameFragments: Fragments = [];
    let number: number | null = null;
    kinds.forEach((k, i) => {
      const part = this.meetingName(k, this.counters.get(k.type) ?? 1, i > 0 ? (kinds[i - 1] as V.MeetingKind).type : null, topic);
      if (i > 0) nameFragments.push('暨');
      nameFragments.push(...part.name);
      if (i === 0) number = part.number;
    });
    const organCommittee = nameFragments[0] === committee(j);
    const chairs = this.chairsFor(main, organCommittee);

    const meeting: ExpectedMeeting = {
      name: this.written(nameFragments),
      types: kinds.map((k) => k.type),
      number,
      date: null,
      chairs: chairs.map(this.conv),
      attendees: [],
      directives,
      documents: [],
    };

    const lead = opening.slice();
    meeting.date = this.dateLead(first, lead);
    this.meetings.push(meeting);
    const p = this.para(...lead);

    if (main.type === '调研') {
      chairs.forEach((name, i) => {
        if (i > 0) p.push(rng.chance(0.5) ? '，' : '、');
        p.push(...this.mention(name, 'chair'));
      });
      const locs = rng.sample(j.localities, rng.int(1, 2));
      this.visited = locs;
      p.push(rng.chance(0.5) ? '到' : '深入');
      locs.forEach((loc, i) => p.push(...(i > 0 ? ['、', loc] : [loc])));
      p.push(...nameFragments, '。');
    } else if (main.type === '工作会议' && rng.chance(0.5)) {
      // 全区安全生产工作会议召开。区委书记A出席会议并讲话，区长B主持会议。
      p.push(...nameFragments, '召开。');
      const speaker = this.holder(4);
      if (!chairs.includes(speaker)) {
        p.push(...this.mention(speaker, 'attendee'), '出席会议并讲话，');
        meeting.attendees.push(this.conv(speaker));
      }
      p.push(...this.mention(chairs[0] as string, 'chair'), '主持会议。');
    } else {
      p.push(...this.mention(chairs[0] as string, 'chair'), '主持召开', ...nameFragments);
      if (rng.chance(0.3)) p.push('，研究部署', topic, '工作');
      p.push('。');
    }

    // Attendees: several officials in one sentence.
    if (rng.chance(main.type === '调研' ? 0.6 : 0.4)) {
      const pool = ([0, 1, 2, 3, 4] as const).map((r) => this.holder(r)).filter((name) => !chairs.includes(name)
        && !meeting.attendees.includes(this.conv(name)) && (this.rungOf(name) <= 2 || rng.chance(0.3)));
      const chosen = rng.sample(pool, rng.int(1, Math.min(3, pool.length)));
      if (chosen.length > 0) {
        const target = rng.chance(0.6) ? p : this.para();
        target.push(...this.attendeeSentence(chosen, main.type === '调研'));
        meeting.attendees.push(...chosen.map(this.conv));
      }
    }

    // Body: documents and directive blocks, with padding paragraphs between them (never inside a
    // block, where they would split a run of 要… paragraphs).
    const visit = main.type === '调研';
    const speaker = visit || rng.chance(0.15) ? [chairs[0] as string] : null;
    const docs = visit ? [] : this.documentTitles(main, rng.index([50, 30, 15, 5]));
    const blocks = directives >= 4 && rng.chance(0.3) ? [Math.floor(directives / 2), directives - Math.floor(directives / 2)] : [directives];
    const docsAt = blocks.length === 2 ? 1 : rng.chance(0.7) ? 0 : 1;
    const gaps: number[] = [this.paras.length];
    blocks.forEach((count, i) => {
      if (i === docsAt && docs.length > 0) {
        this.documentSentence(main, docs, meeting);
        gaps.push(this.paras.length);
      }
      this.directiveBlock(count, speaker, visit);
      gaps.push(this.paras.length);
    });
    if (docsAt === blocks.length && docs.length > 0) {
      this.documentSentence(main, docs, meeting);
      gaps.push(this.paras.length);
    }
    // Padding up to the target length, but not so much that the report becomes a list of filler.
    let length = this.lengthSince(start);
    const extra: { at: number; para: Fragments }[] = [];
    const most = visit ? V.VISIT_PADDING.length : 12;
    for (let i = 0; i < most && length < targetChars; i++) {
      length += this.padding(main, chairs[0] as string);
      extra.push({ at: rng.pick(gaps), para: this.paras.pop() as Fragments });
    }
    if (extra.length > 0) {
      extra.sort((a, b) => a.at - b.at);
      const section = this.paras.splice(start);
      let k = 0;
      for (let i = 0; i <= section.length; i++) {
        while (k < extra.length && (extra[k] as { at: number }).at === start + i) this.paras.push((extra[k++] as { para: Fragments }).para);
        if (i < section.length) this.paras.push(section[i] as Fragments);
      }
    }
    if (main.type !== '调研' && rng.chance(0.1)) {
      const deputy = this.holder(rng.pick([0, 1] as const));
      this.para('会议听取了', ...this.mention(deputy, 'mentioned', 'short'), '关于', topic, '工作情况的汇报。');
    }
    if (main.type !== '调研' && rng.chance(0.3)) this.para(rng.pick(V.MEETING_CLOSINGS));
  }

  private attendeeSentence(names: string[], visit: boolean): Fragments {
    const { rng, j } = this;
    const out: Fragments = [];
    const rungs = names.map((n) => this.rungOf(n));
    const allDeputies = rungs.every((r) => r <= 1);
    const form = rng.next();
    if (allDeputies && names.length > 1 && form < 0.4) {
      // 副区长王样乙、陈示丙出席会议: one title shared by the list.
      const title = expandTitle(shortTitle(j, 0), j);
      out.push(title);
      names.forEach((n, i) => {
        if (i > 0) out.push('、');
        out.push(n);
        this.record(n, [title], 'attendee');
      });
    } else if (form < 0.65) {
      // 区领导王样乙、陈示丙参加会议: no titles.
      out.push(`${j.level}领导`);
      names.forEach((n, i) => {
        if (i > 0) out.push('、');
        out.push(n);
        this.record(n, [], 'attendee');
      });
      if (rng.chance(0.3)) out.push('等');
    } else {
      names.forEach((n, i) => {
        if (i > 0) out.push('，');
        out.push(...this.mention(n, 'attendee'));
      });
    }
    out.push(visit ? rng.pick(['陪同调研。', '参加调研。', '陪同。']) : rng.pick(['出席会议。', '参加会议。', '出席。', '列席会议。']));
    return out;
  }

  /** A padding paragraph, not repeating one already used in this bulletin while others are left. */
  private padding(main: V.MeetingKind, chair: string): number {
    const visit = main.type === '调研';
    const all = visit ? V.VISIT_PADDING : V.MEETING_PADDING;
    const fresh = all.filter((t) => !this.usedPadding.has(t));
    const template = this.rng.pick(fresh.length > 0 ? fresh : all);
    this.usedPadding.add(template);
    const vars: Record<string, string> = visit ? { NAME: chair, LOC: this.rng.pick(this.visited) } : {};
    const p = this.para(...this.fill(template, vars));
    let n = 0;
    for (const f of p) n += f.length;
    return n;
  }

  private documentTitles(main: V.MeetingKind, count: number): Fragments[] {
    const study = main.type === '理论学习中心组学习会' || ((main.type === '党组会议' || main.type === '常委会会议') && this.rng.chance(0.5));
    const titles: Fragments[] = [];
    for (let i = 0; i < count; i++) titles.push(this.fill(this.rng.pick(study ? V.STUDY_TEMPLATES : V.DOCUMENT_TEMPLATES)));
    return titles;
  }

  private documentSentence(main: V.MeetingKind, docs: Fragments[], meeting: ExpectedMeeting): void {
    const study = main.type === '理论学习中心组学习会';
    const joiner = this.rng.pick(['', '和', '、']);
    const list: Fragments = [];
    docs.forEach((title, i) => {
      if (i > 0 && joiner) list.push(i === docs.length - 1 ? joiner : '、');
      list.push('《', ...title, '》');
      // A document named twice is one document.
      if (!meeting.documents.includes(this.written(title))) meeting.documents.push(this.written(title));
    });
    const template = this.rng.pick(study ? V.STUDY_SENTENCES : V.DOCUMENT_SENTENCES);
    const [before, after] = template.split('{DOCS}') as [string, string];
    this.para(...this.fill(before), ...list, ...this.fill(after));
  }

  private directiveItems(n: number): { heading: string; clauses: Fragments }[] {
    const { rng } = this;
    // Headings not used earlier in the bulletin (there are far more headings than directives).
    const headings: string[] = [];
    for (let tries = 0; headings.length < n; tries++) {
      const h = rng.pick(V.DIRECTIVE_HEADINGS);
      if (!headings.includes(h) && (!this.usedHeadings.has(h) || tries > 50)) headings.push(h);
    }
    return headings.map((heading) => {
      this.usedHeadings.add(heading);
      const clauses: Fragments = [];
      rng.sample(V.DIRECTIVE_CLAUSES, this.verbose ? rng.int(3, 6) : rng.int(2, 4)).forEach((c, i) => {
        if (i > 0) clauses.push('，');
        clauses.push(...this.fill(c));
      });
      return { heading, clauses };
    });
  }

  /** n directives in one of the three forms: 要… paragraphs, inline 要…；要…, or 一要/一是. */
  private directiveBlock(n: number, speaker: Fragments | null, speakerAlways: boolean): void {
    if (n === 0) return;
    const { rng } = this;
    const items = this.directiveItems(n);
    // 会议强调 or 林测甲强调 (a visit has no 会议).
    const by = (verb: string): Fragments => (speaker && (speakerAlways || rng.chance(0.8)) ? [...speaker, verb] : ['会议', verb]);
    const subject = (): Fragments => this.fill(rng.pick(V.SUBJECTS));
    const r = rng.next();
    if (n >= 2 && r < 0.4) {
      // 会议强调，各级各有关部门——  then one 要… paragraph per item.
      if (rng.chance(0.75)) this.para(...by('强调'), '，', ...subject(), '——');
      else this.para(...by('要求'), '——');
      for (const item of items) this.para('要', item.heading, '。', ...item.clauses, '。');
    } else if (n === 1 || r < 0.65) {
      // 会议强调，要…；要…；要…。
      const p = this.para(...by(rng.pick(['强调', '强调', '要求'])), '，');
      items.forEach((item, i) => {
        if (i > 0) p.push('；');
        p.push('要', item.heading, '，', ...item.clauses);
      });
      p.push('。');
    } else {
      // 一要…。二要…。 / 一是…；二是…。  in one paragraph or one per line.
      const shi = rng.chance(0.4);
      const perLine = rng.chance(0.35);
      const leadVerb = rng.pick(['要求', '强调']);
      let p = this.para(...by(leadVerb), perLine ? '：' : '，');
      items.forEach((item, i) => {
        if (perLine) p = this.para();
        const end = shi && i < items.length - 1 ? '；' : '。';
        p.push(ORDINALS[i] as string, shi ? '是' : '要', item.heading, '，', ...item.clauses, end);
      });
    }
  }

  // -- byline ---------------------------------------------------------------------------------

  private pickReporters(): { reporters: string[]; correspondent: string | null } {
    const { rng } = this;
    const reporters = rng.sample(V.REPORTERS, rng.chance(0.7) ? 1 : 2);
    const correspondent = rng.chance(0.3) ? rng.pick(V.CORRESPONDENTS) : null;
    return { reporters, correspondent };
  }

  private addReporters(names: string[], role: string): void {
    // A reporter named twice (in the lead and on the last line) is one reporter.
    for (const n of names) {
      if (!this.reporters.some((r) => r.name === this.conv(n))) this.reporters.push({ name: this.conv(n), role: role ? this.conv(role) : '' });
    }
  }

  /** The dateline's opening fragments (source and any byline before the date). */
  opening(bylineAtStart: 'paren' | 'ideographic' | null): Fragments {
    const { rng, j } = this;
    const out: Fragments = [];
    const hasSource = bylineAtStart !== null || rng.chance(0.8);
    if (!hasSource) return out;
    this.source = rng.pick(j.sources);
    out.push(this.source, '讯');
    if (bylineAtStart === 'paren') {
      const { reporters, correspondent } = this.pickReporters();
      out.push('（记者', ' ', reporters.join(' '));
      this.addReporters(reporters, '记者');
      if (correspondent) {
        out.push(' ', '通讯员', ' ', correspondent);
        this.addReporters([correspondent], '通讯员');
      }
      out.push('）');
    } else if (bylineAtStart === 'ideographic') {
      // 南都讯　记者刘凡　周昌和　继推出…
      const { reporters } = this.pickReporters();
      out.push('　', '记者', reporters.join('　'), '　');
      this.addReporters(reporters, '记者');
    } else if (rng.chance(0.85)) {
      out.push(' ');
    }
    return out;
  }

  /** The byline on the last line: （记者 某某）, （记者 某 通讯员 某）, (记者 某 某), or bare names. */
  closingByline(): void {
    const { rng, flags } = this;
    const space = flags.ideographicSpace ? '　' : ' ';
    const { reporters, correspondent } = this.pickReporters();
    const r = rng.next();
    if (r < 0.75) {
      const p = this.para('（', '记者', space, reporters.join(space));
      this.addReporters(reporters, '记者');
      if (correspondent) {
        p.push(space, '通讯员', space, correspondent);
        this.addReporters([correspondent], '通讯员');
      }
      p.push('）');
    } else {
      // Bare names on a line of their own.
      this.para(reporters.join(space));
      this.addReporters(reporters, '');
    }
  }

  // -- output ---------------------------------------------------------------------------------

  /** Characters to skip before the next pinyin reading: geometric with mean 1/flags.pinyin. */
  private gap(): number {
    return Math.floor(Math.log(1 - this.rng.next()) / Math.log(1 - this.flags.pinyin));
  }

  /** The file body with noise applied, and the noise actually added. */
  render(): { body: string; pinyinCount: number; doubledCount: number } {
    const { rng, flags } = this;
    let pinyinCount = 0;
    const open = flags.pinyinFullWidthParens ? '（' : '(';
    const close = flags.pinyinFullWidthParens ? '）' : ')';
    const indent = flags.ideographicSpace && rng.chance(0.5) ? '　　' : '';
    const lines: string[] = [];
    for (const para of this.paras) {
      let line = indent;
      for (const fragment of para) {
        let written = this.conv(fragment);
        if (flags.fullWidth) written = toFullWidth(written);
        if (flags.pinyin > 0 && written.length === fragment.length) {
          const readings = readingsOf(fragment);
          let pieces: string[] | null = null;
          let from = 0;
          // Each character with a reading gets it with probability flags.pinyin: jump straight to the
          // next one chosen (geometric gaps) instead of drawing for every character.
          for (let i = this.gap(); i < written.length; i += 1 + this.gap()) {
            const reading = readings[i];
            if (!reading) continue;
            pieces ??= [];
            // Now and then one reading for a two-character word: 會議(huì yì).
            const next = readings[i + 1];
            const word = next !== undefined && next !== '' && rng.chance(0.1);
            const end = word ? i + 2 : i + 1;
            pieces.push(written.slice(from, end), open, word ? `${reading} ${next}` : reading, close);
            from = end;
            if (word) i++;
            pinyinCount++;
          }
          if (pieces) {
            pieces.push(written.slice(from));
            written = pieces.join('');
          }
        }
        line += written;
      }
      lines.push(line);
    }
    let body = lines.join('\n');
    if (flags.asciiPunctuation !== 'none') {
      const all = flags.asciiPunctuation === 'all';
      body = body.replace(ASCII_ABLE, (m) => (all || rng.chance(0.5) ? (ASCII_FOR[m] as string) : m));
    }
    let doubledCount = 0;
    if (flags.doubled > 0) {
      body = body.replace(DOUBLE_ABLE, (m) => {
        if (!rng.chance(flags.doubled)) return m;
        doubledCount++;
        return `,${m}`;
      });
    }
    return { body, pinyinCount, doubledCount };
  }

  expected(): Omit<ExpectedBulletin, 'path' | 'slug' | 'title' | 'noise'> {
    const officials: ExpectedOfficial[] = [...this.officials.values()].map((t) => ({
      name: this.conv(t.key),
      key: t.key,
      titles: t.titles.map(this.conv),
      // 'mentioned' only for someone who neither chaired nor attended: the parser's contract.
      roles: t.roles.has('chair') || t.roles.has('attendee')
        ? ROLE_ORDER.filter((r) => r !== 'mentioned' && t.roles.has(r))
        : ['mentioned' as const],
    }));
    return {
      date: iso(this.date),
      dateOrigin: this.flags.vagueDate ? 'front-matter' : this.flags.fullYear ? 'text' : 'path',
      script: this.flags.script,
      place: this.j.name,
      source: this.source ? this.conv(this.source) : '',
      meetings: this.meetings,
      officials,
      reporters: this.reporters,
      directiveCount: this.meetings.reduce((sum, m) => sum + m.directives, 0),
      documents: [...new Set(this.meetings.flatMap((m) => m.documents))],
    };
  }

  /** A plain title for front matter: 示例区召开区政府今年第17次常务会议. */
  title(): string {
    const m = this.meetings[0];
    if (!m) return this.j.name;
    const name = m.name;
    if (m.types[0] === '调研') return `${this.conv(this.j.name)}${m.chairs[0] ?? ''}${name}`;
    return `${this.conv(this.j.name)}${this.conv('召开')}${name}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus

const DEFAULT_YEARS: readonly [number, number] = [2008, 2024];

function drawFlags(rng: Rng): Flags {
  const frontMatter = rng.chance(0.1);
  const odd = rng.chance(0.04);
  const ascii = rng.next();
  const pinyinOn = rng.chance(0.3);
  return {
    script: rng.chance(0.5) ? 'Hant' : 'Hans',
    fullYear: rng.chance(0.4),
    frontMatter,
    vagueDate: frontMatter && rng.chance(0.3),
    asciiPunctuation: ascii < 0.2 ? 'all' : ascii < 0.3 ? 'some' : 'none',
    doubled: rng.chance(0.2) ? 0.03 + rng.next() * 0.15 : 0,
    pinyin: pinyinOn ? 0.02 + rng.next() * 0.2 : 0,
    pinyinFullWidthParens: pinyinOn && rng.chance(0.1),
    fullWidth: odd ? rng.chance(0.8) : rng.chance(0.01),
    ideographicSpace: odd ? rng.chance(0.8) : rng.chance(0.01),
    leadingBlankLines: rng.chance(0.05),
    finalNewline: rng.chance(0.7),
  };
}

function pickKinds(rng: Rng, j: V.Jurisdiction, exclude?: string): V.MeetingKind[] {
  const allowed = V.MEETING_KINDS.filter((k) => (k.town || !isTown(j)) && k.type !== exclude);
  const main = rng.weighted(allowed, (k) => k.weight);
  if (rng.chance(0.2)) {
    const pairs = V.JOINED_KINDS.filter(([a, b]) => a === main.type && allowed.some((k) => k.type === b));
    if (pairs.length > 0) return [main, kindOf(rng.pick(pairs)[1])];
  }
  return [main];
}

/** Directives per meeting: 0-8, mostly 2-5. */
function directiveCount(rng: Rng): number {
  return rng.index([8, 12, 14, 18, 16, 12, 9, 6, 5]);
}

/** One bulletin's file text and facts, plus its first meeting's kind and number for the file name. */
function buildBulletin(rng: Rng, j: V.Jurisdiction, date: Day, counters: Map<string, number>, index: number, seed: number):
  { body: string; expected: Omit<ExpectedBulletin, 'path' | 'slug'> & { kind: V.MeetingKind; number: number | null } } {
  const flags = drawFlags(rng);
  const b = new BulletinBuilder(rng, j, date, flags, counters);
  const byline = flags.ideographicSpace ? 'ideographic' : rng.chance(0.15) ? 'paren' : null;
  // Short, usual, long and very long bulletins: a few hundred to a few thousand characters.
  const lengthClass = rng.index([25, 45, 22, 8]);
  const target = [rng.int(200, 450), rng.int(450, 1100), rng.int(1100, 2200), rng.int(2200, 4500)][lengthClass] as number;
  b.verbose = lengthClass >= 2;
  const plans: MeetingPlan[] = [{ kinds: pickKinds(rng, j) }];
  if (rng.chance(0.25)) plans.push({ kinds: pickKinds(rng, j, plans[0]?.kinds[0]?.type) });
  plans.forEach((plan, i) => {
    const opening = i === 0 ? b.opening(byline) : [];
    b.writeMeeting(plan, i === 0, opening, directiveCount(rng), Math.round(target / plans.length));
  });
  if (byline === null && rng.chance(0.9)) b.closingByline();
  else if (byline === 'ideographic' && rng.chance(0.3)) b.closingByline();

  const { body, pinyinCount, doubledCount } = b.render();
  const title = flags.frontMatter ? b.title() : null;
  let text = (flags.leadingBlankLines ? '\n\n' : '') + body + (flags.finalNewline ? '\n' : '');
  if (flags.frontMatter) {
    const provenance = `fictional bulletin generated by scripts/generate-corpus.ts (seed ${seed}, item ${index}); every name and place is invented`;
    text = `---\ntitle: ${JSON.stringify(title)}\ndate: ${iso(date)}\nprovenance: ${JSON.stringify(provenance)}\n---\n${text}`;
  }
  const facts = b.expected();
  const firstKind = plans[0]?.kinds[0] as V.MeetingKind;
  return {
    body: text,
    expected: {
      ...facts,
      title,
      noise: {
        pinyin: pinyinCount,
        asciiPunctuation: flags.asciiPunctuation,
        doubledPunctuation: doubledCount,
        fullWidth: flags.fullWidth,
        ideographicSpace: flags.ideographicSpace,
        frontMatter: flags.frontMatter,
        leadingBlankLines: flags.leadingBlankLines,
      },
      kind: firstKind,
      number: facts.meetings[0]?.number ?? null,
    },
  };
}

/** Splits `total` over `weights` by largest remainder. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/** Parses "2008-2024" or "2020". */
export function parseYears(text: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!m) throw new Error(`--years must look like 2008-2024 or 2020, got "${text}"`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) throw new Error(`--years: ${to} is before ${from}`);
  return [from, to];
}

/**
 * The bulletins, lazily, in file order (year, place, date). Bulletins are spread evenly over the
 * years and by weight over the places; meeting numbers count up per place, year and kind.
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const { n } = options;
  const seed = options.seed ?? 42;
  const [from, to] = options.years ?? DEFAULT_YEARS;
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new Error(`years must be [from, to] with from ≤ to, got [${from}, ${to}]`);
  const perYear = apportion(n, Array.from({ length: to - from + 1 }, () => 1));
  const paths = new Set<string>();
  let index = 0;
  for (let y = from; y <= to; y++) {
    const perPlace = apportion(perYear[y - from] as number, V.JURISDICTIONS.map((j) => j.weight));
    for (let p = 0; p < V.JURISDICTIONS.length; p++) {
      const j = V.JURISDICTIONS[p] as V.Jurisdiction;
      const count = perPlace[p] as number;
      if (count === 0) continue;
      const rng = new Rng(mixSeed(seed, y, p));
      const daysInYear = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
      const days: number[] = [];
      for (let i = 0; i < count; i++) {
        let d = rng.int(0, daysInYear - 1);
        // Meetings mostly fall on working days.
        if (isWeekend(y, d) && rng.chance(0.85)) d = rng.int(0, daysInYear - 1);
        days.push(d);
      }
      days.sort((a, b) => a - b);
      const counters = new Map<string, number>();
      for (const d of days) {
        const date = dayOfYear(y, d);
        const { body, expected } = buildBulletin(rng, j, date, counters, index, seed);
        const { kind, number, ...facts } = expected;
        const base = rng.chance(0.12)
          ? `b${String(index).padStart(6, '0')}`
          : `${j.slug}-${kind.slug}${number !== null ? `-${number}` : ''}`;
        const stem = `${iso(date)}-${base}`;
        let slug = stem;
        for (let k = 2; paths.has(`${y}/${slug}`); k++) slug = `${stem}-${k}`;
        const path = `${y}/${slug}.txt`;
        paths.add(`${y}/${slug}`);
        index++;
        yield { path, text: body, expected: { path, slug, ...facts } };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing to disk

const CONTENT_DIR = join(ROOT, 'content');

/** The real path of `p`, resolving symlinks in the part that exists. */
function realPath(p: string): string {
  let existing = resolve(p);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(existsSync(existing) ? realpathSync(existing) : existing, ...rest);
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export interface WriteOptions extends CorpusOptions {
  /** Folder to write into; created if missing. */
  out: string;
  /** Write into a non-empty folder (existing files are overwritten, none are deleted). */
  force?: boolean;
}

export interface WriteSummary {
  files: number;
  bytes: number;
  seconds: number;
}

/**
 * Writes the corpus under `out`; throws before writing anything if `out` is unsafe. Writes are
 * synchronous: measured against a pool of async writes they were as fast and cost less CPU.
 */
export function writeCorpus(options: WriteOptions): WriteSummary {
  const out = resolve(options.out);
  if (isInside(realPath(out), realPath(CONTENT_DIR))) {
    throw new Error(`refusing to write a generated corpus inside the site's content folder (${CONTENT_DIR}): choose --out elsewhere, e.g. /tmp/corpus`);
  }
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) {
    throw new Error(`${out} is not empty; choose an empty or new folder, or pass --force to write into it anyway`);
  }
  const started = performance.now();
  mkdirSync(out, { recursive: true });
  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  for (const file of generateCorpus(options)) {
    const target = join(out, ...file.path.split('/'));
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const data = Buffer.from(file.text, 'utf8');
    writeFileSync(target, data);
    files++;
    bytes += data.length;
  }
  return { files, bytes, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = 'usage: npm run -s corpus -- --n 10000 --out DIR [--seed 42] [--years 2008-2024] [--force]';

export function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        n: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '42' },
        years: { type: 'string', default: `${DEFAULT_YEARS[0]}-${DEFAULT_YEARS[1]}` },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`corpus: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (values.n === undefined || !Number.isInteger(n) || n < 1) {
    console.error(`corpus: --n must be a whole number ≥ 1\n${USAGE}`);
    return 2;
  }
  if (!values.out) {
    console.error(`corpus: --out is required\n${USAGE}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error(`corpus: --seed must be an integer, got "${values.seed}"`);
    return 2;
  }
  try {
    const years = parseYears(values.years);
    const summary = writeCorpus({ n, seed, years, out: values.out, force: values.force });
    const mb = (summary.bytes / 1e6).toFixed(1);
    console.error(`corpus: ${summary.files} files, ${summary.bytes} bytes (${mb} MB) in ${summary.seconds.toFixed(2)} s → ${resolve(values.out)}`);
    return 0;
  } catch (error) {
    console.error(`corpus: ${(error as Error).message}`);
    return 1;
  }
}

