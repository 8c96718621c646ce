// The text of one generated bulletin, composed from the vocabulary's templates as paragraphs of
// Simplified fragments: each fragment is converted (and given pinyin noise) on its own, so a name
// or title reads the same in the text and in the facts it records (`expected`).
import type { Script } from '../record.ts';
import type { ExpectedBulletin, ExpectedMeeting, ExpectedOfficial, ExpectedReporter } from './expected.ts';
import { identity, type NoiseFlags, renderWithNoise, toTraditional } from './noise.ts';
import { chineseNumeral, type Day, iso, ORDINALS } from './numerals-dates.ts';
import type { Rng } from './random.ts';
import { committee, expandTitle, isTown, officeHolder, shortTitle } from './roster.ts';
import * as V from './vocabulary.ts';

type Fragments = string[];
type Role = 'chair' | 'attendee' | 'mentioned';
const ROLE_ORDER: readonly Role[] = ['chair', 'attendee', 'mentioned'];

interface OfficialTally {
  key: string;
  titles: string[];
  roles: Set<Role>;
}

export interface MeetingPlan {
  kinds: V.MeetingKind[];
}

/** What one bulletin is like: its script, how it states its date, its front matter and its noise. */
export interface Flags extends NoiseFlags {
  script: Script;
  /** The dateline states the year (2023年7月18日), not only the month and day. */
  fullYear: boolean;
  frontMatter: boolean;
  /** The text says only 近日/日前; the date is in the front matter. */
  vagueDate: boolean;
  leadingBlankLines: boolean;
  finalNewline: boolean;
}

/** Tokens that should not repeat within one template (今年以来，X，X。). */
const NO_REPEAT_TOKENS = new Set(['CLAUSE', 'TOPIC', 'SITE', 'DTOPIC']);

/** Vocabulary templates split into literal parts and {TOKEN}s, once each. */
const TEMPLATE_PARTS = new Map<string, string[]>();

const KINDS_BY_TYPE = new Map(V.MEETING_KINDS.map((k) => [k.type, k]));

export function kindOf(type: string): V.MeetingKind {
  const kind = KINDS_BY_TYPE.get(type);
  if (!kind) throw new Error(`vocabulary: unknown meeting kind ${type}`);
  return kind;
}

export class BulletinBuilder {
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

  /** The file body with noise applied, and the noise actually added. */
  render(): { body: string; pinyinCount: number; doubledCount: number } {
    return renderWithNoise(this.paras, this.conv, this.rng, this.flags);
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
