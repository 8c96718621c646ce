// Parsing many bulletins on two threads at once, synchronously: this thread and one worker thread
// (src/workers/parse-worker.ts) take the next bulletin from a shared counter until none is left,
// and this thread waits for the worker's last ones. The caller (ParseCache.parseFiles) stays
// synchronous, and so do the data layer and its callers. A cold build of 10,000 bulletins parsed
// on one core while the other waited for the parse to end (the search stage needs every record).
import { availableParallelism } from 'node:os';
import { receiveMessageOnPort } from 'node:worker_threads';
import { BulletinError, parseBulletin, type ParseOptions } from '../parser/index.ts';
import { type BulletinRecord, hasExtraFields, type Message } from '../record.ts';
import { type HelperThread, startHelperThread, stopHelperThread, takeEarlyHelperThread, waitUntilReady } from './parse-helper-thread.ts';

/** One bulletin to parse: its bytes, the path the parser names it by, and the options. */
export interface ParseJob {
  bytes: Uint8Array;
  path: string;
  options: ParseOptions;
}

/**
 * What the parser made of a job: a record, its refusal, or a crash (a bug: anything else it threw).
 * A record parsed on the worker may come with its JSON (see toPosted), which the cache then stores
 * as it is.
 */
export type ParseResult = { record: BulletinRecord; json?: string } | { error: BulletinError } | { crash: Error };

