// The review queue's pieces: grouping by what is missing, the cap, and the front-matter lines,
// read back through gray-matter as the parser reads a bulletin's front matter.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import matter from 'gray-matter';
import type { BulletinRecord, Meeting, ReviewItem } from '../../src/record.ts';
import { fieldsToFix, fixLines, REVIEW_GROUPS, reviewGroupOf, reviewQueue, yamlString } from '../../src/archive/review.ts';

/** The YAML of a front-matter block, as the parser reads it (gray-matter, its cache off). */
const readFront = (lines: string): Record<string, unknown> => matter(`---\n${lines}\n---\n正文\n`, {}).data;

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  name: '區政府今年第17次常務會議', types: ['常务会议'], number: 17, date: '2022-07-18', chairs: ['廖海軍'], attendees: ['陳某'],
  directives: [{ heading: '要加強統籌協調', text: '要加強統籌協調。確保 "安全"：不出問題 # 真的' }], documents: ['總體國家安全觀學習綱要'],
  ...over,
});

const record = (needs: ReviewItem[], over: Partial<BulletinRecord> = {}): BulletinRecord => ({
  id: '2022-07-18-test', date: '2022-07-18', title: '廖海軍主持召開區政府常務會議', source: '長樂新聞網', script: 'Hant',
  officials: [], meetings: [meeting()], reporters: [], text: '7月18日……', readings: [],
  source_file: { path: 'content/bulletins/2022/2022-07-18-test.txt', encoding: 'utf-8', sha256: '0'.repeat(64) },
  origin: {}, warnings: [], needs_review: needs, ...over,
});

describe('reviewGroupOf', () => {
  test('names each kind of field', () => {
    assert.equal(reviewGroupOf('date'), 'date');
    assert.equal(reviewGroupOf('title'), 'title');
    assert.equal(reviewGroupOf('meetings'), 'meetings');
    assert.equal(reviewGroupOf('meetings[0].chairs'), 'chairs');
    assert.equal(reviewGroupOf('meetings[12].types'), 'kinds');
    assert.equal(reviewGroupOf('meetings[0].number'), 'other');
    assert.equal(reviewGroupOf('source'), 'other');
    assert.equal(reviewGroupOf('meetings[x].chairs'), 'other');
  });
});

describe('reviewQueue', () => {
  const item = (field: string): ReviewItem => ({ field, reason: `why ${field}` });
  const b = (id: string, ...fields: string[]) => ({ id, record: record(fields.map(item)) });

  test('every group, in order; a bulletin under each group it has items in, with only that group\'s items', () => {
    const queue = reviewQueue([b('a', 'date', 'meetings[0].chairs', 'meetings[1].chairs'), b('b'), b('c', 'meetings[0].types')], 10);
    assert.deepEqual(queue.map((g) => g.key), REVIEW_GROUPS);
    const group = (key: string) => queue.find((g) => g.key === key)!;
    assert.deepEqual(group('date').entries.map((e) => e.bulletin.id), ['a']);
    assert.deepEqual(group('chairs').entries.map((e) => [e.bulletin.id, e.items.map((i) => i.field)]), [['a', ['meetings[0].chairs', 'meetings[1].chairs']]]);
    assert.deepEqual(group('kinds').entries.map((e) => e.bulletin.id), ['c']);
    assert.equal(group('title').total, 0);
    assert.equal(group('chairs').total, 1, 'a bulletin counts once per group');
  });

  test('lists at most cap bulletins per group, in the order given, and counts the rest', () => {
    const bulletins = Array.from({ length: 7 }, (_, i) => b(`n${i}`, 'title'));
    const title = reviewQueue(bulletins, 3).find((g) => g.key === 'title')!;
    assert.equal(title.total, 7);
    assert.deepEqual(title.entries.map((e) => e.bulletin.id), ['n0', 'n1', 'n2']);
  });

  test('takes time in proportion to the bulletins (100,000 in well under a second)', () => {
    const bulletins = Array.from({ length: 100_000 }, (_, i) => b(`n${i}`, 'date', 'title', 'meetings[0].chairs'));
    const started = performance.now();
    const queue = reviewQueue(bulletins, 500);
    assert.ok(performance.now() - started < 1000);
    assert.equal(queue.find((g) => g.key === 'chairs')!.total, 100_000);
    assert.equal(queue.find((g) => g.key === 'chairs')!.entries.length, 500);
  });
});

