// The site's small pure helpers: escaping, JSON-LD, slugs, readings, pages, calendars, URLs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { bulletinUrl, paginate } from '../../src/archive/urls.ts';
import { monthWeeks } from '../../src/site/calendar.ts';
import { chineseDate, chineseMonth, isoDateTime } from '../../src/site/filters.ts';
import { inScript } from '../../src/parser/script.ts';
import { escapeHtml, html, jsonForScript, unsafeRaw } from '../../src/site/html.ts';
import { sitemapFiles } from '../../src/archive/urls.ts';
import { bulletinSlug, hashedSlug, keyHash, pinyinSlug } from '../../src/archive/slug.ts';
import { paragraphsWithReadings } from '../../src/site/text.ts';

test('html escapes every interpolation unless it is SafeHtml', () => {
  const text = '<script>alert(1)</script> & "quotes" \'single\'';
  assert.equal(html`<p title="${text}">${text}</p>`.value,
    '<p title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;</p>');
  assert.equal(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.value, '<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
  assert.equal(html`${unsafeRaw('<br>')}`.value, '<br>');
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});

test('JSON for a script element cannot close it', () => {
  const json = jsonForScript({ headline: '</script><script>alert(1)</script>', x: 'a & b\u2028' }).value;
  assert.doesNotMatch(json, /[<>&\u2028]/);
  assert.deepEqual(JSON.parse(json), { headline: '</script><script>alert(1)</script>', x: 'a & b\u2028' });
});

test('pinyin slugs are ASCII; hashes depend only on the key', () => {
  assert.equal(pinyinSlug('廖海军'), 'liao-hai-jun');
  assert.equal(pinyinSlug('常务会议'), 'chang-wu-hui-yi');
  assert.equal(pinyinSlug('吕测'), 'lv-ce');
  assert.equal(keyHash('王伟'), keyHash('王伟'));
  assert.notEqual(hashedSlug('王伟'), hashedSlug('王玮'));
  assert.match(hashedSlug('王伟'), /^wang-wei-[0-9a-f]{6}$/);
  assert.equal(bulletinSlug('2022-07-18-changle-dangzu-changwu-huiyi', '2022-07-18'), 'changle-dangzu-changwu-huiyi');
  assert.equal(bulletinSlug('custom-id', '2022-07-18'), 'custom-id');
});

test('a bulletin URL comes from its date and the slug of its file name', () => {
  assert.equal(bulletinUrl({ id: '2022-07-18-changle-dangzu-changwu-huiyi', date: '2022-07-18' }), '/2022/07/18/changle-dangzu-changwu-huiyi/');
});

test('readings cover as many characters as they have syllables, per paragraph', () => {
  const text = '長樂會議召開\n第二段';
  const paragraphs = paragraphsWithReadings(text, [{ offset: 0, pinyin: 'zhǎng' }, { offset: 2, pinyin: 'huì yì' }, { offset: 8, pinyin: 'èr' }]);
  assert.deepEqual(paragraphs, [
    [{ base: '長', reading: 'zhǎng' }, '樂', { base: '會議', reading: 'huì yì' }, '召開'],
    ['第', { base: '二', reading: 'èr' }, '段'],
  ]);
  assert.deepEqual(paragraphsWithReadings('甲\n\n乙', []), [['甲'], ['乙']]);
  // An overlapping reading is skipped; one running past the paragraph stops at its end.
  assert.deepEqual(paragraphsWithReadings('長樂', [{ offset: 0, pinyin: 'zhǎng lè' }, { offset: 1, pinyin: 'lè' }]), [[{ base: '長樂', reading: 'zhǎng lè' }]]);
  assert.deepEqual(paragraphsWithReadings('長\n樂', [{ offset: 0, pinyin: 'zhǎng lè' }]), [[{ base: '長', reading: 'zhǎng lè' }], ['樂']]);
});

test('long lists are cut into pages at stable URLs', () => {
  const pages = paginate(Array.from({ length: 120 }, (_, i) => i), 50, '/officials/');
  assert.deepEqual(pages.map((p) => p.url), ['/officials/', '/officials/page/2/', '/officials/page/3/']);
  assert.deepEqual(pages.map((p) => p.items.length), [50, 50, 20]);
  assert.equal(pages[2]!.start, 100);
  assert.equal(paginate([], 50, '/x/').length, 1);
});

test('sitemaps split past 50,000 URLs', () => {
  assert.deepEqual(sitemapFiles(10), ['/sitemap.xml']);
  assert.deepEqual(sitemapFiles(50_000), ['/sitemap.xml']);
  assert.deepEqual(sitemapFiles(120_000), ['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
});

test('calendars start on Monday', () => {
  const weeks = monthWeeks(2022, 7);
  assert.deepEqual(weeks[0], [null, null, null, null, '2022-07-01', '2022-07-02', '2022-07-03']);
  assert.equal(weeks.flat().filter(Boolean).length, 31);
});

test('a month grid has the days and weekdays luxon gives in the archive zone', () => {
  fc.assert(fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
    const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'Asia/Shanghai' });
    const expected: Array<string | null> = Array.from({ length: first.weekday - 1 }, () => null);
    for (let d = 1; d <= first.daysInMonth!; d++) expected.push(first.set({ day: d }).toISODate());
    while (expected.length % 7 !== 0) expected.push(null);
    const weeks = monthWeeks(year, month);
    assert.ok(weeks.every((w) => w.length === 7));
    assert.deepEqual(weeks.flat(), expected);
  }), { numRuns: 500 });
});

test('dates read in Chinese and ISO in the archive zone; names convert between scripts', () => {
  assert.equal(chineseDate('2022-07-18'), '2022年7月18日');
  assert.equal(chineseMonth('2022-07'), '2022年7月');
  assert.equal(isoDateTime('2022-07-18'), '2022-07-18T00:00:00+08:00');
  assert.equal(inScript('常务会议', 'Hant'), '常務會議');
  assert.equal(inScript('廖海軍', 'Hans'), '廖海军');
});

test('chineseDate names every calendar day as luxon reads it, and refuses what is not one', () => {
  fc.assert(fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
    const iso = d.toISOString().slice(0, 10);
    const read = DateTime.fromISO(iso, { zone: 'Asia/Shanghai' });
    assert.equal(chineseDate(iso), `${read.year}年${read.month}月${read.day}日`);
    assert.equal(chineseMonth(iso.slice(0, 7)), `${read.year}年${read.month}月`);
    assert.equal(isoDateTime(iso), read.startOf('day').toISO({ suppressMilliseconds: true }));
  }), { numRuns: 2000 });
  // Days when the zone's clocks changed (China kept summer time in 1986-1991).
  for (const iso of ['1986-05-04', '1986-09-14', '1988-04-10', '1991-09-15']) {
    assert.equal(isoDateTime(iso), DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).startOf('day').toISO({ suppressMilliseconds: true }), iso);
  }
  assert.throws(() => isoDateTime('2022-02-30'), /not an ISO date/);
  for (const bad of ['2022-02-30', '2023-02-29', '2022-13-01', '2022-7-18', '2022-07-18T00:00', '']) {
    assert.throws(() => chineseDate(bad), /not an ISO date/, bad);
  }
  assert.equal(chineseDate('2024-02-29'), '2024年2月29日');
  assert.throws(() => chineseMonth('2022-13'), /not an ISO date/);
});
