// Issue 17's hostile-content build: one archive with every nasty input the archive accepts (markup,
// javascript:, template syntax, C0 controls, U+FFFE, bidi overrides, a lone surrogate, long names,
// the first and last dates of the range) in every field a value can come from, built; then every
// page is valid HTML, every XML and JSON file parses, and in Chromium nothing runs, calls out or errs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { site } from '../../src/config.ts';
import { serveStatic } from '../../src/dev/static-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { cleanUp, listFiles, runBuild, tempDir } from '../helpers/site.ts';

const SCRIPT = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';
const CLOSE = '</script>';
const TEMPLATE = '{{ 7*7 }}{% raw %}${7*7}';
// Form feed, backspace, ESC [2J (clear the screen), ESC ] 0; … BEL (set a terminal's title).
const CONTROLS = '\f\b\x1b[2J\x1b]0;pwned\x07';
const BIDI = '\u202E';
const NONCHAR = '\uFFFE';
// A UTF-8 or UTF-16 file cannot carry a lone surrogate (the decoder refuses it): YAML's "\uD800"
// escape can, so front matter and the editor's files carry one; the text carries U+FFFD instead.
const LONE = '\uD800';
const NASTY = `${SCRIPT}${ATTR}'${JS_URL}${CLOSE}${TEMPLATE}${CONTROLS}${BIDI}${NONCHAR}`;
const LONG_NAME = '廖'.repeat(60);
const LONG_TITLE = `${'很长的标题'.repeat(400)}${SCRIPT}`;
const FIRST = site.dates.first;
const LAST = site.dates.last;
const day = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const url = (date: string, slug: string) => `/${date.replaceAll('-', '/')}/${slug}/`;

/** A YAML double-quoted scalar, with every control, surrogate, non-character and bidi mark escaped. */
function q(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x2000 && c < 0x2070) || (c >= 0xd800 && c < 0xe000) || c >= 0xfffe) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}
/** A hostile YAML value: `value` with a lone surrogate at its end. */
const y = (value: string) => q(value + LONE);

const BULLETINS: Record<string, string> = {
  // From the text: a headline, a source line, the dateline, names, a meeting's name, its
  // directives, 《documents》 and a byline; U+FFFD where a lone surrogate would be.
  [`${FIRST.slice(0, 4)}/${FIRST}-text.txt`]: `${SCRIPT}标题${ATTR}${BIDI}
来源：${SCRIPT}${NONCHAR} 发布时间：${FIRST}
长乐${SCRIPT}网讯 ${day(FIRST)}，区长林测甲${BIDI}主持召开${SCRIPT}${CONTROLS}常务会议，副区长陈测乙${ATTR}出席。
会议强调——
要做好${SCRIPT}工作。${JS_URL} ${CLOSE} ${TEMPLATE}${CONTROLS}${NONCHAR}\uFFFD。
要加强${BIDI}管理。确保不出问题。
会议审议《${SCRIPT}${ATTR}办法》和《${TEMPLATE}${JS_URL}条例》。
（记者 ${SCRIPT}周测丁${ATTR}）
`,
  // From the front matter: every field it can set, and keys of its own.
  [`${LAST.slice(0, 4)}/${LAST}-front-matter.txt`]: `---
title: ${y(`标题${NASTY}`)}
date: ${LAST}
source: ${y(`来源${NASTY}`)}
officials:
  - name: ${y(`官员${NASTY}`)}
    titles: [${y(`区长${NASTY}`)}, ${y(JS_URL)}]
    roles: [chair]
  - ${y(`王样乙${BIDI}`)}
  - name: ${LONG_NAME}
    titles: [区长]
reporters:
  - ${y(`记者${NASTY}`)}
  - name: ${y(`周测丁${ATTR}`)}
    role: ${y(`记者${NASTY}`)}
meetings:
  - name: ${y(`会议${NASTY}常务会议`)}
    types: [${y(`类别${NASTY}`)}]
    number: 3
    chairs: [${y(`官员${NASTY}`)}]
    attendees: [${y(`王样乙${BIDI}`)}, ${LONG_NAME}]
    directives:
      - ${y(`要做好${NASTY}工作，确保完成。`)}
      - heading: ${y(`标题${NASTY}`)}
        text: ${y(`正文${NASTY}。`)}
    documents: [${y(`《文件${NASTY}》`)}]
  - name: ${y(`防汛工作领导小组会议${SCRIPT}`)}
    date: ${LAST}
tags: [${y(NASTY)}]
${y(`extra${NASTY}`)}: { nested: ${y(NASTY)} }
---
长乐新闻网讯 ${day(LAST)}，区长林测甲主持召开区政府常务会议。
会议强调，要做好工作。
`,
  // A long title (2,000 characters) and a long name in the text.
  '2022/2022-07-18-long-title.txt': `---
title: ${q(LONG_TITLE)}
---
长乐新闻网讯 7月18日，区长${LONG_NAME}主持召开区政府常务会议，副区长陈测乙出席。
会议强调，要做好${SCRIPT}工作。
（记者 周测丁）
`,
};
const TEXT_URL = url(FIRST, 'text');
const FRONT_URL = url(LAST, 'front-matter');
const LONG_URL = '/2022/07/18/long-title/';

