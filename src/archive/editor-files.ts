// The editor's files beside the bulletins: content/redirects.yml and content/officials.yml, checked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FileMessageError } from '../messages/message-error.ts';
import { loadYaml, YamlError } from '../parser/yaml.ts';

/** A problem in an editor's file (rule archive): the build fails and names the file, the line and the entry. */
export class EditorFileError extends FileMessageError {
  override readonly name = 'EditorFileError';
  constructor(file: string, reason: string, line?: number) {
    super({ reason, rule: 'archive', file, line, fatal: true });
  }
}

const ISO_DATE = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write it as YYYY-MM-DD')]);
const SITE_PATH = z.string().regex(/^\/[^\s?#]*$/, 'write a site path that starts with /, e.g. /2022/07/18/old-name/');

// A redirect's target: a path on this site or a web address. `//host/…` and `/\\host/…` look like
// paths but browsers read them as another site; javascript:, data: and other schemes are refused.
const SITE_TARGET = /^\/(?![\/\\])[^\s?#\\]*(?:[?#][^\s]*)?$/;
const WEB_URL = /^https?:\/\/[^\s/?#\\]+(?:[/?#][^\s]*)?$/i;
const REDIRECT_TARGET = z.string().superRefine((to, ctx) => {
  if (SITE_TARGET.test(to) || (WEB_URL.test(to) && URL.canParse(to))) return;
  ctx.addIssue({ code: 'custom', message: `${JSON.stringify(to)} is not a site path or a web address; write a path that starts with one / (e.g. /2022/07/18/new-name/) or an http:// or https:// URL` });
});

const REDIRECT = z.union([
  z.object({ from: SITE_PATH, to: REDIRECT_TARGET, note: z.string().optional() }).strict(),
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

/** The file's entries, each with the line it starts on (top-level `- ` items; undefined in flow style). */
interface YamlList {
  entries: unknown[];
  lines: (number | undefined)[];
  text: string;
}

function readYamlList(file: string): YamlList {
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    // One document, js-yaml's safe schema, no anchors or aliases, no keys such as __proto__.
    data = loadYaml(text);
  } catch (error) {
    if (error instanceof YamlError) throw new EditorFileError(file, error.reason, error.line);
    throw error;
  }
  if (data === null || data === undefined) return { entries: [], lines: [], text };
  if (!Array.isArray(data)) {
    throw new EditorFileError(file, 'the file must be a YAML list (each entry starts with "- " at the start of a line)', firstContentLine(text));
  }
  const starts = entryLines(text);
  return { entries: data, lines: starts.length === data.length ? starts : [], text };
}

// A top-level list item: "- " (or "-" alone) at the start of a line.
const ENTRY_START = /^-(?:[ \t]|$)/;

function entryLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (ENTRY_START.test(line)) lines.push(i + 1);
  });
  return lines;
}

function firstContentLine(text: string): number | undefined {
  const i = text.split(/\r\n|\r|\n/).findIndex((line) => !/^[ \t]*(?:#.*)?$/.test(line) && !/^---/.test(line));
  return i === -1 ? undefined : i + 1;
}

/** 1-based line of `field:` within entry i (up to the next entry), else the entry's first line. */
function fieldLine(list: YamlList, i: number, field: string | undefined): number | undefined {
  const start = list.lines[i];
  if (start === undefined || field === undefined) return start;
  const end = list.lines[i + 1] ?? Infinity;
  const key = new RegExp(`^[ \\t-]*(["']?)${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1[ \\t]*:`);
  const lines = list.text.split(/\r\n|\r|\n/);
  for (let n = start; n < Math.min(end, lines.length + 1); n++) {
    if (key.test(lines[n - 1]!)) return n;
  }
  return start;
}

function findFile(contentDir: string, name: string): string | undefined {
  return [`${name}.yml`, `${name}.yaml`].map((f) => join(contentDir, f)).find((f) => existsSync(f));
}

function check<T>(schema: z.ZodType<T>, list: YamlList, file: string): T[] {
  return list.entries.map((entry, i) => {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` field '${issue.path.join('.')}'` : '';
      const field = issue.path.find((p): p is string => typeof p === 'string');
      throw new EditorFileError(file, `entry ${i + 1}${where}: ${issue.message}`, fieldLine(list, i, field));
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
