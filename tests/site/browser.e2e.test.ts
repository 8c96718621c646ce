// In headless Chromium: the 繁/简 switch, the pinyin toggle, escaping in the live DOM, no outside
// requests, and axe-core on every page type.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../../src/dev/static-server.ts';
import { buildFixtureSite, cleanUp, ROOT, SEED_URL, XSS_URL } from '../helpers/site.ts';
import { launchChromium } from '../helpers/chromium.ts';

const TIMEOUT = 60_000;

let root: string;
let server: Server | undefined;
let base: string;
let browser: Browser | undefined;
const outside: string[] = [];

before(async () => {
  const built = buildFixtureSite('browser');
  root = built.root;
  const served = await serveStatic(built.out);
  server = served.server;
  base = served.url.replace(/\/$/, '');
  browser = await launchChromium(TIMEOUT);
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (root) cleanUp(root);
});

/** A fresh context (its own localStorage) that records any request leaving the site. */
async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser!.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  context.setDefaultTimeout(TIMEOUT);
  context.on('request', (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith('data:')) outside.push(req.url());
  });
  return context;
}

/** Opens a page and waits until site.js has applied the remembered choices. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForSelector('html[data-switches-ready]', { state: 'attached' });
}

const mainText = (page: Page) => page.locator('main').innerText();

describe('the 繁/简 switch', () => {
  test('converts the page, sets lang, and is remembered on the next page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, SEED_URL);
    assert.match(await mainText(page), /廖海軍/);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    assert.equal(await page.locator('.switches').isVisible(), true);

    await page.click('button[data-script="Hans"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    const simplified = await mainText(page);
    assert.match(simplified, /廖海军/);
    assert.doesNotMatch(simplified, /廖海軍/);
    assert.match(await page.title(), /廖海军/);
    assert.equal(await page.getAttribute('button[data-script="Hans"]', 'aria-pressed'), 'true');

    // Another page, built in Traditional, opens in Simplified.
    await open(page, '/officials/');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.match(await mainText(page), /廖海军/);

    // Back to Traditional, which a Simplified bulletin then follows.
    await page.click('button[data-script="Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.match(await mainText(page), /廖海軍/);
    await open(page, '/2023/11/20/lin-ce-jia-zhuanti/');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.match(await mainText(page), /林測甲/);
    await context.close();
  });
});

describe('the pinyin toggle', () => {
  test('hides and shows the readings and remembers the choice', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, SEED_URL);
    const rt = page.locator('rt').first();
    assert.equal(await rt.isVisible(), true);
    await page.click('.ruby-toggle');
    assert.equal(await rt.isVisible(), false);
    assert.equal(await page.getAttribute('.ruby-toggle', 'aria-pressed'), 'false');
    await open(page, SEED_URL);
    assert.equal(await page.locator('rt').first().isVisible(), false, 'still hidden after a reload');
    await page.click('.ruby-toggle');
    assert.equal(await page.locator('rt').first().isVisible(), true);
    await context.close();
  });
});

describe('in the live page', () => {
  test('a bulletin\'s markup is text: no element, no dialog', async () => {
    const context = await newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await open(page, XSS_URL);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('main b').count(), 0);
    assert.equal(await page.locator('script').count(), 2);
    assert.match(await page.locator('h1').innerText(), /^<img src=x onerror=alert\(1\)>测试标题 <b>粗<\/b>$/);
    assert.match(await mainText(page), /<script>alert\(1\)<\/script>/);
    await page.click('button[data-script="Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.equal(await page.locator('img').count(), 0, 'converting the text adds no element');
    assert.equal(dialogs, 0);
    await context.close();
  });

  test('without JavaScript the page reads as built and the switches stay hidden', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + SEED_URL);
    assert.equal(await page.locator('.switches').isVisible(), false);
    assert.equal(await page.locator('rt').first().isVisible(), true);
    assert.match(await mainText(page), /廖海軍/);
    await context.close();
  });
});

describe('accessibility (axe-core)', () => {
  const pages = [
    '/', SEED_URL, '/2023/11/20/lin-ce-jia-zhuanti/', XSS_URL, '/dates/', '/2022/', '/2022/07/', '/2022/07/18/',
    '/officials/', '/officials/liao-hai-jun/', '/kinds/', '/kinds/chang-wu-hui-yi/', '/report/', '/2020/01/02/removed/', '/404.html',
  ];
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    context = await newContext();
    page = await context.newPage();
  });
  after(async () => context?.close());
  for (const path of pages) {
    test(`no violations on ${path}`, async () => {
      await open(page, path);
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      });
      assert.deepEqual(violations, []);
    });
  }
});

test('no request left the site', () => {
  assert.deepEqual(outside, []);
});