// The editor's files: an alias and display names, a split with hostile labels and places, a
// redirect's note, a withdrawn bulletin's title and note.
const OFFICIALS = `- key: 林测甲
  aliases: [${y(`林测甲${NASTY}`)}]
  name: { Hant: ${y(`林測甲${NASTY}`)}, Hans: ${y(`林测甲${NASTY}`)} }
- key: 陈测乙
  split:
    - label: ${y(`陈测乙（${NASTY}）`)}
      place: ${y(`长乐${NASTY}`)}
      until: 2000-01-01
    - label: ${y(`陈测乙（${ATTR}）`)}
`;
const REDIRECTS = `- from: /2020/01/02/moved/
  to: ${LONG_URL}
  note: ${y(`移动${NASTY}`)}
- from: /2020/01/03/gone/
  withdrawn: 2023-05-01
  title: ${y(`撤下${NASTY}`)}
  note: ${y(`说明${NASTY}`)}
`;

const TIMEOUT = 30_000;
let root: string;
let out: string;
let files: string[];
let server: Server | undefined;
let base: string;
let browser: Browser | undefined;
const read = (path: string) => readFileSync(join(out, path), 'utf8');

before(async () => {
  root = tempDir('hostile');
  const content = join(root, 'content');
  for (const [name, text] of Object.entries(BULLETINS)) {
    mkdirSync(dirname(join(content, 'bulletins', name)), { recursive: true });
    writeFileSync(join(content, 'bulletins', name), text);
  }
  writeFileSync(join(content, 'officials.yml'), OFFICIALS);
  writeFileSync(join(content, 'redirects.yml'), REDIRECTS);
  out = join(root, 'site');
  const result = runBuild(content, out);
  if (result.status !== 0) throw new Error(`the hostile archive did not build (${result.status}):\n${result.stdout}\n${result.stderr}`);
  files = listFiles(out);
}, { timeout: 120_000 });

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (root) cleanUp(root);
});

