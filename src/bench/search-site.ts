// Measures the search of an already built site in headless Chromium, as `npm run bench` does:
// bytes of a first search (/search/?q=…) and of a typed second search, and the typed latency.
//   node scripts/run.mjs src/bench/search-site.ts --site DIR [--runs 3] [--query 防汛 --query 刘测辛]
//   node scripts/run.mjs src/bench/search-site.ts --site DIR --runs 0 --params 'q=會議&from=2024-01-01' …
// --params (repeatable) also opens /search/?PARAMS once in a fresh context and lists what it
// fetched by kind of file; --files does that for the first query.
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../dev/static-server.ts';
import { launch, measureSearch, type SearchFigures } from './search.ts';
import { formatBytes, median } from './stats.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    runs: { type: 'string', default: '3' },
    query: { type: 'string', multiple: true },
    files: { type: 'boolean', default: false },
    params: { type: 'string', multiple: true },
  },
});
if (!values.site) throw new Error('usage: node scripts/run.mjs src/bench/search-site.ts --site DIR [--runs N] [--query Q1 --query Q2] [--files] [--params QUERYSTRING …]');
const site = values.site;
const queries: [string, string] = [values.query?.[0] ?? '防汛', values.query?.[1] ?? '刘测辛'];
const runs = Number(values.runs);
const RESULT = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;
const TEXTUAL = /(javascript|json|html|text\/plain|svg)/;
const kb = formatBytes;

/** Opens /search/?params in a fresh context and prints what the page fetched (not the document or CSS), by kind of file. */
async function listFiles(browser: Browser, params: string): Promise<void> {
  const { server, url } = await serveStatic(site, { host: '127.0.0.1', port: 0 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const rows: Array<Promise<[string, number, number]>> = [];
    page.on('response', (response) => {
      const kind = response.request().resourceType();
      if (kind === 'document' || kind === 'stylesheet') return;
      const type = response.headers()['content-type'] ?? '';
      rows.push(response.body().then((body) => [new URL(response.url()).pathname, body.length, TEXTUAL.test(type) ? gzipSync(body).length : body.length]));
    });
    await page.goto(new URL(`search/?${params}`, url).href);
    await page.waitForFunction(`['done', 'empty'].includes(document.documentElement.getAttribute('data-search'))`, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const total = await page.getAttribute('.search-results', 'data-total');
    const files = await Promise.all(rows);
    const groups = new Map<string, { n: number; raw: number; gz: number }>();
    const group = (path: string) => path.replace(/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\//, '/YYYY/MM/DD/SLUG/').replace(/^\/pagefind\/[^/]+\//, '/pagefind/SHARD/')
      .replace(/\/[^/]+\.pf_(meta|index)$/, '/*.pf_$1').replace(/^\/search\/[\d-]+\./, '/search/SHARD.');
    for (const [path, raw, gz] of files) {
      const g = groups.get(group(path)) ?? { n: 0, raw: 0, gz: 0 };
      groups.set(group(path), { n: g.n + 1, raw: g.raw + raw, gz: g.gz + gz });
    }
    console.log(`/search/?${params}: ${total} results, ${kb(files.reduce((n, f) => n + f[2], 0))} gz / ${kb(files.reduce((n, f) => n + f[1], 0))} raw, ${files.length} requests`);
    for (const [path, g] of [...groups].sort((a, b) => b[1].gz - a[1].gz)) console.log(`  ${String(g.n).padStart(3)} × ${path}: ${kb(g.gz)} gz, ${kb(g.raw)} raw`);
  } finally {
    await context.close();
    server.closeAllConnections();
    server.close();
  }
}

const browser = await launch();
try {
  const all: SearchFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const figures = await measureSearch(browser, { root: site, resultPath: RESULT }, queries);
    if (figures.na) throw new Error(figures.na);
    all.push(figures);
    const { first, second, typedMs } = figures;
    console.log(`run ${i + 1}: first ${first!.query}: ${kb(first!.gzipBytes)} gz, ${kb(first!.bytes)} raw, ${first!.requests} requests, ${first!.results} results, ${first!.ms} ms`
      + ` | second ${second!.query}: ${kb(second!.gzipBytes)} gz, ${second!.requests} requests, ${second!.results} results | typed ms ${typedMs!.map((m) => m.toFixed(0)).join(' ')}`);
  }
  if (runs > 0) {
    const med = (f: (s: SearchFigures) => number) => median(all.map(f));
    console.log(`median of ${runs}: first ${kb(med((s) => s.first!.gzipBytes))} gz / ${kb(med((s) => s.first!.bytes))} raw, ${med((s) => s.first!.requests)} requests, ${med((s) => s.first!.ms)} ms;`
      + ` second ${kb(med((s) => s.second!.gzipBytes))} gz, ${med((s) => s.second!.requests)} requests;`
      + ` typed: first try ${med((s) => s.typedMs![0]!).toFixed(0)} ms, all tries ${median(all.flatMap((s) => s.typedMs!)).toFixed(0)} ms`);
  }
  for (const params of [...(values.files ? [`q=${encodeURIComponent(queries[0])}`] : []), ...(values.params ?? [])]) await listFiles(browser, params);
} finally {
  await browser.close();
}
