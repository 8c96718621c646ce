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

describe('front-matter dates: real days, written YYYY-MM-DD, within the archive (issue 17)', () => {
  // The date is on line 3 of each file: a comment line before it checks that the line is its own.
  const withFront = (lines: string) => `---\n# corrected by hand\n${lines}\n---\n${body('2022年7月18日')}`;
  const refused = (lines: string, reason: RegExp, line = 3) => {
    assert.throws(() => parseText(withFront(lines), '2022/a.txt'), (e: unknown) => {
      assert.ok(e instanceof BulletinError, String(e));
      assert.equal(e.code, 'bad-date');
      assert.equal(e.line, line, e.message);
      assert.match(e.reason, reason);
      return true;
    });
  };
  for (const [lines, reason] of [
    // YAML reads these unquoted as dates, and made them 2022-03-02, 1900-01-01, 1999-03-04, 2022-07-17.
    ['date: 2022-02-30', /date '2022-02-30' is not a real day; correct it, e\.g\. 'date: 2022-07-18'/],
    ['date: 2023-13-45', /'2023-13-45' is not a real day/],
    ['date: 0000-01-01', /0000-01-01 is outside the archive: the archive's dates run from 1949-10-01 to \d{4}-12-31 \(site\.config\.ts, 'dates'\)/],
    ['date: 0099-03-04', /0099-03-04 is outside the archive/],
    ['date: 0999-01-01', /0999-01-01 is outside the archive/],
    ['date: 9999-12-31', /9999-12-31 is outside the archive/],
    ['date: 1949-09-30', /1949-09-30 is outside the archive/],
    ['date: 2022-07-18T01:00:00+08:00', /'2022-07-18T01:00:00\+08:00' is not a date written as YYYY-MM-DD/],
    ['date: "2022-02-30"', /'2022-02-30' is not a real day/],
    ['date: 20220718', /'20220718' is not a date written as YYYY-MM-DD/],
    ['end_date: "2022-99-99"', /end_date '2022-99-99' is not a real day; correct it, e\.g\. 'end_date: 2022-07-18'/],
    ['end_date: 2022-02-30', /end_date '2022-02-30' is not a real day/],
    ['end_date: 9999-12-31', /end_date 9999-12-31 is outside the archive/],
  ] as const) {
    test(`${lines}: an error on its line`, () => refused(lines, reason));
  }
  test('an end_date before the date is an error on the end_date line', () => {
    refused('date: 2022-07-18\nend_date: 2022-07-17', /end_date 2022-07-17 is before the bulletin's date 2022-07-18/, 4);
  });
  test('the first and last days of the range, quoted or not, with a comment, are accepted as written', () => {
    const last = `${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1}-12-31`;
    assert.equal(parseText(withFront('date: 1949-10-01'), 'a.txt').date, '1949-10-01');
    const r = parseText(withFront(`date: '${last}'  # the last day\nend_date: "${last}"`), 'a.txt');
    assert.equal(r.date, last);
    assert.equal(r.end_date, last);
    assert.equal(parseText(withFront('date: 2022-07-18\nend_date: 2022-07-20'), 'a.txt').end_date, '2022-07-20');
  });
  test('a date in the text outside the archive is an error on its line', () => {
    assert.throws(() => parseText(`标题\n\n${body('1900年7月18日')}`, 'a.txt'), (e: unknown) =>
      e instanceof BulletinError && e.code === 'bad-date' && e.line === 3 && /the date in the text 1900-07-18 is outside the archive/.test(e.reason));
    assert.throws(() => parseText(body('7月18日'), 'a.txt', { year: 2999 }), /the date given \(--year or --date\) 2999-07-18 is outside the archive: .*; pass another --year or --date/);
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
