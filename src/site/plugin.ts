// Eleventy plugins of the archive: the bulletin data layer, the .11ty.ts page format, the assets.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { site } from '../../site.config.ts';
import { copyFileFresh, writeFileFresh } from '../fs/atomic-write.ts';
import { CODE_EXT, CODE_ROOT, ROOT } from '../paths.ts';
import { type ArchiveOptions, type BulletinEntry, loadArchiveOnce } from '../archive/archive.ts';

/** The slice of Eleventy's config API the plugins use. */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addExtension(ext: string | string[], options: Record<string, unknown>): void;
  addTemplateFormats(formats: string | string[]): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  on(event: string, fn: (arg: any) => unknown): void;
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options?: O): void;
  setUseGitIgnore(use: boolean): void;
}

/**
 * A bulletin's record.json: the record as the parser made it, plus where its page and source copy
 * are; its source file's path is the one relative to the content folder (never the builder's own).
 */
export function recordJson(e: BulletinEntry): string {
  const record = { ...e.record, source_file: { ...e.record.source_file, path: e.sourcePath } };
  return `${JSON.stringify({ ...record, url: e.url, source_url: e.sourceUrl }, null, 1)}\n`;
}

/**
 * The archive as global data `archive` (parsed once per build), the settings as `site`, and beside
 * each bulletin's page, once Eleventy has written the site: its source file, copied byte for byte,
 * and its record.json. (Both are written here rather than as Eleventy pages: 10,000 more pages
 * cost Eleventy 4 s and 200 MB at 10,000 bulletins.)
 */
export function archivePlugin(eleventyConfig: EleventyConfig, options: ArchiveOptions): void {
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addGlobalData('archive', () => loadArchiveOnce(options));
  eleventyConfig.on('eleventy.after', async (written: EleventyAfter) => {
    const output = outputOf(written);
    // Only the bulletins this run renders (a subset build starts from hard links to the previous
    // site, so the old link is removed first: the live site's file is never written in place).
    for (const entry of (await loadArchiveOnce(options)).render.bulletins) {
      copyFileFresh(entry.sourceFile, join(output, entry.sourceUrl));
      writeFileFresh(join(output, entry.jsonUrl), recordJson(entry));
    }
  });
}

/**
 * Pages are TypeScript modules (*.11ty.ts) run like Eleventy's JavaScript templates; in the compiled
 * copy of the code (src/paths.ts) they are JavaScript templates (*.11ty.js).
 */
export function typescriptPagesPlugin(eleventyConfig: EleventyConfig): void {
  if (CODE_EXT === '.ts') eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.addTemplateFormats(PAGE_FORMAT);
  // The compiled pages are under .cache/, which .gitignore lists; the pages folder holds nothing else.
  eleventyConfig.setUseGitIgnore(false);
}

/** The page modules' template format: 11ty.ts, or 11ty.js in the compiled copy. */
export const PAGE_FORMAT = `11ty${CODE_EXT}`;

/** The page modules' folder, from the repository root (Eleventy's working directory). */
export const PAGES_DIR = relative(ROOT, join(CODE_ROOT, 'src/site/pages'));

/** Files copied into the site as they are: site path → path from the repository root. */
const ASSETS: Record<string, string> = {
  assets: 'src/site/assets',
  'assets/opencc/t2cn.js': 'node_modules/opencc-js/dist/umd/t2cn.js',
  'assets/opencc/cn2t.js': 'node_modules/opencc-js/dist/umd/cn2t.js',
};

/**
 * The stylesheet and script, and the two opencc-js converters the 繁/简 switch loads on demand,
 * copied once Eleventy has written the pages. Not Eleventy's passthrough copy: when a page fails,
 * Eleventy stops waiting for its copies, and one that failed after the build had removed its
 * unfinished folder was an unhandled rejection (seen in tests/site/subset.test.ts under load).
 */
export function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on('eleventy.after', async (written: EleventyAfter) => {
    const output = outputOf(written);
    for (const [to, from] of Object.entries(ASSETS)) copyFresh(join(ROOT, from), join(output, to));
  });
}

/** What Eleventy passes to `eleventy.after`: the output folder (named `dir` before Eleventy 3). */
type EleventyAfter = { directories?: { output: string }; dir?: { output: string } };

const outputOf = ({ directories, dir }: EleventyAfter): string => directories?.output ?? dir!.output;

/** copyFileFresh for a file, or for every file of a folder. */
function copyFresh(from: string, to: string): void {
  if (!statSync(from).isDirectory()) return copyFileFresh(from, to);
  for (const name of readdirSync(from)) copyFresh(join(from, name), join(to, name));
}
