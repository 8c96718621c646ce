// The parse helper's worker thread (src/workers/parse-pool.ts, ParseHelper): takes the next job of
// a batch from the shared counter, parses it and posts the result, until none is left.
// Plain JavaScript: Node 20 starts a worker only from a .js/.mjs file; parse-pool.ts (TypeScript)
// is loaded through tsx's API, so both threads parse with the same parseJob. In the compiled copy of
// the code (scripts/run.mjs) parse-pool.js is beside this file, and is imported as it is.
//
// Message in: { batch, bytes (SharedArrayBuffer view of every job's bytes), offsets, paths, options,
// control (Int32Array: [next job, results posted]) }.
// Messages out, on workerData.port: { batch, at } and one of toPosted's { json }, { record }, { error }, { crash }.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const NEXT = 0;
const DONE = 1;

if (parentPort && workerData?.role === 'parse-helper') {
  /** @type {import('node:worker_threads').MessagePort} */
  const port = workerData.port;
  const compiled = new URL('./parse-pool.js', import.meta.url);
  const { parseJob, toPosted } = existsSync(compiled)
    ? await import(compiled.href)
    : await (await import('tsx/esm/api')).tsImport('./parse-pool.ts', import.meta.url);
  Atomics.store(workerData.ready, 0, 1);
  Atomics.notify(workerData.ready, 0);

  parentPort.on('message', (/** @type {{ batch: number; bytes: Uint8Array; offsets: number[]; paths: string[]; options: object[]; control: Int32Array }} */ job) => {
    const { batch, bytes, offsets, paths, options, control } = job;
    for (let at = Atomics.add(control, NEXT, 1); at < paths.length; at = Atomics.add(control, NEXT, 1)) {
      // A copy: the parser may keep views of its input, and the shared buffer must not outlive the batch.
      const result = parseJob({ bytes: bytes.slice(offsets[at], offsets[at + 1]), path: paths[at], options: options[at] });
      port.postMessage({ batch, at, ...toPosted(result) });
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
    }
  });
}
