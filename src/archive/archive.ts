// The bulletin data layer: parses content/bulletins/**/*.txt and builds every index the pages show.
// Templates only display what this module returns; nothing here knows about HTML.
import { type Dirent, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../fs/display-path.ts';
import { sharedParseCache } from '../cache/parse-cache.ts';
import { kindOf, notRegularReason } from '../fs/regular-file.ts';
import type { BulletinRecord, Meeting, Official, OfficialRole, Script } from '../record.ts';
import { site } from '../../site.config.ts';
import { EditorFileError, type OfficialEntry, readOfficials, readRedirects, type RedirectRule, type SplitRule } from './editor-files.ts';
import { inScript } from '../site/filters.ts';
import { type ReviewGroup, reviewQueue } from './review.ts';
import { duplicateIds } from './unique-ids.ts';
import { contentPath, MAX_SEGMENT_BYTES, redirectFromProblem, redirectLine } from './site-paths.ts';
import { sitemapFiles } from '../site/sitemap.ts';
import { bulletinSlug, hashedSlug, keyHash, pinyinSlug, pinyinSortKey } from './slug.ts';

/** Where the archive comes from. */
export interface ArchiveOptions {
  /** The content folder: bulletins/ below it, and the editor's redirects.yml and officials.yml. */
  contentDir: string;
  /**
   * Only bulletins filed under these years (folder `bulletins/YYYY/` or a name starting `YYYY-`).
   * Undefined: every year. Meant for a later one-run-per-year build; cross-year pages then need
   * a slim pass over every year's records.
   */
  years?: number[];
  /** Called before each bulletin is parsed with how many are done (progress output of long builds). */
  onParsed?: (done: number, total: number) => void;
}

/** A bulletin that cannot be published, and why. */
export interface BulletinFailure {
  file: string;
  reason: string;
  line?: number;
}

/** The archive cannot be built: every failing file with its reason. */
export class ArchiveError extends Error {
  constructor(readonly failures: BulletinFailure[]) {
    super(failures.map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.reason}`).join('\n'));
    this.name = 'ArchiveError';
  }
}

/** A name in both scripts: as written in a bulletin of that script when one has it, else converted. */
export type Names = Record<Script, string>;

/** Enough of a bulletin to link to it in a list. */
export interface BulletinRef {
  id: string;
  url: string;
  title: string;
  date: string;
  script: Script;
  source: string;
}

export interface PersonRef {
  /** The person's id: the Simplified key, or key#N for one of a split name's people. */
  id: string;
  slug: string;
  url: string;
  name: Names;
  /** For one of the people sharing a split name: what tells them apart (長樂區, 2019年以前). */
  label: string;
}

export interface KindRef {
  /** The canonical Simplified kind, e.g. 常务会议. */
  type: string;
  slug: string;
  url: string;
  name: Names;
}

/** A name as written in the bulletin, linked to the person's page when it is a known official. */
export interface NameLink {
  name: string;
  person?: PersonRef;
}

/** Everything a bulletin's page shows. */
export interface BulletinEntry extends BulletinRef {
  record: BulletinRecord;
  /** The last part of the URL, from the file's name. */
  slug: string;
  /** The file on disk, copied byte for byte to `sourceUrl`. */
  sourceFile: string;
  /** The file's path relative to the content folder (bulletins/2022/…): what the site shows and record.json says. */
  sourcePath: string;
  sourceUrl: string;
  /** The whole record as JSON, text included. */
  jsonUrl: string;
  officials: Array<{ official: Official; person: PersonRef }>;
  meetings: Array<{ meeting: Meeting; kinds: KindRef[]; chairs: NameLink[]; attendees: NameLink[] }>;
  previous?: BulletinRef;
  next?: BulletinRef;
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}

/** A bulletin in a person's list, with what they did in it. */
export interface PersonBulletin extends BulletinRef {
  roles: OfficialRole[];
  titles: string[];
}

export interface TitleSpan {
  title: Names;
  first: string;
  last: string;
  count: number;
}

export interface Person extends PersonRef {
  key: string;
  /** Every Simplified key merged into this person (aliases from officials.yml). */
  keys: string[];
  sortKey: string;
  /** Newest first. */
  bulletins: PersonBulletin[];
  counts: Record<OfficialRole | 'total', number>;
  /** Titles held, in order of first appearance. */
  titles: TitleSpan[];
  monthly: MonthCount[];
}

export interface Kind extends KindRef {
  /** Newest first. */
  bulletins: BulletinRef[];
  monthly: MonthCount[];
}

export interface DayData {
  date: string;
  url: string;
  bulletins: BulletinRef[];
}

export interface MonthData {
  /** YYYY-MM */
  month: string;
  year: number;
  /** 1-12 */
  number: number;
  url: string;
  count: number;
  /** Only days with bulletins, in order. */
  days: DayData[];
}

export interface YearData {
  year: number;
  url: string;
  count: number;
  /** All twelve months, empty ones included. */
  months: MonthData[];
}

/** One page of a long list. */
export interface ListPage<T> {
  url: string;
  /** 1-based. */
  number: number;
  /** Every page's URL, in order. */
  pageUrls: string[];
  items: T[];
  /** Position of the first item in the whole list, 0-based. */
  start: number;
  total: number;
}

/** A bare pinyin slug shared by several people: its page lists them all. */
export interface Ambiguity {
  slug: string;
  url: string;
  people: PersonRef[];
}

export interface Redirect extends RedirectRule {
  /** The target as a link (the path prefix added to site paths). */
  target?: string;
}

/** A non-fatal warning for the editors' report. */
export interface ReportItem {
  /** The file as the builder names it (relative to the working folder when inside it), for the console. */
  file: string;
  /** The file relative to the content folder, for /report/: the builder's own folders are never published. */
  path: string;
  url?: string;
  title?: string;
  rule: string;
  reason: string;
  line: number;
  column: number;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

/** Splits a list into pages: page 1 at `baseUrl`, page n at `baseUrl`page/n/. */
export function paginate<T>(items: T[], size: number, baseUrl: string): Array<ListPage<T>> {
  const count = Math.max(1, Math.ceil(items.length / size));
  const pageUrls = Array.from({ length: count }, (_, i) => (i === 0 ? baseUrl : `${baseUrl}page/${i + 1}/`));
  return pageUrls.map((url, i) => ({
    url, number: i + 1, pageUrls, items: items.slice(i * size, (i + 1) * size), start: i * size, total: items.length,
  }));
}

/** The URL of a bulletin: /YYYY/MM/DD/<slug>/ from its date and the slug of its file's name. */
export function bulletinUrl(record: Pick<BulletinRecord, 'id' | 'date'>): string {
  const [y, m, d] = record.date.split('-');
  return `/${y}/${m}/${d}/${bulletinSlug(record.id, record.date)}/`;
}

/** Every .txt file below `dir`, sorted, as absolute paths: regular files only (see scanBulletinFiles). */
export function findBulletinFiles(dir: string): string[] {
  return scanBulletinFiles(dir).files;
}

/**
 * The regular .txt files below `dir` (sorted, absolute), and what is refused by name: a .txt that is
 * a symbolic link, FIFO, socket or device, and a link to a folder (never walked). Nothing is
 * followed, so nothing from outside the folder is read; `dir` itself may be reached through a link
 * only when it is the content folder's own (a bulletins/ that is a link is refused).
 */
export function scanBulletinFiles(dir: string): { files: string[]; refused: BulletinFailure[] } {
  const files: string[] = [];
  const refused: BulletinFailure[] = [];
  const refuse = (path: string, stats: Parameters<typeof kindOf>[0]) => refused.push({ file: displayPath(path), reason: notRegularReason(kindOf(stats)) });
  try {
    const top = lstatSync(dir);
    if (!top.isDirectory()) {
      refuse(dir, top);
      return { files, refused };
    }
  } catch {
    return { files, refused };
  }
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const isTxt = entry.name.toLowerCase().endsWith('.txt');
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) { if (isTxt) files.push(path); }
      else if (isTxt || (entry.isSymbolicLink() && pointsToFolder(path))) refuse(path, entry);
    }
  };
  walk(dir);
  return { files: files.sort(), refused: refused.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The editor files that are there but are not regular files (a link to /etc/passwd, a FIFO), refused by name. */
function irregularEditorFiles(contentDir: string): BulletinFailure[] {
  const refused: BulletinFailure[] = [];
  for (const name of ['officials.yml', 'officials.yaml', 'redirects.yml', 'redirects.yaml']) {
    const path = join(contentDir, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile()) refused.push({ file: displayPath(path), reason: notRegularReason(kindOf(stats)) });
    } catch { /* not there */ }
  }
  return refused;
}

function inYears(file: string, bulletinsDir: string, years: number[] | undefined): boolean {
  if (!years) return true;
  const rel = relative(bulletinsDir, file).split(sep);
  const year = /^\d{4}$/.test(rel[0]!) ? Number(rel[0]) : Number(rel.at(-1)!.slice(0, 4));
  return years.includes(year);
}

/** Parses every bulletin; collects every failure (fatal warnings included) before giving up. */
async function parseAll(files: string[], onParsed?: (done: number, total: number) => void): Promise<{ records: Array<{ record: BulletinRecord; file: string }>; failures: BulletinFailure[] }> {
  const records: Array<{ record: BulletinRecord; file: string }> = [];
  const failures: BulletinFailure[] = [];
  const shown = files.map(displayPath);
  onParsed?.(0, files.length);
  // Through the parse cache (.cache/parse): an unchanged bulletin is not parsed again; many new
  // ones are parsed on two threads.
  const outcomes = await sharedParseCache().parseFiles(shown, {}, { textKey: false, poolFrom: parseHelperFrom() }, (done) => onParsed?.(done, files.length));
  outcomes.forEach((outcome, i) => {
    if (outcome instanceof Error) {
      failures.push({ file: shown[i]!, reason: `the parser failed: ${outcome.stack ?? String(outcome)}` });
    } else if (outcome.error) {
      failures.push({ file: outcome.error.file, reason: outcome.error.reason, line: outcome.error.line });
    } else {
      const record = outcome.record!;
      const fatal = record.warnings.filter((w) => w.fatal);
      if (fatal.length > 0) {
        for (const w of fatal) failures.push({ file: shown[i]!, reason: `${w.reason} [${w.rule}]`, line: w.line });
      } else {
        records.push({ record, file: files[i]! });
      }
    }
  });
  return { records, failures };
}

/** ARCHIVE_PARSE_HELPER_FROM: how many new bulletins start a second parsing thread (tests set it low). */
function parseHelperFrom(): number | undefined {
  const setting = Number(process.env.ARCHIVE_PARSE_HELPER_FROM);
  return Number.isInteger(setting) && setting > 0 ? setting : undefined;
}

const toRef = (e: BulletinEntry): BulletinRef => ({ id: e.id, url: e.url, title: e.title, date: e.date, script: e.script, source: e.source });
const byDateAsc = (a: { date: string; id: string }, b: { date: string; id: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byDateDesc = (a: BulletinRef, b: BulletinRef) => -byDateAsc(a, b);

/** Counts per month, every month from January of the first year to December of the last. */
function monthlySeries(dates: string[]): MonthCount[] {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const out: MonthCount[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    for (const m of MONTHS) out.push({ month: `${y}-${pad(m)}`, count: counts.get(`${y}-${pad(m)}`) ?? 0 });
  }
  return out;
}

/** Picks, for each script, the first form written in a bulletin of that script; else converts. */
class NameBook {
  private readonly seen = new Map<string, Partial<Names>>();
  note(key: string, asWritten: string, script: Script): void {
    const entry = this.seen.get(key) ?? {};
    if (!entry[script] && inScript(asWritten, 'Hans') === key) entry[script] = asWritten;
    this.seen.set(key, entry);
  }
  names(key: string, override?: Partial<Names>): Names {
    const entry = this.seen.get(key) ?? {};
    return {
      Hant: override?.Hant ?? entry.Hant ?? inScript(key, 'Hant'),
      Hans: override?.Hans ?? entry.Hans ?? key,
    };
  }
}

/** Which person a (bulletin, official) pair belongs to, following officials.yml. */
class PersonResolver {
  private readonly canonical = new Map<string, string>();
  private readonly entries = new Map<string, OfficialEntry>();
  constructor(entries: OfficialEntry[]) {
    for (const e of entries) {
      const key = inScript(e.key, 'Hans');
      this.entries.set(key, e);
      this.canonical.set(key, key);
      for (const alias of e.aliases ?? []) this.canonical.set(inScript(alias, 'Hans'), key);
    }
  }
  entry(key: string): OfficialEntry | undefined {
    return this.entries.get(key);
  }
  /** The canonical key and, for a split name, the index of the matching rule (-1: the catch-all). */
  resolve(official: Official, record: BulletinRecord): { key: string; split?: number } {
    const key = this.canonical.get(official.key) ?? official.key;
    const rules = this.entries.get(key)?.split;
    if (!rules) return { key };
    const haystack = inScript([record.source, ...official.titles, record.text].join('\n'), 'Hans');
    const matches = (r: SplitRule) => (!r.from || record.date >= r.from) && (!r.until || record.date <= r.until)
      && (!r.place || haystack.includes(inScript(r.place, 'Hans')));
    const conditional = rules.findIndex((r) => (r.from || r.until || r.place) && matches(r));
    if (conditional !== -1) return { key, split: conditional };
    const catchAll = rules.findIndex((r) => !r.from && !r.until && !r.place);
    return { key, split: catchAll };
  }
}

/**
 * What one Eleventy run renders from the paginated lists: every item (a full build), or only the
 * items a change touched (a subset build, src/build/plan.ts). Pages paginate over these.
 */
export interface RenderLists {
  bulletins: BulletinEntry[];
  days: DayData[];
  years: YearData[];
  months: Array<ListPage<BulletinRef> & { monthData: MonthData }>;
  people: Array<ListPage<PersonBulletin> & { person: Person }>;
  kinds: Array<ListPage<BulletinRef> & { kind: Kind }>;
  peopleIndex: Array<ListPage<Person>>;
  /** Official feeds (official-feed.11ty.ts). */
  personFeeds: Person[];
  /** Meeting-kind feeds (kind-feed.11ty.ts). */
  kindFeeds: Kind[];
  ambiguities: Ambiguity[];
  redirects: Redirect[];
}

/** How many items the lists hold together (pages, but for the few that paginate by more than one). */
export function countItems(lists: RenderLists): number {
  return Object.values(lists).reduce((n, list: unknown[]) => n + list.length, 0);
}

/** The whole archive, indexed for the pages. A class, so Eleventy passes it by reference, uncopied. */
export class Archive {
  /** Oldest first. */
  readonly bulletins: BulletinEntry[] = [];
  readonly years: YearData[] = [];
  readonly months: MonthData[] = [];
  readonly days: DayData[] = [];
  /** Sorted by pinyin. */
  readonly people: Person[] = [];
  /** Sorted by count, then pinyin. */
  readonly kinds: Kind[] = [];
  readonly ambiguities: Ambiguity[] = [];
  readonly redirects: Redirect[] = [];
  readonly monthly: MonthCount[] = [];
  readonly report: ReportItem[] = [];
  /** The review queue: bulletins with a guessed or missing field, by group, newest first, site.reviewSize per group. */
  readonly review: Array<ReviewGroup<BulletinEntry>> = [];
  /** Long lists, already cut into pages. */
  readonly pages = {
    months: [] as Array<ListPage<BulletinRef> & { monthData: MonthData }>,
    people: [] as Array<ListPage<PersonBulletin> & { person: Person }>,
    kinds: [] as Array<ListPage<BulletinRef> & { kind: Kind }>,
    peopleIndex: [] as Array<ListPage<Person>>,
  };

  /** What the next Eleventy run renders; every item unless a subset build narrows it. */
  render: RenderLists = this.everything();

  /** Every item of every paginated list. */
  everything(): RenderLists {
    return {
      bulletins: this.bulletins, days: this.days, years: this.years, months: this.pages.months, people: this.pages.people,
      kinds: this.pages.kinds, peopleIndex: this.pages.peopleIndex, personFeeds: this.people, kindFeeds: this.kinds,
      ambiguities: this.ambiguities, redirects: this.redirects,
    };
  }

  /**
   * The site path of every page in the sitemap, sorted: what Eleventy's collections.all holds (the
   * pages not excluded from collections), taken from the archive so a subset build lists them all.
   */
  get sitemapUrls(): string[] {
    return [
      '/', '/dates/', '/kinds/',
      ...this.bulletins.map((e) => e.url), ...this.days.map((d) => d.url), ...this.years.map((y) => y.url),
      ...this.pages.months.map((p) => p.url), ...this.pages.people.map((p) => p.url), ...this.pages.kinds.map((p) => p.url),
      ...this.pages.peopleIndex.map((p) => p.url), ...this.ambiguities.map((a) => a.url),
    ].sort();
  }

  /** Newest first, for the home page and the archive feed. */
  get latest(): BulletinRef[] {
    return this.bulletins.slice(-Math.max(site.homeSize, site.feedSize)).reverse().map(toRef);
  }

  get totals() {
    return {
      bulletins: this.bulletins.length,
      people: this.people.length,
      kinds: this.kinds.length,
      years: this.years.length,
      first: this.bulletins[0]?.date,
      last: this.bulletins.at(-1)?.date,
    };
  }

  private byId?: Map<string, BulletinEntry>;

  /** The bulletin with this id. */
  entry(id: string): BulletinEntry | undefined {
    this.byId ??= new Map(this.bulletins.map((e) => [e.id, e]));
    return this.byId.get(id);
  }

  personByKey(key: string): Person | undefined {
    return this.people.find((p) => p.keys.includes(key));
  }
}

/** Reads and indexes the archive. Throws ArchiveError naming every bulletin or editor file at fault. */
export async function loadArchive(options: ArchiveOptions): Promise<Archive> {
  const contentDir = resolve(options.contentDir);
  const bulletinsDir = join(contentDir, 'bulletins');
  const scan = scanBulletinFiles(bulletinsDir);
  const files = scan.files.filter((f) => inYears(f, bulletinsDir, options.years));
  const { records, failures } = await parseAll(files, options.onParsed);
  // Not regular files: refused by name, never read (a FIFO would hang the build, a link publish what it points to).
  const irregular = [...scan.refused, ...irregularEditorFiles(contentDir)];
  if (irregular.length > 0) throw new ArchiveError([...failures, ...irregular]);

  let officialsFile: ReturnType<typeof readOfficials>;
  let redirectsFile: ReturnType<typeof readRedirects>;
  try {
    officialsFile = readOfficials(contentDir);
    redirectsFile = readRedirects(contentDir);
  } catch (error) {
    if (error instanceof EditorFileError) throw new ArchiveError([...failures, { file: displayPath(error.file), reason: error.reason, line: error.line }]);
    throw error;
  }

  // Two files that would publish at the same URL.
  const byUrl = new Map<string, string>();
  for (const { record, file } of records) {
    const url = bulletinUrl(record);
    const other = byUrl.get(url);
    if (other) failures.push({ file: displayPath(file), reason: `its URL ${url} is already taken by ${displayPath(other)}; rename one of the files` });
    else byUrl.set(url, file);
    const slug = bulletinSlug(record.id, record.date);
    if (Buffer.byteLength(slug) > MAX_SEGMENT_BYTES) {
      failures.push({ file: displayPath(file), reason: `the last part of its URL (${slug.slice(0, 20)}…, from the file's name or front-matter id) is over ${MAX_SEGMENT_BYTES} bytes, too long for a folder name; shorten it` });
    }
  }
  // Two bulletins with one id (an id set in front matter): feeds and caches would list one twice.
  if (failures.length === 0) failures.push(...duplicateIds(records, displayPath).map((d) => ({ ...d, file: displayPath(d.file) })));
  if (failures.length > 0) throw new ArchiveError(failures);

  const archive = new Archive();
  const resolver = new PersonResolver(officialsFile.entries);
  const names = new NameBook();
  records.sort((a, b) => byDateAsc(a.record, b.record));

  // People: group every (bulletin, official) pair by person id.
  interface Draft { id: string; key: string; split?: number; pairs: Array<{ record: BulletinRecord; official: Official; url: string }> }
  const drafts = new Map<string, Draft>();
  const kindTypes = new Map<string, BulletinRecord[]>();
  const personIdOf = new Map<BulletinRecord, Map<Official, string>>();
  for (const { record } of records) {
    const ids = new Map<Official, string>();
    for (const official of record.officials) {
      const { key, split } = resolver.resolve(official, record);
      const id = split === undefined ? key : `${key}#${split}`;
      const draft = drafts.get(id) ?? { id, key, split, pairs: [] };
      draft.pairs.push({ record, official, url: bulletinUrl(record) });
      drafts.set(id, draft);
      ids.set(official, id);
      names.note(key, official.name, record.script);
      for (const title of official.titles) names.note(inScript(title, 'Hans'), title, record.script);
    }
    personIdOf.set(record, ids);
    for (const type of new Set(record.meetings.flatMap((m) => m.types))) {
      const list = kindTypes.get(type) ?? [];
      list.push(record);
      kindTypes.set(type, list);
    }
  }

  // Slugs: a key's bare pinyin unless another key (or a split) shares it; then a hash of the key.
  const keysByBare = new Map<string, Set<string>>();
  for (const d of drafts.values()) {
    const bare = pinyinSlug(d.key);
    keysByBare.set(bare, (keysByBare.get(bare) ?? new Set()).add(d.key));
  }
  const refs = new Map<string, PersonRef>();
  const sharedBare = new Map<string, PersonRef[]>();
  for (const d of drafts.values()) {
    const entry = resolver.entry(d.key);
    const bare = pinyinSlug(d.key);
    const rule = d.split !== undefined ? entry?.split?.[d.split] : undefined;
    const shared = (keysByBare.get(bare)?.size ?? 0) > 1 || !!entry?.split;
    let slug: string;
    if (d.split !== undefined) slug = rule?.slug ?? `${bare}-${keyHash(`${d.key}#${rule?.label ?? ''}`)}`;
    else slug = entry?.slug ?? (shared ? hashedSlug(d.key) : bare);
    const ref: PersonRef = {
      id: d.id, slug, url: `/officials/${slug}/`, name: names.names(d.key, entry?.name), label: rule?.label ?? (d.split === -1 ? '其他' : ''),
    };
    refs.set(d.id, ref);
    if (shared && slug !== bare) sharedBare.set(bare, [...(sharedBare.get(bare) ?? []), ref]);
    if (d.split === -1) {
      archive.report.push({ file: officialsFile.file ? displayPath(officialsFile.file) : 'officials.yml', path: officialsFile.file ? contentPath(contentDir, officialsFile.file) : 'officials.yml', rule: 'officials/split-unmatched', line: 1, column: 1,
        reason: `${d.key}: ${d.pairs.length} bulletin(s) match none of the split's rules; add a rule without place/from/until to say who they are` });
    }
  }
  const slugOwner = new Map<string, string>();
  for (const ref of refs.values()) {
    const other = slugOwner.get(ref.slug);
    if (other) throw new ArchiveError([{ file: displayPath(officialsFile.file ?? join(contentDir, 'officials.yml')), reason: `two people would share /officials/${ref.slug}/ (${other} and ${ref.id}); give one a different slug` }]);
    if (Buffer.byteLength(ref.slug) > MAX_SEGMENT_BYTES) {
      throw new ArchiveError([{ file: displayPath(officialsFile.file ?? join(contentDir, 'officials.yml')), reason: `the slug of ${ref.id} is over ${MAX_SEGMENT_BYTES} bytes, too long for a folder name; give a shorter one` }]);
    }
    slugOwner.set(ref.slug, ref.id);
  }
  for (const [bare, people] of sharedBare) {
    if (slugOwner.has(bare)) continue;
    archive.ambiguities.push({ slug: bare, url: `/officials/${bare}/`, people: people.sort((a, b) => (a.id < b.id ? -1 : 1)) });
  }

  // Kinds.
  const kindRefs = new Map<string, KindRef>();
  const kindBare = new Map<string, number>();
  for (const type of kindTypes.keys()) kindBare.set(pinyinSlug(type), (kindBare.get(pinyinSlug(type)) ?? 0) + 1);
  for (const type of kindTypes.keys()) {
    const bare = pinyinSlug(type);
    const slug = kindBare.get(bare)! > 1 ? hashedSlug(type) : bare;
    kindRefs.set(type, { type, slug, url: `/kinds/${slug}/`, name: { Hans: type, Hant: inScript(type, 'Hant') } });
  }

  // Bulletins.
  for (const { record, file } of records) {
    const url = bulletinUrl(record);
    const ids = personIdOf.get(record)!;
    const personFor = (written: string): PersonRef | undefined => {
      const official = record.officials.find((o) => o.name === written) ?? record.officials.find((o) => o.key === inScript(written, 'Hans'));
      return official ? refs.get(ids.get(official)!) : undefined;
    };
    archive.bulletins.push({
      id: record.id, url, title: record.title, date: record.date, script: record.script, source: record.source,
      record, slug: bulletinSlug(record.id, record.date), sourceFile: file, sourcePath: contentPath(contentDir, file), sourceUrl: `${url}source.txt`, jsonUrl: `${url}record.json`,
      officials: record.officials.map((official) => ({ official, person: refs.get(ids.get(official)!)! })),
      meetings: record.meetings.map((meeting) => ({
        meeting,
        kinds: meeting.types.map((t) => kindRefs.get(t)!),
        chairs: meeting.chairs.map((name) => ({ name, person: personFor(name) })),
        attendees: meeting.attendees.map((name) => ({ name, person: personFor(name) })),
      })),
    });
    for (const w of record.warnings) {
      archive.report.push({ file: displayPath(file), path: contentPath(contentDir, file), url, title: record.title, rule: w.rule, reason: w.reason, line: w.line, column: w.column });
    }
  }
  archive.bulletins.forEach((e, i) => {
    if (i > 0) e.previous = toRef(archive.bulletins[i - 1]!);
    if (i < archive.bulletins.length - 1) e.next = toRef(archive.bulletins[i + 1]!);
  });
  const entryByRecord = new Map(archive.bulletins.map((e) => [e.record, e]));
  archive.review.push(...reviewQueue([...archive.bulletins].reverse(), site.reviewSize));

  // Dates.
  const byYear = new Map<number, BulletinEntry[]>();
  for (const e of archive.bulletins) {
    const y = Number(e.date.slice(0, 4));
    const list = byYear.get(y) ?? [];
    list.push(e);
    byYear.set(y, list);
  }
  for (const [year, entries] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const months = MONTHS.map((m): MonthData => {
      const month = `${year}-${pad(m)}`;
      const inMonth = entries.filter((e) => e.date.startsWith(month));
      const days = [...new Set(inMonth.map((e) => e.date))].map((date): DayData => ({
        date, url: `/${date.replaceAll('-', '/')}/`, bulletins: inMonth.filter((e) => e.date === date).map(toRef),
      }));
      return { month, year, number: m, url: `/${year}/${pad(m)}/`, count: inMonth.length, days };
    });
    archive.years.push({ year, url: `/${year}/`, count: entries.length, months });
    for (const m of months) {
      if (m.count === 0) continue;
      archive.months.push(m);
      archive.days.push(...m.days);
      const list = m.days.flatMap((d) => d.bulletins);
      archive.pages.months.push(...paginate(list, site.pageSize, m.url).map((p) => ({ ...p, monthData: m })));
    }
  }
  archive.monthly.push(...monthlySeries(archive.bulletins.map((e) => e.date)));

  // People, in pinyin order.
  for (const d of drafts.values()) {
    const ref = refs.get(d.id)!;
    const counts = { chair: 0, attendee: 0, mentioned: 0, total: 0 };
    const titles = new Map<string, TitleSpan>();
    const bulletins: PersonBulletin[] = [];
    for (const { record, official } of d.pairs) {
      const entry = entryByRecord.get(record)!;
      counts.total++;
      for (const role of new Set(official.roles)) counts[role]++;
      for (const title of official.titles) {
        const key = inScript(title, 'Hans');
        const span = titles.get(key) ?? { title: names.names(key), first: record.date, last: record.date, count: 0 };
        span.last = record.date;
        span.count++;
        titles.set(key, span);
      }
      bulletins.push({ ...toRef(entry), roles: official.roles, titles: official.titles });
    }
    const keys = [d.key, ...(resolver.entry(d.key)?.aliases ?? []).map((a) => inScript(a, 'Hans'))];
    archive.people.push({
      ...ref, key: d.key, keys, sortKey: pinyinSortKey(d.key) + ref.label, bulletins: bulletins.sort(byDateDesc),
      counts, titles: [...titles.values()], monthly: monthlySeries(bulletins.map((b) => b.date)),
    });
  }
  archive.people.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  archive.pages.peopleIndex.push(...paginate(archive.people, site.pageSize, '/officials/'));
  for (const person of archive.people) {
    archive.pages.people.push(...paginate(person.bulletins, site.pageSize, person.url).map((p) => ({ ...p, person })));
  }

  // Kinds, most frequent first.
  for (const [type, recs] of kindTypes) {
    const list = recs.map((r) => toRef(entryByRecord.get(r)!)).sort(byDateDesc);
    archive.kinds.push({ ...kindRefs.get(type)!, bulletins: list, monthly: monthlySeries(list.map((b) => b.date)) });
  }
  archive.kinds.sort((a, b) => b.bulletins.length - a.bulletins.length || (pinyinSortKey(a.type) < pinyinSortKey(b.type) ? -1 : 1));
  for (const kind of archive.kinds) {
    archive.pages.kinds.push(...paginate(kind.bulletins, site.pageSize, kind.url).map((p) => ({ ...p, kind })));
  }

  // Redirects: the old URL must be free, and a site-path target must be a page of the archive.
  const pageUrls = new Set<string>([
    '/', '/dates/', '/officials/', '/kinds/', '/report/',
    ...archive.bulletins.map((e) => e.url), ...archive.years.map((y) => y.url), ...archive.months.map((m) => m.url),
    ...archive.days.map((d) => d.url), ...archive.people.map((p) => p.url), ...archive.kinds.map((k) => k.url),
    ...archive.ambiguities.map((a) => a.url),
    '/search/', ...[archive.pages.months, archive.pages.people, archive.pages.kinds, archive.pages.peopleIndex].flatMap((list) => list.map((p) => p.url)),
  ]);
  // The files the site writes beside its pages: a redirect below one could not be written.
  const fileUrls = new Set<string>([
    '/404.html', '/feed.xml', '/records.json', '/sitemap.xml', ...sitemapFiles(archive.sitemapUrls.length),
    ...archive.bulletins.flatMap((e) => [e.sourceUrl, e.jsonUrl]), ...[...archive.people, ...archive.kinds].map((p) => `${p.url}feed.xml`),
  ]);
  const redirectProblems: BulletinFailure[] = [];
  const redirectFile = displayPath(redirectsFile.file ?? join(contentDir, 'redirects.yml'));
  const froms = new Set(redirectsFile.rules.map((r) => r.from));
  for (const rule of redirectsFile.rules) {
    const fromProblem = redirectFromProblem(rule.from, { pages: pageUrls, files: fileUrls });
    if (fromProblem) {
      redirectProblems.push({ file: redirectFile, reason: `${rule.from} ${fromProblem}`, line: redirectLine(redirectsFile.file, rule.from) });
      continue;
    }
    if (rule.to?.startsWith('/')) {
      const target = rule.to.endsWith('/') || /\.[a-z0-9]+$/i.test(rule.to) ? rule.to : `${rule.to}/`;
      if (!pageUrls.has(target) && !froms.has(target)) {
        redirectProblems.push({ file: redirectFile, reason: `${rule.from} points to ${rule.to}, which is not a page of the archive` });
        continue;
      }
      archive.redirects.push({ ...rule, to: target, target: target });
    } else {
      archive.redirects.push({ ...rule, target: rule.to });
    }
  }
  if (redirectProblems.length > 0) throw new ArchiveError(redirectProblems);
  return archive;
}

const cache = new Map<string, Promise<Archive>>();

/** loadArchive, once per content folder and process: the build script and the Eleventy plugin share it. */
export function loadArchiveOnce(options: ArchiveOptions): Promise<Archive> {
  const key = JSON.stringify([resolve(options.contentDir), options.years ?? null]);
  let archive = cache.get(key);
  if (!archive) {
    archive = loadArchive(options);
    cache.set(key, archive);
    // A failed load is not kept: the next call tries again.
    archive.catch(() => cache.get(key) === archive && cache.delete(key));
  }
  return archive;
}

/** Forgets loaded archives (for a rebuild after the content changed). */
export function forgetArchives(): void {
  cache.clear();
}
