// Search in headless Chromium against a built site served on 127.0.0.1: the seed in both scripts,
// phrases and pinyin, filters, date ranges and sorting checked against the records on a
// generated multi-year corpus, what the page fetches and in what order, URL state and history,
// the empty state, the reader's script, escaping, keyboard use and the header's search box.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateCorpus } from '../../src/corpus/corpus.ts';
import { toSimplifiedAligned } from '../../src/parser/script.ts';
import { containsAll, fold, parseQuery } from '../../src/search/text-rules.ts';
import { type BulletinEntry } from '../../src/archive/model.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { serveStatic } from '../../src/dev/static-server.ts';
import { cleanUp, ROOT, runBuild, SEED_URL, tempDir, writeContent, XSS_URL } from '../helpers/site.ts';
import { launchChromium } from '../helpers/chromium.ts';

const TIMEOUT = 60_000;
const PAGE_SIZE = 20;

let root: string;
let server: Server | undefined;
let base: string;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let entries: BulletinEntry[];

before(async () => {
  root = tempDir('search');
  const content = writeContent(join(root, 'content'));
  // A few dozen fictional bulletins over four years, beside the seed and the site fixtures, and a
  // newest year with more than a page of them.
  for (const file of [...generateCorpus({ n: 36, seed: 11, years: [2019, 2022] }), ...generateCorpus({ n: 30, seed: 12, years: [2024, 2024] })]) {
    const path = join(content, 'bulletins', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  const out = join(root, 'site');
  const result = runBuild(content, out);
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  entries = (await loadArchive({ contentDir: content })).bulletins;
  const served = await serveStatic(out);
  server = served.server;
  base = served.url.replace(/\/$/, '');
  browser = await launchChromium(TIMEOUT);
  context = await newContext();
  page = await context.newPage();
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (root) cleanUp(root);
});

async function newContext(options: { javaScriptEnabled?: boolean; script?: 'Hans' | 'Hant' } = {}): Promise<BrowserContext> {
  const c = await browser!.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  c.setDefaultTimeout(TIMEOUT);
  if (options.script) await c.addInitScript((s) => window.localStorage.setItem('archive.script', s), options.script);
  return c;
}

interface Shown { status: string; total: number; urls: string[]; dates: string[]; state: string }

/** What the results show once the search has finished. */
async function shown(p: Page = page): Promise<Shown> {
  await p.waitForFunction(() => ['done', 'empty', 'error', 'idle'].includes(document.documentElement.getAttribute('data-search') ?? ''));
  const state = (await p.getAttribute('html', 'data-search'))!;
  assert.notEqual(state, 'error', await p.locator('[data-search-status]').innerText());
  const items = p.locator('.search-results li');
  return {
    state,
    status: await p.locator('[data-search-status]').innerText(),
    total: Number(await p.getAttribute('.search-results', 'data-total') ?? 0),
    urls: await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-url')!)),
    dates: await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date')!)),
  };
}

/** Opens /search/ with the given state and waits for the results. */
async function search(params: Record<string, string>, p: Page = page): Promise<Shown> {
  await p.goto(`${base}/search/?${new URLSearchParams(params)}`);
  return shown(p);
}

const newestFirst = (a: BulletinEntry, b: BulletinEntry) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1);

/** Searches from the form on the open search page, as a reader would, and waits for the results. */
async function submit(q: string): Promise<Shown> {
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((want) => new URLSearchParams(location.search).get('q') === want, q);
  return shown();
}

/** The bulletins a search should find, worked out from the records, newest first. */
function expected(params: { q?: string; official?: string; kind?: string; year?: string; month?: string; from?: string; to?: string }): string[] {
  const names = entries.flatMap((e) => e.officials.map((o) => o.person)).map((p) => ({ pinyin: [], keys: [p.id] }));
  const terms = params.q ? parseQuery(params.q, toSimplifiedAligned, names) : [];
  return entries.filter((e) => (!params.official || e.officials.some((o) => o.person.slug === params.official))
    && (!params.kind || e.meetings.some((m) => m.kinds.some((k) => k.slug === params.kind)))
    && (!params.year || e.date.startsWith(`${params.year}-`))
    && (!params.month || e.date.startsWith(`${params.month}-`))
    && (!params.from || e.date >= params.from) && (!params.to || e.date <= params.to)
    && containsAll(fold(`${e.title}\n${e.record.text}`, toSimplifiedAligned), terms))
    .sort(newestFirst).map((e) => e.url);
}

/** The search shows exactly the expected bulletins: the count, and the first page in order. */
async function assertFinds(params: Record<string, string>): Promise<Shown> {
  const want = expected(params);
  const got = await search(params);
  assert.equal(got.total, want.length, `${JSON.stringify(params)}: ${got.status}`);
  if (!params.sort) assert.deepEqual(got.urls, want.slice(0, PAGE_SIZE), JSON.stringify(params));
  else assert.deepEqual(new Set(got.urls), new Set(want.slice(0, PAGE_SIZE)), JSON.stringify(params));
  return got;
}

describe('the seed, in either script', () => {
  for (const q of ['廖海軍', '廖海军', '常務會議', '常务会议', '對臺交流', '对台交流', '"對臺交流"', '"对台交流"', '「對臺交流」']) {
    test(`${q} finds the seed`, async () => {
      const got = await search({ q });
      assert.ok(got.urls.includes(SEED_URL), `${q}: ${got.status} ${got.urls.join(' ')}`);
      assert.equal(got.total, expected({ q }).length);
    });
  }

  test('pinyin finds the official: liao haijun, liaohaijun', async () => {
    for (const q of ['liao haijun', 'liaohaijun', 'Liao Haijun']) {
      const got = await search({ q });
      assert.deepEqual(got.urls, [SEED_URL], q);
    }
  });

  test('every directive heading of the seed, searched as written, finds the seed', async () => {
    const seed = entries.find((e) => e.url === SEED_URL)!;
    const headings = seed.record.meetings.flatMap((m) => m.directives.map((d) => d.heading));
    assert.ok(headings.length >= 10);
    await search({});
    for (const q of headings) {
      const got = await submit(q);
      assert.ok(got.urls.includes(SEED_URL), `${q}: ${got.status}`);
    }
  });

  test('the excerpt shows the match highlighted, in the bulletin\'s script by default', async () => {
    await search({ q: '对台交流' });
    const item = page.locator(`.search-results li[data-url="${SEED_URL}"]`);
    assert.deepEqual(await item.locator('.search-excerpt mark').allInnerTexts(), ['對臺交流']);
    assert.match(await item.locator('h2 a').innerText(), /廖海軍主持召開/);
    assert.match(await item.locator('.search-meta').innerText(), /2022年7月18日.*主持：廖海軍/s);
    assert.equal(await item.locator('h2 a').getAttribute('href'), SEED_URL);
  });
});

describe('what the page fetches', () => {
  /** Paths the page has fetched so far, in the order it asked for them. */
  const fetched = (p: Page) => p.evaluate(() => performance.getEntriesByType('resource').sort((a, b) => a.startTime - b.startTime).map((e) => new URL(e.name).pathname));

  test('only the index chunks it needs: never pagefind.js, its worker, wasm or pf_meta', async () => {
    await search({ q: '會議' });
    const paths = await fetched(page);
    assert.ok(paths.some((p) => p.endsWith('.pf_index')));
    assert.deepEqual(paths.filter((p) => p.startsWith('/pagefind/') && !/^\/pagefind\/[^/]+\/index\/[^/]+\.pf_index$/.test(p)), []);
    // The URLs of a year's bulletins only for the years whose bulletins are shown.
    const shownYears = new Set((await shown()).urls.map((u) => u.slice(1, 5)));
    assert.deepEqual(new Set(paths.filter((p) => p.endsWith('.urls.json')).map((p) => p.slice('/search/'.length, '/search/'.length + 4))), shownYears);
  });

  test('a page the newest year fills is shown before the older years are searched; counts cover every year', async () => {
    const want = expected({ q: '會議' });
    assert.ok(want.slice(0, PAGE_SIZE).every((u) => u.startsWith('/2024/')), 'the newest year fills the first page');
    assert.ok(want.some((u) => !u.startsWith('/2024/')));
    await assertFinds({ q: '會議' });
    const paths = await fetched(page);
    const firstRecord = paths.findIndex((p) => p.endsWith('/record.json'));
    const olderChunk = paths.findIndex((p) => /^\/pagefind\/20(19|20|21|22|23)/.test(p));
    assert.ok(firstRecord >= 0 && olderChunk > firstRecord, paths.join('\n'));
  });

  test('a phrase runs on across a break, as in contains(): from the end of the title into the text', async () => {
    const seed = entries.find((e) => e.url === SEED_URL)!;
    const q = `"${seed.title.slice(-2)}。${seed.record.text.slice(0, 2)}"`;
    const got = await assertFinds({ q });
    assert.ok(got.urls.includes(SEED_URL), q);
  });
});

describe('one Han character', () => {
  test('is searched as a prefix and every result shown is checked against its record', async () => {
    const want = new Set(expected({ q: '測' }));
    const got = await search({ q: '測' });
    assert.ok(got.urls.length > 0);
    for (const url of got.urls) assert.ok(want.has(url), url);
    assert.deepEqual(got.dates, [...got.dates].sort().reverse());
  });
});

describe('no match', () => {
  for (const q of ['香蕉', '完全不存在的詞語組合', '政府 香蕉', '"政府 香蕉"']) {
    test(`${q} shows the empty state`, async () => {
      const got = await search({ q });
      assert.equal(got.state, 'empty');
      assert.equal(got.total, 0);
      assert.deepEqual(got.urls, []);
      assert.equal(await page.locator('[data-search-empty]').isVisible(), true);
      assert.match(await page.locator('[data-search-empty]').innerText(), /每個詞都要出現/);
    });
  }

  test('with filters on, the empty state offers the search without them', async () => {
    const got = await search({ q: '廖海軍', year: '2021' });
    assert.equal(got.state, 'empty');
    await page.click('[data-search-empty] a');
    const again = await shown();
    assert.deepEqual(again.urls, [SEED_URL]);
    assert.equal(new URL(page.url()).search, `?${new URLSearchParams({ q: '廖海軍' })}`);
  });
});

describe('filters on a generated multi-year corpus', () => {
  const most = <T>(values: T[]): T => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };

  test('the corpus spans several years and people', () => {
    assert.ok(new Set(entries.map((e) => e.date.slice(0, 4))).size >= 4);
    assert.ok(entries.length >= 40);
  });

  test('by official', async () => {
    const official = most(entries.flatMap((e) => e.officials.map((o) => o.person.slug)));
    const got = await assertFinds({ official });
    assert.ok(got.total >= 2);
    assert.ok(got.total < entries.length);
  });

  test('by meeting kind', async () => {
    const kind = most(entries.flatMap((e) => [...new Set(e.meetings.flatMap((m) => m.kinds.map((k) => k.slug)))]));
    await assertFinds({ kind });
  });

  test('by year and by month', async () => {
    const year = most(entries.map((e) => e.date.slice(0, 4)));
    await assertFinds({ year });
    const month = most(entries.map((e) => e.date.slice(0, 7)));
    await assertFinds({ month });
    await assertFinds({ year, month });
  });

  test('by a date range, both ends included', async () => {
    const dates = [...new Set(entries.map((e) => e.date))].sort();
    const from = dates[Math.floor(dates.length / 4)]!;
    const to = dates[Math.floor(dates.length / 2)]!;
    const got = await assertFinds({ from, to });
    assert.ok(got.dates.includes(from) && got.dates.includes(to), 'both end dates are in');
    await assertFinds({ from: '2022-07-18', to: '2022-07-18' });
  });

  test('a query with filters together', async () => {
    const official = most(entries.flatMap((e) => e.officials.map((o) => o.person.slug)));
    await assertFinds({ q: '會議', official });
    await assertFinds({ q: '会议', from: '2020-01-01', to: '2021-06-30' });
  });

  test('filters show counts for the current search', async () => {
    await search({ q: '會議' });
    const options = await page.locator('#search-year option').allInnerTexts();
    const byYear = new Map<string, number>();
    for (const url of expected({ q: '會議' })) byYear.set(url.slice(1, 5), (byYear.get(url.slice(1, 5)) ?? 0) + 1);
    for (const [year, count] of byYear) assert.ok(options.includes(`${year}年 (${count})`), `${year}: ${options.join(', ')}`);
    await page.selectOption('#search-year', [...byYear.keys()][0]!);
    const got = await shown();
    assert.equal(got.total, byYear.get([...byYear.keys()][0]!));
    assert.match(new URL(page.url()).search, /year=/);
  });
});

