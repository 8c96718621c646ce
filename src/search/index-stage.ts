// The build's search stage: a shadow copy of the bulletin pages written as index tokens, one
// Pagefind index per year (or per part of a big year), and the small files the search page reads.
// Everything is written into the site folder being built, so a failure here fails the build
// before the new site replaces the old one.
import { accessSync, constants as fsConstants, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileFresh } from '../fs/atomic-write.ts';
import type { Archive } from '../archive/model.ts';
import { type BundleMeta, readBundleMeta, SEARCH_FORMAT, searchLists, shardCatalog, simplifiedPairs } from './catalogs.ts';
import { defaultJobs, JobLimit, PagefindRunner } from './pagefind-client.ts';
import type { SearchIndexFile, ShardInfo } from './search-files.ts';
import { reusableShard, type ShardReuse } from './shard-reuse.ts';
import { planShards, type Shard, shardHash, shadowPage } from './shards.ts';

export interface SearchIndexOptions {
  archive: Archive;
  /** The site folder being built; search files go to pagefind/, search/ and assets/ below it. */
  siteDir: string;
  /** Most pages in one index: memory grows with it (about 0.9 GB at 1,000). */
  shardSize?: number;
  /** Indexes built at the same time; default 2 when there are 2 cores and 4 GB free, else 1. */
  jobs?: number | JobLimit;
  /** Stops the stage: Pagefind runs are killed and the promise rejects. */
  signal?: AbortSignal;
  /** Called as each shard is done (for progress). */
  onShard?: (done: number, total: number) => void;
  /**
   * The previous site's bundles: a shard whose hash (shardHash) is the one the previous build saved
   * is copied from there instead of indexed again, when the previous catalog lists exactly its pages.
   */
  reuse?: ShardReuse;
}

export interface SearchIndexResult {
  shards: ShardInfo[];
  /** Shard name → shardHash: what the next build compares to reuse a bundle. */
  hashes: Record<string, string>;
  /** Shards copied from the previous site instead of indexed again (subset builds). */
  reused: string[];
  seconds: number;
}

/** Where the search stage's scratch files go: /dev/shm (memory) when it is there to write in, else the temp folder. */
function scratchDir(): string {
  try {
    accessSync('/dev/shm', fsConstants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** Builds the search indexes and files into `siteDir`. Throws if Pagefind fails. */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const siteDir = resolve(options.siteDir);
  const { archive } = options;
  const shards = planShards(archive.bulletins, options.shardSize ?? 1000);
  const hashes = Object.fromEntries(shards.map((shard) => [shard.name, shardHash(shard)]));

  const { officials, officialIndex, kinds, kindIndex } = searchLists(archive);

  // Every file of the stage is written anew (unlinked first): when the folder being built shares
  // files with the previous site through hard links, writing in place would change that site too.
  rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
  const reused = new Map(shards.flatMap((shard) => {
    const found = options.reuse && reusableShard(options.reuse, shard, hashes[shard.name]!);
    return found ? [[shard.name, found] as const] : [];
  }));
  const shadow = mkdtempSync(join(scratchDir(), 'archive-search-'));
  try {
    mkdirSync(join(siteDir, 'search'), { recursive: true });
    let shardsDone = 0;
    const finished = new Map<string, Promise<ShardInfo>>();
    const finish = (shard: Shard, ids: Map<string, string>, meta: BundleMeta, seconds: number): ShardInfo => {
      const catalog = shardCatalog(shard, ids, meta, officialIndex, kindIndex);
      writeFileFresh(join(siteDir, 'search', `${shard.name}.json`), JSON.stringify(catalog));
      writeFileFresh(join(siteDir, 'search', `${shard.name}.urls.json`), JSON.stringify(shard.entries.map((e) => e.url)));
      options.onShard?.(++shardsDone, shards.length);
      return {
        name: shard.name, year: shard.year, count: shard.entries.length,
        first: shard.entries.at(-1)!.date, last: shard.entries[0]!.date, seconds,
      };
    };
    // Pagefind runs, `jobs` at a time, from the runner process. Each shard's shadow pages (one flat
    // folder: 0.html …) are written here, all of them before this returns (the render waits for
    // this thread), and handed to the runner one shard at a time, so the first run starts at
    // once. The pages and Pagefind's whole output go to a scratch folder in memory when there is
    // one (/dev/shm): 20,000 small files at 10,000 bulletins that never need a disk, most of them
    // deleted at once. Only what the search page reads is copied into the site.
    const limit = options.jobs instanceof JobLimit ? options.jobs : new JobLimit(options.jobs ?? defaultJobs());
    const runner = new PagefindRunner(limit);
    const stop = () => runner.abort();
    options.signal?.addEventListener('abort', stop);
    try {
      for (const shard of shards.filter((s) => !reused.has(s.name))) {
        if (options.signal?.aborted) break;
        const site = join(shadow, shard.name);
        const bundle = join(siteDir, 'pagefind', shard.name);
        mkdirSync(site);
        shard.entries.forEach((e, n) => writeFileSync(join(site, `${n}.html`), shadowPage(e, n)));
        const scratch = join(shadow, `${shard.name}.bundle`);
        const indexed = runner.run({ site, scratch, bundle }).then((seconds) => {
          const meta = readBundleMeta(bundle);
          const { pages, rows } = meta;
          if (rows?.length !== shard.entries.length) throw new Error(`Pagefind sorted ${rows?.length ?? 0} pages by row for the ${shard.entries.length} bulletins of shard ${shard.name}`);
          return finish(shard, new Map(shard.entries.map((e, n) => [e.url, pages[rows[n]!]!.id])), meta, seconds);
        });
        // The first failure stops the other runs; the stage rejects with it below.
        indexed.catch(stop);
        finished.set(shard.name, indexed);
      }
      // The reused shards' bundles and catalogs once the runs are under way.
      for (const shard of shards) {
        const found = reused.get(shard.name);
        if (!found) continue;
        const reuse = options.reuse!;
        const done = (async () => {
          // Copied, not linked: nothing here may share a file with the live site.
          if (!reuse.inPlace) cpSync(join(reuse.previousSiteDir, 'pagefind', shard.name), join(siteDir, 'pagefind', shard.name), { recursive: true });
          return finish(shard, found.ids, found.meta, 0);
        })();
        done.catch(stop);
        finished.set(shard.name, done);
      }
    } catch (error) {
      stop();
      throw error;
    } finally {
      // Nothing of the stage may still be writing when it returns or throws (a failed build
      // removes the folder next).
      await Promise.allSettled(finished.values());
      options.signal?.removeEventListener('abort', stop);
      await runner.close();
    }
    if (options.signal?.aborted) throw options.signal.reason;
    const infos = await Promise.all(shards.map((shard) => finished.get(shard.name)!));

    const index: SearchIndexFile = {
      format: SEARCH_FORMAT,
      shards: infos.map(({ seconds: _, ...info }) => info),
      officials,
      kinds,
    };
    writeFileFresh(join(siteDir, 'search', 'index.json'), JSON.stringify(index));
    writeFileFresh(join(siteDir, 'search', 't2s.json'), JSON.stringify(simplifiedPairs()));
    return { shards: infos, hashes, reused: [...reused.keys()], seconds: (performance.now() - started) / 1000 };
  } finally {
    // Each run's files were removed as it ended: what is left is the folder, or a failed build's runs.
    rmSync(shadow, { recursive: true, force: true });
  }
}
