// Benchmark of the whole archive build against the stock tools, on one generated corpus:
// parse rate, time and peak memory of each stage and of the whole build, output size, rebuild after
// adding one bulletin (build and dev server), and what a browser fetches for two searches.
// Usage: npm run bench -- --n 10000 [--runs 3] [--skip-baseline] [--out-json FILE]   (--help for all)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { bulletinUrl } from '../archive/urls.ts';
import { parseBulletin } from '../parser/index.ts';
import { type BenchOptions, buildCommand, parseBenchArgs, USAGE } from './args.ts';
import { writeEleventySkeleton, writeHugoSkeleton } from './baseline.ts';
import type { StageTiming } from '../build/progress.ts';
import { cpuBetween, loadAverage, type Measured, measure, peakBetween, start } from './proctree.ts';
import { launch, measureSearch, type SearchFigures } from './search.ts';
import { formatBytes, formatCount, formatMB, formatSeconds, markdownTable, median, ratio } from './stats.ts';
import { ROOT } from '../paths.ts';
import { generateCorpus } from '../corpus/corpus.ts';
import { writeCorpus } from '../corpus/write.ts';

const BIN = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** One stage of one run: wall and CPU seconds, peak memory of the process tree in its time. */
interface StageFigures {
  seconds: number;
  cpuSeconds?: number;
  peakMB?: number;
}

/** One full build of one pipeline. */
interface PipelineRun {
  stages: Record<string, StageFigures>;
  whole: StageFigures;
  /** "ok", or how it ended ("killed above the 16000 MB cap after 312 s" …). */
  ended: string;
  load: [number, number];
}

