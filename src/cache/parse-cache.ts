// A parse cache on disk: a bulletin whose bytes, path and options are unchanged is never parsed again.
// Shared by `bulletin check`, `bulletin add` and the build's data layer (src/archive/load.ts).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { BulletinError, type ParseOptions } from '../parser/index.ts';
import { ROOT } from '../paths.ts';
import { cacheDir } from './caches.mjs';
import { BucketStore } from './parse-buckets.ts';
import { packageVersion, sourceHash } from './source-hash.mjs';
import { readBulletinFile, statBulletinFile } from '../parser/read-file.ts';
import { toSimplified, toSimplifiedAligned } from '../parser/script.ts';
import { type BulletinRecord, hasExtraFields, isRecordField, type Message } from '../record.ts';
import { entryProblem } from './cache-entry.ts';
import { parseJob, ParsePool, type ParseResult, POOL_FROM } from '../workers/parse-pool.ts';
import { site } from '../config.ts';

/** Packages whose behaviour shapes a record: their versions are part of the parser version. */
const PARSER_PACKAGES = ['gray-matter', 'iconv-lite', 'luxon', 'opencc-js', 'pinyin-pro', 'zod'];

/** Bumped when the shape of a cache entry changes. */
const ENTRY_FORMAT = 4;

/** A parse that succeeded or failed, as the cache returns it. */
export interface ParseOutcome {
  /** The record, when the file parsed. */
  record?: BulletinRecord;
  /** The parser's refusal, when it did not. */
  error?: BulletinError;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Hash of the clean text in Simplified, without whitespace: equal for the same bulletin in either script. */
  textKey?: string;
  /** True when the outcome came from the cache. */
  cached: boolean;
}

interface Entry {
  format: number;
  path: string;
  record?: BulletinRecord;
  /** The parser's refusal: its BulletinError's message. */
  error?: Message;
  textKey?: string;
}

/** A file the cache does not have: what parsing and storing it takes. */
interface Miss {
  bytes: Uint8Array;
  path: string;
  options: ParseOptions;
  sha256: string;
  /** The cache key. */
  key: string;
  wantKey: boolean;
  /** The file's stat signature, for this process's memo (parseFile only). */
  seen?: { memoKey: string; signature: string };
}

/** Files looked up before their misses are parsed: bounds the bytes held at once (two batches' with a pool). */
const FILES_PER_BATCH = 5000;

/** parseFiles reports progress every this many files (and at the end of each batch). */
const PROGRESS_EVERY = 250;

/** Each record this process got from a ParseCache → what made it (see recordOrigin). */
const origins = new WeakMap<BulletinRecord, string>();

/**
 * What a record was made from: the parser version and the cache key (the file's bytes, path and
 * options), for a record a ParseCache returned. Two records with the same origin are the same
 * record, which is what the cache itself relies on; so a build can tell an unchanged record
 * without hashing its JSON (src/build/fingerprint.ts).
 */
export function recordOrigin(record: BulletinRecord): string | undefined {
  return origins.get(record);
}

/** The parser's result for a miss; anything but a BulletinError (a bug) is thrown. */
function parseOrThrow(miss: Miss): { record: BulletinRecord } | { error: BulletinError } {
  const result = parseJob(miss);
  if ('crash' in result) throw result.crash;
  return result;
}

let parserVersionMemo: string | undefined;

/**
 * A hash of everything that decides what the parser returns: the source of src/parser/** and
 * src/record.ts, this file, the bucket format and the entry check, the versions of the packages the parser calls,
 * and the archive's date range (it decides which dates parse: a new year moves its end).
 */
function parserVersion(): string {
  parserVersionMemo ??= sourceHash(ROOT, {
    paths: ['src/parser', 'src/record.ts', 'src/cache/parse-cache.ts', 'src/cache/parse-buckets.ts', 'src/cache/cache-entry.ts'],
    include: /\.ts$/,
    extra: [`format ${ENTRY_FORMAT}`, ...PARSER_PACKAGES.map((name) => packageVersion(ROOT, name)), `dates ${site.dates.first} ${site.dates.last}`],
  });
  return parserVersionMemo;
}

/**
 * The cache folder (src/cache/caches.mjs): ARCHIVE_PARSE_CACHE when set ("off" turns the cache
 * off), else .cache/parse in the repository. Entries live under a folder named for the parser version.
 */
function defaultCacheDir(): string | undefined {
  return cacheDir(ROOT, 'parse');
}

/** The key of one clean text for finding duplicates across scripts (phrase-level opencc, then per character). */
export function textKeyOf(text: string): string {
  const simplified = toSimplifiedAligned(toSimplified(text)).replace(/\s+/gu, '');
  return createHash('sha256').update(simplified, 'utf8').digest('hex');
}

