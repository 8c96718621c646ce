// The officials as people: which person each (bulletin, official) pair is (officials.yml aliases and
// splits), their names in both scripts, their page slugs, and each person's list of bulletins.
import { join } from 'node:path';
import type { BulletinRecord, Message, Official, Script } from '../record.ts';
import { inScript } from '../parser/script.ts';
import { monthlySeries } from './calendar.ts';
import type { OfficialEntry, SplitRule } from './editor-files.ts';
import { type Ambiguity, ArchiveError, archiveProblem, type BulletinEntry, byDateDesc, type Names, type Person, type PersonBulletin, type PersonRef, type TitleSpan, toRef } from './model.ts';
import { displayPath } from '../fs/display-path.ts';
import { contentPath, MAX_SEGMENT_BYTES } from './site-paths.ts';
import { hashedSlug, keyHash, pinyinSlug, pinyinSortKey } from './slug.ts';

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


/** The officials file as load.ts read it. */
interface OfficialsFile {
  file?: string;
  entries: OfficialEntry[];
}

/** Every (bulletin, official) pair of one person, before the bulletins' entries exist. */
interface Draft {
  id: string;
  key: string;
  split?: number;
  pairs: Array<{ record: BulletinRecord; official: Official }>;
}

/**
 * The people of an archive. Made from the records (refs first: a bulletin's page links its
 * officials), then `list` makes each person's page data once the bulletins' entries exist.
 */
export class People {
  private readonly resolver: PersonResolver;
  private readonly names = new NameBook();
  private readonly drafts = new Map<string, Draft>();
  private readonly refs = new Map<string, PersonRef>();
  private readonly idOf = new Map<BulletinRecord, Map<Official, string>>();
  /** Bare pinyin slugs shared by several people, each with a page listing them. */
  readonly ambiguities: Ambiguity[] = [];
  /** Warnings about officials.yml for the editors' report. */
  readonly report: Message[] = [];

  constructor(records: readonly BulletinRecord[], officials: OfficialsFile, contentDir: string) {
    this.resolver = new PersonResolver(officials.entries);
    for (const record of records) {
      const ids = new Map<Official, string>();
      for (const official of record.officials) {
        const { key, split } = this.resolver.resolve(official, record);
        const id = split === undefined ? key : `${key}#${split}`;
        const draft = this.drafts.get(id) ?? { id, key, split, pairs: [] };
        draft.pairs.push({ record, official });
        this.drafts.set(id, draft);
        ids.set(official, id);
        this.names.note(key, official.name, record.script);
        for (const title of official.titles) this.names.note(inScript(title, 'Hans'), title, record.script);
      }
      this.idOf.set(record, ids);
    }
    this.makeRefs(officials, contentDir);
  }

  /** Slugs: a key's bare pinyin unless another key (or a split) shares it; then a hash of the key. */
  private makeRefs(officials: OfficialsFile, contentDir: string): void {
    const keysByBare = new Map<string, Set<string>>();
    for (const d of this.drafts.values()) {
      const bare = pinyinSlug(d.key);
      keysByBare.set(bare, (keysByBare.get(bare) ?? new Set()).add(d.key));
    }
    const sharedBare = new Map<string, PersonRef[]>();
    for (const d of this.drafts.values()) {
      const entry = this.resolver.entry(d.key);
      const bare = pinyinSlug(d.key);
      const rule = d.split !== undefined ? entry?.split?.[d.split] : undefined;
      const shared = (keysByBare.get(bare)?.size ?? 0) > 1 || !!entry?.split;
      let slug: string;
      if (d.split !== undefined) slug = rule?.slug ?? `${bare}-${keyHash(`${d.key}#${rule?.label ?? ''}`)}`;
      else slug = entry?.slug ?? (shared ? hashedSlug(d.key) : bare);
      const ref: PersonRef = {
        id: d.id, slug, url: `/officials/${slug}/`, name: this.names.names(d.key, entry?.name), label: rule?.label ?? (d.split === -1 ? '其他' : ''),
      };
      this.refs.set(d.id, ref);
      if (shared && slug !== bare) sharedBare.set(bare, [...(sharedBare.get(bare) ?? []), ref]);
      if (d.split === -1) {
        this.report.push({ reason: `${d.key}: ${d.pairs.length} bulletin(s) match none of the split's rules; add a rule without place/from/until to say who they are`, rule: 'officials/split-unmatched',
          file: officials.file ? displayPath(officials.file) : 'officials.yml', line: 1, column: 1, fatal: false, path: officials.file ? contentPath(contentDir, officials.file) : 'officials.yml' });
      }
    }
    const file = officials.file ?? join(contentDir, 'officials.yml');
    const slugOwner = new Map<string, string>();
    for (const ref of this.refs.values()) {
      const other = slugOwner.get(ref.slug);
      if (other) throw new ArchiveError([archiveProblem(file, `two people would share /officials/${ref.slug}/ (${other} and ${ref.id}); give one a different slug`)]);
      if (Buffer.byteLength(ref.slug) > MAX_SEGMENT_BYTES) {
        throw new ArchiveError([archiveProblem(file, `the slug of ${ref.id} is over ${MAX_SEGMENT_BYTES} bytes, too long for a folder name; give a shorter one`)]);
      }
      slugOwner.set(ref.slug, ref.id);
    }
    for (const [bare, people] of sharedBare) {
      if (slugOwner.has(bare)) continue;
      this.ambiguities.push({ slug: bare, url: `/officials/${bare}/`, people: people.sort((a, b) => (a.id < b.id ? -1 : 1)) });
    }
  }

  /** The person an official of a record is. */
  ref(record: BulletinRecord, official: Official): PersonRef {
    return this.refs.get(this.idOf.get(record)!.get(official)!)!;
  }

  /** Each person's page data, in pinyin order; `entryOf` gives a record's bulletin entry. */
  list(entryOf: (record: BulletinRecord) => BulletinEntry): Person[] {
    const people: Person[] = [];
    for (const d of this.drafts.values()) {
      const ref = this.refs.get(d.id)!;
      const counts = { chair: 0, attendee: 0, mentioned: 0, total: 0 };
      const titles = new Map<string, TitleSpan>();
      const bulletins: PersonBulletin[] = [];
      for (const { record, official } of d.pairs) {
        counts.total++;
        for (const role of new Set(official.roles)) counts[role]++;
        for (const title of official.titles) {
          const key = inScript(title, 'Hans');
          const span = titles.get(key) ?? { title: this.names.names(key), first: record.date, last: record.date, count: 0 };
          span.last = record.date;
          span.count++;
          titles.set(key, span);
        }
        bulletins.push({ ...toRef(entryOf(record)), roles: official.roles, titles: official.titles });
      }
      const keys = [d.key, ...(this.resolver.entry(d.key)?.aliases ?? []).map((a) => inScript(a, 'Hans'))];
      people.push({
        ...ref, key: d.key, keys, sortKey: pinyinSortKey(d.key) + ref.label, bulletins: bulletins.sort(byDateDesc),
        counts, titles: [...titles.values()], monthly: monthlySeries(bulletins.map((b) => b.date)),
      });
    }
    return people.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  }
}
