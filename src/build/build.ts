// Builds the archive into _site/ (or --out): parses every bulletin, runs Eleventy into a sibling
// temp folder and swaps it in, so a failed build leaves the previous site as it was.
// Usage: tsx scripts/build.ts [--content DIR] [--out DIR] [--quiet] [--timings FILE] [--full]
// After one new bulletin only the pages it changes are rendered (src/build/plan.ts); --full renders all.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { removeDetached } from '../fs/remove-detached.js';
import { buildFolderFor, removeDeadBuildFolders } from '../fs/litter.ts';
import { terminalText } from '../cli/terminal.ts';
import { CODE_EXT, CODE_ROOT, ROOT } from '../paths.ts';
import { sharedParseCache } from '../cache/parse-cache.ts';
import { type Archive, ArchiveError, countItems, forgetArchives, loadArchiveOnce, type RenderLists, type ReportItem } from '../archive/archive.ts';
import { buildSearchIndex, defaultJobs, JobLimit, type SearchIndexResult } from '../search/index-stage.ts';
import { PAGE_FORMAT, PAGES_DIR } from '../site/plugin.ts';
import { StageClock } from './progress.ts';
import { type BuildPlan, configureEleventy, forgetFingerprint, planBuild, prepareSubsetFolder, readPrevious, saveFingerprint } from './plan.ts';


export interface BuildOptions {
  /** The content folder (bulletins/, redirects.yml, officials.yml). */
  contentDir: string;
  /** Where the finished site goes; replaced only when the build succeeds. */
  outDir: string;
  /** Progress lines and per-stage timings (the CLI passes one; --timings writes it as JSON). */
  clock?: StageClock;
  /** Render every page even when a subset build could be trusted (src/build/plan.ts). */
  full?: boolean;
  /** Most list items per Eleventy run (default renderChunkSize, or ARCHIVE_RENDER_CHUNK). */
  renderChunk?: number;
  /**
   * A subset build moves its new files into `outDir` one by one (each replaced whole, by rename)
   * instead of swapping in a hard-linked copy of the whole site: what the dev server does, since
   * linking 39,000 files took 3 to 6 s of a 10,000-bulletin rebuild. Between the first and the last
   * rename the site mixes old and new pages; if the process dies there, no fingerprint is left and
   * the next build is a full one. Full builds always swap.
   */
  inPlace?: boolean;
}

export interface BuildResult {
  bulletins: number;
  pages: number;
  warnings: ReportItem[];
  seconds: number;
  /** The search stage: one Pagefind index per year, with the seconds each took. */
  search: SearchIndexResult;
  /** Full or subset build, and why (src/build/plan.ts). */
  plan: Pick<BuildPlan, 'mode' | 'reason' | 'items' | 'changedYears'>;
}

