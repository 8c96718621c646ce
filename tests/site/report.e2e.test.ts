// /report/ as the editor's review queue: a bulletin whose year came from its path and whose meeting
// has no chair is listed under both groups, with front-matter lines that read back as the fix.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import matter from 'gray-matter';
import { HtmlValidate } from 'html-validate';
import type { BulletinRecord } from '../../src/record.ts';
import { cleanUp, runBuild, tempDir } from '../helpers/site.ts';

// 3月5日 without a year (the year comes from the file's name), a meeting nobody is said to chair.
const UNCHAIRED = `長樂新聞網訊 3月5日，區政府召開今年第5次常務會議，研究春耕生產工作。
會議強調——
要抓好春耕生產。確保不誤農時。
（記者 周測丁）
`;
// Date and title from front matter, a chaired meeting: nothing to review.
const SETTLED = `---
date: 2024-04-02
title: 林測甲主持召開區政府常務會議
---
長樂新聞網訊 4月2日，區長林測甲主持召開區政府今年第6次常務會議。
會議強調——
要加強安全管理。確保不出問題。
（記者 周測丁）
`;
const UNCHAIRED_URL = '/2024/03/05/chungeng/';
const SETTLED_URL = '/2024/04/02/anquan/';

let root: string;
let out: string;
let report: string;
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The part of the report inside <section id="review-KEY">, or undefined. */
const section = (key: string) => report.match(new RegExp(`<section class="review" id="review-${key}">([\\s\\S]*?)</section>`))?.[1];
/** The fix lines of a section's only entry, as text. */
const fixIn = (key: string) => unescape(section(key)!.match(/<pre class="fix">([\s\S]*?)<\/pre>/)![1]!);

before(() => {
  root = tempDir('report');
  const content = join(root, 'content');
  mkdirSync(join(content, 'bulletins/2024'), { recursive: true });
  writeFileSync(join(content, 'bulletins/2024/2024-03-05-chungeng.txt'), UNCHAIRED);
  writeFileSync(join(content, 'bulletins/2024/2024-04-02-anquan.txt'), SETTLED);
  out = join(root, 'site');
  const result = runBuild(content, out);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  report = readFileSync(join(out, 'report/index.html'), 'utf8');
});
after(() => cleanUp(root));

describe('the review queue on /report/', () => {
  test('counts per group at the top, linking the groups that have bulletins', () => {
    assert.match(report, /2篇公報，1篇有推定或缺少的欄位待核對/);
    assert.match(report, /<li><a href="#review-date">日期是推定的<\/a>：<span class="count">1篇<\/span><\/li>/);
    assert.match(report, /<li><a href="#review-chairs">會議沒有主持人<\/a>：<span class="count">1篇<\/span><\/li>/);
    assert.match(report, /<li>會議類別不明：<span class="count">0篇<\/span><\/li>/);
    assert.equal(section('kinds'), undefined, 'an empty group has no section');
  });

  test('the bulletin whose year came from its path is listed under the date, with its file, the reason and date: lines', () => {
    const date = section('date')!;
    assert.match(date, new RegExp(`<a href="${UNCHAIRED_URL}">`));
    assert.match(date, /<code class="file">[^<]*2024-03-05-chungeng\.txt<\/code>/);
    assert.match(date, /<code>date<\/code>: the text gives no full date; 2024 came from the file&#39;s name or folder/);
    assert.equal(fixIn('date'), 'date: 2024-03-05  # 請核對日期與年份');
    assert.ok(!date.includes(SETTLED_URL), 'a bulletin with nothing to review is not listed');
  });

  test('its meeting without a chair is listed under chairs, with a meetings: list that reads back as its record', () => {
    const chairs = section('chairs')!;
    assert.match(chairs, new RegExp(`<a href="${UNCHAIRED_URL}">`));
    assert.match(chairs, /<code>meetings\[0\]\.chairs<\/code>: no chair was found for /);
    const fix = fixIn('chairs');
    assert.match(fix, /^meetings:\n {2}- name: "[^"\n]+"\n/);
    assert.match(fix, /^ {4}chairs: \[\] {2}# 誰主持？$/m);
    const record = JSON.parse(readFileSync(join(out, UNCHAIRED_URL, 'record.json'), 'utf8')) as BulletinRecord;
    assert.deepEqual(matter(`---\n${fix}\n---\n`, {}).data, { meetings: record.meetings });
    assert.ok(!chairs.includes(SETTLED_URL));
  });

  test('the fix lines, filled in and pasted into the file, take the bulletin off the queue', () => {
    // The title too, whether or not the parser had to make it up.
    const front = [fixIn('date'), 'title: "區政府召開常務會議研究春耕生產"', fixIn('chairs').replace('chairs: []', 'chairs: ["林測甲"]')].join('\n');
    const content = join(root, 'content');
    writeFileSync(join(content, 'bulletins/2024/2024-03-05-chungeng.txt'), `---\n${front}\n---\n${UNCHAIRED}`);
    const again = join(root, 'site-fixed');
    const result = runBuild(content, again);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    const fixed = readFileSync(join(again, 'report/index.html'), 'utf8');
    assert.match(fixed, /2篇公報，0篇有推定或缺少的欄位待核對/);
    assert.match(fixed, /<p>沒有待核對的公報。<\/p>/);
    const record = JSON.parse(readFileSync(join(again, UNCHAIRED_URL, 'record.json'), 'utf8')) as BulletinRecord;
    assert.deepEqual(record.meetings[0]!.chairs, ['林測甲']);
    assert.equal(record.title, '區政府召開常務會議研究春耕生產');
  });

  test('the warnings table stays, and the page is valid HTML', async () => {
    assert.match(report, /<h2 id="warnings">警告<\/h2>\n<p>沒有警告。<\/p>/);
    const result = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(report, 'report/index.html');
    assert.ok(result.valid, JSON.stringify(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))));
  });
});
