// The editor's files beside the bulletins: content/redirects.yml and content/officials.yml, checked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';

/** A problem in an editor's file: the build fails and names the file and the entry. */
export class EditorFileError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

const ISO_DATE = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write it as YYYY-MM-DD')]);
const SITE_PATH = z.string().regex(/^\/[^\s?#]*$/, 'write a site path that starts with /, e.g. /2022/07/18/old-name/');

const REDIRECT = z.union([
  z.object({ from: SITE_PATH, to: z.union([SITE_PATH, z.string().url()]), note: z.string().optional() }).strict(),
  z.object({ from: SITE_PATH, withdrawn: ISO_DATE, note: z.string().optional(), title: z.string().optional() }).strict(),
]);

/** One line of redirects.yml: an old URL that now points elsewhere, or a bulletin that was withdrawn. */
export interface RedirectRule {
  /** The old site path, always ending in '/'. */
  from: string;
  /** The new site path or absolute URL; absent for a withdrawn bulletin. */
  to?: string;
  /** YYYY-MM-DD the bulletin was withdrawn. */
  withdrawn?: string;
  /** The editor's note, shown on the page. */
  note?: string;
  /** A withdrawn bulletin's title, when the editor wants it shown. */
  title?: string;
}

const SPLIT_RULE = z.object({
  label: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case ASCII letters, digits and -').optional(),
  place: z.string().min(1).optional(),
  from: ISO_DATE.optional(),
  until: ISO_DATE.optional(),
}).strict();

const OFFICIAL_ENTRY = z.object({
  key: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case ASCII letters, digits and -').optional(),
  name: z.object({ Hant: z.string().min(1).optional(), Hans: z.string().min(1).optional() }).strict().optional(),
  split: z.array(SPLIT_RULE).min(2, 'a split names at least two people').optional(),
}).strict();

/** One person of a split name: bulletins go to the first rule whose place and period match. */
export type SplitRule = z.infer<typeof SPLIT_RULE>;
/** One entry of officials.yml: a person by Simplified key, with aliases merged in or a split. */
export type OfficialEntry = z.infer<typeof OFFICIAL_ENTRY>;

function readYamlList(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    // gray-matter's YAML engine (js-yaml, safe schema) reads the file as one front-matter block.
    data = matter(`---\n${text}\n---\n`, {}).data;
  } catch (error) {
    throw new EditorFileError(file, `not valid YAML (${(error as { reason?: string }).reason ?? String(error)})`);
  }
  if (data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0)) return [];
  if (!Array.isArray(data)) throw new EditorFileError(file, 'the file must be a YAML list (each entry starts with "- ")');
  return data;
}

function findFile(contentDir: string, name: string): string | undefined {
  return [`${name}.yml`, `${name}.yaml`].map((f) => join(contentDir, f)).find((f) => existsSync(f));
}

function check<T>(schema: z.ZodType<T>, entries: unknown[], file: string): T[] {
  return entries.map((entry, i) => {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` field '${issue.path.join('.')}'` : '';
      throw new EditorFileError(file, `entry ${i + 1}${where}: ${issue.message}`);
    }
    return parsed.data;
  });
}

/** The redirect rules in contentDir/redirects.yml; [] when there is no file. */
export function readRedirects(contentDir: string): { file?: string; rules: RedirectRule[] } {
  const file = findFile(contentDir, 'redirects');
  if (!file) return { rules: [] };
  const rules = check(REDIRECT, readYamlList(file), file).map((r) => ({ ...r, from: r.from.endsWith('/') ? r.from : `${r.from}/` }));
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.from)) throw new EditorFileError(file, `${r.from} is listed twice`);
    seen.add(r.from);
  }
  return { file, rules };
}

/** The entries in contentDir/officials.yml; [] when there is no file. */
export function readOfficials(contentDir: string): { file?: string; entries: OfficialEntry[] } {
  const file = findFile(contentDir, 'officials');
  if (!file) return { entries: [] };
  const entries = check(OFFICIAL_ENTRY, readYamlList(file), file);
  const seen = new Set<string>();
  for (const e of entries) {
    for (const key of [e.key, ...(e.aliases ?? [])]) {
      if (seen.has(key)) throw new EditorFileError(file, `${key} appears in two entries; list each key once`);
      seen.add(key);
    }
  }
  return { file, entries };
}
