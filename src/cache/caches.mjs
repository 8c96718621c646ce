// The repository's caches, one row each (as Hugo's filecache table): where each lives and how long
// its entries are kept, and one pruner for all of them. A cache folder holds one entry (a folder)
// per key (src/cache/source-hash.mjs), and an entry is made in `<key>.tmp-<pid>` and renamed into
// place, so a killed run leaves only temp folders, which pruning removes once their process is gone.
// Plain JavaScript, so scripts/run.mjs can use it before anything is compiled; types in caches.d.mts.
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processIsAlive } from '../fs/process-alive.mjs';

/** @typedef {{ dir: string; env?: string; keep?: number; graceMs?: number; maxAgeMs?: number }} CacheSpec */

const CACHES = /** @type {const} */ ({
  /**
   * Compiled copies of the code (scripts/run.mjs), by hash of the sources. The 4 most recently
   * used are kept, the current one among them, and any used in the last hour: another process (a
   * test run, the dev server) may still be running an older one.
   */
  build: { dir: '.cache/build', keep: 4, graceMs: 3600 * 1000 },
  /**
   * Parse-cache entries (src/cache/parse-cache.ts), by parser version; ARCHIVE_PARSE_CACHE names
   * another folder ("off" or "0": no cache). Versions unused for a day go: another checkout of
   * the repository may still use a recent one.
   */
  parse: { dir: '.cache/parse', env: 'ARCHIVE_PARSE_CACHE', maxAgeMs: 24 * 3600 * 1000 },
});

/** A temp folder's name: `<key>.tmp-<pid>`. */
const TEMP = /\.tmp-(\d+)$/;

/**
 * The folder of cache `name`: its row's environment variable when set, else its folder in `root`;
 * undefined when the variable turns the cache off.
 * @param {string} root
 * @param {keyof typeof CACHES} name
 * @returns {string | undefined}
 */
export function cacheDir(root, name) {
  /** @type {CacheSpec} */
  const spec = CACHES[name];
  const setting = spec.env ? process.env[spec.env] : undefined;
  if (setting === 'off' || setting === '0') return undefined;
  return resolve(setting || join(root, spec.dir));
}

/**
 * Where an entry is made before it is renamed into place: named for this process, so pruning
 * knows when it is left over.
 * @param {string} entry
 * @returns {string}
 */
export function tempEntry(entry) {
  return `${entry}.tmp-${process.pid}`;
}

/**
 * Marks an entry as used now: pruning keeps the most recently used.
 * @param {string} entry
 * @returns {void}
 */
export function touchEntry(entry) {
  try {
    const now = new Date();
    utimesSync(entry, now, now);
  } catch { /* removed meanwhile: made again when next needed */ }
}

/**
 * Prunes cache `name` in `dir` by its row's policy: beyond the `keep` most recently used entries,
 * and those unused for `maxAgeMs`, go, unless used within `graceMs`; so do temp folders whose
 * process is gone. `current` (the
 * entry this process uses) always stays. Best effort: another process may prune at the same time.
 * @param {keyof typeof CACHES} name
 * @param {string} dir
 * @param {string} [current]
 * @returns {void}
 */
export function pruneCache(name, dir, current) {
  /** @type {CacheSpec} */
  const spec = CACHES[name];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const remove = (path) => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch { /* raced with another process */ }
  };
  const entries = [];
  for (const entryName of names) {
    const path = join(dir, entryName);
    const temp = TEMP.exec(entryName);
    if (temp) {
      if (!processIsAlive(Number(temp[1]))) remove(path);
      continue;
    }
    if (current && path === resolve(current)) continue;
    try {
      entries.push({ path, used: statSync(path).mtimeMs });
    } catch { /* removed meanwhile */ }
  }
  entries.sort((a, b) => b.used - a.used);
  const oldest = spec.maxAgeMs === undefined ? -Infinity : Date.now() - spec.maxAgeMs;
  // The current entry counts towards `keep`.
  const keep = spec.keep === undefined ? Infinity : spec.keep - (current ? 1 : 0);
  const recent = spec.graceMs === undefined ? Infinity : Date.now() - spec.graceMs;
  entries.forEach((entry, i) => {
    if ((i >= keep || entry.used < oldest) && entry.used < recent) remove(entry.path);
  });
}
