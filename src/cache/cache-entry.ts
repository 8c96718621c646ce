// What a parse-cache entry must be before the cache trusts it: a line whose checksum matches, holding
// a record (or a refusal) of the record's schema (src/record.ts) for the file being looked up.
import * as zlib from 'node:zlib';
import { BULLETIN_ERROR_CODES } from '../parser/errors.ts';
import { type BulletinRecord, type Directive, type Meeting, type Message, type Official, type Origin, type Reading, RECORD_FIELDS, type Reporter, type ReviewItem, type SourceFile } from '../record.ts';

/** CRC-32 table (zlib's polynomial), for a Node without zlib.crc32 (before 20.15). */
let table: Int32Array | undefined;

function crc32js(bytes: Uint8Array, value = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~value;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

type Crc32 = (bytes: Uint8Array, value?: number) => number;
const crc32: Crc32 = (zlib as { crc32?: Crc32 }).crc32 ?? crc32js;

/** Characters of a line's check: CRC-32 in hex. */
export const CHECK_LENGTH = 8;

/**
 * The check of a cache line: CRC-32 of its key and its entry's JSON (the bytes of the line, before
 * they are decoded). It catches a line edited by hand, cut short or moved to another key, not one
 * forged by someone who computes it again. About 1.3 ms of CPU per 1,000 entries of 5 KB.
 */
export function lineCheck(key: Uint8Array, json: Uint8Array): string {
  return crc32(json, crc32(key)).toString(16).padStart(CHECK_LENGTH, '0');
}

// A hand-written check, not zod: on a warm build it runs once per bulletin, and a zod schema of the
// same shape costs about five times as much CPU (2,000 cached records, one pass in a fresh process).
/**
 * A check of one value: why it is not of its shape, or undefined. A problem starts with the path
 * inside the value, then ": " (": not text" at the value itself); paths are made only on failure.
 */
type Check = (value: unknown) => string | undefined;

/** A problem found at `key` inside a value, as seen from the value. */
const inside = (key: string | number, problem: string) => (problem.startsWith(':') ? `${key}${problem}` : `${key}.${problem}`);
const text: Check = (v) => (typeof v === 'string' ? undefined : ': not text');
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const date: Check = (v) => (typeof v === 'string' && DATE_RE.test(v) ? undefined : ': not a YYYY-MM-DD date');
const HEX64 = /^[0-9a-f]{64}$/;
const sha256: Check = (v) => (typeof v === 'string' && HEX64.test(v) ? undefined : ': not a SHA-256 in hex');
const number: Check = (v) => (Number.isSafeInteger(v) ? undefined : ': not a whole number');
const count: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? undefined : ': not a count');
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : ': not true or false');
const nullable = (check: Check): Check => (v) => (v === null ? undefined : check(v));
function oneOf(values: readonly string[]): Check {
  const set = new Set(values);
  return (v) => (typeof v === 'string' && set.has(v) ? undefined : `: not one of ${values.join(', ')}`);
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(check: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return ': not a list';
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i]);
      if (problem) return inside(i, problem);
    }
    return undefined;
  };
}

/** An object with these fields (`optional` ones may be absent); `loose`: other keys are allowed. */
function object(fields: Record<string, Check>, { optional = [], loose = false }: { optional?: string[]; loose?: boolean } = {}): Check {
  const checks = Object.entries(fields).map(([name, check]) => ({ name, check, optional: optional.includes(name) }));
  return (v) => {
    if (!isObject(v)) return ': not an object';
    for (const { name, check, optional: mayLack } of checks) {
      const value = Object.hasOwn(v, name) ? v[name] : undefined;
      if (value === undefined && mayLack) continue;
      const problem = check(value);
      if (problem) return inside(name, problem);
    }
    if (!loose) for (const key in v) if (!Object.hasOwn(fields, key)) return `${key}: not a field of it`;
    return undefined;
  };
}

function dictionary(check: Check): Check {
  return (v) => {
    if (!isObject(v)) return ': not an object';
    for (const key in v) {
      const problem = check(v[key]);
      if (problem) return inside(key, problem);
    }
    return undefined;
  };
}

const OFFICIAL = object({ name: text, key: text, titles: list(text), roles: list(oneOf(['chair', 'attendee', 'mentioned'])) } satisfies Record<keyof Official, Check>);
const DIRECTIVE = object({ heading: text, text } satisfies Record<keyof Directive, Check>);
const MEETING = object({
  name: text,
  types: list(text),
  number: nullable(number),
  date: nullable(date),
  chairs: list(text),
  attendees: list(text),
  directives: list(DIRECTIVE),
  documents: list(text),
} satisfies Record<keyof Meeting, Check>);

/** The record's own fields (src/record.ts); any other key is a front-matter extra, any JSON. */
const RECORD = object({
  id: (v) => (typeof v === 'string' && v !== '' ? undefined : ': not an id'),
  date,
  end_date: date,
  title: text,
  source: text,
  script: oneOf(['Hant', 'Hans']),
  officials: list(OFFICIAL),
  meetings: list(MEETING),
  reporters: list(object({ name: text, role: text } satisfies Record<keyof Reporter, Check>)),
  text,
  readings: list(object({ offset: count, pinyin: text } satisfies Record<keyof Reading, Check>)),
  source_file: object({ path: text, encoding: text, sha256 } satisfies Record<keyof SourceFile, Check>),
  origin: dictionary(oneOf(['text', 'front-matter', 'path', 'flag', 'inferred'] satisfies Origin[])),
  // A record's warnings name no file and no page, and always have a line and a column.
  warnings: list(object({ reason: text, rule: text, line: count, column: count, fatal: boolean } satisfies Record<Exclude<keyof Message, 'file' | 'path' | 'url'>, Check>)),
  needs_review: list(object({ field: text, reason: text } satisfies Record<keyof ReviewItem, Check>)),
} satisfies Record<(typeof RECORD_FIELDS)[number], Check>, { optional: ['end_date'], loose: true });

/** A refusal: a BulletinError's message, rule error/<code>, always fatal, with the file it is about. */
const ERROR = object({
  reason: text, rule: oneOf(BULLETIN_ERROR_CODES.map((code) => `error/${code}`)), file: text, line: count, fatal: (v) => (v === true ? undefined : ': not true'),
} satisfies Record<Exclude<keyof Message, 'column' | 'path' | 'url'>, Check>, { optional: ['line'] });

/** A cache entry (src/cache/parse-cache.ts): a record or the parser's refusal of the file. */
const ENTRY = object({ format: number, path: text, record: RECORD, error: ERROR, textKey: sha256 }, { optional: ['record', 'error', 'textKey'] });

/**
 * Why `entry` (a line's parsed JSON) is not an entry of format `format` for the file `path` whose
 * bytes have the SHA-256 `sha256`, or undefined when it is one. Checks the shape, not what the
 * parser would say.
 */
export function entryProblem(entry: unknown, format: number, path: string, sha256Hex: string): string | undefined {
  const problem = ENTRY(entry);
  if (problem) return problem.startsWith(':') ? `the entry${problem}` : problem;
  const { format: got, path: of, record, error } = entry as { format: number; path: string; record?: BulletinRecord; error?: Message };
  if (got !== format) return `entry format ${got}, not ${format}`;
  if (of !== path) return `the entry is for ${of}`;
  if ((record === undefined) === (error === undefined)) return 'the entry holds neither a record nor an error, or both';
  if (record && (record.source_file.sha256 !== sha256Hex || record.source_file.path !== path)) return 'the record is of other bytes or another file';
  if (error && error.file !== path) return 'the error is about another file';
  return undefined;
}