/**
 * Parses files through a cache in `dir`; counts hits and misses.
 *
 * Storage: src/cache/parse-buckets.ts (bucket files of checked lines, one per key prefix).
 *
 * An entry is trusted only when its line's check matches and it is a record or refusal of the
 * record's shape for the very file looked up (src/cache/cache-entry.ts); any other line (edited
 * by hand, cut short, of another shape) is a miss: the file is parsed and its entry written again.
 */
export class ParseCache {
  readonly dir: string | undefined;
  hits = 0;
  misses = 0;
  /** Misses parsed on the pool's worker thread (parseFiles). */
  helped = 0;
  /** Lines and entries not trusted (a wrong check, or not an entry for their file): each was a miss. */
  get rejected(): number {
    return this.rejectedEntries + (this.store?.rejected ?? 0);
  }
  private rejectedEntries = 0;
  /**
   * false: no entry is read, not even this process's memo; every file is parsed again and its
   * entry written anew (what `npm run build -- --full` does).
   */
  reading = true;
  /** The entries on disk, under a folder named for the parser version. */
  private readonly store: BucketStore | undefined;
  /** Path and options → the file's stat signature and outcome when this process last parsed it. */
  private readonly seen = new Map<string, { signature: string; outcome: ParseOutcome }>();

  /** `dir`: the cache folder, or undefined for no cache (every file is parsed). */
  constructor(dir: string | undefined = defaultCacheDir()) {
    this.dir = dir;
    this.store = dir ? new BucketStore(dir, join(dir, parserVersion())) : undefined;
  }

  /**
   * Parses the file at `path` (as named to the parser), or returns the cached outcome. Never throws
   * a BulletinError. `textKey: false` skips the duplicate key (a build does not need it).
   */
  parseFile(path: string, options: ParseOptions = {}, want: { textKey?: boolean } = {}): ParseOutcome {
    const found = this.lookupFile(path, options, want);
    return 'bytes' in found ? this.settle(found, parseOrThrow(found)) : found;
  }

