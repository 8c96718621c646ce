// Runs one command as a measured child: wall time, CPU time (user + system of it and every
// descendant it waited for, from /usr/bin/time), and peak memory of the whole process tree
// (the sum of VmRSS over the child and its descendants, sampled every 50 ms from /proc).
// A tree above the memory cap or past the time limit is killed, and the result says so.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MemorySample {
  /** Epoch ms. */
  t: number;
  /** Sum of the tree's RSS, MB. */
  mb: number;
  /**
   * CPU seconds of the tree so far: user + system of every live process plus what each has
   * collected from children it reaped (an exited Pagefind run moves into its parent's count).
   */
  cpu: number;
}

export interface Measured {
  command: string;
  wallSeconds: number;
  /** User + system CPU seconds (the child and the descendants it waited for). */
  cpuSeconds?: number;
  /** Peak summed RSS of the tree, MB (shared pages are counted once per process). */
  peakMB: number;
  /** Exit status, or null when killed by a signal. */
  code: number | null;
  /** 'memory' or 'timeout' when the harness killed it; 'oom' when it died of SIGKILL by itself. */
  killed?: 'memory' | 'timeout' | 'oom';
  samples: MemorySample[];
  stdout: string;
  stderr: string;
  /** Load average (1 min) when it started and ended. */
  load: [number, number];
  startMs: number;
  endMs: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the tree when its RSS passes this (MB). */
  capMB?: number;
  timeoutSeconds?: number;
  /** Called with each line the child writes to stdout or stderr. */
  onLine?: (line: string) => void;
  /** Resolve once this returns true for a line of output, leaving the child running (a server). */
}

const PAGE_MB = 4096 / 1e6;

/** The 1-minute load average. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Every pid whose ancestry reaches `root`, root included, with its CPU seconds (own + reaped children). */
export function processTree(root: number): Array<{ pid: number; cpu: number }> {
  const parent = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    // fields[11..14]: utime stime cutime cstime (stat fields 14-17), in clock ticks.
    cpu.set(Number(name), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND);
    const list = parent.get(ppid) ?? [];
    list.push(Number(name));
    parent.set(ppid, list);
  }
  const tree: Array<{ pid: number; cpu: number }> = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push({ pid, cpu: cpu.get(pid) ?? 0 });
    stack.push(...(parent.get(pid) ?? []));
  }
  return tree;
}

/** Summed resident memory (MB) and CPU seconds of the tree under `root`. */
export function treeSample(root: number): { mb: number; cpu: number } {
  let pages = 0;
  let cpu = 0;
  for (const p of processTree(root)) {
    cpu += p.cpu;
    try {
      pages += Number(readFileSync(`/proc/${p.pid}/statm`, 'utf8').split(' ')[1]);
    } catch { /* exited meanwhile */ }
  }
  return { mb: pages * PAGE_MB, cpu };
}

/** CPU seconds the tree used between two epoch-ms times (nearest samples); undefined without samples. */
export function cpuBetween(samples: readonly MemorySample[], startMs: number, endMs: number): number | undefined {
  const inside = samples.filter((s) => s.t >= startMs - 60 && s.t <= endMs + 60);
  if (inside.length < 2) return undefined;
  return Math.max(0, inside.at(-1)!.cpu - inside[0]!.cpu);
}

/** Peak of the samples between two epoch-ms times; undefined when none fall there. */
export function peakBetween(samples: readonly MemorySample[], startMs: number, endMs: number): number | undefined {
  let peak: number | undefined;
  for (const s of samples) if (s.t >= startMs - 25 && s.t <= endMs + 25 && (peak === undefined || s.mb > peak)) peak = s.mb;
  return peak;
}

let serial = 0;

/** Process groups still running: killed if the benchmark itself is stopped. */
const groups = new Set<number>();
const killGroups = () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch { /* gone */ }
  }
};
process.once('exit', killGroups);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killGroups();
    process.exit(130);
  });
}

/** A running measured child: `done` resolves when it exits; `stop()` ends its tree. */
export interface Running {
  pid: number;
  done: Promise<Measured>;
  stop(): void;
}

/** Starts `command args…` under /usr/bin/time in its own process group and samples its tree. */
export function start(command: string, args: string[], options: MeasureOptions = {}): Running {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${++serial}.txt`);
  const startMs = Date.now();
  const started = performance.now();
  const load0 = loadAverage();
  const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', command, ...args], {
    cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  groups.add(pid);
  const samples: MemorySample[] = [];
  let peak = 0;
  let killed: Measured['killed'];
  const kill = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch { /* gone already */ }
  };
  const sample = () => {
    const { mb, cpu } = treeSample(pid);
    samples.push({ t: Date.now(), mb, cpu });
    if (mb > peak) peak = mb;
    if (options.capMB && mb > options.capMB && !killed) {
      killed = 'memory';
      kill();
    }
  };
  const sampler = setInterval(sample, 50);
  const timer = options.timeoutSeconds ? setTimeout(() => { killed ??= 'timeout'; kill(); }, options.timeoutSeconds * 1000) : undefined;
  let stdout = '';
  let stderr = '';
  const lines = (chunk: string, partial: { rest: string }) => {
    if (!options.onLine) return;
    const parts = (partial.rest + chunk).split(/\r?\n|\r/);
    partial.rest = parts.pop()!;
    for (const line of parts) options.onLine(line);
  };
  const outRest = { rest: '' };
  const errRest = { rest: '' };
  child.stdout!.setEncoding('utf8').on('data', (c: string) => { stdout += c; lines(c, outRest); });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; lines(c, errRest); });
  const done = new Promise<Measured>((ok, fail) => {
    child.once('error', fail);
    child.once('close', (code, signal) => {
      groups.delete(pid);
      clearInterval(sampler);
      clearTimeout(timer);
      let cpuSeconds: number | undefined;
      try {
        // /usr/bin/time writes "Command exited with non-zero status N" first when it failed.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        if (last.length === 2 && last.every(Number.isFinite)) cpuSeconds = last[0]! + last[1]!;
      } catch { /* killed before it wrote */ }
      rmSync(timeFile, { force: true });
      if (!killed && (signal === 'SIGKILL' || code === 137)) killed = 'oom';
      ok({
        command: [command, ...args].join(' '), wallSeconds: (performance.now() - started) / 1000, cpuSeconds, peakMB: peak,
        code: signal ? null : code, killed, samples, stdout, stderr, load: [load0, loadAverage()], startMs, endMs: Date.now(),
      });
    });
  });
  return { pid, done, stop: kill };
}

/** Runs a command to its end and measures it. */
export function measure(command: string, args: string[], options: MeasureOptions = {}): Promise<Measured> {
  return start(command, args, options).done;
}
