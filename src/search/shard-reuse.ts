// Reusing a shard's Pagefind bundle from the previous site when the shard has not changed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BundleMeta, readBundleMeta } from './catalogs.ts';
import type { ShardCatalog } from './search-files.ts';
import type { Shard } from './shards.ts';

/** The previous site's bundles, for shards that have not changed since it was built. */
export interface ShardReuse {
  previousSiteDir: string;
  /** Shard name → shardHash, as the previous build's SearchIndexResult gave them. */
  shards: Record<string, string>;
  /**
   * The reused bundles stay where they are, in the previous site (src/build/build.ts, inPlace);
   * the build copies them over if it swaps the whole folder after all.
   */
  inPlace?: boolean;
}

/**
 * The Pagefind ids of a shard the previous site already indexed, by URL, and its bundle's pf_meta,
 * when the previous build saved the same shardHash and the previous site's catalog lists exactly
 * the shard's pages; else undefined.
 */
export function reusableShard(reuse: ShardReuse, shard: Shard, hash: string): { ids: Map<string, string>; meta: BundleMeta } | undefined {
  if (reuse.shards[shard.name] !== hash) return undefined;
  const bundle = join(reuse.previousSiteDir, 'pagefind', shard.name);
  const file = (suffix: string) => join(reuse.previousSiteDir, 'search', `${shard.name}${suffix}`);
  if (!existsSync(bundle) || !existsSync(file('.json')) || !existsSync(file('.urls.json'))) return undefined;
  try {
    const urls = JSON.parse(readFileSync(file('.urls.json'), 'utf8')) as string[];
    const catalog = JSON.parse(readFileSync(file('.json'), 'utf8')) as ShardCatalog;
    const same = Array.isArray(catalog.pages) && catalog.pages.length === urls.length
      && urls.length === shard.entries.length && shard.entries.every((e, i) => e.url === urls[i]);
    if (!same) return undefined;
    const meta = readBundleMeta(bundle);
    return { ids: new Map(urls.map((url, i) => [url, meta.pages[catalog.pages[i]!]!.id])), meta };
  } catch {
    return undefined;
  }
}
