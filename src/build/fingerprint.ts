// What a built site was made from, kept beside it (.<out>.fingerprint.json) so the next build can
// tell which pages a change touches: a hash of the code that renders pages, of the editor files, of
// what every page reads from the archive as a whole, and of each paginated item by its URL.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { site } from '../config.ts';
import { packageVersion, sourceHash } from '../cache/source-hash.mjs';
import { recordOrigin } from '../cache/parse-cache.ts';
import type { BulletinRecord } from '../record.ts';
import type { Archive, BulletinEntry, Kind, Person, RenderLists } from '../archive/model.ts';

/** Bumped when the fingerprint's shape or meaning changes: an old file then means a full build. */
export const FINGERPRINT_VERSION = 5;

export type ListName = keyof RenderLists;

export interface SiteFingerprint {
  version: number;
  /** The code and settings that render pages. */
  code: string;
  /** redirects.yml and officials.yml. */
  editorFiles: string;
  /** What item pages read from the whole archive (the months that have pages, for chart links). */
  global: string;
  /** The output folder's inode after the swap: another folder there means the fingerprint is not its. */
  ino: number;
  /** Per paginated list: item URL → hash of everything its page shows. */
  items: Record<ListName, Record<string, string>>;
  /** Per search shard (pagefind/<name>/): hash of what its index was made from (src/search/shards.ts shardHash). */
  search: Record<string, string>;
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Where the fingerprint of `outDir` lives: beside it, never inside the published site. */
export function fingerprintPath(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.fingerprint.json`);
}

/** The code that decides what a page says: templates, layouts, site settings, search stage, build, packages. */
export function codeHash(root: string): string {
  return sourceHash(root, {
    paths: ['src/site', 'src/archive', 'src/build', 'layouts', 'src/search', 'src/record.ts', 'site.config.ts', '.eleventy.ts', 'package.json', 'package-lock.json'],
    extra: ['@11ty/eleventy', 'pagefind', 'opencc-js'].map((name) => packageVersion(root, name)),
  });
}

/** The editor's files (redirects.yml, officials.yml, or .yaml), by name and bytes. */
export function editorFilesHash(contentDir: string): string {
  const h = createHash('sha256');
  for (const name of ['officials.yml', 'officials.yaml', 'redirects.yml', 'redirects.yaml']) {
    const file = join(contentDir, name);
    if (existsSync(file)) h.update(name).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('base64url');
}

/** What item pages read from the archive beyond their own item: chart.ts links the months that have pages. */
export function globalHash(archive: Archive): string {
  return hash(JSON.stringify({ months: archive.months.map((m) => m.month), feedSize: site.feedSize, pageSize: site.pageSize }));
}

/**
 * What stands for a record in its entry's hash. For a record from the parse cache (every record of
 * a loaded archive), what it was made from (recordOrigin): the same for the same record, and known
 * without hashing its JSON (0.5 s at 10,000 bulletins). Otherwise the hash of its JSON.
 */
function recordHash(record: BulletinRecord): string {
  return recordOrigin(record) ?? hash(JSON.stringify(record));
}

/**
 * An entry as its hash sees it: the record by recordHash, and of each official and meeting only
 * what the archive added (links to people and kinds). The official and meeting objects are the
 * record's own (src/archive/load.ts), so the record's hash already stands for them.
 */
function entryForHash(e: BulletinEntry): unknown {
  return {
    ...e,
    record: recordHash(e.record),
    officials: e.officials.map((o) => o.person),
    meetings: e.meetings.map(({ kinds, chairs, attendees }) => ({ kinds, chairs, attendees })),
  };
}

/** Each paginated item's hash by URL, for every list Eleventy renders. */
export function itemHashes(archive: Archive): Record<ListName, Map<string, string>> {
  const entries = new Map<string, string>();
  // The record is most of an entry's JSON: it stands in by recordHash, and so do the record's own
  // officials and meetings that the entry pairs with links (1.3 s of stringifying at 10,000 with them).
  for (const e of archive.bulletins) entries.set(e.id, hash(JSON.stringify(entryForHash(e))));
  const person = new Map<Person, string>(archive.people.map((p) => [p, hash(JSON.stringify(p))]));
  const kind = new Map<Kind, string>(archive.kinds.map((k) => [k, hash(JSON.stringify(k))]));
  // A feed shows its person or kind and the full entries of its newest bulletins.
  const feed = (own: string, refs: Array<{ id: string }>) => hash(JSON.stringify([own, refs.slice(0, site.feedSize).map((r) => entries.get(r.id))]));
  const years = archive.years;
  return {
    bulletins: new Map(archive.bulletins.map((e: BulletinEntry) => [e.url, entries.get(e.id)!])),
    days: new Map(archive.days.map((d) => [d.url, hash(JSON.stringify(d))])),
    // A year page links the years before and after it.
    years: new Map(years.map((y, i) => [y.url, hash(JSON.stringify([y, years[i - 1]?.url, years[i - 1]?.year, years[i + 1]?.url, years[i + 1]?.year]))])),
    months: new Map(archive.pages.months.map((p) => [p.url, hash(JSON.stringify(p))])),
    people: new Map(archive.pages.people.map((p) => [p.url, hash(JSON.stringify({ ...p, person: person.get(p.person) }))])),
    kinds: new Map(archive.pages.kinds.map((p) => [p.url, hash(JSON.stringify({ ...p, kind: kind.get(p.kind) }))])),
    peopleIndex: new Map(archive.pages.peopleIndex.map((p) => [p.url, hash(JSON.stringify({ ...p, items: p.items.map((i) => person.get(i)) }))])),
    personFeeds: new Map(archive.people.map((p) => [`${p.url}feed.xml`, feed(person.get(p)!, p.bulletins)])),
    kindFeeds: new Map(archive.kinds.map((k) => [`${k.url}feed.xml`, feed(kind.get(k)!, k.bulletins)])),
    ambiguities: new Map(archive.ambiguities.map((a) => [a.url, hash(JSON.stringify(a))])),
    redirects: new Map(archive.redirects.map((r) => [r.from, hash(JSON.stringify(r))])),
  };
}

/** The URL an item of a list is known by (the key in itemHashes). */
export function itemKey(list: ListName, item: unknown): string {
  if (list === 'personFeeds' || list === 'kindFeeds') return `${(item as { url: string }).url}feed.xml`;
  if (list === 'redirects') return (item as { from: string }).from;
  return (item as { url: string }).url;
}
