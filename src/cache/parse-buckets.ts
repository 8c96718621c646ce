// The parse cache's files on disk: entries as checked lines in 256 bucket files per parser version.
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_LENGTH, lineCheck } from './cache-entry.ts';
import { pruneCache, touchEntry } from './caches.mjs';

/**
 * The entries of one parser version, by key (the cache key, 64 hex characters).
 *
 * 256 bucket files per parser version (`<version>/<first two hex of the key>.jsonl`), one line per
 * entry (`<key>\t<check>\t<entry JSON>`, the check a CRC-32 of the key and the JSON), appended with
 * one write each: an append costs a tenth of creating one file per entry (open, rename, mkdir),
 * which cost more than parsing the bulletin. A bucket is read once per process. A line cut short
 * by a crash does not parse and is a miss; the last line of a key wins; a bucket with many
 * superseded lines is rewritten. Lines are appended in batches (see `append`).
 */
export class BucketStore {
  /** Lines whose check did not match (edited, cut short): each left out, so its key is a miss. */
  rejected = 0;
  private prepared = false;
  /** Bucket name → key → the entry's JSON (parsed when used). */
  private readonly buckets = new Map<string, Map<string, string>>();
  /** Bucket name → lines not yet appended. */
  private readonly pending = new Map<string, string>();
  private pendingBytes = 0;
  private flushTimer: NodeJS.Timeout | undefined;

  /** `dir`: the parse cache's folder; `versionDir`: this parser version's folder in it. */
  constructor(private readonly dir: string, private readonly versionDir: string) {}

  /**
   * The JSON stored under `key`, or undefined. Handed out once: the caller remembers the outcome by
   * the file's stat, so the JSON would only hold memory (1 GB at 100,000 bulletins).
   */
  take(key: string): string | undefined {
    const bucket = this.bucket(key.slice(0, 2));
    const json = bucket.get(key);
    if (json !== undefined) bucket.delete(key);
    return json;
  }

  /**
   * Stores `json` under `key`, best effort: a cache that cannot be written only makes the next run
   * slower. Lines are held and appended a bucket at a time within a second, and at exit (an append
   * opens the file: 80 µs).
   */
  append(key: string, json: string): void {
    const name = key.slice(0, 2);
    this.pending.set(name, `${this.pending.get(name) ?? ''}${line(key, json)}`);
    this.pendingBytes += json.length;
    // A long parse loop never lets the timer run: write out every few megabytes.
    if (this.pendingBytes > 8e6) return this.flush();
    if (this.pending.size === 1 && !this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), 1000);
      this.flushTimer.unref();
      process.once('exit', this.flushAtExit);
    }
  }

  private readonly flushAtExit = () => this.flush();

  /** Appends the lines not yet written (done by itself within a second and at exit). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    process.removeListener('exit', this.flushAtExit);
    if (this.pending.size === 0) return;
    try {
      this.prepare();
      // One write per bucket: concurrent appenders do not interleave within it. It starts with a
      // line break, in case the last append was cut short.
      for (const [name, lines] of this.pending) appendFileSync(join(this.versionDir, `${name}.jsonl`), `\n${lines}`);
    } catch { /* see above */ }
    this.pending.clear();
    this.pendingBytes = 0;
  }


  private bucket(name: string): Map<string, string> {
    let bucket = this.buckets.get(name);
    if (bucket) return bucket;
    bucket = new Map();
    this.buckets.set(name, bucket);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.versionDir, `${name}.jsonl`));
    } catch {
      return bucket;
    }
    // Each key and entry decoded on its own: a slice of the whole file's text would keep all of it
    // alive for as long as the slice lives (V8 sliced strings), i.e. every bucket for the whole build.
    // A line whose check does not match (edited, cut short) is left out here: CRC-32 over the bytes
    // as read, before they are decoded (1.3 ms of CPU per 1,000 entries of 5 KB).
    let lines = 0;
    const jsonAt = 64 + 1 + CHECK_LENGTH + 1;
    for (let start = 0; start < bytes.length;) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      if (end - start > jsonAt && bytes[start + 64] === 0x09 && bytes[start + jsonAt - 1] === 0x09) {
        lines++;
        if (bytes.toString('latin1', start + 65, start + jsonAt - 1) === lineCheck(bytes.subarray(start, start + 64), bytes.subarray(start + jsonAt, end))) {
          bucket.set(bytes.toString('latin1', start, start + 64), bytes.toString('utf8', start + jsonAt, end));
        } else {
          this.rejected++;
        }
      }
      start = end + 1;
    }
    // Superseded lines (a text key added later, a file parsed again after a crash) are dropped.
    if (lines > 64 && lines > 2 * bucket.size) this.rewrite(name, bucket);
    return bucket;
  }

  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    mkdirSync(this.versionDir, { recursive: true });
    touchEntry(this.versionDir);
    pruneCache('parse', this.dir, this.versionDir);
  }

  private rewrite(name: string, bucket: Map<string, string>): void {
    const target = join(this.versionDir, `${name}.jsonl`);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, [...bucket].map(([k, json]) => line(k, json)).join(''));
      renameSync(temp, target);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

/** A bucket file's line for an entry: `<key>\t<check>\t<JSON>\n`. */
function line(key: string, json: string): string {
  return `${key}\t${lineCheck(Buffer.from(key, 'latin1'), Buffer.from(json, 'utf8'))}\t${json}\n`;
}
