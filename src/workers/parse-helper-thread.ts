// The parse helper's worker thread (parse-worker.ts), started on its own: this module loads
// nothing but worker_threads, so a command can start the thread before it loads the rest of its
// code (scripts/build.ts: the worker loads the parser, 0.7 s and more, while the build loads
// Eleventy). ParseHelper (parse-pool.ts) adopts a thread started early, or starts one.
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

export interface HelperThread {
  worker: Worker;
  /** Where the worker posts its results. */
  port: MessagePort;
  /** Set to 1 by the worker once it has loaded the parser. */
  ready: Int32Array;
  /** The worker failed to start or died: it posts nothing more. */
  failed: boolean;
}

/** Starts the worker; it is unref'd (it never keeps the process alive). */
export function startHelperThread(): HelperThread {
  const { port1, port2 } = new MessageChannel();
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url), {
    workerData: { role: 'parse-helper', port: port2, ready },
    transferList: [port2],
  });
  worker.unref();
  const thread: HelperThread = { worker, port: port1, ready, failed: false };
  worker.on('error', () => { thread.failed = true; });
  return thread;
}

/** Waits until the thread has loaded the parser, at most `ms`; true if it has (for tests). */
export function waitUntilReady(thread: HelperThread, ms: number): boolean {
  return Atomics.wait(thread.ready, 0, 0, ms) !== 'timed-out' || Atomics.load(thread.ready, 0) === 1;
}

/** Stops the thread (its pending results are dropped). */
export function stopHelperThread(thread: HelperThread): void {
  thread.port.close();
  void thread.worker.terminate();
}

let early: HelperThread | undefined;

/** Starts the helper thread now, for the next ParseHelper to adopt; not on a single core. */
export function startHelperThreadEarly(): void {
  if (!early && availableParallelism() >= 2) early = startHelperThread();
}

/** Is a thread started early waiting to be adopted? (parseFiles then starts a helper from fewer misses.) */
export function hasEarlyHelperThread(): boolean {
  return early !== undefined;
}

/** Waits until the thread started early has loaded the parser, at most `ms`; true if it has (for tests). */
export function waitForEarlyHelperThread(ms: number): boolean {
  return early !== undefined && waitUntilReady(early, ms);
}

/** The thread started early and not adopted yet (handed over once). */
export function takeEarlyHelperThread(): HelperThread | undefined {
  const thread = early;
  early = undefined;
  return thread;
}

/** Stops a thread started early that nothing adopted (a build whose bulletins were all cached). */
export function stopEarlyHelperThread(): void {
  const thread = takeEarlyHelperThread();
  if (thread) stopHelperThread(thread);
}
