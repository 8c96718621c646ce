// Last step: front-matter fields override what the parser found; other keys are kept on the record.
import { z } from 'zod';
import { type BulletinRecord, isRecordField } from '../record.ts';
import { BulletinError } from './errors.ts';
import { toSimplified } from './script.ts';

const ROLE = z.enum(['chair', 'attendee', 'mentioned']);
const OFFICIAL = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), titles: z.array(z.string()).optional(), roles: z.array(ROLE).optional() }),
]);
const REPORTER = z.union([z.string().min(1), z.object({ name: z.string().min(1), role: z.string().optional() })]);
const ISO_DATE = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write it as YYYY-MM-DD')]);

/** The fields an editor may set in front matter, and their shapes. */
const OVERRIDES = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case ASCII letters, digits and -').optional(),
  title: z.string().min(1).optional(),
  source: z.string().optional(),
  script: z.enum(['Hant', 'Hans']).optional(),
  end_date: ISO_DATE.optional(),
  officials: z.array(OFFICIAL).optional(),
  reporters: z.array(REPORTER).optional(),
});

// Fields the parser alone computes: front matter cannot set them (date is read by the date step).
const COMPUTED = new Set(['text', 'readings', 'source_file', 'origin', 'warnings', 'meetings', 'date']);

export function applyFrontMatter(record: BulletinRecord, data: Record<string, unknown>, file: string): BulletinRecord {
  const keys = Object.keys(data);
  if (keys.length === 0) return record;
  const parsed = OVERRIDES.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BulletinError('front-matter', file,
      `front-matter field '${issue.path.join('.')}' is not valid: ${issue.message}; fix it or remove the field`);
  }
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
  if (o.end_date !== undefined) set('end_date', typeof o.end_date === 'string' ? o.end_date : o.end_date.toISOString().slice(0, 10));
  if (o.officials !== undefined) {
    set('officials', o.officials.map((entry) => {
      const given = typeof entry === 'string' ? { name: entry } : entry;
      const found = record.officials.find((f) => f.key === toSimplified(given.name));
      return {
        name: given.name,
        key: toSimplified(given.name),
        titles: given.titles ?? found?.titles ?? [],
        roles: given.roles ?? found?.roles ?? ['mentioned'],
      };
    }));
  }
  if (o.reporters !== undefined) {
    set('reporters', o.reporters.map((r) => (typeof r === 'string' ? { name: r, role: '' } : { name: r.name, role: r.role ?? '' })));
  }
  // Any other key (provenance, tags …) is kept as it is, unless it would hide a computed field.
  for (const key of keys) {
    if (isRecordField(key)) continue;
    out[key] = data[key];
  }
  for (const key of keys) {
    if (COMPUTED.has(key) && key !== 'date') {
      out.warnings = [...out.warnings, {
        reason: `front-matter field '${key}' is computed from the text and was ignored; remove it`,
        rule: 'front-matter/ignored', line: 1, column: 1, fatal: false,
      }];
    }
  }
  return out;
}
