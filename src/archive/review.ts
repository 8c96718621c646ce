// The editor's review queue (/report/): bulletins with a guessed or missing field, grouped by what
// is missing, and the front-matter lines (YAML) that would settle each one.
import type { BulletinRecord, Meeting, ReviewItem, Script } from '../record.ts';
import { say } from '../parser/script.ts';

/** What a review item is about, and so the group /report/ lists it under. */
export type ReviewGroupKey = 'date' | 'title' | 'meetings' | 'chairs' | 'kinds' | 'other';

/** The groups, in the order /report/ shows them. */
export const REVIEW_GROUPS: readonly ReviewGroupKey[] = ['date', 'title', 'meetings', 'chairs', 'kinds', 'other'];

/** Each group's name, in Traditional (say() converts): /report/'s headings, the bulletin page's notice. */
export const REVIEW_GROUP_LABELS: Readonly<Record<ReviewGroupKey, string>> = {
  date: '日期是推定的',
  title: '標題是擬定的',
  meetings: '沒有找到會議',
  chairs: '會議沒有主持人',
  kinds: '會議類別不明',
  other: '其他待核對的欄位',
};

/** The id of a group's section on /report/: a bulletin page links `/report/#review-<group>`. */
export function reviewGroupId(key: ReviewGroupKey): string {
  return `review-${key}`;
}

// A field of one meeting, as review items name it: meetings[0].chairs, meetings[12].types
const MEETING_FIELD = /^meetings\[(?<index>\d+)\]\.(?<field>[a-z_]+)$/;

/** The group of a review item's field: date, title, meetings (none found), chairs, kinds, or other. */
export function reviewGroupOf(field: string): ReviewGroupKey {
  if (field === 'date' || field === 'title' || field === 'meetings') return field;
  if (!field.startsWith('meetings[') || !MEETING_FIELD.test(field)) return 'other';
  if (field.endsWith('].chairs')) return 'chairs';
  if (field.endsWith('].types')) return 'kinds';
  return 'other';
}

/** One bulletin in one group: the bulletin and its review items of that group. */
export interface ReviewEntry<B> {
  bulletin: B;
  items: ReviewItem[];
}

export interface ReviewGroup<B> {
  key: ReviewGroupKey;
  /** How many bulletins the group has in all. */
  total: number;
  /** The first `cap` of them, in the order given. */
  entries: Array<ReviewEntry<B>>;
}

/**
 * Groups bulletins by what needs review, each group holding at most `cap` of them (and counting the
 * rest), in the order given. One pass over the bulletins and their items; every group is returned,
 * empty ones included, in REVIEW_GROUPS order.
 */
export function reviewQueue<B extends { record: BulletinRecord }>(bulletins: Iterable<B>, cap: number): Array<ReviewGroup<B>> {
  const groups = new Map<ReviewGroupKey, ReviewGroup<B>>(REVIEW_GROUPS.map((key) => [key, { key, total: 0, entries: [] }]));
  const mine = new Map<ReviewGroupKey, ReviewItem[]>();
  for (const bulletin of bulletins) {
    const items = bulletin.record.needs_review;
    if (items.length === 0) continue;
    mine.clear();
    for (const item of items) {
      const key = reviewGroupOf(item.field);
      const list = mine.get(key);
      if (list) list.push(item);
      else mine.set(key, [item]);
    }
    for (const [key, list] of mine) {
      const group = groups.get(key)!;
      if (group.total++ < cap) group.entries.push({ bulletin, items: list });
    }
  }
  return [...groups.values()];
}

/**
 * The fields whose fix lines an entry of this group shows. A meeting's chairs and kinds are fixed
 * by one `meetings:` list (front matter replaces the parser's list whole), so a group about
 * meetings marks every meeting field of the bulletin that needs review, whichever group lists it.
 */
export function fieldsToFix(record: BulletinRecord, group: ReviewGroupKey, items: readonly ReviewItem[]): string[] {
  if (group === 'meetings' || group === 'chairs' || group === 'kinds') {
    return record.needs_review.map((i) => i.field).filter((f) => f === 'meetings' || f.startsWith('meetings['));
  }
  return items.map((i) => i.field);
}