describe('yamlString', () => {
  test('reads back as the same string, whatever it holds', () => {
    const awkward = ['', 'yes', 'no', 'null', '~', '123', '2022-07-18', '- a', ': b', '# c', 'a: b', 'a #b', '"', "'", '\\',
      '[x]', '{y}', '&a', '*a', '!t', '%p', '@', '`', '|', '>', '\n', '\t', '\r\n', '\u2028', '\u2029', '\u0085', '\u007f',
      '\u009f', '\ufeff', '\ufffe', '\uffff', '\u0000', '\ud800', '\udc00', '😀', '「會議」', '區長 廖海軍 主持'];
    for (const text of awkward) assert.equal(readFront(`v: ${yamlString(text)}`).v, text, JSON.stringify(text));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => readFront(`v: ${yamlString(text)}`).v === text), { numRuns: 2000 });
  });

  test('is one line', () => {
    assert.equal(yamlString('a\nb\u2028c').includes('\n'), false);
  });
});

describe('fixLines', () => {
  test('date and title: the current values, which the parser reads back as they are', () => {
    const r = record([], { title: 'A "title": with # and\nline' });
    const lines = fixLines(r, ['date', 'title'], 'Hant');
    assert.match(lines, /^date: 2022-07-18 {2}# 請核對日期與年份$/m);
    const front = readFront(lines);
    assert.equal((front.date as Date).toISOString().slice(0, 10), '2022-07-18');
    assert.equal(front.title, r.title);
    assert.deepEqual(Object.keys(front), ['date', 'title']);
  });

  test('a meeting without a chair: the whole meetings list, its chairs left empty and asked for', () => {
    const r = record([], { meetings: [meeting(), meeting({ name: '區政府黨組會議', types: ['党组会议'], number: null, date: null, chairs: [], directives: [] })] });
    const lines = fixLines(r, ['meetings[1].chairs'], 'Hant');
    assert.match(lines, /^ {4}chairs: \[\] {2}# 誰主持？$/m);
    assert.match(lines, /^ {4}chairs: \["廖海軍"\]$/m, 'the other meeting keeps its chair');
    assert.deepEqual(readFront(lines), { meetings: r.meetings }, 'reads back as the record\'s meetings, every field');
  });

  test('a directive without a heading is written as its text alone', () => {
    const r = record([], { meetings: [meeting({ directives: [{ heading: '', text: '要落實。' }] })] });
    const lines = fixLines(r, ['meetings[0].chairs'], 'Hant');
    assert.match(lines, /^ {6}- text: "要落實。"$/m);
    assert.deepEqual((readFront(lines).meetings as Meeting[])[0]!.directives, [{ text: '要落實。' }]);
  });

  test('an unknown kind: types left empty with an example; comments follow the script', () => {
    const r = record([], { meetings: [meeting({ types: [] })] });
    const lines = fixLines(r, ['meetings[0].types', 'meetings[0].chairs'], 'Hans');
    assert.match(lines, /^ {4}types: \[\] {2}# 会议类别，例如 \["常务会议"\]$/m);
    assert.match(lines, /^ {4}chairs: \[\] {2}# 谁主持？$/m);
    assert.deepEqual((readFront(lines).meetings as Meeting[])[0]!.types, []);
  });

  test('no meeting found: one blank meeting to fill in, and how to say there is none', () => {
    const lines = fixLines(record([], { meetings: [] }), ['meetings'], 'Hant');
    assert.match(lines, /^meetings: {2}# 公報確實沒有會議時寫 meetings: \[\]$/m);
    assert.deepEqual(readFront(lines), {
      meetings: [{ name: '', types: [], number: null, date: null, chairs: [], attendees: [], directives: [], documents: [] }],
    });
  });

  test('another string field gets its current value; a field with no line gives nothing', () => {
    assert.deepEqual(readFront(fixLines(record([]), ['source'], 'Hant')), { source: '長樂新聞網' });
    assert.equal(fixLines(record([]), ['officials'], 'Hant'), '');
    assert.equal(fixLines(record([]), [], 'Hant'), '');
  });
});

describe('fieldsToFix', () => {
  test('a meetings group marks every meeting field under review; other groups only their own', () => {
    const needs = ['date', 'meetings[0].chairs', 'meetings[1].types'].map((field) => ({ field, reason: '' }));
    const r = record(needs);
    assert.deepEqual(fieldsToFix(r, 'chairs', [needs[1]!]), ['meetings[0].chairs', 'meetings[1].types']);
    assert.deepEqual(fieldsToFix(r, 'kinds', [needs[2]!]), ['meetings[0].chairs', 'meetings[1].types']);
    assert.deepEqual(fieldsToFix(r, 'date', [needs[0]!]), ['date']);
  });
});