/** Builds the site; throws ArchiveError (bad bulletins or editor files) or Eleventy's error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  // Temp folders of builds that were killed (their pid is gone), deleted in the background.
  removeDeadBuildFolders(outDir);
  const full = options.full === true || Boolean(process.env.ARCHIVE_FULL_BUILD);
  // A full build parses every bulletin again, reading no parse-cache entry (each is written anew).
  if (full) forgetArchives();
  sharedParseCache().reading = !full;
  // Parse first: a bad bulletin fails here, before anything is written.
  const parse = options.clock?.start('parse', undefined, 'bulletins');
  const archive = await loadArchiveOnce({ contentDir, onParsed: parse && ((done, total) => parse.update(done, total)) });
  if (parse && parse.total === undefined) parse.update(archive.bulletins.length);
  else if (parse) parse.count = parse.total!;
  parse?.end();
  process.env.ARCHIVE_CONTENT = contentDir;

  const temp = buildFolderFor(outDir);
  rmSync(temp, { recursive: true, force: true });
  const previous = readPrevious(outDir, ROOT);

  // The search stage needs only the parsed archive, not the page plan or the rendered pages: it
  // starts now, and its Pagefind runs (child processes, most of the stage) go on the second core
  // while this one plans and renders. A year whose pages' text is unchanged keeps its index
  // (copied, or left in place by an in-place build) unless a full build was asked for.
  const stop = new AbortController();
  const index = options.clock?.start('index', undefined, 'shards');
  const reuse = previous.fingerprint && !full
    ? { previousSiteDir: outDir, shards: previous.fingerprint.search, inPlace: options.inPlace === true }
    : undefined;
  // One Pagefind run while Eleventy renders, then as many as the machine allows: Pagefind's threads
  // crawl when they share the cores with Eleventy (measured: 2 runs beside Eleventy took 4 times as long).
  const jobs = new JobLimit(Math.min(1, defaultJobs()));
  const searching = buildSearchIndex({ archive, siteDir: temp, reuse, jobs, signal: stop.signal, onShard: index && ((done, total) => index.update(done, total)) })
    .finally(() => index?.end());
  searching.catch(() => stop.abort());

  let plan: BuildPlan;
  let rendering: Promise<number>;
  try {
    // Subset build: only the pages whose data changed, over hard links to the previous site.
    const prepare = options.clock?.start('plan');
    plan = planBuild({ archive, contentDir, previous, full });
    if (plan.mode === 'subset' && !options.inPlace) prepareSubsetFolder(outDir, temp);
    prepare?.end();
    rendering = render(archive, plan, temp, options.clock, options.renderChunk);
  } catch (error) {
    rendering = Promise.reject(error);
  }
  rendering.finally(() => jobs.set(defaultJobs())).catch(() => {});
  // The next build's fingerprint, while Pagefind still runs on the other core (a full build with
  // no previous one to compare has not hashed its items yet).
  // (A failure here shows again where the fingerprint is saved.)
  rendering.then(() => plan.next()).catch(() => {});
  // Both run to their end (a failed one stops the other) before anything is removed or swapped.
  rendering.catch(() => stop.abort());
  const [rendered, searched] = await Promise.allSettled([rendering, searching]);
  if (rendered.status === 'rejected' || searched.status === 'rejected') {
    rmSync(temp, { recursive: true, force: true });
    throw rendered.status === 'rejected' ? rendered.reason : (searched as PromiseRejectedResult).reason;
  }
  const inPlace = plan!.mode === 'subset' && options.inPlace === true;
  const pages = rendered.value;
  const search = searched.value;

  // Swap: the old site aside, the new one in. The old one is deleted in the background: the new
  // site is already live, and unlinking 40,000 files took 7 s of a 10,000-bulletin rebuild.
  const swap = options.clock?.start('swap');
  const old = join(dirname(outDir), `${basename(outDir)}.trash-${process.pid}-${Date.now()}`);
  forgetFingerprint(outDir);
  if (inPlace) {
    moveInto(temp, outDir, old);
  } else {
    // The search stage left the bundles it reused in the previous site; this build replaces it whole.
    if (reuse?.inPlace) for (const name of search.reused) cpSync(join(outDir, 'pagefind', name), join(temp, 'pagefind', name), { recursive: true });
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
  }
  removeInBackground(old);
  swap?.end();
  saveFingerprint(outDir, plan!, search.hashes);
  return { bulletins: archive.bulletins.length, pages, warnings: archive.report, seconds: (performance.now() - started) / 1000, search, plan: { mode: plan!.mode, reason: plan!.reason, items: plan!.items, changedYears: plan!.changedYears } };
}

/**
 * Most pages from the paginated lists in one Eleventy run (ARCHIVE_RENDER_CHUNK overrides). One
 * run holds every page it renders (about 35 KB each) until it ends, and V8 keeps the space: a
 * 10,000-bulletin archive (15,700 items) renders in one run; a larger one in runs of
 * RENDER_CHUNK_LARGE, so that 100,000 stays within 3 GB beside the archive and Pagefind.
 */
export const RENDER_CHUNK = 25_000;
export const RENDER_CHUNK_LARGE = 10_000;

/** The run size for `items` list items: all in one run up to RENDER_CHUNK, else RENDER_CHUNK_LARGE. */
export function renderChunkSize(items: number): number {
  return Number(process.env.ARCHIVE_RENDER_CHUNK) || (items <= RENDER_CHUNK ? RENDER_CHUNK : RENDER_CHUNK_LARGE);
}

/** Resident memory of the build's process past which a render run's garbage is collected before the next run. */
const GC_ABOVE_RSS = 2.2e9;

/** A full garbage collection now (V8's `gc`, exposed for this process on first use). */
function collectGarbage(): void {
  gcMemo ??= (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void);
  gcMemo();
}

let gcMemo: (() => void) | undefined;

/** Cuts the lists to render into runs of at most `size` items, keeping their order. */
export function renderChunks(lists: RenderLists, size: number): RenderLists[] {
  const names = Object.keys(lists) as Array<keyof RenderLists>;
  const chunks: RenderLists[] = [];
  let chunk: Record<string, unknown[]> | undefined;
  let room = 0;
  for (const name of names) {
    const items = lists[name] as unknown[];
    for (let at = 0; at < items.length;) {
      if (!chunk || room === 0) {
        chunk = Object.fromEntries(names.map((n) => [n, []]));
        chunks.push(chunk as unknown as RenderLists);
        room = size;
      }
      const take = items.slice(at, at + room);
      chunk[name]!.push(...take);
      at += take.length;
      room -= take.length;
    }
  }
  return chunks.length > 0 ? chunks : [lists];
}

