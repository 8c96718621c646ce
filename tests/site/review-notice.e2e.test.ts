// The bulletin page says what still needs review: a notice listing each guessed or missing field with
// its reason and a link to its group on /report/ (through the path prefix), and a 推定 mark after a
// field a rule inferred; a bulletin the text settles has neither.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { BulletinRecord } from '../../src/record.ts';
import { escapeHtml } from '../../src/site/html.ts';
import { cleanUp, runBuild, tempDir } from '../helpers/site.ts';

// No year (it comes from the file's name), no headline (the title is made up), nobody chairs the meeting.
const GUESSED = `長樂新聞網訊 3月5日，區政府召開今年第5次常務會議，研究春耕生產工作。
會議強調——
要抓好春耕生產。確保不誤農時。
（記者 周測丁）
`;
// Simplified: no year, no headline, a second meeting of a kind the parser does not know.
const GUESSED_HANS = `长乐新闻网讯 5月6日，区长林测甲主持召开区政府常务会议，随后召开春耕工作碰头会。
会议强调——
要抓好春耕生产。确保不误农时。
（记者 周测丁）
`;
// A headline, a full date, a chaired meeting: nothing to review. No outlet is named, so the source is
// unknown (origin inferred, value ""): shown as 不詳, with no mark, since nothing was inferred.
const SETTLED = `林測甲主持召開區政府常務會議
2024年4月2日，區長林測甲主持召開區政府今年第6次常務會議。
會議強調——
要加強安全管理。確保不出問題。
（記者 周測丁）
`;
const GUESSED_URL = '/2024/03/05/chungeng/';
const HANS_URL = '/2024/05/06/pengtou/';
const SETTLED_URL = '/2024/04/02/anquan/';

let root: string;
let content: string;
let out: string;
const page = (url: string, dir = out) => readFileSync(join(dir, url, 'index.html'), 'utf8');
const record = (url: string) => JSON.parse(readFileSync(join(out, url, 'record.json'), 'utf8')) as BulletinRecord;
/** The notice on a page, or undefined. */
const notice = (html: string) => html.match(/<aside class="review-notice"[^>]*>[\s\S]*?<\/aside>/)?.[0];

function build(dir: string): void {
  const result = runBuild(content, dir);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

before(() => {
  root = tempDir('review-notice');
  content = join(root, 'content');
  mkdirSync(join(content, 'bulletins/2024'), { recursive: true });
  writeFileSync(join(content, 'bulletins/2024/2024-03-05-chungeng.txt'), GUESSED);
  writeFileSync(join(content, 'bulletins/2024/2024-05-06-pengtou.txt'), GUESSED_HANS);
  writeFileSync(join(content, 'bulletins/2024/2024-04-02-anquan.txt'), SETTLED);
  out = join(root, 'site');
  build(out);
});
after(() => cleanUp(root));

describe('the review notice on a bulletin page', () => {
  test('lists each field under review with its reason, linking its group on /report/', () => {
    const r = record(GUESSED_URL);
    assert.deepEqual(r.needs_review.map((i) => i.field), ['date', 'title', 'meetings[0].chairs'], 'the fixture has these fields to review');
    const aside = notice(page(GUESSED_URL))!;
    assert.ok(aside, 'the page has a notice');
    assert.match(aside, /^<aside class="review-notice" aria-labelledby="review-notice-heading">\n<h2 id="review-notice-heading">待核對<\/h2>/);
    const items = [...aside.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(items, [
      `<a href="/report/#review-date">日期是推定的</a>（<code>date</code>）：<span lang="en">${escapeHtml(r.needs_review[0]!.reason)}</span>`,
      `<a href="/report/#review-title">標題是擬定的</a>（<code>title</code>）：<span lang="en">${escapeHtml(r.needs_review[1]!.reason)}</span>`,
      `<a href="/report/#review-chairs">會議沒有主持人</a>（<code>meetings[0].chairs</code>）：<span lang="en">${escapeHtml(r.needs_review[2]!.reason)}</span>`,
    ]);
    assert.match(aside, /the text gives no full date; 2024 came from the file&#39;s name or folder/);
  });

  test('the groups it links are the sections /report/ has', () => {
    const report = page('/report/');
    for (const url of [GUESSED_URL, HANS_URL]) {
      for (const [, id] of notice(page(url))!.matchAll(/href="\/report\/#([^"]+)"/g)) assert.match(report, new RegExp(`<section class="review" id="${id}">`), id);
    }
  });

  test('in a Simplified bulletin\'s script, an unknown meeting kind linking the kinds group', () => {
    const r = record(HANS_URL);
    assert.deepEqual(r.needs_review.map((i) => i.field), ['date', 'title', 'meetings[1].types'], 'the fixture has these fields to review');
    const aside = notice(page(HANS_URL))!;
    assert.match(aside, /<h2 id="review-notice-heading">待核对<\/h2>/);
    assert.ok(aside.includes(`<a href="/report/#review-kinds">会议类别不明</a>（<code>meetings[1].types</code>）：<span lang="en">${escapeHtml(r.needs_review[2]!.reason)}</span>`));
  });

  test('a bulletin with nothing to review has no notice', () => {
    assert.deepEqual(record(SETTLED_URL).needs_review, []);
    const html = page(SETTLED_URL);
    assert.equal(notice(html), undefined);
    assert.doesNotMatch(html, /review-notice|\/report\/#/);
  });

  test('with a path prefix, the links go through it', () => {
    const prefixed = join(root, 'site-prefixed');
    process.env.SITE_PATH_PREFIX = '/archive/';
    try {
      build(prefixed);
    } finally {
      delete process.env.SITE_PATH_PREFIX;
    }
    const aside = notice(page(GUESSED_URL, prefixed))!;
    assert.deepEqual([...aside.matchAll(/href="([^"]+)"/g)].map((m) => m[1]),
      ['/archive/report/#review-date', '/archive/report/#review-title', '/archive/report/#review-chairs']);
  });
});

describe('the 推定 mark', () => {
  test('follows a title the parser made up, after the heading', () => {
    assert.equal(record(GUESSED_URL).origin.title, 'inferred');
    const html = page(GUESSED_URL);
    assert.match(html, /<\/h1> <small class="inferred" data-field="title">推定<\/small>\n/);
    assert.match(page(HANS_URL), /<\/h1> <small class="inferred" data-field="title">推定<\/small>/);
  });

  test('marks no field the text stated, nor an unknown source shown as 不詳', () => {
    const guessed = page(GUESSED_URL);
    assert.deepEqual([...guessed.matchAll(/class="inferred" data-field="([^"]+)"/g)].map((m) => m[1]), ['title']);
    assert.doesNotMatch(guessed, /class="edited"/);
    const settled = page(SETTLED_URL);
    const r = record(SETTLED_URL);
    assert.equal(r.origin.title, 'text');
    assert.equal(r.origin.source, 'inferred');
    assert.match(settled, /<span>來源：不詳<\/span>/);
    assert.doesNotMatch(settled, /class="inferred"|推定/);
  });
});

test('the pages are valid HTML (html-validate:recommended)', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  for (const url of [GUESSED_URL, HANS_URL, SETTLED_URL]) {
    const result = await validator.validateString(page(url), `${url}index.html`);
    assert.ok(result.valid, `${url}: ${JSON.stringify(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)))}`);
  }
});
