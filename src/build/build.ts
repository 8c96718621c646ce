// A build, as one pipeline: load (parse every bulletin into the archive) → plan (full or subset)
// → render (Eleventy) ∥ index (Pagefind, from the archive alone) → publish (swap the site in).
// Nothing is written to the site's folder until every stage has succeeded: a failed build leaves
// the previous site as it was.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedParseCache } from '../cache/parse-cache.ts';
import { loadArchive } from '../archive/load.ts';
import { buildFolderFor, removeDeadBuildFolders } from '../fs/litter.ts';
import { ROOT } from '../paths.ts';
import type { Message } from '../record.ts';
import { buildSearchIndex, type SearchIndexResult } from '../search/index-stage.ts';
import { defaultJobs, JobLimit } from '../search/pagefind-client.ts';
import { type BuildPlan, forgetFingerprint, planBuild, prepareSubsetFolder, readPrevious, saveFingerprint } from './plan.ts';
import type { StageClock } from './progress.ts';
import { publish } from './publish.ts';
import { render } from './render.ts';

export interface BuildOptions {
  /** The content folder (bulletins/, redirects.yml, officials.yml). */
  contentDir: string;
  /** Where the finished site goes; replaced only when the build succeeds. */
  outDir: string;
  /** Progress lines and per-stage timings (the CLI passes one; --timings writes it as JSON). */
  clock?: StageClock;
  /** Render every page even when a subset build could be trusted (plan.ts). */
  full?: boolean;
  /** Most list items per Eleventy run (default renderChunkSize). */
  renderChunk?: number;
  /**
   * A subset build moves its new files into `outDir` one by one (each replaced whole, by rename)
   * instead of swapping in a hard-linked copy of the whole site: what the dev server does, since
   * linking the 39,000 files of a 10,000-bulletin site costs 3 to 6 s. Between the first and the last
   * rename the site mixes old and new pages; if the process dies there, no fingerprint is left and
   * the next build is a full one. Full builds always swap.
   */
  inPlace?: boolean;
  /** How many new bulletins start the parse pool's worker thread (default: the parse cache's; tests set it low). */
  poolFrom?: number;
}

export interface BuildResult {
  bulletins: number;
  pages: number;
  /** The non-fatal messages, as /report/ lists them. */
  warnings: Message[];
  seconds: number;
  /** The search stage: one Pagefind index per year, with the seconds each took. */
  search: SearchIndexResult;
  /** Full or subset build, and why (plan.ts). */
  plan: Pick<BuildPlan, 'mode' | 'reason' | 'items' | 'changedYears'>;
}

/** Builds the site; rejects with ArchiveError (bad bulletins or editor files) or Eleventy's error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  // Temp folders of builds that were killed (their pid is gone), deleted in the background.
  removeDeadBuildFolders(outDir);
  const full = options.full === true;
  // A full build parses every bulletin again, reading no parse-cache entry (each is written anew).
  sharedParseCache().reading = !full;

  // Load: a bad bulletin fails here, before anything is written.
  const parse = options.clock?.start('parse', undefined, 'bulletins');
  const archive = await loadArchive({ contentDir, poolFrom: options.poolFrom, onParsed: parse && ((done, total) => parse.update(done, total)) });
  if (parse && parse.total === undefined) parse.update(archive.bulletins.length);
  else if (parse) parse.count = parse.total!;
  parse?.end();

  const temp = buildFolderFor(outDir);
  rmSync(temp, { recursive: true, force: true });
  const previous = readPrevious(outDir, ROOT);

  // Index: needs only the archive, not the plan or the rendered pages, so it starts now, and its
  // Pagefind runs (child processes, most of the stage) go on the second core while this one plans
  // and renders. A year whose pages' text is unchanged keeps its index (copied, or left in place
  // by an in-place build) unless a full build was asked for.
  const stop = new AbortController();
  const index = options.clock?.start('index', undefined, 'shards');
  const reuse = previous.fingerprint && !full
    ? { previousSiteDir: outDir, shards: previous.fingerprint.search, inPlace: options.inPlace === true }
    : undefined;
  // One Pagefind run while Eleventy renders, then as many as the machine allows: Pagefind's threads
  // crawl when they share the cores with Eleventy (2 runs beside Eleventy take 4 times as long).
  const jobs = new JobLimit(Math.min(1, defaultJobs()));
  const searching = buildSearchIndex({ archive, siteDir: temp, reuse, jobs, signal: stop.signal, onShard: index && ((done, total) => index.update(done, total)) })
    .finally(() => index?.end());
  searching.catch(() => stop.abort());

  // Plan, then render: a subset build renders only the pages whose data changed, over hard links
  // to the previous site.
  let plan: BuildPlan;
  let rendering: Promise<number>;
  try {
    const prepare = options.clock?.start('plan');
    plan = planBuild({ archive, contentDir, previous, full });
    if (plan.mode === 'subset' && !options.inPlace) prepareSubsetFolder(outDir, temp);
    prepare?.end();
    rendering = render({ archive, plan, outDir: temp, clock: options.clock, chunk: options.renderChunk });
  } catch (error) {
    rendering = Promise.reject(error);
  }
  rendering.finally(() => jobs.set(defaultJobs())).catch(() => {});
  // The next build's fingerprint, while Pagefind still runs on the other core (a full build with
  // no previous one to compare has not hashed its items yet; a failure here shows again where the
  // fingerprint is saved).
  rendering.then(() => plan.next()).catch(() => {});
  // Both run to their end (a failed one stops the other) before anything is removed or swapped.
  rendering.catch(() => stop.abort());
  const [rendered, searched] = await Promise.allSettled([rendering, searching]);
  if (rendered.status === 'rejected' || searched.status === 'rejected') {
    rmSync(temp, { recursive: true, force: true });
    throw rendered.status === 'rejected' ? rendered.reason : (searched as PromiseRejectedResult).reason;
  }
  const search = searched.value;

  // Publish: no fingerprint while the site changes (a crash there must not leave the old one).
  const swap = options.clock?.start('swap');
  forgetFingerprint(outDir);
  publish({ temp, outDir, inPlace: plan!.mode === 'subset' && options.inPlace === true, reusedBundles: reuse?.inPlace ? search.reused : [] });
  swap?.end();
  saveFingerprint(outDir, plan!, search.hashes);
  return {
    bulletins: archive.bulletins.length, pages: rendered.value, warnings: archive.report, seconds: (performance.now() - started) / 1000, search,
    plan: { mode: plan!.mode, reason: plan!.reason, items: plan!.items, changedYears: plan!.changedYears },
  };
}