describe('sorting', () => {
  test('newest first orders by date', async () => {
    const got = await assertFinds({ q: '會議' });
    assert.ok(got.total > 10);
    assert.deepEqual(got.dates, [...got.dates].sort().reverse());
  });

  test('by relevance finds the same bulletins', async () => {
    const official = entries.find((e) => e.url === SEED_URL)!.officials[0]!.person.slug;
    const newest = await search({ q: '會議', official });
    const relevant = await search({ q: '會議', official, sort: 'relevance' });
    assert.deepEqual(new Set(relevant.urls), new Set(newest.urls));
    assert.match(relevant.status, /相關度/);
  });
});

describe('state in the URL', () => {
  test('a URL with state reproduces the results and fills the form', async () => {
    const params = { q: '會議', from: '2020-01-01', to: '2022-12-31', sort: '' };
    const first = await search(params);
    const again = await search(params);
    assert.deepEqual(again.urls, first.urls);
    assert.equal(await page.inputValue('#search-q'), '會議');
    assert.equal(await page.inputValue('#search-from'), '2020-01-01');
    assert.equal(await page.inputValue('#search-to'), '2022-12-31');
  });

  test('submitting puts the search in the URL; back and forward show the earlier ones', async () => {
    await search({ q: '廖海軍' });
    await page.fill('#search-q', '常務會議');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/q=%E5%B8%B8/);
    const second = await shown();
    assert.ok(second.total >= 2);
    await page.goBack();
    await page.waitForURL(/q=%E5%BB%96/);
    const back = await shown();
    assert.deepEqual(back.urls, [SEED_URL]);
    assert.equal(await page.inputValue('#search-q'), '廖海軍');
    await page.goForward();
    await page.waitForURL(/q=%E5%B8%B8/);
    assert.deepEqual((await shown()).urls, second.urls);
  });

  test('the page links carry the state', async () => {
    const got = await search({ q: '會議' });
    if (got.total <= PAGE_SIZE) return;
    await page.click('[data-search-pager] a[rel="next"]');
    await page.waitForURL(/page=2/);
    const second = await shown();
    assert.deepEqual(second.urls, expected({ q: '會議' }).slice(PAGE_SIZE, 2 * PAGE_SIZE));
  });
});