/** The result of one job on this thread. */
export function parseJob(job: ParseJob): ParseResult {
  try {
    return { record: parseBulletin(job.bytes, job.path, job.options) };
  } catch (error) {
    if (error instanceof BulletinError) return { error };
    return { crash: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** A batch handed to the worker (ParseHelper.begin), to be finished. */
export interface PendingBatch {
  batch: number;
  jobs: ParseJob[];
  /** Shared with the worker; none when the batch was never handed over (a broken worker). */
  control?: Int32Array;
}

/** A result as the worker posts it (toPosted), with its place. */
type Posted = { batch: number; at: number } & PostedResult;

type PostedResult = { json: string } | { record: BulletinRecord } | { error: Message } | { crash: string };

/**
 * A result as the worker posts it. A record of the parser's own fields only (JSON by construction,
 * tests/parser/golden.test.ts) goes as its JSON text: quicker to make and to read than a
 * structured clone, and the cache stores that text instead of making it again on this thread.
 * A record with other front matter values goes as it is (a clone keeps what JSON would not, such
 * as a date).
 */
export function toPosted(result: ParseResult): PostedResult {
  if ('record' in result) {
    return hasExtraFields(result.record) ? { record: result.record } : { json: JSON.stringify(result.record) };
  }
  if ('error' in result) return { error: result.error.messages[0]! };
  return { crash: result.crash.stack ?? result.crash.message };
}

// Slots of the control array shared with the worker.
const NEXT = 0; // the next job to take
const DONE = 1; // jobs the worker has posted
const SLOTS = 2;

/**
 * Jobs from which a helper thread pays for itself. Measured here (cold parse cache): 100,000
 * bulletins loaded in 46.8 s with it and 64.1 s without; 10,000 in about the same time either way
 * (the worker takes 0.7 s to load the parser, and two threads parse 1.4 times as fast as one).
 */
export const HELPER_FROM = 20_000;

/**
 * The same for a helper whose thread was started early (parse-helper-thread.ts, by the build
 * command): it has loaded the parser by the time the build parses, so it pays for itself far
 * sooner. Measured here: the parse stage of a cold 10,000-bulletin build took 5.4–6.2 s with it
 * and 6.2–8.1 s on one thread (three builds each, alternated).
 */
export const EARLY_HELPER_FROM = 2_000;

/** How long this thread waits for a worker that posts nothing before parsing its jobs itself. */
const STALL_MS = 30_000;

/**
 * A worker thread that parses beside this one, for as many batches as the caller has. Not started
 * on a single core. Call close() when done (it is unref'd: it never keeps the process alive).
 */
export class ParseHelper {
  private batches = 0;
  private stalled = false;
  /** Results the worker posted for batches not yet being finished, by batch. */
  private readonly ahead = new Map<number, Posted[]>();
  /** Jobs the worker has parsed so far. */
  helped = 0;

  private constructor(private readonly thread: HelperThread) {}

  /** A worker that failed to start, died or stalled posts nothing: run() parses alone. */
  private get broken(): boolean {
    return this.stalled || this.thread.failed;
  }

  /** A helper (on the thread started early, if there is one), or undefined on a machine with one core. */
  static start(): ParseHelper | undefined {
    const early = takeEarlyHelperThread();
    if (early) return new ParseHelper(early);
    return availableParallelism() >= 2 ? new ParseHelper(startHelperThread()) : undefined;
  }

  /** Waits until the worker has loaded the parser, at most `ms`; true if it has (for tests). */
  waitUntilReady(ms: number): boolean {
    return waitUntilReady(this.thread, ms);
  }

  /** The results of `jobs` in order, parsed here and on the worker at once. */
  run(jobs: ParseJob[]): ParseResult[] {
    return this.finish(this.begin(jobs));
  }

  /**
   * Hands `jobs` to the worker, which starts on them once it is done with the batches before (this
   * thread can meanwhile do other work, such as reading the next batch); finish() gives their results.
   */
  begin(jobs: ParseJob[]): PendingBatch {
    const batch = ++this.batches;
    if (this.broken) return { batch, jobs };
    // The bytes go over once, in one shared buffer.
    const offsets = new Array<number>(jobs.length + 1);
    offsets[0] = 0;
    jobs.forEach((job, i) => { offsets[i + 1] = offsets[i]! + job.bytes.length; });
    const bytes = new Uint8Array(new SharedArrayBuffer(offsets[jobs.length]!));
    jobs.forEach((job, i) => bytes.set(job.bytes, offsets[i]));
    const control = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
    this.thread.worker.postMessage({ batch, bytes, offsets, paths: jobs.map((j) => j.path), options: jobs.map((j) => j.options), control });
    return { batch, jobs, control };
  }

  /** The results of a batch begun earlier, in order: this thread takes its jobs left, then waits for the worker's. */
  finish({ batch, jobs, control }: PendingBatch): ParseResult[] {
    if (!control || this.broken) return jobs.map(parseJob);
    const results: Array<ParseResult | undefined> = new Array(jobs.length);
    let mine = 0;
    for (let at = Atomics.add(control, NEXT, 1); at < jobs.length; at = Atomics.add(control, NEXT, 1)) {
      results[at] = parseJob(jobs[at]!);
      mine++;
    }
    // Every job is taken: wait for the worker's.
    const theirs = jobs.length - mine;
    let received = 0;
    const take = (message: Posted) => {
      results[message.at] = fromPosted(message);
      received++;
      this.helped++;
    };
    for (const message of this.ahead.get(batch) ?? []) take(message);
    this.ahead.delete(batch);
    let waitedSince = performance.now();
    while (received < theirs) {
      const message = receiveMessageOnPort(this.thread.port)?.message as Posted | undefined;
      if (message) {
        // A later batch's result (the worker went on to it) is kept for its finish(); an earlier
        // one is a stalled batch's late answer.
        if (message.batch > batch) {
          const kept = this.ahead.get(message.batch);
          if (kept) kept.push(message);
          else this.ahead.set(message.batch, [message]);
        }
        if (message.batch !== batch) continue;
        take(message);
        waitedSince = performance.now();
        continue;
      }
      const posted = Atomics.load(control, DONE);
      if (posted > received) continue;
      if (this.broken || performance.now() - waitedSince > STALL_MS) {
        this.stalled = true;
        break;
      }
      Atomics.wait(control, DONE, posted, 100);
    }
    // A broken or stalled worker's jobs are parsed here.
    return results.map((result, at) => result ?? parseJob(jobs[at]!));
  }

  close(): void {
    stopHelperThread(this.thread);
  }
}

function fromPosted(message: Posted): ParseResult {
  if ('json' in message) return { record: JSON.parse(message.json) as BulletinRecord, json: message.json };
  if ('record' in message) return { record: message.record };
  if ('error' in message) return { error: BulletinError.from(message.error) };
  return { crash: new Error(message.crash) };
}
