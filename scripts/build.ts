// Builds the archive into _site/ (or --out): parses every bulletin, runs Eleventy into a sibling
// temp folder and swaps it in, so a failed build leaves the previous site as it was.
// Usage: tsx scripts/build.ts [--content DIR] [--out DIR] [--quiet] [--timings FILE] [--full]
// After one new bulletin only the pages it changes are rendered (src/site/subset.ts); --full renders all.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';
import { ArchiveError, loadArchiveOnce, type ReportItem } from '../src/site/archive.ts';
import { buildSearchIndex, type SearchIndexResult } from '../src/search/build-index.ts';
import { StageClock } from './bench/progress.ts';
import { beforeSearchStage, type BuildPlan, configureEleventy, forgetFingerprint, planBuild, prepareSubsetFolder, saveFingerprint } from '../src/site/subset.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  /** The content folder (bulletins/, redirects.yml, officials.yml). */
  contentDir: string;
  /** Where the finished site goes; replaced only when the build succeeds. */
  outDir: string;
  /** Progress lines and per-stage timings (the CLI passes one; --timings writes it as JSON). */
  clock?: StageClock;
  /** Render every page even when a subset build could be trusted (src/site/subset.ts). */
  full?: boolean;
}

export interface BuildResult {
  bulletins: number;
  pages: number;
  warnings: ReportItem[];
  seconds: number;
  /** The search stage: one Pagefind index per year, with the seconds each took. */
  search: SearchIndexResult;
  /** Full or subset build, and why (src/site/subset.ts). */
  plan: Pick<BuildPlan, 'mode' | 'reason' | 'items' | 'changedYears'>;
}

/** Builds the site; throws ArchiveError (bad bulletins or editor files) or Eleventy's error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  // Parse first: a bad bulletin fails here, before anything is written.
  const parse = options.clock?.start('parse', undefined, 'bulletins');
  const archive = loadArchiveOnce({ contentDir, onParsed: parse && ((done, total) => parse.update(done, total)) });
  if (parse && parse.total === undefined) parse.update(archive.bulletins.length);
  else if (parse) parse.count = parse.total!;
  parse?.end();
  process.env.ARCHIVE_CONTENT = contentDir;

  const temp = join(dirname(outDir), `${basename(outDir)}.build-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  // Subset build: only the pages whose data changed, over hard links to the previous site.
  const plan = planBuild({ archive, contentDir, outDir, root: ROOT, full: options.full });
  if (plan.mode === 'subset') prepareSubsetFolder(outDir, temp);
  const cwd = process.cwd();
  process.chdir(ROOT);
  let written: unknown[];
  try {
    const render = options.clock?.start('render', undefined, 'pages');
    // With a clock: the page count once Eleventy knows it, then one tick per page written.
    const progress = render && ((eleventyConfig: unknown) => {
      const c = eleventyConfig as { on(event: string, f: (map: { urlToInputPath: object }) => void): void; addTransform(name: string, f: (content: string) => string): void };
      c.on('eleventy.contentMap', ({ urlToInputPath }) => render.update(0, Object.keys(urlToInputPath).length));
      c.addTransform('build-progress', (content) => (render.tick(), content));
    });
    const config = (eleventyConfig: unknown) => (configureEleventy(plan, eleventyConfig), progress?.(eleventyConfig));
    const eleventy = new Eleventy('src/site/pages', temp, { configPath: '.eleventy.ts', quietMode: true, config });
    written = (await eleventy.write() as unknown as unknown[]) ?? [];
    render?.end();
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(cwd);
  }

  // Search indexes are built inside the temp folder too: a failed index leaves the old site as it was.
  let search: SearchIndexResult;
  try {
    const index = options.clock?.start('index', undefined, 'shards');
    beforeSearchStage(plan, temp);
    // A subset build indexes only the years it changed and copies the other years' indexes.
    const reuse = plan.mode === 'subset' ? { previousSiteDir: outDir, changedYears: plan.changedYears } : undefined;
    search = await buildSearchIndex({ archive, siteDir: temp, reuse });
    index?.update(search.shards.length, search.shards.length);
    index?.end();
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }

  // Swap: the old site aside, the new one in. The old one is deleted in the background: the new
  // site is already live, and unlinking 40,000 files took 7 s of a 10,000-bulletin rebuild.
  const swap = options.clock?.start('swap');
  const old = join(dirname(outDir), `${basename(outDir)}.trash-${process.pid}-${Date.now()}`);
  forgetFingerprint(outDir);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  removeInBackground(old);
  swap?.end();
  saveFingerprint(outDir, plan);
  const pages = Array.isArray(written) ? written.flat(Infinity).length : 0;
  return { bulletins: archive.bulletins.length, pages, warnings: archive.report, seconds: (performance.now() - started) / 1000, search, plan: { mode: plan.mode, reason: plan.reason, items: plan.items, changedYears: plan.changedYears } };
}

/**
 * Deletes a folder in a detached `rm -rf` that outlives this process, along with any earlier
 * trash of the same site that a killed build left behind.
 */
function removeInBackground(folder: string): void {
  const prefix = `${basename(folder).replace(/\.trash-.*$/, '')}.trash-`;
  const parent = dirname(folder);
  const trash = readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name));
  if (trash.length === 0) return;
  const removeHere = () => {
    for (const t of trash) rmSync(t, { recursive: true, force: true });
  };
  try {
    const child = spawn('rm', ['-rf', '--', ...trash], { detached: true, stdio: 'ignore' });
    child.on('error', removeHere);
    child.unref();
  } catch {
    removeHere();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: process.env.ARCHIVE_CONTENT ?? 'content' },
      out: { type: 'string', default: process.env.ARCHIVE_OUT ?? '_site' },
      quiet: { type: 'boolean', default: false },
      timings: { type: 'string' },
      full: { type: 'boolean', default: false },
    },
  });
  try {
    const clock = new StageClock({ show: !values.quiet });
    const result = await build({ contentDir: values.content!, outDir: values.out!, clock, full: values.full });
    if (values.timings) clock.write(values.timings, { bulletins: result.bulletins, pages: result.pages, seconds: result.seconds });
    if (!values.quiet) {
      console.log(`built ${result.bulletins} bulletins (${result.pages} files) into ${values.out} in ${result.seconds.toFixed(1)} s`);
      console.log(result.plan.mode === 'subset' ? `subset build: ${result.plan.items} changed page(s) rendered over the previous site` : `full build: ${result.plan.reason}`);
      console.log(`search: ${result.search.shards.length} Pagefind index(es) in ${result.search.seconds.toFixed(1)} s`);
    }
    if (result.warnings.length > 0) {
      console.log(`\n${result.warnings.length} warning(s) (also on /report/):`);
      for (const w of result.warnings) console.log(`  ${w.file}:${w.line}:${w.column}: ${w.reason} [${w.rule}]`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) {
      console.error(`build failed: ${error.failures.length} problem(s); ${values.out} was left as it was.`);
      for (const f of error.failures) console.error(`  ${f.file}${f.line ? `:${f.line}` : ''}: ${f.reason}`);
    } else {
      console.error(`build failed; ${values.out} was left as it was.\n${(error as Error).stack ?? String(error)}`);
    }
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