describe('the reader\'s script and escaping', () => {
  test('excerpts follow the 繁/简 choice, before and after switching', async () => {
    const c = await newContext({ script: 'Hans' });
    const p = await c.newPage();
    await p.goto(`${base}/search/?q=${encodeURIComponent('對臺交流')}`);
    await p.waitForSelector('html[data-switches-ready]', { state: 'attached' });
    await shown(p);
    const item = p.locator(`.search-results li[data-url="${SEED_URL}"]`);
    await p.waitForFunction(() => document.querySelector('.search-excerpt mark')?.textContent === '对台交流');
    assert.match(await item.locator('h2 a').innerText(), /廖海军/);
    await p.click('button[data-script="Hant"]');
    await p.waitForFunction(() => document.querySelector('.search-excerpt mark')?.textContent === '對臺交流');
    assert.match(await item.locator('h2 a').innerText(), /廖海軍/);
    await c.close();
  });

  test('a bulletin\'s markup in titles and excerpts stays text', async () => {
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    for (const q of ['测试标题', 'alert', 'img onerror']) {
      const got = await search({ q });
      assert.ok(got.urls.includes(XSS_URL), q);
      assert.equal(await page.locator('.search-results img, .search-results script, .search-results b').count(), 0);
    }
    await search({ q: '测试标题' });
    assert.equal(await page.locator(`li[data-url="${XSS_URL}"] h2 a`).innerText(), '<img src=x onerror=alert(1)>测试标题 <b>粗</b>');
    assert.equal(dialogs, 0);
  });
});

