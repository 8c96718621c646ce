// Measures search on a built site in headless Chromium: bytes fetched by a first search
// (/search/?q=…) and a second (typed), and the time from the last keystroke to the first result.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { serveStatic } from '../dev/static-server.ts';

export interface SearchQueryFigures {
  query: string;
  /** Result links shown. */
  results: number;
  /** Bytes as served (this server does not compress), after the page's own HTML and CSS. */
  bytes: number;
  /** The same with JS, JSON and HTML counted at gzip size, as a compressing host serves them. */
  gzipBytes: number;
  requests: number;
  /** Milliseconds from the last keystroke (typed query) or from navigation start (?q=) to the first result. */
  ms: number;
}

export interface SearchFigures {
  /** Why there are no figures ("no /search/ page" …). */
  na?: string;
  first?: SearchQueryFigures;
  second?: SearchQueryFigures;
  /** Typed-query latencies of every try (ms); the table shows their median. */
  typedMs?: number[];
}

export interface SearchSite {
  root: string;
  /** A result is a visible link whose path matches this (and is not in header, nav or footer). */
  resultPath: RegExp;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const INPUT = 'input[type=search], input[name=q], .pagefind-ui__search-input, main input[type=text]';
const TEXTUAL = /(javascript|json|html|text\/plain|svg)/;

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}

// In-page code goes as strings: the compiler (esbuild) could otherwise add helper calls the page does not have.
/** A browser expression: the result links now shown (visible, outside header/nav/footer, path matching). */
const hrefsExpression = (pattern: RegExp) => `[...document.querySelectorAll('a[href]')]
  .filter((a) => !a.closest('header, nav, footer') && a.offsetParent !== null && new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}).test(new URL(a.href).pathname))
  .map((a) => a.href)`;

/** Result hrefs now shown in the page. */
async function resultHrefs(page: Page, pattern: RegExp): Promise<string[]> {
  return page.evaluate(hrefsExpression(pattern)) as Promise<string[]>;
}

/** Collects responses from now on, leaving out the document itself and style sheets. */
function collector(page: Page) {
  const seen: Array<Promise<{ bytes: number; gzip: number }>> = [];
  let last = performance.now();
  const on = (response: Response) => {
    last = performance.now();
    const type = response.headers()['content-type'] ?? '';
    if (response.request().resourceType() === 'document' || response.request().resourceType() === 'stylesheet' || type.startsWith('text/css')) return;
    if (new URL(response.url()).pathname.startsWith('/__dev/')) return;
    seen.push((async () => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const sizes = await response.request().sizes().catch(() => undefined);
      const bytes = sizes?.responseBodySize || body.length;
      return { bytes, gzip: TEXTUAL.test(type) && !(response.headers()['content-encoding']) ? gzipSync(body).length : bytes };
    })());
  };
  page.on('response', on);
  return {
    /** Waits until no response came for `quietMs`, then sums. */
    async finish(quietMs = 700): Promise<{ bytes: number; gzipBytes: number; requests: number }> {
      while (performance.now() - last < quietMs) await new Promise((ok) => setTimeout(ok, 100));
      page.off('response', on);
      const all = await Promise.all(seen);
      return { bytes: all.reduce((s, r) => s + r.bytes, 0), gzipBytes: all.reduce((s, r) => s + r.gzip, 0), requests: all.length };
    },
  };
}

/**
 * Enters `query` into the search box as one input event (as an input method commits a word), then
 * presses Enter when the box's form has an explicit submit button (a search that runs on submit,
 * not as you type); returns ms from the last of these to the first frame showing a new result list.
 */
async function typeQuery(page: Page, query: string, pattern: RegExp, timeoutMs: number): Promise<number> {
  const input = page.locator(INPUT).first();
  await input.fill('');
  await page.waitForTimeout(400);
  const before = (await resultHrefs(page, pattern)).join('\n');
  // In the page: remember the last input event, and watch every frame for a new, non-empty result list.
  await page.evaluate(`(() => {
    const before = ${JSON.stringify(before)};
    const w = window;
    const gen = ((w.__bench && w.__bench.gen) || 0) + 1;
    w.__bench = { gen, lastInput: 0, shown: 0 };
    const typed = () => { if (w.__bench.gen === gen) { w.__bench.lastInput = performance.now(); w.__bench.shown = 0; } };
    document.addEventListener('input', typed, true);
    document.addEventListener('keydown', (e) => { if (e.key === 'Enter') typed(); }, true);
    const look = () => {
      if (w.__bench.gen !== gen) return;
      const hrefs = ${hrefsExpression(pattern)}.join('\\n');
      if (w.__bench.lastInput && !w.__bench.shown && hrefs && hrefs !== before) w.__bench.shown = performance.now();
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })()`);
  await input.focus();
  await page.keyboard.insertText(query);
  if (await page.evaluate('!!(document.activeElement.form && document.activeElement.form.querySelector("[type=submit]"))')) await page.keyboard.press('Enter');
  await page.waitForFunction('window.__bench.shown > 0', undefined, { timeout: timeoutMs, polling: 50 });
  return page.evaluate('window.__bench.shown - window.__bench.lastInput') as Promise<number>;
}

/** Serves the site on 127.0.0.1 (port 0) and measures two searches; `n/a` when the site has no search page. */
export async function measureSearch(browser: Browser, site: SearchSite, queries: [string, string], tries = 3, timeoutMs = 30_000): Promise<SearchFigures> {
  const { server, url } = await serveStatic(site.root, { host: '127.0.0.1', port: 0 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const probe = await fetch(new URL('search/', url));
    if (probe.status !== 200) return { na: 'no /search/ page' };
    const firstBytes = collector(page);
    const t0 = Date.now();
    await page.goto(new URL(`search/?q=${encodeURIComponent(queries[0])}`, url).href);
    try {
      await page.waitForFunction(`${hrefsExpression(site.resultPath)}.length > 0`, undefined, { timeout: timeoutMs, polling: 50 });
    } catch {
      return { na: `no result for ?q=${queries[0]} within ${timeoutMs / 1000} s` };
    }
    const firstMs = Date.now() - t0;
    const b1 = await firstBytes.finish();
    const first: SearchQueryFigures = { query: queries[0], results: (await resultHrefs(page, site.resultPath)).length, ...b1, ms: firstMs };

    if ((await page.locator(INPUT).count()) === 0) return { first, na: 'no search box to type into' };
    const secondBytes = collector(page);
    const typedMs: number[] = [];
    typedMs.push(await typeQuery(page, queries[1], site.resultPath, timeoutMs));
    const b2 = await secondBytes.finish();
    const second: SearchQueryFigures = { query: queries[1], results: (await resultHrefs(page, site.resultPath)).length, ...b2, ms: typedMs[0]! };
    // More tries, alternating the two (warm: their index chunks are loaded).
    for (let i = 1; i < tries; i++) typedMs.push(await typeQuery(page, queries[i % 2 === 1 ? 0 : 1], site.resultPath, timeoutMs));
    return { first, second, typedMs };
  } catch (error) {
    return { na: `search measurement failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await context.close();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}
