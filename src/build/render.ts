// The render stage: the plan's pages written by Eleventy into the build's folder, in one run or,
// for a large archive, in runs of a bounded number of list items. The archive and the run's lists
// reach Eleventy through its config callback (archivePlugin), nothing else.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Archive, countItems, type RenderLists } from '../archive/model.ts';
import { CODE_ROOT } from '../paths.ts';
import { archivePlugin, type EleventyConfig, PAGE_FORMAT, PAGES_DIR } from '../site/plugin.ts';
import { type BuildPlan, configureEleventy } from './plan.ts';
import type { StageClock } from './progress.ts';

/**
 * Most list items in one Eleventy run. One run holds every page it renders (about 35 KB each) until
 * it ends, and V8 keeps the space: a 10,000-bulletin archive (15,700 items) renders in one run; a
 * larger one in runs of RENDER_CHUNK_LARGE, so that 100,000 stays within 3 GB beside the archive
 * and Pagefind.
 */
export const RENDER_CHUNK = 25_000;
export const RENDER_CHUNK_LARGE = 10_000;

/** The run size for `items` list items: all in one run up to RENDER_CHUNK, else RENDER_CHUNK_LARGE. */
export function renderChunkSize(items: number): number {
  return items <= RENDER_CHUNK ? RENDER_CHUNK : RENDER_CHUNK_LARGE;
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

/** The page modules whose data says `wholeSite: true` (home, feeds …): written by the first run only. */
async function wholeSitePages(): Promise<string[]> {
  const files = readdirSync(PAGES_DIR).filter((f) => f.endsWith(`.${PAGE_FORMAT}`)).sort();
  const whole: string[] = [];
  for (const file of files) {
    const page = await import(pathToFileURL(join(PAGES_DIR, file)).href) as { data?: { wholeSite?: boolean } };
    if (page.data?.wholeSite === true) whole.push(join(PAGES_DIR, file));
  }
  return whole;
}

export interface RenderOptions {
  archive: Archive;
  plan: BuildPlan;
  /** The folder Eleventy writes into. */
  outDir: string;
  clock?: StageClock;
  /** Most list items per Eleventy run (default renderChunkSize). */
  chunk?: number;
}

/**
 * Renders the pages of the plan with Eleventy into `outDir`, in runs of at most `chunk` list items
 * (one run below that); resolves with the number of files Eleventy wrote.
 */
export async function render(o: RenderOptions): Promise<number> {
  const stage = o.clock?.start('render', undefined, 'pages');
  const all = o.plan.render;
  const chunks = renderChunks(all, o.chunk ?? renderChunkSize(countItems(all)));
  const skipLater = chunks.length > 1 ? await wholeSitePages() : [];
  // Loaded here, not with the build's modules: the build parses sooner, and Eleventy loads while
  // the search stage's first Pagefind run uses the other core.
  // Without Eleventy's import hook: on Node 20 it registers a resolve hook (module.register) that
  // runs every later import on a loader thread, to reload templates edited while Eleventy watches
  // them. Page templates here are the build's code; they do not change while it runs.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
  const { default: Eleventy } = await import('@11ty/eleventy');
  let pages = 0;
  let before = 0;
  for (const [k, lists] of chunks.entries()) {
    const config = (userConfig: unknown) => {
      const eleventyConfig = userConfig as EleventyConfig & {
        addTransform(name: string, f: (content: string) => string): void;
        ignores: { add(path: string): void };
      };
      eleventyConfig.addPlugin(archivePlugin, { archive: o.archive, render: lists });
      configureEleventy(o.plan, eleventyConfig);
      if (k > 0) for (const page of skipLater) eleventyConfig.ignores.add(page);
      // With a clock: the page count once Eleventy knows it (estimated for later runs), then one tick per page.
      if (stage) {
        eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }: { urlToInputPath: object }) => {
          const count = Object.keys(urlToInputPath).length;
          stage.update(before, k === 0 ? Math.round(count * (chunks.length > 1 ? countItems(all) / countItems(lists) : 1)) : stage.total);
        });
        eleventyConfig.addTransform('build-progress', (content) => (stage.tick(), content));
      }
    };
    const eleventy = new Eleventy(PAGES_DIR, o.outDir, { configPath: join(CODE_ROOT, '.eleventy.js'), quietMode: true, config });
    // Eleventy's answer holds every page's HTML: counted, not kept (1 GB and more at 100,000).
    const written = await eleventy.write() as unknown;
    pages += Array.isArray(written) ? written.flat(Infinity).length : 0;
    before = stage?.count ?? 0;
    // Each run's pages are garbage once it ends. Past GC_ABOVE_RSS they are collected now, so the
    // next run starts from the archive alone rather than on top of them (V8 would let the heap grow
    // by another GB first). Not after every run: collecting costs more than it saves below that.
    if (chunks.length > 1 && process.memoryUsage.rss() > GC_ABOVE_RSS) collectGarbage();
  }
  if (stage) stage.total = stage.count;
  stage?.end();
  return pages;
}
