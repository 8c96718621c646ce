// The search stage's Pagefind runs, in a small Node process of their own (src/search/pagefind-client.ts,
// PagefindRunner, starts it with child_process.fork). The build's main thread is busy for tens of
// seconds at a time while Eleventy renders: a run that ended there would be noticed, and the next
// started, only once Eleventy is done. Here each run that ends starts the next at once, whatever
// the main thread does, so the shards are indexed beside the render.
// A process rather than a thread: starting a program forks the process that starts it, and the
// build's process holds hundreds of MB (each fork of it holds its threads 60-80 ms); this one
// holds about 40 MB.
//
// Started (its compiled copy) as `node pagefind-runner.js pagefind-runner BINARY JOBS`, with Pagefind's environment.
// Messages in: { type: 'run', id, site, scratch, bundle } (index `site` into `scratch`, copy what
// the search page reads into `bundle`, then delete `site` and `scratch`), { type: 'jobs', value }
// (how many runs at once), { type: 'abort' } (kill the runs, drop the queue).
// Messages out: { type: 'done', id, seconds } or { type: 'failed', id, message }, once per run.
// When the build's process goes away (the IPC channel closes), the runs are killed and this exits.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { basename } from 'node:path';
import { removeDetached } from '../fs/remove-detached.ts';

/** One Pagefind run: index `site` into `scratch`, copy what the search page reads into `bundle`. */
interface Task {
  id: number;
  site: string;
  scratch: string;
  bundle: string;
}

/** What the build sends. */
type Message = ({ type: 'run' } & Task) | { type: 'jobs'; value: number } | { type: 'abort' };

/**
 * Files of a Pagefind bundle the search page never loads: the stock UIs, and the fragments
 * (tokenized text; results are shown from record.json). About two thirds of the bundle's bytes.
 */
const unusedByThePage = (name: string) => name === 'fragment' || /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(name);

// The role argument (build-index.ts passes it), so that importing this file elsewhere does nothing.
if (process.send && process.argv[2] === 'pagefind-runner') {
  const send: (message: unknown) => void = process.send.bind(process);
  const binary = process.argv[3]!;
  let jobs = Number(process.argv[4]);
  const queue: Task[] = [];
  const running = new Set<ChildProcess>();
  let aborted = false;

  const pump = () => {
    while (!aborted && queue.length > 0 && running.size < Math.max(1, jobs)) start(queue.shift()!);
  };

  const start = (task: Task) => {
    const started = performance.now();
    const child = spawn(binary, ['--site', task.site, '--output-path', task.scratch, '--force-language', 'und', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let log = '';
    child.stdout?.on('data', (d: Buffer) => { log += d; });
    child.stderr?.on('data', (d: Buffer) => { log += d; });
    let settled = false;
    const end = (failure?: string) => {
      if (settled) return;
      settled = true;
      running.delete(child);
      if (failure) send({ type: 'failed', id: task.id, message: failure });
      else send({ type: 'done', id: task.id, seconds: (performance.now() - started) / 1000 });
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
        return end(`copying the Pagefind bundle of ${task.site}: ${(error as Error).stack ?? String(error)}`);
      }
      // The run's shadow pages and whole output (1,400 files per 600 bulletins), in the background.
      removeDetached([task.site, task.scratch]);
      end();
    });
  };

  const killAll = () => {
    aborted = true;
    for (const child of running) child.kill();
  };

  process.on('message', (message: Message) => {
    if (message.type === 'run') {
      queue.push(message);
      pump();
    } else if (message.type === 'jobs') {
      jobs = message.value;
      pump();
    } else if (message.type === 'abort') {
      for (const task of queue.splice(0)) send({ type: 'failed', id: task.id, message: 'the search stage was stopped' });
      killAll();
    }
  });
  // The build closed the channel (it is done, or it died): nothing is left to report to.
  process.on('disconnect', () => {
    killAll();
    process.exit(0);
  });
}
