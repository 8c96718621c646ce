// Loads an archive: finds and parses the bulletins (through the parse cache), reads the editor's
// files, refuses what cannot be published, and indexes the rest into the model the pages show.
import { join, resolve } from 'node:path';
import { sharedParseCache } from '../cache/parse-cache.ts';
import type { BulletinRecord, Message } from '../record.ts';
import { site } from '../config.ts';
import { calendar, monthlySeries } from './calendar.ts';
import { EditorFileError, readOfficials, readRedirects } from './editor-files.ts';
import { Kinds } from './kinds.ts';
import { Archive, ArchiveError, archiveProblem, type BulletinEntry, byDateAsc, toRef } from './model.ts';
import { People } from './people.ts';
import { checkedRedirects } from './redirects.ts';
import { reviewQueue } from './review.ts';
import { inScript } from '../parser/script.ts';
import { displayPath } from '../fs/display-path.ts';
import { inYears, irregularEditorFiles, scanBulletinFiles } from './scan.ts';
import { contentPath, MAX_SEGMENT_BYTES } from './site-paths.ts';
import { bulletinSlug } from './slug.ts';
import { duplicateIds } from './unique-ids.ts';
import { bulletinFileUrls, bulletinUrl, paginate } from './urls.ts';

/** Where the archive comes from. */
export interface ArchiveOptions {
  /** The content folder: bulletins/ below it, and the editor's redirects.yml and officials.yml. */
  contentDir: string;
  /** Only bulletins filed under these years (folder `bulletins/YYYY/` or a name starting `YYYY-`); undefined: every year. */
  years?: number[];
  /** Called before each bulletin is parsed with how many are done (progress output of long builds). */
  onParsed?: (done: number, total: number) => void;
  /** How many new bulletins start the parse pool's worker thread (src/cache/parse-cache.ts; tests set it low). */
  poolFrom?: number;
}

type Parsed = { record: BulletinRecord; file: string };

/** Parses every bulletin; collects every failure (fatal warnings included) before giving up. */
async function parseAll(files: string[], options: ArchiveOptions): Promise<{ records: Parsed[]; failures: Message[] }> {
  const records: Parsed[] = [];
  const failures: Message[] = [];
  const shown = files.map(displayPath);
  options.onParsed?.(0, files.length);
  // Through the parse cache (.cache/parse): an unchanged bulletin is not parsed again; many new
  // ones are parsed on two threads.
  const outcomes = await sharedParseCache().parseFiles(shown, {}, { textKey: false, poolFrom: options.poolFrom }, (done) => options.onParsed?.(done, files.length));
  outcomes.forEach((outcome, i) => {
    if (outcome instanceof Error) {
      failures.push({ reason: `the parser failed: ${outcome.stack ?? String(outcome)}`, rule: 'error/crash', file: shown[i]!, fatal: true });
    } else if (outcome.error) {
      failures.push(...outcome.error.messages);
    } else {
      const record = outcome.record!;
      const fatal = record.warnings.filter((w) => w.fatal);
      if (fatal.length > 0) {
        for (const w of fatal) failures.push({ ...w, file: shown[i]! });
      } else {
        records.push({ record, file: files[i]! });
      }
    }
  });
  return { records, failures };
}

/** Two files that would publish at one URL, a URL segment too long for a folder, two bulletins with one id. */
function publishingProblems(records: Parsed[]): Message[] {
  const failures: Message[] = [];
  const byUrl = new Map<string, string>();
  for (const { record, file } of records) {
    const url = bulletinUrl(record);
    const other = byUrl.get(url);
    if (other) failures.push(archiveProblem(file, `its URL ${url} is already taken by ${displayPath(other)}; rename one of the files`));
    else byUrl.set(url, file);
    const slug = bulletinSlug(record.id, record.date);
    if (Buffer.byteLength(slug) > MAX_SEGMENT_BYTES) {
      failures.push(archiveProblem(file, `the last part of its URL (${slug.slice(0, 20)}…, from the file's name or front-matter id) is over ${MAX_SEGMENT_BYTES} bytes, too long for a folder name; shorten it`));
    }
  }
  // Two bulletins with one id (an id set in front matter): feeds and caches would list one twice.
  if (failures.length === 0) failures.push(...duplicateIds(records, displayPath).map((d) => ({ ...d, file: displayPath(d.file!) })));
  return failures;
}

