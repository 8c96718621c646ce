// Types of caches.mjs.

/** A cache: its folder (from the repository), the variable that may name another, and its policy. */
export interface CacheSpec {
  /** The folder, relative to the repository. */
  readonly dir: string;
  /** An environment variable naming another folder ("off" or "0": no cache). */
  readonly env?: string;
  /** Entries kept, the most recently used first, the current one among them. */
  readonly keep?: number;
  /** Entries used within this time stay, whatever `keep` and `maxAgeMs` say (a running process may use them). */
  readonly graceMs?: number;
  /** Entries unused for longer than this go. */
  readonly maxAgeMs?: number;
}

/** The repository's caches by name (caches.mjs's table). */
export type CacheName = 'build' | 'parse';

/** The folder of cache `name` (its variable's, else in `root`); undefined when the variable turns it off. */
export function cacheDir(root: string, name: CacheName): string | undefined;

/** Where an entry is made before it is renamed into place: `<entry>.tmp-<pid>`. */
export function tempEntry(entry: string): string;

/** Marks an entry as used now. */
export function touchEntry(entry: string): void;

/** Prunes cache `name` in `dir` by its policy, and temp folders of processes gone; `current` stays. */
export function pruneCache(name: CacheName, dir: string, current?: string): void;
