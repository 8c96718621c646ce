// Eleventy plugins of the archive: the bulletin data layer, the compiled page modules, the assets.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../config.ts';
import { copyFileFresh, writeFileFresh } from '../fs/atomic-write.ts';
import { CODE_ROOT, ROOT } from '../paths.ts';
import type { Archive, BulletinEntry, RenderLists } from '../archive/model.ts';

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

/** What the build hands one Eleventy run: the archive, and the items of its paginated lists to render. */
export interface ArchiveData {
  archive: Archive;
  render: RenderLists;
}

/**
 * The archive as global data `archive`, this run's lists as `render` (pages paginate over
 * `render.*`; a page whose data says `wholeSite: true` renders from `archive` alone), the settings as
 * `site`; and beside each rendered bulletin's page, once Eleventy has written the site: its source
 * file, copied byte for byte, and its record.json. (Both are written here rather than as Eleventy
 * pages: 10,000 more pages cost Eleventy 4 s and 200 MB at 10,000 bulletins.) The build adds this
 * plugin through Eleventy's config callback (src/build/render.ts).
 */
export function archivePlugin(eleventyConfig: EleventyConfig, data: ArchiveData): void {
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addGlobalData('archive', data.archive);
  // Frozen: Eleventy's data cascade then shares it with every page instead of copying it for each.
  eleventyConfig.addGlobalData('render', Object.freeze({ ...data.render }));
  eleventyConfig.on('eleventy.after', (written: EleventyAfter) => {
    const output = outputOf(written);
    // Only the bulletins this run renders (a subset build starts from hard links to the previous
    // site, so the old link is removed first: the live site's file is never written in place).
    for (const entry of data.render.bulletins) {
      copyFileFresh(entry.sourceFile, join(output, entry.sourceUrl));
      writeFileFresh(join(output, entry.jsonUrl), recordJson(entry));
    }
  });
}

/**
 * Pages are TypeScript modules (src/site/pages/*.11ty.ts) that Eleventy runs as JavaScript templates
 * in their compiled copy (*.11ty.js, scripts/run.mjs).
 */
export function pagesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTemplateFormats(PAGE_FORMAT);
  // The compiled pages are under .cache/, which .gitignore lists; the pages folder holds nothing else.
  eleventyConfig.setUseGitIgnore(false);
}

/** The page modules' template format. */
export const PAGE_FORMAT = '11ty.js';

/** The page modules' folder (absolute). */
export const PAGES_DIR = join(CODE_ROOT, 'src/site/pages');

/** Files copied into the site as they are: site path → path from the repository root. */
const ASSETS: Record<string, string> = {
  assets: 'src/site/assets',
  'assets/opencc/t2cn.js': 'node_modules/opencc-js/dist/umd/t2cn.js',
  'assets/opencc/cn2t.js': 'node_modules/opencc-js/dist/umd/cn2t.js',
};

/** The browser scripts, bundled from src/site/browser/ (scripts/run.mjs): site path → path in the compiled copy. */
const SCRIPTS: Record<string, string> = {
  'assets/site.js': 'src/site/browser/site.js',
  'assets/search.js': 'src/site/browser/search.js',
};

/**
 * The stylesheets and scripts, and the two opencc-js converters the 繁/简 switch loads on demand,
 * copied once Eleventy has written the pages. Not Eleventy's passthrough copy: when a page fails,
 * Eleventy stops waiting for its copies, and one that fails after the build has removed its
 * unfinished folder is an unhandled rejection.
 */
export function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on('eleventy.after', async (written: EleventyAfter) => {
    const output = outputOf(written);
    for (const [to, from] of Object.entries(ASSETS)) copyFresh(join(ROOT, from), join(output, to));
    for (const [to, from] of Object.entries(SCRIPTS)) copyFileFresh(join(CODE_ROOT, from), join(output, to));
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