/** Reads and indexes the archive. Rejects with ArchiveError naming every bulletin or editor file at fault. */
export async function loadArchive(options: ArchiveOptions): Promise<Archive> {
  const contentDir = resolve(options.contentDir);
  const bulletinsDir = join(contentDir, 'bulletins');
  const scan = scanBulletinFiles(bulletinsDir);
  const files = scan.files.filter((f) => inYears(f, bulletinsDir, options.years));
  const { records, failures } = await parseAll(files, options);
  // Not regular files: refused by name, never read (a FIFO would hang the build, a link publish what it points to).
  const irregular = [...scan.refused, ...irregularEditorFiles(contentDir)];
  if (irregular.length > 0) throw new ArchiveError([...failures, ...irregular]);

  let officialsFile: ReturnType<typeof readOfficials>;
  let redirectsFile: ReturnType<typeof readRedirects>;
  try {
    officialsFile = readOfficials(contentDir);
    redirectsFile = readRedirects(contentDir);
  } catch (error) {
    if (error instanceof EditorFileError) throw new ArchiveError([...failures, archiveProblem(error.file, error.reason, error.line)]);
    throw error;
  }
  failures.push(...publishingProblems(records));
  if (failures.length > 0) throw new ArchiveError(failures);

  records.sort((a, b) => byDateAsc(a.record, b.record));
  const sorted = records.map((r) => r.record);
  const people = new People(sorted, officialsFile, contentDir);
  const kinds = new Kinds(sorted);
  const archive = new Archive();
  archive.report.push(...people.report);
  archive.ambiguities.push(...people.ambiguities);

  // Bulletins, oldest first, each linked to its neighbours.
  for (const { record, file } of records) {
    const url = bulletinUrl(record);
    const personFor = (written: string) => {
      const official = record.officials.find((o) => o.name === written) ?? record.officials.find((o) => o.key === inScript(written, 'Hans'));
      return official ? people.ref(record, official) : undefined;
    };
    archive.bulletins.push({
      id: record.id, url, title: record.title, date: record.date, script: record.script, source: record.source,
      record, slug: bulletinSlug(record.id, record.date), sourceFile: file, sourcePath: contentPath(contentDir, file), ...bulletinFileUrls(url),
      officials: record.officials.map((official) => ({ official, person: people.ref(record, official) })),
      meetings: record.meetings.map((meeting) => ({
        meeting,
        kinds: meeting.types.map((t) => kinds.ref(t)),
        chairs: meeting.chairs.map((name) => ({ name, person: personFor(name) })),
        attendees: meeting.attendees.map((name) => ({ name, person: personFor(name) })),
      })),
    });
    for (const w of record.warnings) {
      archive.report.push({ ...w, file: displayPath(file), path: contentPath(contentDir, file), url });
    }
  }
  archive.bulletins.forEach((e, i) => {
    if (i > 0) e.previous = toRef(archive.bulletins[i - 1]!);
    if (i < archive.bulletins.length - 1) e.next = toRef(archive.bulletins[i + 1]!);
  });
  const entryByRecord = new Map(archive.bulletins.map((e) => [e.record, e]));
  const entryOf = (record: BulletinRecord): BulletinEntry => entryByRecord.get(record)!;
  archive.review.push(...reviewQueue([...archive.bulletins].reverse(), site.reviewSize));

  // Dates.
  const dates = calendar(archive.bulletins);
  archive.years.push(...dates.years);
  archive.months.push(...dates.months);
  archive.days.push(...dates.days);
  for (const m of dates.months) {
    archive.pages.months.push(...paginate(m.days.flatMap((d) => d.bulletins), site.pageSize, m.url).map((p) => ({ ...p, monthData: m })));
  }
  archive.monthly.push(...monthlySeries(archive.bulletins.map((e) => e.date)));

  // People, in pinyin order; kinds, most frequent first.
  archive.people.push(...people.list(entryOf));
  archive.pages.peopleIndex.push(...paginate(archive.people, site.pageSize, '/officials/'));
  for (const person of archive.people) {
    archive.pages.people.push(...paginate(person.bulletins, site.pageSize, person.url).map((p) => ({ ...p, person })));
  }
  archive.kinds.push(...kinds.list(entryOf));
  for (const kind of archive.kinds) {
    archive.pages.kinds.push(...paginate(kind.bulletins, site.pageSize, kind.url).map((p) => ({ ...p, kind })));
  }

  archive.redirects.push(...checkedRedirects(archive, redirectsFile, contentDir));
  return archive;
}
