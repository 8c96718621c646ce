// Last step: front-matter fields override what the parser found, meetings included; other keys are kept on the record.
import { z } from 'zod';
import { type BulletinRecord, type Directive, isRecordField, type Meeting, type Official } from '../record.ts';
import { BulletinError } from './errors.ts';
import { toSimplified } from './script.ts';
import { meetingTypes } from './steps/meetings.ts';
import { withMeetingRoles } from './steps/officials.ts';
import { RESERVED_KEYS } from './yaml.ts';

const ROLE = z.enum(['chair', 'attendee', 'mentioned']);
const OFFICIAL = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), titles: z.array(z.string()).optional(), roles: z.array(ROLE).optional() }),
]);
const REPORTER = z.union([z.string().min(1), z.object({ name: z.string().min(1), role: z.string().optional() })]);
// YAML reads 2022-07-18 as a Date (midnight UTC), a quoted '2022-07-18' as a string.
const ISO_DATE = z.union([
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write it as YYYY-MM-DD').refine(isCalendarDay, 'no such day'),
]);
const TEXT = z.string().trim().min(1);
// 《测试办法》 and 测试办法 are the same document: the record keeps titles without their brackets.
const DOCUMENT = TEXT.transform((title) => title.replace(/^《(.*)》$/u, '$1'));
// A directive as one line of text (its heading is its first clause), or with its heading spelled out.
const DIRECTIVE = z.union([TEXT, z.strictObject({ heading: TEXT.optional(), text: TEXT })]);

/**
 * One meeting as front matter writes it: the record's Meeting (src/record.ts) field for field, and
 * no other field (`satisfies` keeps the two in step). Only `name` is required.
 */
const MEETING_FIELDS = {
  name: TEXT,
  // Left out: the kinds the parser reads from the name.
  types: z.array(TEXT).optional(),
  number: z.number().int().positive().nullable().default(null),
  // Left out: the bulletin's date; null: the bulletin does not say.
  date: ISO_DATE.nullable().optional(),
  chairs: z.array(TEXT).default([]),
  attendees: z.array(TEXT).default([]),
  directives: z.array(DIRECTIVE).default([]),
  documents: z.array(DOCUMENT).default([]),
} satisfies Record<keyof Meeting, z.ZodType>;
const MEETING = z.strictObject(MEETING_FIELDS);

/** The fields an editor may set in front matter, and their shapes (`date` is read by the date step). */
const OVERRIDES = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case ASCII letters, digits and -').optional(),
  title: z.string().min(1).optional(),
  source: z.string().optional(),
  script: z.enum(['Hant', 'Hans']).optional(),
  end_date: ISO_DATE.optional(),
  officials: z.array(OFFICIAL).optional(),
  reporters: z.array(REPORTER).optional(),
  meetings: z.array(MEETING).optional(),
});

/** Record fields front matter can set: the ones above, and `date` (src/parser/steps/date.ts). */
export const OVERRIDABLE_FIELDS: readonly string[] = [...Object.keys(OVERRIDES.shape), 'date'];

/** Fields the parser alone computes: front matter cannot set them. */
export const COMPUTED_FIELDS: readonly string[] = ['text', 'readings', 'source_file', 'origin', 'warnings', 'needs_review'];
const COMPUTED: ReadonlySet<string> = new Set(COMPUTED_FIELDS);

/** How to write a field, by its name (the last name in an issue's path), for error messages. */
const HOW_TO_WRITE: Record<string, string> = {
  meetings: "write a list of meetings, each with at least 'name:', or remove the field",
  name: "give the meeting's name as written, e.g. 'name: 区政府第17次常务会议'",
  types: "write a list of kinds, e.g. 'types: [常务会议]', or leave it out to take them from the name",
  number: "write N of 第N次 as a number, e.g. 'number: 17', or leave it out",
  date: "write the meeting's day as YYYY-MM-DD, e.g. 'date: 2022-07-18', or leave it out for the bulletin's date",
  chairs: "write a list of names as written, e.g. 'chairs: [林测甲]', or leave it out",
  attendees: "write a list of names as written, e.g. 'attendees: [陈测乙, 王样乙]', or leave it out",
  directives: "write a list whose items are each one line of text, or 'heading:' and 'text:'",
  heading: "write the directive's first clause, or leave it out to take it from 'text:'",
  text: "write the directive's whole text",
  documents: "write a list of titles, e.g. 'documents: [测试办法]'",
};
const MEETING_FIELD_NAMES = Object.keys(MEETING_FIELDS).join(', ');

/** A directive's heading: its first clause, up to the first 。，or ； (as src/parser/steps/directives.ts). */
const CLAUSE_END = /[。，；]/u;

