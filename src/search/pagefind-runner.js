// The search stage's Pagefind runs, on a worker thread of their own (src/search/build-index.ts,
// PagefindRunner). The build's main thread is busy for tens of seconds at a time while Eleventy
// renders, and a run that ended there was only noticed, and the next started, once Eleventy was
// done: 1 shard of 17 was indexed during a 25 s render of 10,000 bulletins. Here each run that ends
// starts the next at once, whatever the main thread does.
//
// Messages in: { type: 'run', id, site, scratch, bundle } (index `site` into `scratch`, then copy
// what the search page reads into `bundle`; src/search/build-index.ts then removes both scratch folders), { type: 'jobs', value }
// (how many runs at once), { type: 'abort' } (kill the runs, drop the queue).
// Messages out: { type: 'done', id, seconds } or { type: 'failed', id, message }, once per run.
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Files of a Pagefind bundle the search page never loads: the stock UIs, and the fragments
 * (tokenized text; results are shown from record.json). About two thirds of the bundle's bytes.
 * @param {string} name
 */
const unusedByThePage = (name) => name === 'fragment' || /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(name);

if (parentPort && workerData?.role === 'pagefind-runner') {
  const port = parentPort;
  /** @type {{ binary: string; env: Record<string, string> }} */
  const { binary, env } = workerData;
  /** @type {number} */
  let jobs = workerData.jobs;
  /** @type {Array<{ id: number; site: string; scratch: string; bundle: string }>} */
  const queue = [];
  /** @type {Set<import('node:child_process').ChildProcess>} */
  const running = new Set();
  let aborted = false;

  const pump = () => {
    while (!aborted && queue.length > 0 && running.size < Math.max(1, jobs)) start(/** @type {typeof queue[0]} */ (queue.shift()));
  };

  /** @param {typeof queue[0]} task */
  const start = (task) => {
    const started = performance.now();
    const child = spawn(binary, ['--site', task.site, '--output-path', task.scratch, '--force-language', 'und', '--quiet'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let log = '';
    child.stdout?.on('data', (d) => { log += d; });
    child.stderr?.on('data', (d) => { log += d; });
    let settled = false;
    /** @param {string} [failure] */
    const end = (failure) => {
      if (settled) return;
      settled = true;
      running.delete(child);
      if (failure) port.postMessage({ type: 'failed', id: task.id, message: failure });
      else port.postMessage({ type: 'done', id: task.id, seconds: (performance.now() - started) / 1000 });
      pump();
    };
    child.on('error', (error) => end(`Pagefind could not start on ${task.site}: ${error.message}`));
    child.on('close', (code, signal) => {
      if (code !== 0) return end(`Pagefind failed on ${task.site} (${signal ?? `exit ${code}`}):\n${log.trim().slice(-2000)}`);
      // The next run starts before this one's bundle is copied: the copy (0.1 s) would otherwise
      // hold up the chain of runs, the build's longest path, 17 times at 10,000 bulletins.
      running.delete(child);
      pump();
      try {
        cpSync(task.scratch, task.bundle, { recursive: true, filter: (path) => !unusedByThePage(basename(path)) });
      } catch (error) {
        return end(`copying the Pagefind bundle of ${task.site}: ${/** @type {Error} */ (error).stack ?? String(error)}`);
      }
      end();
    });
  };

  port.on('message', (message) => {
    if (message.type === 'run') {
      queue.push(message);
      pump();
    } else if (message.type === 'jobs') {
      jobs = message.value;
      pump();
    } else if (message.type === 'abort') {
      aborted = true;
      for (const task of queue.splice(0)) port.postMessage({ type: 'failed', id: task.id, message: 'the search stage was stopped' });
      for (const child of running) child.kill();
    }
  });
}