/** Page modules that render the same whatever the render lists hold (home, feeds …): written by the first run only. */
async function wholeSitePages(): Promise<string[]> {
  const dir = join(ROOT, PAGES_DIR);
  const files = readdirSync(dir).filter((f) => f.endsWith(`.${PAGE_FORMAT}`)).sort();
  const whole: string[] = [];
  for (const file of files) {
    const page = await import(pathToFileURL(join(dir, file)).href) as { data?: { pagination?: { data?: string } } };
    if (!page.data?.pagination?.data?.startsWith('archive.render.')) whole.push(join(PAGES_DIR, file));
  }
  return whole;
}

/**
 * Renders the pages of the plan with Eleventy into `temp`, in runs of at most renderChunkSize list
 * items (one run below that); resolves with the number of files Eleventy wrote.
 */
async function render(archive: Archive, plan: BuildPlan, temp: string, clock: StageClock | undefined, chunk?: number): Promise<number> {
  const stage = clock?.start('render', undefined, 'pages');
  const all = archive.render;
  const chunks = renderChunks(all, chunk ?? renderChunkSize(countItems(all)));
  const skipLater = chunks.length > 1 ? await wholeSitePages() : [];
  // Loaded here, not with the build's modules: the build parses sooner, and Eleventy loads while
  // the search stage's first Pagefind run uses the other core (0.3-0.5 s).
  // Without Eleventy's import hook: on Node 20 it registers a resolve hook (module.register) that
  // runs every later import on a loader thread, to reload templates edited while Eleventy watches
  // them. Page templates here are the build's code; they do not change while it runs.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
  const { default: Eleventy } = await import('@11ty/eleventy');
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    let pages = 0;
    let before = 0;
    for (const [k, lists] of chunks.entries()) {
      archive.render = lists;
      const config = (eleventyConfig: unknown) => {
        const c = eleventyConfig as {
          on(event: string, f: (map: { urlToInputPath: object }) => void): void;
          addTransform(name: string, f: (content: string) => string): void;
          ignores: { add(path: string): void };
        };
        configureEleventy(plan, c);
        if (k > 0) for (const page of skipLater) c.ignores.add(page);
        // With a clock: the page count once Eleventy knows it (estimated for later runs), then one tick per page.
        if (stage) {
          c.on('eleventy.contentMap', ({ urlToInputPath }) => {
            const pages = Object.keys(urlToInputPath).length;
            stage.update(before, k === 0 ? Math.round(pages * (chunks.length > 1 ? countItems(all) / countItems(lists) : 1)) : stage.total);
          });
          c.addTransform('build-progress', (content) => (stage.tick(), content));
        }
      };
      const eleventy = new Eleventy(PAGES_DIR, temp, { configPath: relative(ROOT, join(CODE_ROOT, `.eleventy${CODE_EXT}`)), quietMode: true, config });
      // Eleventy's answer holds every page's HTML: counted, not kept (1 GB and more at 100,000).
      const written = await eleventy.write() as unknown;
      pages += Array.isArray(written) ? written.flat(Infinity).length : 0;
      before = stage?.count ?? 0;
      // Each run's pages are garbage once it ends. Past GC_ABOVE_RSS they are collected now, so the
      // next run starts from the archive alone rather than on top of them (V8 lets the heap grow by
      // another GB first). Not after every run: at 100,000 that cost 85 s of render.
      if (chunks.length > 1 && process.memoryUsage.rss() > GC_ABOVE_RSS) collectGarbage();
    }
    if (stage) stage.total = stage.count;
    stage?.end();
    return pages;
  } finally {
    archive.render = all;
    process.chdir(cwd);
  }
}

/**
 * An in-place subset build's last step: every file of `temp` renamed over its path in `outDir`,
 * except each Pagefind bundle (pagefind/<shard>/), which is swapped whole, the old one into
 * `trash`. `temp` ends up in `trash` too, to be deleted in the background.
 */
function moveInto(temp: string, outDir: string, trash: string): void {
  mkdirSync(join(trash, 'pagefind'), { recursive: true });
  const bundles = join(temp, 'pagefind');
  if (existsSync(bundles)) {
    mkdirSync(join(outDir, 'pagefind'), { recursive: true });
    for (const shard of readdirSync(bundles)) {
      const live = join(outDir, 'pagefind', shard);
      if (existsSync(live)) renameSync(live, join(trash, 'pagefind', shard));
      renameSync(join(bundles, shard), live);
    }
  }
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const from = join(dir, entry.name);
      const path = join(rel, entry.name);
      if (entry.isDirectory()) {
        if (path !== 'pagefind') walk(from, path);
        continue;
      }
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      renameSync(from, join(outDir, path));
    }
  };
  walk(temp, '');
  renameSync(temp, join(trash, 'staging'));
}

/**
 * Deletes a folder in a detached `rm -rf` that outlives this process, along with any earlier
 * trash of the same site that a killed build left behind.
 */
function removeInBackground(folder: string): void {
  const prefix = `${basename(folder).replace(/\.trash-.*$/, '')}.trash-`;
  const parent = dirname(folder);
  removeDetached(readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name)));
}