/** Applies front matter to the record the text gave; throws a BulletinError naming the field when a value is not valid. */
export function applyFrontMatter(record: BulletinRecord, data: Record<string, unknown>, file: string): BulletinRecord {
  const keys = Object.keys(data);
  if (keys.length === 0) return record;
  const parsed = OVERRIDES.safeParse(data);
  if (!parsed.success) throw overrideError(parsed.error.issues[0]!, file);
  const o = parsed.data;
  const out: BulletinRecord = { ...record, origin: { ...record.origin } };
  const set = <K extends keyof BulletinRecord>(key: K, value: BulletinRecord[K]) => {
    out[key] = value;
    out.origin[key as string] = 'front-matter';
  };
  if (o.id !== undefined) set('id', o.id);
  if (o.title !== undefined) set('title', o.title);
  if (o.source !== undefined) set('source', o.source);
  if (o.script !== undefined) set('script', o.script);
  if (o.end_date !== undefined) set('end_date', o.end_date);
  // Roles the editor wrote for an official stay as written, whatever the meetings say.
  const rolesGiven = new Set<Official>();
  if (o.officials !== undefined) {
    set('officials', o.officials.map((entry) => {
      const given = typeof entry === 'string' ? { name: entry } : entry;
      const found = record.officials.find((f) => f.key === toSimplified(given.name));
      const official: Official = {
        name: given.name,
        key: toSimplified(given.name),
        titles: given.titles ?? found?.titles ?? [],
        roles: given.roles ?? found?.roles ?? ['mentioned'],
      };
      if (given.roles) rolesGiven.add(official);
      return official;
    }));
  }
  if (o.reporters !== undefined) {
    set('reporters', o.reporters.map((r) => (typeof r === 'string' ? { name: r, role: '' } : { name: r.name, role: r.role ?? '' })));
  }
  if (o.meetings !== undefined) {
    // The editor's list replaces the parser's whole; the officials' roles follow it.
    set('meetings', o.meetings.map((m) => meetingOf(m, out.date)));
    out.officials = officialsOfMeetings(out.officials, out.meetings, rolesGiven, record.officials);
  }
  // Any other key (provenance, tags …) is kept as it is, unless it would hide a computed field.
  for (const key of keys) {
    if (isRecordField(key)) continue;
    // splitFrontMatter refuses these keys already; never let one reach the record's prototype.
    if (RESERVED_KEYS.has(key)) throw new BulletinError('front-matter', file, `front-matter key '${key}' is not allowed (it is reserved in JavaScript objects); rename it`);
    out[key] = data[key];
  }
  for (const key of keys) {
    if (COMPUTED.has(key)) {
      out.warnings = [...out.warnings, {
        reason: `front-matter field '${key}' is computed from the text and was ignored; remove it`,
        rule: 'front-matter/ignored', line: 1, column: 1, fatal: false,
      }];
    }
  }
  return out;
}

/** A meeting of the record from one written in front matter: left-out fields take their defaults. */
function meetingOf(m: z.output<typeof MEETING>, bulletinDate: string): Meeting {
  return {
    name: m.name,
    types: m.types ? [...new Set(m.types.map(toSimplified))] : meetingTypes(toSimplified(m.name)),
    number: m.number,
    date: m.date === undefined ? bulletinDate : m.date,
    chairs: m.chairs,
    attendees: m.attendees,
    directives: m.directives.map(directiveOf),
    documents: m.documents,
  };
}

function directiveOf(d: z.output<typeof DIRECTIVE>): Directive {
  const text = typeof d === 'string' ? d : d.text;
  if (typeof d !== 'string' && d.heading !== undefined) return { heading: d.heading, text };
  const clauseEnd = text.search(CLAUSE_END);
  return { heading: clauseEnd === -1 ? text : text.slice(0, clauseEnd), text };
}

/**
 * The officials with their chair and attendee roles taken from `meetings` alone (names matched in
 * either script), then everyone the meetings name who is not among them yet, with the titles the
 * text gave them. Entries in `rolesGiven` keep their roles.
 */
function officialsOfMeetings(officials: Official[], meetings: Meeting[], rolesGiven: ReadonlySet<Official>, parsed: Official[]): Official[] {
  const known = new Set(officials.map((o) => o.key));
  const added: Official[] = [];
  for (const name of meetings.flatMap((m) => [...m.chairs, ...m.attendees])) {
    const key = toSimplified(name);
    if (known.has(key)) continue;
    known.add(key);
    added.push({ name, key, titles: parsed.find((p) => p.key === key)?.titles ?? [], roles: ['mentioned'] });
  }
  const all = [...officials, ...added];
  // withMeetingRoles compares names as written; comparing keys lets 林測甲 chair as 林测甲.
  const byKey = meetings.map((m) => ({ ...m, chairs: m.chairs.map(toSimplified), attendees: m.attendees.map(toSimplified) }));
  const fresh = withMeetingRoles(all.map((o) => ({ ...o, name: o.key, roles: ['mentioned'] })), byKey);
  return all.map((o, i) => (rolesGiven.has(o) ? o : { ...o, roles: fresh[i]!.roles }));
}

/** A BulletinError that names the file, the field's path (meetings.0.chairs) and how to write it. */
function overrideError(issue: z.core.$ZodIssue, file: string): BulletinError {
  const path = issue.path.join('.');
  const inMeeting = issue.path[0] === 'meetings' && issue.path.length >= 2;
  let how: string;
  if (issue.code === 'unrecognized_keys' && inMeeting) {
    how = `a meeting's fields are ${MEETING_FIELD_NAMES}; rename or remove ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  } else {
    const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    how = (inMeeting || field === 'meetings' ? HOW_TO_WRITE[field] : undefined) ?? 'fix it or remove the field';
  }
  return new BulletinError('front-matter', file, `front-matter field '${path}' is not valid: ${issue.message}; ${how}`);
}

function isCalendarDay(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
