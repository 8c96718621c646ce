// The parse helper's worker thread (src/workers/parse-pool.ts, ParseHelper): takes the next job of
// a batch from the shared counter, parses it and posts the result, until none is left. It runs in
// the compiled copy of the code (scripts/run.mjs) as parse-worker.js, beside the parse-pool.js the
// main thread uses, so both threads parse with the same parseJob.
//
// Message in: { batch, bytes (SharedArrayBuffer view of every job's bytes), offsets, paths, options,
// control (Int32Array: [next job, results posted]) }.
// Messages out, on workerData.port: { batch, at } and one of toPosted's { json }, { record }, { error }, { crash }.
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ParseOptions } from '../parser/index.ts';
import { parseJob, toPosted } from './parse-pool.ts';

/** One batch of jobs, shared by the threads that parse it. */
interface BatchMessage {
  batch: number;
  bytes: Uint8Array;
  offsets: number[];
  paths: string[];
  options: ParseOptions[];
  control: Int32Array;
}

const NEXT = 0;
const DONE = 1;

if (parentPort && workerData?.role === 'parse-helper') {
  const port = workerData.port as MessagePort;
  Atomics.store(workerData.ready as Int32Array, 0, 1);
  Atomics.notify(workerData.ready as Int32Array, 0);

  parentPort.on('message', ({ batch, bytes, offsets, paths, options, control }: BatchMessage) => {
    for (let at = Atomics.add(control, NEXT, 1); at < paths.length; at = Atomics.add(control, NEXT, 1)) {
      // A copy: the parser may keep views of its input, and the shared buffer must not outlive the batch.
      const result = parseJob({ bytes: bytes.slice(offsets[at], offsets[at + 1]), path: paths[at]!, options: options[at]! });
      port.postMessage({ batch, at, ...toPosted(result) });
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
    }
  });
}
