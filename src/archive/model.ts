// The archive model: what the pages show, indexed once per build (load.ts makes it). Templates only
// display it; nothing here knows about HTML or how the records were parsed.
import { MessageError } from '../messages/message-error.ts';
import type { BulletinRecord, Meeting, Message, Official, OfficialRole, Script } from '../record.ts';
import { site } from '../config.ts';
import type { RedirectRule } from './editor-files.ts';
import type { ReviewGroup } from './review.ts';
import { displayPath } from '../fs/display-path.ts';
import { sitemapPaths } from './urls.ts';

/** The archive cannot be built: a fatal message for every failing file. */
export class ArchiveError extends MessageError {
  override readonly name = 'ArchiveError';
}

/** A problem across files or in an editor's file (rule archive): the build stops on it. */
export function archiveProblem(file: string, reason: string, line?: number): Message {
  return { reason, rule: 'archive', file: displayPath(file), line, fatal: true };
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
  /** The non-fatal messages for /report/ and the build's warning list, each with its path (and url for a bulletin's). */
  readonly report: Message[] = [];
  /** The review queue: bulletins with a guessed or missing field, by group, newest first, site.reviewSize per group. */
  readonly review: Array<ReviewGroup<BulletinEntry>> = [];
  /** Long lists, already cut into pages. */
  readonly pages = {
    months: [] as Array<ListPage<BulletinRef> & { monthData: MonthData }>,
    people: [] as Array<ListPage<PersonBulletin> & { person: Person }>,
    kinds: [] as Array<ListPage<BulletinRef> & { kind: Kind }>,
    peopleIndex: [] as Array<ListPage<Person>>,
  };

  /** Every item of every paginated list. */
  everything(): RenderLists {
    return {
      bulletins: this.bulletins, days: this.days, years: this.years, months: this.pages.months, people: this.pages.people,
      kinds: this.pages.kinds, peopleIndex: this.pages.peopleIndex, personFeeds: this.people, kindFeeds: this.kinds,
      ambiguities: this.ambiguities, redirects: this.redirects,
    };
  }

  /** The site path of every page in the sitemap, sorted (urls.ts). */
  get sitemapUrls(): string[] {
    return sitemapPaths(this);
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

/** A bulletin's link fields, for lists. */
export const toRef = (e: BulletinEntry): BulletinRef => ({ id: e.id, url: e.url, title: e.title, date: e.date, script: e.script, source: e.source });
/** Oldest first; the same day by id. */
export const byDateAsc = (a: { date: string; id: string }, b: { date: string; id: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Newest first. */
export const byDateDesc = (a: BulletinRef, b: BulletinRef) => -byDateAsc(a, b);
