// Meeting kinds: one page per kind the records name (常务会议 …), with its slug and its bulletins.
import type { BulletinRecord } from '../record.ts';
import { inScript } from '../parser/script.ts';
import { monthlySeries } from './calendar.ts';
import { type BulletinEntry, byDateDesc, type Kind, type KindRef, toRef } from './model.ts';
import { hashedSlug, pinyinSlug, pinyinSortKey } from './slug.ts';

/** The kinds of an archive: refs first (a bulletin's page links its meetings' kinds), then the lists. */
export class Kinds {
  private readonly records = new Map<string, BulletinRecord[]>();
  private readonly refs = new Map<string, KindRef>();

  constructor(records: readonly BulletinRecord[]) {
    for (const record of records) {
      for (const type of new Set(record.meetings.flatMap((m) => m.types))) {
        const list = this.records.get(type) ?? [];
        list.push(record);
        this.records.set(type, list);
      }
    }
    // A kind's bare pinyin, unless two kinds share it; then a hash of the kind.
    const bareCount = new Map<string, number>();
    for (const type of this.records.keys()) bareCount.set(pinyinSlug(type), (bareCount.get(pinyinSlug(type)) ?? 0) + 1);
    for (const type of this.records.keys()) {
      const bare = pinyinSlug(type);
      const slug = bareCount.get(bare)! > 1 ? hashedSlug(type) : bare;
      this.refs.set(type, { type, slug, url: `/kinds/${slug}/`, name: { Hans: type, Hant: inScript(type, 'Hant') } });
    }
  }

  /** The kind of a canonical Simplified type. */
  ref(type: string): KindRef {
    return this.refs.get(type)!;
  }

  /** Each kind's page data, most frequent first; `entryOf` gives a record's bulletin entry. */
  list(entryOf: (record: BulletinRecord) => BulletinEntry): Kind[] {
    const kinds: Kind[] = [];
    for (const [type, records] of this.records) {
      const list = records.map((r) => toRef(entryOf(r))).sort(byDateDesc);
      kinds.push({ ...this.refs.get(type)!, bulletins: list, monthly: monthlySeries(list.map((b) => b.date)) });
    }
    return kinds.sort((a, b) => b.bulletins.length - a.bulletins.length || (pinyinSortKey(a.type) < pinyinSortKey(b.type) ? -1 : 1));
  }
}