  /**
   * parseFile for each path, in order; a crash of the parser (a bug) is that file's Error. When
   * many files are not in the cache, they are parsed on two threads (src/workers/parse-pool.ts):
   * `poolFrom` is how many misses it takes (POOL_FROM; tests set it low), judged from each batch's
   * share of misses. `filesPerBatch`: files looked up at a time (FILES_PER_BATCH; tests set it
   * low). `onParsed` is called with the count of files done, every PROGRESS_EVERY and at the end
   * of each batch.
   */
  async parseFiles(paths: string[], options: ParseOptions = {}, want: { textKey?: boolean; poolFrom?: number; filesPerBatch?: number } = {}, onParsed?: (done: number) => void): Promise<Array<ParseOutcome | Error>> {
    const out = new Array<ParseOutcome | Error>(paths.length);
    let pool: ParsePool | undefined;
    const poolFrom = want.poolFrom ?? POOL_FROM;
    const perBatch = want.filesPerBatch ?? FILES_PER_BATCH;
    // Files whose outcome is known, for progress: every PROGRESS_EVERY, and as each batch is done.
    let done = 0;
    const advance = (files: number) => {
      const before = done;
      done += files;
      if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) onParsed?.(done);
    };
    const store = (misses: Array<{ at: number; miss: Miss }>, results: ParseResult[]) => misses.forEach(({ at, miss }, i) => {
      const result = results[i]!;
      out[at] = 'crash' in result ? result.crash : this.settle(miss, result);
    });
    // With a pool, a batch is parsed while the next one is read (the pool's threads take turns
    // with the reading); the batch before is finished before the next one is handed over.
    let handed: { misses: Array<{ at: number; miss: Miss }>; parsed: Promise<ParseResult[]> } | undefined;
    const finishHanded = async () => {
      if (!handed) return;
      const { misses, parsed } = handed;
      handed = undefined;
      store(misses, await parsed);
      advance(misses.length);
      onParsed?.(done);
    };
    try {
      // In batches: the bytes of the misses are held until the batch is parsed.
      for (let start = 0; start < paths.length; start += perBatch) {
        const misses: Array<{ at: number; miss: Miss }> = [];
        const end = Math.min(paths.length, start + perBatch);
        for (let at = start; at < end; at++) {
          const found = this.lookupFile(paths[at]!, options, want);
          if ('bytes' in found) {
            misses.push({ at, miss: found });
          } else {
            out[at] = found;
            advance(1);
          }
          // The pool's threads take their turns.
          if (handed && at % 64 === 63) await nextTurn();
        }
        // A miss is a ParseJob (its bytes, path and options).
        const jobs = misses.map(({ miss }) => miss);
        // Started when the misses of the whole list, judged by this batch's share, reach poolFrom.
        if (!pool && (jobs.length / (end - start)) * (paths.length - start) >= poolFrom) pool = ParsePool.start();
        await finishHanded();
        if (pool && jobs.length > 1) {
          handed = { misses, parsed: pool.parse(jobs) };
        } else {
          store(misses, jobs.map((job) => {
            const result = parseJob(job);
            advance(1);
            return result;
          }));
          onParsed?.(done);
        }
      }
      await finishHanded();
    } finally {
      if (pool) this.helped += pool.helped;
      pool?.close();
    }
    return out;
  }

  /** The outcome this process or the cache already has for the file, else what parsing it takes. */
  private lookupFile(path: string, options: ParseOptions, want: { textKey?: boolean }): ParseOutcome | Miss {
    let bytes: Buffer;
    let signature: string;
    const memoKey = `${path}\n${JSON.stringify(options)}`;
    try {
      const stat = statBulletinFile(path);
      // Unchanged since this process last parsed it (same inode, size, mtime and ctime to the
      // nanosecond): not even read again. What keeps a running dev server's rebuilds short.
      signature = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
      const seen = this.reading ? this.seen.get(memoKey) : undefined;
      if (seen?.signature === signature && (seen.outcome.textKey !== undefined || want.textKey === false || !seen.outcome.record)) {
        this.hits++;
        return { ...seen.outcome, cached: true };
      }
      bytes = readBulletinFile(path, stat);
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
      return { error, sha256: '', cached: false };
    }
    const found = this.lookupBytes(bytes, path, options, want);
    if ('bytes' in found) return { ...found, seen: { memoKey, signature } };
    this.seen.set(memoKey, { signature, outcome: found });
    return found;
  }

  private lookupBytes(bytes: Uint8Array, path: string, options: ParseOptions, want: { textKey?: boolean }): ParseOutcome | Miss {
    const wantKey = want.textKey ?? true;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = createHash('sha256').update(`${sha256}\n${path}\n${JSON.stringify(options)}`).digest('hex');
    const hit = this.read(key, path, sha256);
    if (hit) {
      this.hits++;
      if (hit.record) origins.set(hit.record, `${parserVersion()}:${key}`);
      const error = hit.error ? BulletinError.from(hit.error) : undefined;
      let textKey = hit.textKey;
      if (hit.record && textKey === undefined && wantKey) {
        textKey = textKeyOf(hit.record.text);
        this.write(key, { ...hit, textKey });
      }
      return { record: hit.record, error, sha256, textKey, cached: true };
    }
    return { bytes, path, options, sha256, key, wantKey };
  }

  /** Stores what the parser made of a miss, and returns it as an outcome. */
  private settle(miss: Miss, result: { record: BulletinRecord; json?: string } | { error: BulletinError }): ParseOutcome {
    this.misses++;
    let entry: Entry;
    let outcome: ParseOutcome;
    if ('record' in result) {
      const { record } = result;
      origins.set(record, `${parserVersion()}:${miss.key}`);
      const textKey = miss.wantKey ? textKeyOf(record.text) : undefined;
      entry = { format: ENTRY_FORMAT, path: miss.path, record, textKey };
      outcome = { record, sha256: miss.sha256, textKey, cached: false };
    } else {
      const { error } = result;
      entry = { format: ENTRY_FORMAT, path: miss.path, error: error.messages[0]! };
      outcome = { error, sha256: miss.sha256, cached: false };
    }
    this.write(miss.key, entry, 'json' in result ? result.json : undefined);
    if (miss.seen) this.seen.set(miss.seen.memoKey, { signature: miss.seen.signature, outcome });
    return outcome;
  }

  private read(key: string, path: string, sha256: string): Entry | undefined {
    if (!this.store || !this.reading) return undefined;
    const json = this.store.take(key);
    if (json === undefined) return undefined;
    let entry: unknown;
    try {
      entry = JSON.parse(json);
    } catch {
      this.rejectedEntries++;
      return undefined;
    }
    if (entryProblem(entry, ENTRY_FORMAT, path, sha256) !== undefined) {
      this.rejectedEntries++;
      return undefined;
    }
    return entry as Entry;
  }

  /** Stores an entry (BucketStore.append: best effort, appended within a second). */
  private write(key: string, entry: Entry, recordJson?: string): void {
    if (!this.store) return;
    let json: string;
    if (entry.record && recordJson !== undefined) {
      // The record's JSON as the pool's worker made it (only for a record of the parser's own fields).
      const { record: _, ...rest } = entry;
      json = `${JSON.stringify(rest).slice(0, -1)},"record":${recordJson}}`;
    } else {
      // Front matter may hold values JSON cannot keep as they are (a YAML date): such records stay
      // uncached. The parser's own fields are JSON by construction (tests/parser/golden.test.ts).
      if (entry.record && hasExtraFields(entry.record)) {
        const extras = Object.fromEntries(Object.entries(entry.record).filter(([k]) => !isRecordField(k)));
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(extras)), extras)) return;
      }
      json = JSON.stringify(entry);
    }
    this.store.append(key, json);
  }

  /** Appends the entries not yet written (done by itself within a second and at exit). */
  flush(): void {
    this.store?.flush();
  }
}

let shared: ParseCache | undefined;

/** One cache per process, in the default folder: what the build's data layer uses. */
export function sharedParseCache(): ParseCache {
  shared ??= new ParseCache();
  return shared;
}