interface PipelineFigures {
  name: string;
  runs: PipelineRun[];
  /** Bulletins per second of the parse stage (and of its parse loop alone, without the indexes). */
  parseRate?: number;
  parseLoopRate?: number;
  output?: { bytes: number; files: number };
  rebuild?: StageFigures & { ended: string; load: number };
  devServer?: { seconds: number; ended: string; load: number };
  search?: SearchFigures;
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadAverage().toFixed(2)}] ${line}\n`);

function ended(m: Measured, cap: number, timeout: number): string {
  if (m.killed === 'memory') return `killed above the ${cap} MB cap after ${m.wallSeconds.toFixed(0)} s`;
  if (m.killed === 'timeout') return `killed at the ${timeout} s time limit`;
  if (m.killed === 'oom') return `died of SIGKILL (out of memory?) after ${m.wallSeconds.toFixed(0)} s`;
  if (m.code !== 0) return `failed (exit ${m.code}): ${(m.stderr.trim().split('\n').at(-1) ?? '').slice(0, 200)}`;
  return 'ok';
}

const figures = (m: Measured): StageFigures => ({ seconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, peakMB: m.peakMB });

/** Total bytes and files under a folder. */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, name));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

/** The machine, for the record. */
function machine(): Record<string, string> {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return 'n/a';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc', []),
    cpu: cpus()[0]?.model ?? 'n/a',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    'free -g': sh('free', ['-g']).split('\n')[1]?.replace(/\s+/g, ' ') ?? 'n/a',
    node: process.version,
    hugo: sh('hugo', ['version']).split(' ')[1] ?? 'n/a',
    uptime: sh('uptime', []),
  };
}

/** One cold build of ours: a fresh parse cache, its stage timings matched to the tree's memory samples. */
async function buildOurs(o: BenchOptions, content: string, out: string, cacheDir: string, timingsFile: string): Promise<PipelineRun> {
  rmSync(timingsFile, { force: true });
  const m = await measure(process.execPath, [...buildCommand(ROOT), '--content', content, '--out', out, '--timings', timingsFile, '--quiet'], {
    cwd: ROOT, env: { ...process.env, ARCHIVE_PARSE_CACHE: cacheDir }, capMB: o.memCapMB, timeoutSeconds: o.timeoutSeconds,
  });
  const stages: Record<string, StageFigures> = {};
  if (existsSync(timingsFile)) {
    const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as { stages: StageTiming[] };
    for (const s of timings.stages) {
      // The tree's figures (Pagefind runs are child processes); the build's own when no sample fell inside.
      stages[s.name] = { seconds: s.seconds, cpuSeconds: cpuBetween(m.samples, s.startMs, s.endMs) ?? s.cpuSeconds, peakMB: peakBetween(m.samples, s.startMs, s.endMs) ?? s.peakRssMB };
      if (s.name === 'parse') stages['parse loop'] = { seconds: s.lastTickSeconds };
    }
  }
  return { stages, whole: figures(m), ended: ended(m, o.memCapMB, o.timeoutSeconds), load: m.load };
}

/**
 * Moves a previous run's output into `work` (deleted with it at the end) rather than deleting it
 * now: on this machine (ext4 with online discard), deleting 40,000 files just before a build raises
 * that build's kernel time from 13 s to 37-50 s and its wall time from 38 s to 62-72 s: the
 * deletion's cost, not the build's (docs/benchmarks.md, "What is measured, and how").
 */
function moveAside(dir: string, work: string): void {
  if (existsSync(dir)) renameSync(dir, join(work, `old-output-${++movedAside}`));
  // And the previous run's writes reach the disk first: back to back, the next build's writes
  // queue behind them (a cold build of 10,000 then takes 50 s instead of 35 s, even with the output moved aside).
  execFileSync('sync');
}

let movedAside = 0;

/** One stock build: a static site generator, then the stock Pagefind CLI over its output. */
async function buildStock(o: BenchOptions, generator: [string, string[], string], siteDir: string, work: string): Promise<PipelineRun> {
  moveAside(siteDir, work);
  const [cmd, args, cwd] = generator;
  const render = await measure(cmd, args, { cwd, capMB: o.memCapMB, timeoutSeconds: o.timeoutSeconds });
  const renderEnded = ended(render, o.memCapMB, o.timeoutSeconds);
  if (renderEnded !== 'ok') return { stages: { render: figures(render) }, whole: figures(render), ended: `render ${renderEnded}`, load: render.load };
  const index = await measure(BIN('pagefind'), ['--site', siteDir], { cwd, capMB: o.memCapMB, timeoutSeconds: o.timeoutSeconds });
  return {
    stages: { render: figures(render), index: figures(index) },
    whole: {
      seconds: render.wallSeconds + index.wallSeconds,
      cpuSeconds: (render.cpuSeconds ?? Number.NaN) + (index.cpuSeconds ?? Number.NaN),
      peakMB: Math.max(render.peakMB, index.peakMB),
    },
    ended: ended(index, o.memCapMB, o.timeoutSeconds) === 'ok' ? 'ok' : `index ${ended(index, o.memCapMB, o.timeoutSeconds)}`,
    load: [render.load[0], index.load[1]],
  };
}

/** A bulletin not in the corpus, written into `bulletinsDir`; returns its path and URL. */
function newBulletin(o: BenchOptions): { name: string; text: string; url: string; year: string } {
  const file = generateCorpus({ n: 1, seed: o.seed + 1 }).next().value!;
  const name = `${basename(file.path, '.txt')}-bench-added.txt`;
  const year = file.path.split('/')[0]!;
  const record = parseBulletin(Buffer.from(file.text), `${year}/${name}`);
  return { name, text: file.text, url: bulletinUrl(record), year };
}

/** Starts the dev server on the corpus, waits for its first build, adds a bulletin, times until the page is served. */
async function devServerAdd(o: BenchOptions, content: string, out: string, cacheDir: string, added: { name: string; text: string; url: string; year: string }): Promise<{ seconds: number; ended: string; load: number }> {
  let url = '';
  let built: () => void;
  const ready = new Promise<void>((ok) => { built = ok; });
  const server = start(process.execPath, ['scripts/run.mjs', 'scripts/dev.ts', '--content', content, '--out', out, '--port', '0'], {
    cwd: ROOT, env: { ...process.env, ARCHIVE_PARSE_CACHE: cacheDir }, capMB: o.memCapMB, timeoutSeconds: o.timeoutSeconds,
    onLine: (line) => {
      const at = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (at) url = at[1]!;
      if (/^built in /.test(line) || /^build failed/.test(line)) built();
    },
  });
  const exited = server.done.then((m) => `exited early: ${ended(m, o.memCapMB, o.timeoutSeconds)}`);
  try {
    const first = await Promise.race([ready.then(() => ''), exited]);
    if (first) return { seconds: Number.NaN, ended: first, load: loadAverage() };
    while (!url) await new Promise((ok) => setTimeout(ok, 50));
    const target = new URL(added.url.slice(1), url).href;
    const load = loadAverage();
    const t0 = performance.now();
    const file = join(content, 'bulletins', added.year, added.name);
    writeFileSync(`${file}.tmp`, added.text);
    renameSync(`${file}.tmp`, file);
    while (performance.now() - t0 < o.timeoutSeconds * 1000) {
      const res = await fetch(target).catch(() => undefined);
      if (res?.status === 200) return { seconds: (performance.now() - t0) / 1000, ended: 'ok', load };
      await res?.arrayBuffer().catch(() => undefined);
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return { seconds: Number.NaN, ended: 'never served', load };
  } finally {
    server.stop();
    await server.done;
  }
}

/** "12.3 s · 11.0 CPU-s · 1.05 GB" */
function stageCell(s: StageFigures | undefined): string {
  if (!s) return 'n/a';
  const parts = [formatSeconds(s.seconds)];
  if (s.cpuSeconds !== undefined && Number.isFinite(s.cpuSeconds)) parts.push(`${s.cpuSeconds.toFixed(1)} CPU-s`);
  if (s.peakMB !== undefined) parts.push(formatMB(s.peakMB));
  return parts.join(' · ');
}

/** The median of each figure of a stage over the runs that finished. */
function medianStage(runs: PipelineRun[], stage: string | null): StageFigures | undefined {
  const list = runs.map((r) => (stage === null ? r.whole : r.stages[stage])).filter((s): s is StageFigures => !!s);
  if (list.length === 0) return undefined;
  const m = (xs: Array<number | undefined>) => {
    const v = xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
    return v.length ? median(v) : undefined;
  };
  return { seconds: median(list.map((s) => s.seconds)), cpuSeconds: m(list.map((s) => s.cpuSeconds)), peakMB: m(list.map((s) => s.peakMB)) };
}

function table(o: BenchOptions, pipelines: PipelineFigures[]): string {
  const [ours, ...stock] = pipelines;
  const header = ['figure', ours!.name, ...stock.flatMap((p) => [p.name, `ours / ${p.name.split(' ')[0]}`])];
  const rows: string[][] = [header];
  const row = (label: string, cell: (p: PipelineFigures) => string, value?: (p: PipelineFigures) => number | undefined) => {
    rows.push([label, cell(ours!), ...stock.flatMap((p) => [cell(p), value ? ratio(value(ours!), value(p)) : ''])]);
  };
  const okRuns = (p: PipelineFigures) => p.runs.filter((r) => r.ended === 'ok');
  row('bulletins parsed / s (parse stage; parse loop alone)', (p) => (p.parseRate ? `${formatCount(p.parseRate)}; ${formatCount(p.parseLoopRate)}` : 'n/a (pre-parsed Markdown)'));
  const stages = [...new Set(pipelines.flatMap((p) => p.runs.flatMap((r) => Object.keys(r.stages))))].filter((s) => s !== 'parse loop');
  for (const stage of stages) row(`${stage}: wall · CPU · peak RSS of the tree`, (p) => stageCell(medianStage(okRuns(p), stage)), (p) => medianStage(okRuns(p), stage)?.seconds);
  row('whole build: wall', (p) => (okRuns(p).length ? formatSeconds(medianStage(okRuns(p), null)?.seconds) : p.runs[0]?.ended ?? 'n/a'), (p) => medianStage(okRuns(p), null)?.seconds);
  row('whole build: CPU', (p) => { const c = medianStage(okRuns(p), null)?.cpuSeconds; return c === undefined ? 'n/a' : `${c.toFixed(1)} CPU-s`; }, (p) => medianStage(okRuns(p), null)?.cpuSeconds);
  row('whole build: peak RSS (process tree)', (p) => formatMB(medianStage(okRuns(p), null)?.peakMB ?? (p.runs.length ? Math.max(...p.runs.map((r) => r.whole.peakMB ?? 0)) : undefined)), (p) => medianStage(okRuns(p), null)?.peakMB);
  row('how the runs ended', (p) => p.runs.map((r) => r.ended).join('; ') || 'not run');
  row('output size (files)', (p) => (p.output ? `${formatBytes(p.output.bytes)} (${formatCount(p.output.files)})` : 'n/a'), (p) => p.output?.bytes);
  row('rebuild after adding one: build (new process)', (p) => (p.rebuild ? (p.rebuild.ended === 'ok' ? stageCell(p.rebuild) : p.rebuild.ended) : 'n/a'), (p) => p.rebuild?.seconds);
  row('adding one: served by the dev server after', (p) => (p.devServer ? (p.devServer.ended === 'ok' ? formatSeconds(p.devServer.seconds) : p.devServer.ended) : 'n/a'), (p) => p.devServer?.seconds);
  const q = (p: PipelineFigures, which: 'first' | 'second') => p.search?.[which];
  const bytesCell = (p: PipelineFigures, which: 'first' | 'second') => {
    const f = q(p, which);
    if (!f) return p.search?.na ? `n/a (${p.search.na})` : 'n/a';
    return `${formatBytes(f.gzipBytes)} gz / ${formatBytes(f.bytes)} raw, ${f.requests} req, ${f.results} results`;
  };
  row(`first search (/search/?q=${o.queries[0]}): bytes fetched`, (p) => bytesCell(p, 'first'), (p) => q(p, 'first')?.gzipBytes);
  row(`second search (typed ${o.queries[1]}): bytes fetched`, (p) => bytesCell(p, 'second'), (p) => q(p, 'second')?.gzipBytes);
  row('first search: navigation → first result', (p) => (q(p, 'first') ? `${Math.round(q(p, 'first')!.ms)} ms` : 'n/a'), (p) => q(p, 'first')?.ms);
  row('typed query → first result (median of tries)', (p) => (p.search?.typedMs?.length ? `${Math.round(median(p.search.typedMs))} ms (${p.search.typedMs.map(Math.round).join(', ')})` : 'n/a'), (p) => (p.search?.typedMs?.length ? median(p.search.typedMs) : undefined));
  return markdownTable(rows);
}

export async function main(argv: string[]): Promise<number> {
  let o: BenchOptions;
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    o = parseBenchArgs(argv);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const work = o.dir ? resolve(o.dir) : mkdtempSync(join(tmpdir(), 'bench-'));
  mkdirSync(work, { recursive: true });
  const content = join(work, 'content');
  const bulletins = join(content, 'bulletins');
  const info = machine();
  log(`working in ${work}; ${info.nproc} cores, ${info.memory}, node ${info.node}`);
  try {
    if (!existsSync(bulletins)) {
      const made = writeCorpus({ n: o.n, seed: o.seed, out: bulletins });
      log(`corpus: ${made.files} bulletins, ${formatBytes(made.bytes)} in ${made.seconds.toFixed(1)} s`);
    }
    const texts = readdirSync(bulletins, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt'));
    const hits = o.queries.map((q) => texts.filter((f) => readFileSync(join(bulletins, f), 'utf8').includes(q)).length);
    log(`queries ${o.queries.map((q, i) => `${q} (in ${hits[i]} files)`).join(', ')}`);

    const ours: PipelineFigures = { name: 'ours', runs: [] };
    const pipelines: PipelineFigures[] = [ours];
    const oursOut = join(work, 'ours-site');
    for (let r = 0; r < o.runs; r++) {
      log(`ours: cold build ${r + 1}/${o.runs}`);
      moveAside(oursOut, work); // cold: no previous site (nothing to reuse or delete)
      const run = await buildOurs(o, content, oursOut, join(work, `parse-cache-${r}`), join(work, `timings-${r}.json`));
      ours.runs.push(run);
      log(`  ${run.ended}: ${stageCell(run.whole)} (${Object.entries(run.stages).map(([k, v]) => `${k} ${formatSeconds(v.seconds)}`).join(', ')})`);
      if (r < o.runs - 1) rmSync(join(work, `parse-cache-${r}`), { recursive: true, force: true });
    }
    const parse = medianStage(ours.runs.filter((r) => r.ended === 'ok'), 'parse');
    const loop = medianStage(ours.runs.filter((r) => r.ended === 'ok'), 'parse loop');
    if (parse) ours.parseRate = o.n / parse.seconds;
    if (loop?.seconds) ours.parseLoopRate = o.n / loop.seconds;
    if (existsSync(oursOut)) ours.output = folderSize(oursOut);

    // The stock pipelines: Markdown records (made once, not timed as theirs), Eleventy or Hugo, then Pagefind.
    const stock: Array<{ figures: PipelineFigures; generator: [string, string[], string]; site: string; posts: string }> = [];
    if (!o.skipBaseline) {
      const md = join(work, 'md');
      if (!existsSync(md)) {
        log('baseline: records → Markdown (bulletin parse --format md)');
        const m = await measure(process.execPath, ['scripts/run.mjs', 'src/cli/bulletin.ts', 'parse', '--format', 'md', '--out', md, bulletins], { cwd: ROOT, env: { ...process.env, ARCHIVE_PARSE_CACHE: 'off' } });
        log(`  ${ended(m, o.memCapMB, o.timeoutSeconds)} in ${formatSeconds(m.wallSeconds)}`);
      }
      const eleventyDir = join(work, 'eleventy');
      if (!existsSync(eleventyDir)) {
        writeEleventySkeleton(join(eleventyDir, 'src'));
        mkdirSync(join(eleventyDir, 'src'), { recursive: true });
        renameSync(md, join(eleventyDir, 'src', 'posts'));
      }
      const posts = join(eleventyDir, 'src', 'posts');
      stock.push({
        figures: { name: 'Eleventy + Pagefind', runs: [] }, site: join(eleventyDir, 'out'), posts,
        generator: [BIN('eleventy'), ['--config', 'eleventy.config.mjs', '--input', 'src', '--output', 'out', '--quiet'], eleventyDir],
      });
      if (!o.skipHugo && info.hugo !== 'n/a') {
        const hugoDir = join(work, 'hugo');
        if (!existsSync(hugoDir)) writeHugoSkeleton(hugoDir, posts);
        stock.push({
          figures: { name: 'Hugo + Pagefind', runs: [] }, site: join(hugoDir, 'public'), posts: join(hugoDir, 'content/posts'),
          generator: ['hugo', ['--source', hugoDir, '--destination', join(hugoDir, 'public'), '--quiet'], hugoDir],
        });
      }
      for (const s of stock) {
        pipelines.push(s.figures);
        for (let r = 0; r < o.baselineRuns; r++) {
          log(`${s.figures.name}: build ${r + 1}/${o.baselineRuns}`);
          const run = await buildStock(o, s.generator, s.site, work);
          s.figures.runs.push(run);
          log(`  ${run.ended}: ${stageCell(run.whole)} (${Object.entries(run.stages).map(([k, v]) => `${k} ${stageCell(v)}`).join(', ')})`);
          if (run.ended !== 'ok') break; // a stock build that ran out of memory once will again
        }
        if (existsSync(s.site) && s.figures.runs.at(-1)?.ended === 'ok') s.figures.output = folderSize(s.site);
      }
    }

    // Search, on the sites as built.
    if (!o.skipSearch) {
      log('search: headless Chromium');
      const browser = await launch();
      try {
        ours.search = existsSync(oursOut) ? await measureSearch(browser, { root: oursOut, resultPath: /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/ }, o.queries) : { na: 'no site' };
        for (const s of stock) {
          s.figures.search = s.figures.output ? await measureSearch(browser, { root: s.site, resultPath: /^\/posts\/[^/]+\/$/ }, o.queries) : { na: 'no site' };
        }
      } finally {
        await browser.close();
      }
      for (const p of pipelines) log(`  ${p.name}: ${JSON.stringify(p.search)}`);
    }

    // One more bulletin: a cold build (parse cache warm from the last run), then the dev server.
    if (!o.skipRebuild && ours.runs.at(-1)?.ended === 'ok') {
      const added = newBulletin(o);
      const file = join(bulletins, added.year, added.name);
      const cache = join(work, `parse-cache-${o.runs - 1}`);
      writeFileSync(file, added.text);
      log(`ours: build after adding ${added.year}/${added.name}`);
      const run = await buildOurs(o, content, oursOut, cache, join(work, 'timings-rebuild.json'));
      ours.rebuild = { ...run.whole, ended: run.ended, load: run.load[0] };
      log(`  ${run.ended}: ${stageCell(run.whole)}`);
      rmSync(file);
      log('ours: dev server, then add the bulletin');
      ours.devServer = await devServerAdd(o, content, join(work, 'dev-site'), cache, added);
      log(`  ${ours.devServer.ended}: ${formatSeconds(ours.devServer.seconds)}`);
      rmSync(file, { force: true });
      for (const s of stock) {
        if (s.figures.runs.at(-1)?.ended !== 'ok') continue;
        const mdDir = join(work, 'md-added');
        rmSync(mdDir, { recursive: true, force: true });
        writeFileSync(file, added.text);
        await measure(process.execPath, ['scripts/run.mjs', 'src/cli/bulletin.ts', 'parse', '--format', 'md', '--out', mdDir, file], { cwd: ROOT, env: { ...process.env, ARCHIVE_PARSE_CACHE: 'off' } });
        rmSync(file);
        const mdName = readdirSync(mdDir)[0]!;
        renameSync(join(mdDir, mdName), join(s.posts, mdName));
        log(`${s.figures.name}: rebuild after adding one`);
        const r = await buildStock(o, s.generator, s.site, work);
        s.figures.rebuild = { ...r.whole, ended: r.ended, load: r.load[0] };
        rmSync(join(s.posts, mdName));
      }
    }

    const when = `${info.date}; load average (1 min) ${Math.min(...pipelines.flatMap((p) => p.runs.flatMap((r) => r.load))).toFixed(2)}–${Math.max(...pipelines.flatMap((p) => p.runs.flatMap((r) => r.load))).toFixed(2)} during the builds`;
    console.log(`# Archive build benchmark: ${formatCount(o.n)} generated bulletins (seed ${o.seed}), medians of ${o.runs} run(s) (baselines: ${o.skipBaseline ? 'skipped' : `${o.baselineRuns}`})`);
    console.log(`machine: ${info.nproc} cores (${info.cpu}), ${info.memory}, node ${info.node}, hugo ${info.hugo}; ${when}\n`);
    console.log(table(o, pipelines));
    console.log('\nPeak RSS is the highest sum of VmRSS over the build\'s process tree, sampled every 50 ms. CPU is user + system seconds of the tree.');
    if (o.outJson) {
      const strip = (p: PipelineFigures) => p;
      writeFileSync(o.outJson, `${JSON.stringify({ options: o, machine: info, pipelines: pipelines.map(strip) }, null, 2)}\n`);
      log(`figures written to ${o.outJson}`);
    }
    return 0;
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
}

