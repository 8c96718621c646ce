// A parse cache on disk: a bulletin whose bytes, path and options are unchanged is never parsed again.
// Shared by `bulletin check`, `bulletin add` and the build's data layer (src/site/archive.ts).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { BulletinError, parseBulletin, type ParseOptions } from '../parser/index.ts';
import { MAX_BYTES } from '../parser/decode.ts';
import type { BulletinErrorCode } from '../parser/errors.ts';
import { toSimplified, toSimplifiedAligned } from '../parser/script.ts';
import type { BulletinRecord } from '../record.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Packages whose behaviour shapes a record: their versions are part of the parser version. */
const PARSER_PACKAGES = ['gray-matter', 'iconv-lite', 'luxon', 'opencc-js', 'pinyin-pro', 'zod'];

/** Bumped when the shape of a cache entry changes. */
const ENTRY_FORMAT = 1;

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
  error?: { code: BulletinErrorCode; file: string; reason: string; line?: number };
  textKey?: string;
}

let parserVersionMemo: string | undefined;

/**
 * A hash of everything that decides what the parser returns: the source of src/parser/** and
 * src/record.ts, this file, and the versions of the packages the parser calls.
 */
export function parserVersion(): string {
  if (parserVersionMemo) return parserVersionMemo;
  const hash = createHash('sha256').update(`format ${ENTRY_FORMAT}\n`);
  const files = [
    ...readdirSync(join(ROOT, 'src/parser'), { recursive: true, encoding: 'utf8' }).map((name) => join('src/parser', name)),
    'src/record.ts',
    'src/editor/parse-cache.ts',
  ].filter((name) => name.endsWith('.ts')).sort();
  for (const name of files) hash.update(`${name}\n`).update(readFileSync(join(ROOT, name))).update('\n');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of PARSER_PACKAGES) hash.update(`${name}@${pkg.dependencies?.[name] ?? '?'}\n`);
  parserVersionMemo = hash.digest('hex').slice(0, 16);
  return parserVersionMemo;
}

/**
 * The cache folder: ARCHIVE_PARSE_CACHE when set ("off" turns the cache off), else .cache/parse in
 * the repository. Entries live under a folder named for the parser version.
 */
export function defaultCacheDir(): string | undefined {
  const setting = process.env.ARCHIVE_PARSE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  return resolve(setting || join(ROOT, '.cache/parse'));
}

/** The key of one clean text for finding duplicates across scripts (phrase-level opencc, then per character). */
export function textKeyOf(text: string): string {
  const simplified = toSimplifiedAligned(toSimplified(text)).replace(/\s+/gu, '');
  return createHash('sha256').update(simplified, 'utf8').digest('hex');
}

/** Parses files through a cache in `dir`; counts hits and misses. */
export class ParseCache {
  readonly dir: string | undefined;
  hits = 0;
  misses = 0;
  private readonly versionDir: string | undefined;
  private prepared = false;

  /** `dir`: the cache folder, or undefined for no cache (every file is parsed). */
  constructor(dir: string | undefined = defaultCacheDir()) {
    this.dir = dir;
    this.versionDir = dir ? join(dir, parserVersion()) : undefined;
  }

  /** Parses the file at `path` (as named to the parser), or returns the cached outcome. Never throws a BulletinError. */
  parseFile(path: string, options: ParseOptions = {}): ParseOutcome {
    let bytes: Buffer;
    try {
      const size = statSync(path).size;
      if (size > MAX_BYTES) {
        return { error: new BulletinError('too-large', path, `the file is ${size} bytes, over the ${MAX_BYTES}-byte limit for one bulletin; split it or check that it is a bulletin`), sha256: '', cached: false };
      }
      bytes = readFileSync(path);
    } catch (error) {
      return { error: new BulletinError('io', path, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`), sha256: '', cached: false };
    }
    return this.parseBytes(bytes, path, options);
  }

  /** Parses bytes named `path`, or returns the cached outcome for the same bytes, path and options. */
  parseBytes(bytes: Uint8Array, path: string, options: ParseOptions = {}): ParseOutcome {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = createHash('sha256').update(`${sha256}\n${path}\n${JSON.stringify(options)}`).digest('hex');
    const hit = this.read(key, path);
    if (hit) {
      this.hits++;
      const error = hit.error ? new BulletinError(hit.error.code, hit.error.file, hit.error.reason, hit.error.line) : undefined;
      return { record: hit.record, error, sha256, textKey: hit.textKey, cached: true };
    }
    this.misses++;
    let entry: Entry;
    let outcome: ParseOutcome;
    try {
      const record = parseBulletin(bytes, path, options);
      const textKey = textKeyOf(record.text);
      entry = { format: ENTRY_FORMAT, path, record, textKey };
      outcome = { record, sha256, textKey, cached: false };
      // Front matter may hold values JSON cannot keep as they are (a YAML date): such records stay uncached.
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(record)), record)) return outcome;
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
      entry = { format: ENTRY_FORMAT, path, error: { code: error.code, file: error.file, reason: error.reason, line: error.line } };
      outcome = { error, sha256, cached: false };
    }
    this.write(key, entry);
    return outcome;
  }

  private read(key: string, path: string): Entry | undefined {
    if (!this.versionDir) return undefined;
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(join(this.versionDir, key.slice(0, 2), `${key}.json`), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    return entry.format === ENTRY_FORMAT && entry.path === path ? entry : undefined;
  }

  /** Best effort: a cache that cannot be written only makes the next run slower. */
  private write(key: string, entry: Entry): void {
    if (!this.versionDir || !this.dir) return;
    try {
      if (!this.prepared) {
        this.prepared = true;
        mkdirSync(this.versionDir, { recursive: true });
        utimesSync(this.versionDir, new Date(), new Date());
        pruneOtherVersions(this.dir, this.versionDir);
      }
      const folder = join(this.versionDir, key.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      const target = join(folder, `${key}.json`);
      const temp = `${target}.${process.pid}.tmp`;
      try {
        const fd = openSync(temp, 'w');
        try {
          writeSync(fd, JSON.stringify(entry));
        } finally {
          closeSync(fd);
        }
        renameSync(temp, target);
      } catch {
        try {
          unlinkSync(temp);
        } catch { /* already gone */ }
      }
    } catch { /* see above */ }
  }
}

/** Removes entries of other parser versions not used for a day (another checkout may still use a recent one). */
function pruneOtherVersions(dir: string, keep: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep) continue;
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch { /* raced with another process */ }
  }
}

let shared: ParseCache | undefined;

/** One cache per process, in the default folder: what the build's data layer uses. */
export function sharedParseCache(): ParseCache {
  shared ??= new ParseCache();
  return shared;
}

/** parseBulletinFile through the shared cache: same record, same BulletinError. */
export function parseBulletinFileCached(path: string, options: ParseOptions = {}): BulletinRecord {
  const outcome = sharedParseCache().parseFile(path, options);
  if (outcome.error) throw outcome.error;
  return outcome.record!;
}
