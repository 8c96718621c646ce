// Phrase tests for the date step: where a bulletin's date comes from, and clear errors when unknown.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BulletinError } from '../../src/parser/index.ts';
import { parseNumber } from '../../src/parser/vocab.ts';
import { parseText } from './helpers.ts';

const body = (dateline: string) => `${dateline}，区长林測甲主持召开区政府常务会议。`;

describe('date', () => {
  test('a full date in the text wins over the file name', () => {
    const r = parseText(body('2023年3月6日'), 'x/2022/notes.txt');
    assert.equal(r.date, '2023-03-06');
    assert.equal(r.origin.date, 'text');
  });
  test('7月18日 takes its year from --year first', () => {
    const r = parseText(body('7月18日'), '2021-07-18-x.txt', { year: 2022 });
    assert.equal(r.date, '2022-07-18');
    assert.equal(r.origin.date, 'flag');
  });
  test('7月18日 takes its year from the file name', () => {
    const r = parseText(body('7月18日'), 'archive/2022-07-18-meeting.txt');
    assert.equal(r.date, '2022-07-18');
    assert.equal(r.origin.date, 'path');
  });
  test('7月18日 takes its year from a folder named for the year', () => {
    assert.equal(parseText(body('7月18日'), 'archive/2019/meeting.txt').date, '2019-07-18');
  });
  test('Chinese numerals: 二〇二二年七月十八日 and 廿一日', () => {
    assert.equal(parseText(body('二〇二二年七月十八日'), 'a.txt').date, '2022-07-18');
    assert.equal(parseText(body('二〇二二年七月廿一日'), 'a.txt').date, '2022-07-21');
  });
  test('a range gives date and end_date', () => {
    const r = parseText(body('12月20日至21日'), '2017/a.txt');
    assert.equal(r.date, '2017-12-20');
    assert.equal(r.end_date, '2017-12-21');
  });
  test('a range across months: 5月30日至6月1日', () => {
    const r = parseText(body('2021年5月30日至6月1日'), 'a.txt');
    assert.equal(r.end_date, '2021-06-01');
  });
  test('front matter date wins over the text', () => {
    const r = parseText(`---\ndate: 2020-01-02\n---\n${body('2023年3月6日')}`, 'a.txt');
    assert.equal(r.date, '2020-01-02');
    assert.equal(r.origin.date, 'front-matter');
  });
  test('a date in the text that disagrees with the file name is a warning with its position', () => {
    const r = parseText(`\n${body('2023年3月6日')}`, '2023-03-07-x.txt');
    const w = r.warnings.find((x) => x.rule === 'date/mismatch');
    assert.ok(w, 'warning expected');
    assert.equal(w.line, 2);
    assert.equal(w.column, 1);
    assert.equal(w.fatal, false);
  });
  test('a later date in the text is not the bulletin date', () => {
    const r = parseText('7月18日，会议传达7月4日讲话精神。', '2022/a.txt');
    assert.equal(r.date, '2022-07-18');
  });
  test('no year anywhere: a clear error that says how to supply it', () => {
    assert.throws(() => parseText(body('7月18日'), 'notes/meeting.txt'), (e: unknown) => {
      assert.ok(e instanceof BulletinError);
      assert.equal(e.code, 'no-year');
      assert.match(e.message, /^notes\/meeting\.txt:1: /);
      assert.match(e.message, /--year/);
      assert.match(e.message, /front-matter/);
      return true;
    });
  });
  test('only 近日: a clear error asking for the date in front matter', () => {
    assert.throws(() => parseText('近日，区长林測甲主持召开区政府常务会议。', '2022/a.txt'), (e: unknown) => {
      assert.ok(e instanceof BulletinError);
      assert.equal(e.code, 'no-date');
      assert.match(e.reason, /近日/);
      assert.match(e.reason, /date: /);
      return true;
    });
  });
  test('近日 before a later date still has no date', () => {
    assert.throws(() => parseText('近日，会议传达7月4日讲话精神。', '2022/a.txt'), { name: 'BulletinError' });
  });
  test('a date that does not exist is an error', () => {
    assert.throws(() => parseText(body('2月30日'), '2022/a.txt'), (e: unknown) => e instanceof BulletinError && e.code === 'bad-date');
  });
  test('a malformed front-matter date is an error naming the field', () => {
    assert.throws(() => parseText(`---\ndate: yesterday\n---\n${body('7月18日')}`, '2022/a.txt'), /date 'yesterday'/);
  });
  test('without any date the file name date is used', () => {
    const r = parseText('区长林測甲主持召开区政府常务会议。', '2022-07-18-x.txt');
    assert.equal(r.date, '2022-07-18');
    assert.equal(r.origin.date, 'path');
  });
});

describe('numerals', () => {
  for (const [written, value] of [
    ['17', 17], ['十七', 17], ['十', 10], ['二十', 20], ['廿一', 21], ['卅', 30], ['两', 2],
    ['一百零三', 103], ['二〇二二', 2022], ['兩', 2], ['abc', null], ['', null],
  ] as const) {
    test(`${written} → ${value}`, () => assert.equal(parseNumber(written), value));
  }
});
