// The parse pool's worker thread (src/workers/parse-pool.ts, ParsePool): parses each chunk of jobs
// it is sent and posts their results, in order. It runs in the compiled copy of the code
// (scripts/run.mjs) as parse-worker.js, beside the parse-pool.js the main thread uses, so both
// threads parse with the same parseJob.
//
// Messages in: { chunk, jobs: [{ bytes, path, options }] }.
// Messages out: { ready: true } once the parser is loaded; { chunk, results } with one of toPosted's
// { json }, { record }, { error }, { crash } per job.
import { parentPort, workerData } from 'node:worker_threads';
import { type ParseJob, parseJob, toPosted } from './parse-pool.ts';

if (parentPort && workerData?.role === 'parse-pool') {
  const port = parentPort;
  port.on('message', ({ chunk, jobs }: { chunk: number; jobs: ParseJob[] }) => {
    port.postMessage({ chunk, results: jobs.map((job) => toPosted(parseJob(job))) });
  });
  port.postMessage({ ready: true });
}