describe('the archive takes every hostile value as data', () => {
  test('each bulletin, the editor files\' pages and the first and last days of the range are published', () => {
    for (const path of [TEXT_URL, FRONT_URL, LONG_URL, '/2020/01/02/moved/', '/2020/01/03/gone/', `/${FIRST.slice(0, 4)}/`, `/${LAST.slice(0, 4)}/`]) {
      assert.ok(files.includes(`${path.slice(1)}index.html`), path);
    }
  });

  test('the records keep the values as given, the lone surrogate included', () => {
    const front = JSON.parse(read(`${FRONT_URL}record.json`));
    assert.equal(front.title, `标题${NASTY}${LONE}`);
    assert.equal(front.source, `来源${NASTY}${LONE}`);
    assert.equal(front.officials[0].name, `官员${NASTY}${LONE}`);
    assert.equal(front.reporters[1].role, `记者${NASTY}${LONE}`);
    assert.equal(front.meetings[0].documents[0], `《文件${NASTY}》${LONE}`);
    assert.deepEqual(front.tags, [`${NASTY}${LONE}`]);
    assert.deepEqual(front[`extra${NASTY}${LONE}`], { nested: `${NASTY}${LONE}` });
    const text = JSON.parse(read(`${TEXT_URL}record.json`));
    assert.ok(text.title.startsWith(SCRIPT), text.title);
    assert.ok(text.meetings[0].name.includes(`${SCRIPT}${CONTROLS}`), text.meetings[0].name);
    assert.ok(text.meetings[0].documents.some((d: string) => d.includes(ATTR)), JSON.stringify(text.meetings[0].documents));
    assert.equal(JSON.parse(read(`${LONG_URL}record.json`)).title, LONG_TITLE);
  });

  test('the pages show the values as text: escaped, templates not run', () => {
    for (const path of [TEXT_URL, FRONT_URL, LONG_URL]) {
      const html = read(`${path.slice(1)}index.html`);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), path);
      assert.equal(html.match(/<script\b/g)?.length, 2, `${path}: only the site script and the JSON-LD`);
    }
    assert.ok(read(`${TEXT_URL.slice(1)}index.html`).includes(TEMPLATE), 'template syntax in the text is shown as written');
    // A long title is cut in <title> (html-validate's long-title: 70 characters as written), whole in <h1>.
    const long = read(`${LONG_URL.slice(1)}index.html`);
    assert.match(long, /<title>(?:很长的标题)+很?长?的?标?… · [^<]+<\/title>/);
    assert.ok(long.includes(`<h1>${'很长的标题'.repeat(400)}&lt;script&gt;`), 'the heading keeps the whole title');
    // A bidi override has nothing to close it in <title>: it would reverse the site's name in the tab.
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const title = /<title>[^<]*<\/title>/.exec(read(file))?.[0] ?? '';
      assert.doesNotMatch(title, /[\u202A-\u202E\u2066-\u2069]/u, file);
    }
    for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
      assert.doesNotMatch(read(file), /<img\b|<script>alert/i, file);
    }
  });
});

