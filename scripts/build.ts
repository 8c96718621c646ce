// Builds the archive into _site/ (or --out): parses every bulletin, runs Eleventy into a sibling
// temp folder and swaps it in, so a failed build leaves the previous site as it was.
// Usage: tsx scripts/build.ts [--content DIR] [--out DIR] [--quiet]
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';
import { ArchiveError, loadArchiveOnce, type ReportItem } from '../src/site/archive.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  /** The content folder (bulletins/, redirects.yml, officials.yml). */
  contentDir: string;
  /** Where the finished site goes; replaced only when the build succeeds. */
  outDir: string;
}

export interface BuildResult {
  bulletins: number;
  pages: number;
  warnings: ReportItem[];
  seconds: number;
}

/** Builds the site; throws ArchiveError (bad bulletins or editor files) or Eleventy's error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  // Parse first: a bad bulletin fails here, before anything is written.
  const archive = loadArchiveOnce({ contentDir });
  process.env.ARCHIVE_CONTENT = contentDir;

  const temp = join(dirname(outDir), `${basename(outDir)}.build-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  const cwd = process.cwd();
  process.chdir(ROOT);
  let written: unknown[];
  try {
    const eleventy = new Eleventy('src/site/pages', temp, { configPath: '.eleventy.ts', quietMode: true });
    written = (await eleventy.write() as unknown as unknown[]) ?? [];
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(cwd);
  }

  // Swap: the old site aside, the new one in, the old one gone.
  const old = join(dirname(outDir), `${basename(outDir)}.old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  rmSync(old, { recursive: true, force: true });
  const pages = Array.isArray(written) ? written.flat(Infinity).length : 0;
  return { bulletins: archive.bulletins.length, pages, warnings: archive.report, seconds: (performance.now() - started) / 1000 };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: process.env.ARCHIVE_CONTENT ?? 'content' },
      out: { type: 'string', default: process.env.ARCHIVE_OUT ?? '_site' },
      quiet: { type: 'boolean', default: false },
    },
  });
  try {
    const result = await build({ contentDir: values.content!, outDir: values.out! });
    if (!values.quiet) {
      console.log(`built ${result.bulletins} bulletins (${result.pages} files) into ${values.out} in ${result.seconds.toFixed(1)} s`);
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