describe('keyboard and the search box on every page', () => {
  test('/ focuses the search field; Enter searches', async () => {
    await page.goto(`${base}/search/`);
    await shown();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q');
    await page.keyboard.type('廖海军');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    assert.deepEqual((await shown()).urls, [SEED_URL]);
  });

  test('without JavaScript the header box on a bulletin page is a GET form to /search/', async () => {
    const c = await newContext({ javaScriptEnabled: false });
    const p = await c.newPage();
    await p.goto(base + SEED_URL);
    await p.fill('.site-search input[name="q"]', '對臺交流');
    await p.press('.site-search input[name="q"]', 'Enter');
    await p.waitForURL(/\/search\/\?q=/);
    assert.equal(new URL(p.url()).searchParams.get('q'), '對臺交流');
    assert.equal(await p.locator('h1').innerText(), '搜索');
    await c.close();
  });

  test('with JavaScript the header box leads to the results', async () => {
    await page.goto(`${base}/officials/`);
    await page.fill('.site-search input[name="q"]', 'liaohaijun');
    await page.press('.site-search input[name="q"]', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    assert.deepEqual((await shown()).urls, [SEED_URL]);
  });
});

describe('accessibility (axe-core)', () => {
  for (const params of [{}, { q: '會議' }, { q: '香蕉', year: '2021' }] as Array<Record<string, string>>) {
    test(`no violations on /search/?${new URLSearchParams(params)}`, async () => {
      await search(params);
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      });
      assert.deepEqual(violations, []);
    });
  }
});