describe('every file the build wrote is well-formed', () => {
  test('every HTML page is valid (html-validate:recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const pages = files.filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 20, `${pages.length} pages`);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every XML file parses with a strict XML 1.0 parser (saxes)', () => {
    const xmlFiles = files.filter((f) => f.endsWith('.xml'));
    assert.ok(xmlFiles.includes('feed.xml') && xmlFiles.includes('sitemap.xml'), xmlFiles.join(' '));
    assert.ok(xmlFiles.some((f) => /^officials\/guan-yuan-.*\/feed\.xml$/.test(f)), 'the hostile official has a feed');
    const problems: string[] = [];
    for (const file of xmlFiles) {
      const parser = new SaxesParser({ xmlns: true });
      parser.on('error', (error) => { throw error; });
      try {
        parser.write(read(file)).close();
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every JSON file parses, and each page\'s JSON-LD too', () => {
    const jsonFiles = files.filter((f) => f.endsWith('.json'));
    assert.ok(jsonFiles.includes('records.json') && jsonFiles.includes(`${FRONT_URL.slice(1)}record.json`));
    const problems: string[] = [];
    for (const file of jsonFiles) {
      try {
        JSON.parse(read(file));
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const m of read(file).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) {
        if (m[1]!.includes('<')) problems.push(`${file}: JSON-LD has a raw <`);
        try {
          JSON.parse(m[1]!);
        } catch (error) {
          problems.push(`${file}: JSON-LD: ${(error as Error).message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];

  before(async () => {
    const served = await serveStatic(out);
    server = served.server;
    base = served.url.replace(/\/$/, '');
    browser = await launchChromium(TIMEOUT);
    context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT);
    // Any request for another origin is recorded and never sent.
    await context.route('**/*', (route) => {
      const target = route.request().url();
      if (new URL(target).origin === new URL(base).origin) return route.continue();
      outside.push(target);
      return route.abort();
    });
    page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`); void d.dismiss(); });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: page error: ${e.message}`));
    page.on('requestfailed', (r) => { if (!outside.includes(r.url())) errors.push(`${page.url()}: request failed: ${r.url()}`); });
  }, { timeout: 60_000 });

  after(async () => context?.close());

  /** What the live page holds that only markup could have made: images, handlers, script URLs, extra scripts. */
  const injected = () => page.evaluate(() => {
    const found: string[] = [];
    if (document.querySelectorAll('img, iframe, object, embed').length) found.push('an embedded element');
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}>`);
        if (/^(?:href|src|action|formaction)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
    }
    for (const s of document.querySelectorAll('script')) {
      if (s.type !== 'application/ld+json' && !/^\/assets\/[\w/-]+\.js$/.test(s.getAttribute('src') ?? '')) found.push(`script ${s.outerHTML.slice(0, 80)}`);
    }
    return found;
  });

  /** Opens a page, waits for site.js, and checks that nothing was injected. */
  async function visit(path: string): Promise<void> {
    await page.goto(base + path, { waitUntil: 'load' });
    await page.waitForSelector('html[data-switches-ready]', { state: 'attached' });
    assert.deepEqual(await injected(), [], path);
  }

  test('every bulletin page, in both scripts, with the readings toggled', async () => {
    for (const path of [TEXT_URL, FRONT_URL, LONG_URL]) {
      await visit(path);
      assert.match(await page.locator('main').innerText(), /<script>alert\(1\)<\/script>/, path);
      for (const script of ['Hant', 'Hans']) {
        await page.click(`button[data-script="${script}"]`);
        await page.waitForFunction((s) => document.documentElement.getAttribute('data-script') === s || document.documentElement.lang.endsWith(s), script);
      }
      if (await page.locator('.ruby-toggle').count()) await page.click('.ruby-toggle');
      assert.deepEqual(await injected(), [], `${path} after the switches`);
    }
  });

  test('every other page: home, officials, kinds, dates, the report, 404', async () => {
    const bulletins = new Set(files.filter((f) => f.endsWith('/record.json')).map((f) => f.replace(/record\.json$/, 'index.html')));
    const pages = files.filter((f) => f.endsWith('.html') && !bulletins.has(f) && !f.startsWith('search/') && !f.startsWith('2020/'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    for (const path of ['/', '/officials/', '/kinds/', '/dates/', '/report/', '/404.html', '/officials/lin-ce-jia/']) assert.ok(pages.includes(path), path);
    assert.ok(pages.some((p) => p.startsWith('/officials/guan-yuan-')), 'the hostile official\'s page');
    for (const path of pages) await visit(path);
  });

  test('the search page with a query that matches the hostile text', async () => {
    await page.goto(`${base}/search/?${new URLSearchParams({ q: SCRIPT })}`, { waitUntil: 'load' });
    await page.waitForFunction(() => ['done', 'empty', 'error'].includes(document.documentElement.getAttribute('data-search') ?? ''));
    assert.equal(await page.getAttribute('html', 'data-search'), 'done', await page.locator('[data-search-status]').innerText());
    const found = await page.locator('.search-results li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-url')));
    assert.deepEqual(new Set(found), new Set([TEXT_URL, FRONT_URL, LONG_URL]));
    assert.match(await page.locator('.search-results').innerText(), /<script>alert\(1\)<\/script>/);
    assert.deepEqual(await injected(), [], 'search results');
    // Narrowed to the hostile official: the filter's options carry the names.
    const slug = files.find((f) => /^officials\/guan-yuan-[^/]+\/index\.html$/.test(f))!.split('/')[1]!;
    await page.goto(`${base}/search/?${new URLSearchParams({ q: 'alert', official: slug })}`, { waitUntil: 'load' });
    await page.waitForFunction(() => ['done', 'empty', 'error'].includes(document.documentElement.getAttribute('data-search') ?? ''));
    assert.equal(await page.getAttribute('html', 'data-search'), 'done', await page.locator('[data-search-status]').innerText());
    assert.deepEqual(await page.locator('.search-results li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-url'))), [FRONT_URL]);
    assert.deepEqual(await injected(), [], 'search narrowed to the hostile official');
  });

  test('the redirect with a hostile note sends the reader on; the withdrawn page shows its title and note as text', async () => {
    await page.goto(`${base}/2020/01/02/moved/`);
    await page.waitForURL(base + LONG_URL);
    await page.waitForSelector('html[data-switches-ready]', { state: 'attached' });
    assert.deepEqual(await injected(), []);
    await visit('/2020/01/03/gone/');
    assert.match(await page.locator('main').innerText(), /撤下<script>alert\(1\)<\/script>/);
  });

  test('no dialog opened, no request left 127.0.0.1, no console or page error', () => {
    assert.deepEqual(dialogs, []);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
