// The parser's score on hand-annotated bulletins (shared/corpus/annotated's format): every check a
// careful reader's annotation asserts, compared after folding script, width and spaces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BulletinError, parseBulletinFile } from '../parser/index.ts';
import { toSimplified } from '../parser/script.ts';
import type { BulletinRecord, Meeting } from '../record.ts';
import { foldVariants } from '../parser/variants.ts';

/** One annotated meeting; an absent key asserts nothing. */
export interface ExpectedMeeting {
  name?: string;
  kind?: string;
  number?: number;
  chairs?: string[];
  attendees?: string[];
  directives?: number;
  documents?: string[];
}

/** One file's annotation (see shared/corpus/annotated/README.md). */
export interface Expected {
  year?: string;
  date?: string;
  source?: string;
  meetings?: ExpectedMeeting[];
  officials?: Record<string, string[]>;
  reporters?: string[];
  not_officials?: string[];
}

export interface Miss {
  file: string;
  field: string;
  expected: string;
  got: string;
}

export interface FieldScore {
  total: number;
  passed: number;
}

export interface Score {
  total: number;
  passed: number;
  fields: Record<string, FieldScore>;
  misses: Miss[];
}

/** The fields in the order they are reported. */
export const FIELDS = [
  'date', 'source', 'reporters', 'meetings', 'meetings.kind', 'meetings.number', 'meetings.chairs',
  'meetings.attendees', 'meetings.documents', 'meetings.directives', 'officials', 'officials.titles',
  'not_officials',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * The parser's meeting kinds (record.meetings[].types[0]) under the labels the annotations use.
 * Kinds not listed are their own label.
 */
export const KIND_ALIASES: Readonly<Record<string, string>> = {
  理论学习中心组学习会: '理论学习中心组学习',
};

// Full-width forms NFKC leaves alone, and spaces of every width.
const WIDTH: Readonly<Record<string, string>> = { '【': '[', '】': ']', '〔': '[', '〕': ']', '「': '"', '」': '"', '『': '"', '』': '"', '“': '"', '”': '"', '‘': "'", '’': "'" };
const WIDE = new RegExp(`[${Object.keys(WIDTH).join('')}]`, 'gu');

/** A value as the scorer compares it: Simplified, half-width, without spaces. */
export function fold(value: string): string {
  return foldVariants(toSimplified(value.normalize('NFKC')))
    .replace(WIDE, (c) => WIDTH[c]!)
    .replace(/\s+/gu, '');
}

/** The annotation's label for a parsed meeting's kind. */
export function kindLabel(meeting: Meeting): string {
  const kind = meeting.types[0] ?? '';
  return KIND_ALIASES[kind] ?? kind;
}

/** Scores every file of an annotated folder (its expected.json). */
export function scoreFolder(dir: string): Score {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const score = emptyScore();
  for (const [file, annotation] of Object.entries(expected)) {
    let record: BulletinRecord | null = null;
    let failure = '';
    try {
      record = parseBulletinFile(join(dir, file), parseOptions(annotation));
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
      failure = error.reason;
    }
    scoreFile(score, file, annotation, record, failure);
  }
  return score;
}

// The year and date given to a file whose annotation asserts no date (11月8日 with no year, 今日
// with no month): its date is not scored, and a placeholder lets the rest of it be.
export const UNSCORED_YEAR = 2000;

/** The parse options for an annotated file: --year from the annotation where given. */
export function parseOptions(annotation: Expected): { year?: number; date?: string } {
  if (annotation.date !== undefined) return annotation.year ? { year: Number(annotation.year) } : {};
  const year = annotation.year ? Number(annotation.year) : UNSCORED_YEAR;
  return { year, date: `${year}-01-01` };
}

function emptyScore(): Score {
  const fields: Record<string, FieldScore> = {};
  for (const f of FIELDS) fields[f] = { total: 0, passed: 0 };
  return { total: 0, passed: 0, fields, misses: [] };
}

/** Adds one file's checks to `score`; a record of null (the file did not parse) fails them all. */
export function scoreFile(score: Score, file: string, want: Expected, record: BulletinRecord | null, failure = ''): void {
  const check = (field: Field, ok: boolean, expected: unknown, got: unknown) => {
    score.total++;
    score.fields[field]!.total++;
    if (ok) {
      score.passed++;
      score.fields[field]!.passed++;
    } else {
      score.misses.push({ file, field, expected: show(expected), got: record ? show(got) : `no record (${failure})` });
    }
  };

  if (want.date !== undefined) check('date', record?.date === want.date, want.date, record?.date);
  if (want.source !== undefined) check('source', fold(record?.source ?? '') === fold(want.source), want.source, record?.source);
  if (want.reporters !== undefined) {
    const got = record?.reporters.map((r) => r.name) ?? [];
    check('reporters', sameSet(want.reporters, got), want.reporters, got);
  }

  const meetings = record?.meetings ?? [];
  const pairs = matchMeetings(want.meetings ?? [], meetings);
  (want.meetings ?? []).forEach((w, i) => {
    const got = pairs[i] === undefined ? undefined : meetings[pairs[i]!];
    const label = w.name ?? w.kind ?? `meeting ${i + 1}`;
    check('meetings', got !== undefined, label, got?.name);
    if (w.kind !== undefined) check('meetings.kind', got !== undefined && kindLabel(got) === w.kind, `${label}: ${w.kind}`, got && kindLabel(got));
    if (w.number !== undefined) check('meetings.number', got?.number === w.number, `${label}: ${w.number}`, got?.number);
    for (const key of ['chairs', 'attendees', 'documents'] as const) {
      const wanted = w[key];
      if (wanted === undefined) continue;
      check(`meetings.${key}`, got !== undefined && sameSet(wanted, got[key]), `${label}: ${show(wanted)}`, got?.[key]);
    }
    if (w.directives !== undefined) {
      check('meetings.directives', got?.directives.length === w.directives, `${label}: ${w.directives}`, got?.directives.length);
    }
  });
  meetings.forEach((m, j) => {
    if (!pairs.includes(j)) check('meetings', false, 'no such meeting', m.name);
  });

  const officials = record?.officials ?? [];
  for (const [name, titles] of Object.entries(want.officials ?? {})) {
    const found = officials.find((o) => fold(o.name) === fold(name));
    check('officials', found !== undefined, name, found?.name);
    const got = found?.titles.map(fold) ?? [];
    check('officials.titles', found !== undefined && titles.every((t) => got.includes(fold(t))), `${name}: ${show(titles)}`, found?.titles);
  }
  const people = new Set([
    ...officials.map((o) => fold(o.name)),
    ...meetings.flatMap((m) => [...m.chairs, ...m.attendees]).map(fold),
    ...(record?.reporters ?? []).map((r) => fold(r.name)),
  ]);
  for (const not of want.not_officials ?? []) {
    check('not_officials', record !== null && !people.has(fold(not)), `not ${not}`, people.has(fold(not)) ? not : '');
  }
}

/**
 * Pairs each annotated meeting, in text order, with one parsed meeting: the first unpaired one of
 * equal folded name, else whose name contains or is contained in the other, else of the same kind
 * and number, else of the same kind. Returns, per annotated meeting, the parsed index or undefined.
 */
export function matchMeetings(want: ExpectedMeeting[], got: Meeting[]): Array<number | undefined> {
  const used = new Set<number>();
  const names = got.map((m) => fold(m.name));
  const tests: Array<(w: ExpectedMeeting, j: number) => boolean> = [
    (w, j) => w.name !== undefined && fold(w.name) === names[j],
    (w, j) => w.name !== undefined && names[j] !== '' && (names[j]!.includes(fold(w.name)) || fold(w.name).includes(names[j]!)),
    (w, j) => w.kind !== undefined && w.number !== undefined && kindLabel(got[j]!) === w.kind && got[j]!.number === w.number,
    (w, j) => w.kind !== undefined && kindLabel(got[j]!) === w.kind,
  ];
  return want.map((w) => {
    for (const test of tests) {
      const j = got.findIndex((_, k) => !used.has(k) && test(w, k));
      if (j !== -1) {
        used.add(j);
        return j;
      }
    }
    return undefined;
  });
}

function sameSet(want: string[], got: string[]): boolean {
  const a = new Set(want.map(fold));
  const b = new Set(got.map(fold));
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

/** The score as text: checks per field, the total, then one line per miss. */
export function formatScore(score: Score): string {
  const lines = ['field                 passed / total'];
  for (const [field, s] of Object.entries(score.fields)) {
    if (s.total === 0) continue;
    lines.push(`${field.padEnd(20)} ${String(s.passed).padStart(6)} / ${String(s.total).padEnd(5)} ${percent(s)}`);
  }
  lines.push(`${'total'.padEnd(20)} ${String(score.passed).padStart(6)} / ${String(score.total).padEnd(5)} ${percent(score)}`);
  if (score.misses.length > 0) lines.push('', `misses (${score.misses.length}):`);
  for (const m of score.misses) lines.push(`${m.file}: ${m.field}: expected ${m.expected} got ${m.got}`);
  return `${lines.join('\n')}\n`;
}

function percent(s: FieldScore): string {
  return s.total === 0 ? '' : `${((100 * s.passed) / s.total).toFixed(1)} %`;
}
