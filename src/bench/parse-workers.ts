// Does parsing in 2 worker_threads help? Parses a corpus folder in this thread, then split across
// N workers (records cloned back to the main thread, as a build would need them); prints wall and CPU.
// Usage: node scripts/run.mjs src/bench/parse-workers.ts DIR [--workers 2] [--runs 3]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { BulletinError, parseBulletin } from '../parser/index.ts';
import { median } from './stats.ts';

/** Parses the files; returns the records (failures are skipped: the corpus parses). */
function parseFiles(files: string[]): unknown[] {
  const out: unknown[] = [];
  for (const file of files) {
    try {
      out.push(parseBulletin(readFileSync(file), file));
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
    }
  }
  return out;
}

if (!isMainThread) {
  parentPort!.postMessage(parseFiles(workerData as string[]));
} else {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { workers: { type: 'string', default: '2' }, runs: { type: 'string', default: '3' } } });
  const dir = resolve(positionals[0] ?? '.');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const workers = Number(values.workers);
  const runs = Number(values.runs);

  const inWorkers = async (): Promise<number> => {
    const parts = Array.from({ length: workers }, (_, i) => files.filter((_, j) => j % workers === i));
    const results = await Promise.all(parts.map((part) => new Promise<unknown[]>((ok, fail) => {
      // Workers load this file (its compiled copy), as the build's parse helper loads the parser.
      const w = new Worker(new URL(import.meta.url), { workerData: part });
      w.once('message', ok);
      w.once('error', fail);
    })));
    return results.reduce((n, r) => n + r.length, 0);
  };

  const time = async (work: () => unknown): Promise<{ wall: number[]; cpu: number[] }> => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await work();
      wall.push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1e6);
    }
    return { wall, cpu };
  };
  parseFiles(files.slice(0, 200)); // warm-up of this thread
  const one = await time(() => parseFiles(files));
  const many = await time(inWorkers);
  const row = (label: string, t: { wall: number[]; cpu: number[] }) =>
    `| ${label} | ${median(t.wall).toFixed(2)} s | ${Math.round(files.length / median(t.wall))} | ${median(t.cpu).toFixed(2)} CPU-s | ${t.wall.map((w) => w.toFixed(2)).join(' ')} |`;
  console.log(`# parse ${files.length} files: one thread vs ${workers} worker_threads (records cloned back), ${runs} runs, load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
  console.log('| how | median wall | bulletins/s | median CPU (all threads) | runs (wall) |\n|---|---|---|---|---|');
  console.log(row('main thread', one));
  console.log(row(`${workers} worker_threads (incl. start-up)`, many));
}
