// The search stage's side of the Pagefind runner process (src/search/pagefind-runner.ts): starts
// it, hands it one shard at a time, and limits how many Pagefind runs go at once.
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, availableParallelism, freemem, platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { env } from '../config.ts';

/** The Pagefind binary with Chinese support, as the pagefind package would find it. */
function pagefindBinary(): string {
  if (env.pagefindBinary) return env.pagefindBinary;
  const require = createRequire(import.meta.url);
  const os = platform() === 'win32' ? 'windows' : platform();
  return require.resolve(`@pagefind/${os}-${arch()}/bin/pagefind_extended${os === 'windows' ? '.exe' : ''}`);
}

/**
 * Pagefind runs in a small process of their own (src/search/pagefind-runner.ts), at most
 * `limit.value` at a time: the runs go on while this thread is busy (Eleventy renders on it for
 * tens of seconds without a break), and starting each run, and deleting its files, forks that
 * small process rather than this one. run() resolves with the run's seconds once its bundle is in place.
 */
export class PagefindRunner {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { done: (seconds: number) => void; fail: (error: Error) => void }>();
  private readonly exited: Promise<void>;
  private next = 0;

  constructor(limit: JobLimit) {
    this.child = fork(fileURLToPath(new URL('./pagefind-runner.js', import.meta.url)), ['pagefind-runner', pagefindBinary(), String(limit.value)], {
      // None of this process's Node flags (the build's heap sizes): the runner is a small process.
      execArgv: [],
      // Smaller index chunks: a query fetches less (measured in docs/search.md).
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: env.pagefindChunkSize },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    limit.onChange(() => this.send({ type: 'jobs', value: limit.value }));
    this.child.on('message', (m: { type: 'done'; id: number; seconds: number } | { type: 'failed'; id: number; message: string }) => {
      const waiting = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.type === 'done') waiting?.done(m.seconds);
      else waiting?.fail(new Error(m.message));
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.failAll(new Error(`the Pagefind runner stopped (${signal ?? `exit ${code}`})`));
        resolve();
      });
      this.child.on('error', (error) => {
        this.failAll(error);
        // A process that never started has no exit to wait for.
        if (this.child.pid === undefined) resolve();
      });
    });
  }

  /** Indexes `site` into `scratch`, copies what the search page reads into `bundle`, and deletes `site` and `scratch`. */
  run(task: { site: string; scratch: string; bundle: string }): Promise<number> {
    const id = this.next++;
    return new Promise((done, fail) => {
      this.waiting.set(id, { done, fail });
      this.send({ type: 'run', id, ...task });
    });
  }

  /** Kills the runs under way and drops the queue; each of their promises rejects. */
  abort(): void {
    this.send({ type: 'abort' });
  }

  /** Ends the runner process (it kills any run still going) and waits for it to exit. */
  async close(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    await this.exited;
  }

  private send(message: object): void {
    // A runner that has gone already failed every run it had (the exit handler).
    if (this.child.connected) this.child.send(message);
    else this.failAll(new Error('the Pagefind runner stopped'));
  }

  private failAll(error: Error): void {
    for (const { fail } of this.waiting.values()) fail(error);
    this.waiting.clear();
  }
}

/** How many Pagefind runs may go at once; may change while the stage runs (see src/build/build.ts). */
export class JobLimit {
  private readonly listeners: Array<() => void> = [];
  constructor(private current: number) {}
  get value(): number {
    return this.current;
  }
  set(value: number): void {
    this.current = value;
    for (const listener of this.listeners) listener();
  }
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/** Pagefind runs at once by default: 2 when there are 2 cores and 4 GB free, else 1. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism(), Math.floor(freemem() / 2e9)));
}