/** A string as a YAML double-quoted scalar: JSON's quoting, plus the characters YAML wants escaped. */
export function yamlString(text: string): string {
  // JSON escapes quotes, backslashes and C0 controls; a YAML reader also refuses DEL, C1 controls
  // and U+FFFE/U+FFFF written raw, and would read U+2028/U+2029 as line breaks.
  return JSON.stringify(text).replace(YAML_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const YAML_UNSAFE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A list of strings as a YAML flow sequence: ["廖海軍", "陳某"]. */
const yamlList = (items: readonly string[]) => `[${items.map(yamlString).join(', ')}]`;

/**
 * The front-matter lines that would settle `fields` of `record` (fields as review items name them:
 * date, title, meetings, meetings[0].chairs …): each prefilled with the current value or guess, the
 * value to supply left empty, with a comment (in `script`) saying what to write. Strings are quoted,
 * so the lines paste into any front-matter block as they are. Fields with no line (an unknown one)
 * are left out; "" when none has one.
 */
export function fixLines(record: BulletinRecord, fields: readonly string[], script: Script): string {
  const wanted = new Set(fields);
  const lines: string[] = [];
  if (wanted.has('date')) lines.push(`date: ${record.date}  # ${say('請核對日期與年份', script)}`);
  if (wanted.has('title')) lines.push(`title: ${yamlString(record.title)}  # ${say('請改為公報的標題', script)}`);
  if (fields.some((f) => f === 'meetings' || MEETING_FIELD.test(f))) lines.push(...meetingLines(record.meetings, wanted, script));
  for (const field of wanted) {
    if (field === 'date' || field === 'title' || field === 'meetings' || field.startsWith('meetings[')) continue;
    const value = record[field];
    if (typeof value === 'string') lines.push(`${field}: ${yamlString(value)}  # ${say('請核對', script)}`);
  }
  return lines.join('\n');
}

/** A `meetings:` list: the record's meetings with the fields under review left empty and marked; one blank meeting when there is none. */
function meetingLines(meetings: readonly Meeting[], wanted: ReadonlySet<string>, script: Script): string[] {
  const lines = ['meetings:'];
  if (meetings.length === 0) {
    lines[0] += `  # ${say('公報確實沒有會議時寫 meetings: []', script)}`;
    lines.push(
      `  - name: ""  # ${say('會議名稱，照原文', script)}`,
      `    types: []  # ${say('會議類別，例如', script)} ["常务会议"]`,
      '    number: null',
      '    date: null',
      `    chairs: []  # ${say('誰主持？', script)}`,
      '    attendees: []',
      '    directives: []',
      '    documents: []',
    );
    return lines;
  }
  meetings.forEach((m, i) => {
    const marked = (field: string) => wanted.has(`meetings[${i}].${field}`);
    lines.push(
      `  - name: ${yamlString(m.name)}`,
      marked('types') ? `    types: []  # ${say('會議類別，例如', script)} ["常务会议"]` : `    types: ${yamlList(m.types)}`,
      `    number: ${m.number ?? 'null'}`,
      `    date: ${m.date === null ? 'null' : yamlString(m.date)}`,
      marked('chairs') ? `    chairs: []  # ${say('誰主持？', script)}` : `    chairs: ${yamlList(m.chairs)}`,
      `    attendees: ${yamlList(m.attendees)}`,
    );
    if (m.directives.length === 0) lines.push('    directives: []');
    else {
      lines.push('    directives:');
      for (const d of m.directives) {
        // Front matter takes no empty heading; a directive without one is its text alone.
        if (d.heading) lines.push(`      - heading: ${yamlString(d.heading)}`, `        text: ${yamlString(d.text)}`);
        else lines.push(`      - text: ${yamlString(d.text)}`);
      }
    }
    lines.push(`    documents: ${yamlList(m.documents)}`);
  });
  return lines;
}
