// The parse pool's worker thread (src/workers/parse-pool.ts, ParsePool): parses each chunk of jobs
// it is sent and posts their results, in order.
// Plain JavaScript: Node 20 starts a worker only from a .js/.mjs file; parse-pool.ts (TypeScript)
// is loaded through tsx's API, so both threads parse with the same parseJob. In the compiled copy of
// the code (scripts/run.mjs) parse-pool.js is beside this file, and is imported as it is.
//
// Messages in: { chunk, jobs: [{ bytes, path, options }] }.
// Messages out: { ready: true } once the parser is loaded; { chunk, results } with one of toPosted's
// { json }, { record }, { error }, { crash } per job.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

if (parentPort && workerData?.role === 'parse-pool') {
  const port = parentPort;
  const compiled = new URL('./parse-pool.js', import.meta.url);
  const { parseJob, toPosted } = existsSync(compiled)
    ? await import(compiled.href)
    : await (await import('tsx/esm/api')).tsImport('./parse-pool.ts', import.meta.url);
  port.on('message', (/** @type {{ chunk: number; jobs: Array<{ bytes: Uint8Array; path: string; options: object }> }} */ { chunk, jobs }) => {
    port.postMessage({ chunk, results: jobs.map((job) => toPosted(parseJob(job))) });
  });
  port.postMessage({ ready: true });
}
