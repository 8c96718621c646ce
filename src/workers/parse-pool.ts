// Parsing many bulletins on two threads: this one and a worker thread (parse-worker.ts). The jobs
// wait in one queue; the worker is sent a few at a time as it returns results, and this thread
// parses the rest, returning to the event loop every few milliseconds to take the worker's results
// in and send it more. This thread parses from the start, so the worker's start-up (loading the
// parser) costs nothing here. Used by ParseCache.parseFiles (src/cache/parse-cache.ts).
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { BulletinError, parseBulletin, type ParseOptions } from '../parser/index.ts';
import { type BulletinRecord, hasExtraFields, type Message } from '../record.ts';

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

/** A result as the worker posts it (toPosted). */
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

function fromPosted(posted: PostedResult): ParseResult {
  if ('json' in posted) return { record: JSON.parse(posted.json) as BulletinRecord, json: posted.json };
  if ('record' in posted) return { record: posted.record };
  if ('error' in posted) return { error: BulletinError.from(posted.error) };
  return { crash: new Error(posted.crash) };
}

/**
 * Jobs from which a pool pays for itself: the worker takes about 0.7 s to load the parser (on the
 * other core, while this thread parses), then two threads parse about 1.4 times as fast as one.
 */
export const POOL_FROM = 2_000;

/** How long this thread parses before it returns to the event loop (the worker's results wait till then). */
const TURN_MS = 8;

/** Jobs sent to the worker at once, at most, and chunks it holds at a time: enough to keep it busy for a turn of this thread. */
const CHUNK = 16;
const CHUNKS_AHEAD = 2;

/** How long this thread waits for a worker that posts nothing before parsing its jobs itself. */
const STALL_MS = 30_000;

/** Messages from the worker: it has loaded the parser, or the results of a chunk in order. */
type FromWorker = { ready: true } | { chunk: number; results: PostedResult[] };

/** A list of jobs handed to parse(), and where its results go. */
interface Batch {
  jobs: ParseJob[];
  results: Array<ParseResult | undefined>;
  left: number;
  done: (results: ParseResult[]) => void;
}

/** One job of a batch, as the queue holds it. */
interface Queued {
  batch: Batch;
  at: number;
}

/**
 * A worker thread that parses beside this one, for as many lists as the caller has; a crashed or
 * stalled worker's jobs are parsed here. Not started on a single core. The worker keeps the
 * process alive only while a parse is under way; call close() when done.
 */
export class ParsePool {
  /** Jobs the worker has parsed so far. */
  helped = 0;
  /** Jobs not taken yet: queue[head] on. */
  private queue: Queued[] = [];
  private head = 0;
  /** Chunks sent to the worker and not answered yet, by number. */
  private readonly sent = new Map<number, Queued[]>();
  private chunks = 0;
  private batches = 0;
  private ready = false;
  private broken = false;
  private driving = false;
  /** Wakes the loop of this thread when it waits for the worker. */
  private wake: (() => void) | undefined;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  /** A pool, or undefined on a machine with one core. */
  static start(): ParsePool | undefined {
    if (availableParallelism() < 2) return undefined;
    return new ParsePool(new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: { role: 'parse-pool' } }));
  }

  /** The results of `jobs` in order, parsed on this thread and the worker at once. */
  parse(jobs: ParseJob[]): Promise<ParseResult[]> {
    if (jobs.length === 0) return Promise.resolve([]);
    return new Promise((done) => {
      const batch: Batch = { jobs, results: new Array(jobs.length), left: jobs.length, done };
      this.batches++;
      for (let at = 0; at < jobs.length; at++) this.queue.push({ batch, at });
      this.send();
      void this.drive();
    });
  }

  /** Stops the worker (results it still owes are dropped: call after the last parse). */
  close(): void {
    this.broken = true;
    void this.worker.terminate();
  }

  /** This thread's share: parses queued jobs a turn at a time until every batch is done. */
  private async drive(): Promise<void> {
    if (this.driving) return;
    this.driving = true;
    this.worker.ref();
    try {
      // The caller goes on (reading its next list) before this thread parses.
      await nextTurn();
      while (this.batches > 0) {
        if (this.queued > 0) {
          const end = performance.now() + TURN_MS;
          do {
            const job = this.take(1)[0]!;
            this.settle(job, parseJob(job.batch.jobs[job.at]!));
          } while (this.queued > 0 && performance.now() < end);
          await nextTurn();
        } else {
          // Every job left is the worker's: wait for its results, or its end.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              this.stall();
              resolve();
            }, STALL_MS);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wake = undefined;
        }
      }
    } finally {
      this.driving = false;
      this.worker.unref();
    }
  }

  /** Sends the worker chunks until it holds CHUNKS_AHEAD, once it is ready. */
  private send(): void {
    if (!this.ready || this.broken) return;
    while (this.sent.size < CHUNKS_AHEAD && this.queued > 0) {
      // Smaller chunks as the queue runs out, so that both threads end about together.
      const chunk = this.take(Math.max(1, Math.min(CHUNK, Math.floor(this.queued / 4))));
      const number = ++this.chunks;
      this.sent.set(number, chunk);
      this.worker.postMessage({ chunk: number, jobs: chunk.map(({ batch, at }) => batch.jobs[at]) });
    }
  }

  private receive(message: FromWorker): void {
    if ('ready' in message) {
      this.ready = true;
    } else {
      const chunk = this.sent.get(message.chunk);
      // A chunk already taken back (a stalled worker's late answer) is left out.
      if (!chunk) return;
      this.sent.delete(message.chunk);
      chunk.forEach((job, i) => this.settle(job, fromPosted(message.results[i]!)));
      this.helped += chunk.length;
    }
    this.send();
    this.wake?.();
  }

  private settle({ batch, at }: Queued, result: ParseResult): void {
    batch.results[at] = result;
    if (--batch.left > 0) return;
    this.batches--;
    batch.done(batch.results as ParseResult[]);
  }

  /** The worker failed, died or was stopped: the jobs it holds go back to this thread. */
  private fail(): void {
    this.broken = true;
    const taken = [...this.sent.values()].flat();
    this.sent.clear();
    this.queue = [...taken, ...this.queue.slice(this.head)];
    this.head = 0;
    this.wake?.();
  }

  private get queued(): number {
    return this.queue.length - this.head;
  }

  /** The next `count` queued jobs (fewer when fewer are left), taken off the queue. */
  private take(count: number): Queued[] {
    const taken = this.queue.slice(this.head, this.head + count);
    this.head += taken.length;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return taken;
  }

  private stall(): void {
    this.fail();
    void this.worker.terminate();
  }
}
