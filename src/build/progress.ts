// Stage clock for long builds: progress lines (one updating line on a terminal, plain lines
// elsewhere) and per-stage wall time, CPU time and peak RSS, written as JSON for the benchmark.
import { writeFileSync } from 'node:fs';

/** One stage's figures, as `--timings FILE` writes them. */
export interface StageTiming {
  /** parse, render, index … */
  name: string;
  /** Epoch milliseconds: lets the benchmark match its process-tree memory samples to the stage. */
  startMs: number;
  endMs: number;
  seconds: number;
  /** User + system CPU seconds of the build process (not of its children). */
  cpuSeconds: number;
  /** Peak resident memory of the build process during the stage, MB (sampled every 50 ms). */
  peakRssMB: number;
  /** Items counted by tick() (files parsed, pages written …); total when it was known. */
  count: number;
  total?: number;
  /** Seconds from the start to the last tick or update (parse: the parse loop, without the indexes built after it). */
  lastTickSeconds: number;
}

export interface ProgressOptions {
  /** Where lines go; default process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Show progress at all; timings are kept either way. */
  show?: boolean;
  /** Override terminal detection (tests). */
  tty?: boolean;
  /** Non-terminal output: a line at every this fraction of the total … */
  stepFraction?: number;
  /** … or after this many seconds without one. */
  everySeconds?: number;
}

/** "1.2 s", "3 min 05 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${String(Math.round(seconds - m * 60)).padStart(2, '0')} s`;
}

/** The text of one progress report: stage, count, rate and time left when the total is known. */
export function progressLine(name: string, count: number, total: number | undefined, seconds: number, unit: string): string {
  const rate = seconds > 0 ? count / seconds : 0;
  const head = total ? `${name}: ${count.toLocaleString('en')}/${total.toLocaleString('en')} ${unit} (${Math.floor((100 * count) / total)}%)` : `${name}: ${count.toLocaleString('en')} ${unit}`;
  const left = total && rate > 0 && count < total ? `, ~${formatDuration((total - count) / rate)} left` : '';
  return `${head}, ${formatDuration(seconds)}${rate > 0 ? `, ${Math.round(rate).toLocaleString('en')}/s` : ''}${left}`;
}

/** A running stage: tick() as work is done, end() once. */
export class Stage {
  count = 0;
  total?: number;
  private readonly started = performance.now();
  private readonly startMs = Date.now();
  private readonly cpu = process.cpuUsage();
  private peak = process.memoryUsage.rss();
  private readonly sampler: NodeJS.Timeout;
  private lastShown = 0;
  private lastTick = 0;
  private lastStep = 0;
  private done?: StageTiming;

  constructor(readonly name: string, private readonly clock: StageClock, total: number | undefined, readonly unit: string) {
    this.total = total;
    this.sampler = setInterval(() => this.sample(), 50);
    this.sampler.unref();
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    // A stage that reports no counts still shows it is alive (every 5 s off a terminal).
    if (!this.done) this.clock.show(this, false);
  }

  /** Counts `n` more items and maybe shows a progress line. */
  tick(n = 1): void {
    this.count += n;
    this.lastTick = this.elapsed();
    this.clock.show(this, false);
  }

  /** Sets the count (and total) to what the worker reports, and maybe shows a progress line. */
  update(count: number, total?: number): void {
    this.count = count;
    this.lastTick = this.elapsed();
    if (total !== undefined) this.total = total;
    this.clock.show(this, false);
  }

  /** Seconds since the stage started. */
  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Whether a non-terminal line is due: a new step of the total, or `everySeconds` of silence. */
  due(stepFraction: number, everySeconds: number): boolean {
    if (this.total !== undefined && this.count >= this.total) return false; // end() shows the last line
    const now = this.elapsed();
    const step = this.total ? Math.floor((this.count / this.total) / stepFraction) : 0;
    if (step > this.lastStep || now - this.lastShown >= everySeconds) {
      this.lastStep = step;
      this.lastShown = now;
      return true;
    }
    return false;
  }

  end(): StageTiming {
    if (this.done) return this.done;
    clearInterval(this.sampler);
    this.sample();
    const cpu = process.cpuUsage(this.cpu);
    this.done = {
      name: this.name, startMs: this.startMs, endMs: Date.now(), seconds: this.elapsed(),
      cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMB: Math.round(this.peak / 1e6), count: this.count, total: this.total, lastTickSeconds: this.lastTick,
    };
    this.clock.finished(this, this.done);
    return this.done;
  }
}

/** The stages of one build, in order. */
export class StageClock {
  readonly stages: StageTiming[] = [];
  private readonly stream: NodeJS.WriteStream;
  private readonly showing: boolean;
  private readonly tty: boolean;
  private readonly stepFraction: number;
  private readonly everySeconds: number;
  private lastPaint = 0;
  /** Stages started and not ended: stages may overlap (render and index do). */
  private readonly active = new Set<Stage>();

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.showing = options.show ?? true;
    this.tty = options.tty ?? !!this.stream.isTTY;
    this.stepFraction = options.stepFraction ?? 0.1;
    this.everySeconds = options.everySeconds ?? 5;
  }

  /** Starts a stage; `total` (when known) gives a percentage and the time left. */
  start(name: string, total?: number, unit = 'items'): Stage {
    const stage = new Stage(name, this, total, unit);
    this.active.add(stage);
    return stage;
  }

  /** Runs `work` as a stage and returns its value. */
  async time<T>(name: string, work: (stage: Stage) => T | Promise<T>, total?: number, unit?: string): Promise<T> {
    const stage = this.start(name, total, unit);
    try {
      return await work(stage);
    } finally {
      stage.end();
    }
  }

  show(stage: Stage, final: boolean): void {
    if (!this.showing) return;
    const line = progressLine(stage.name, stage.count, stage.total, stage.elapsed(), stage.unit);
    if (this.tty) {
      // One updating line with every running stage; a finished stage's last figures stay above it.
      const now = performance.now();
      if (!final && now - this.lastPaint < 100) return;
      this.lastPaint = now;
      const running = [...this.active].filter((s) => s !== stage || !final)
        .map((s) => progressLine(s.name, s.count, s.total, s.elapsed(), s.unit)).join(' · ');
      this.stream.write(`\r\x1b[2K${final ? `${line}\n${running}` : running}`);
    } else if (final || stage.due(this.stepFraction, this.everySeconds)) {
      this.stream.write(`${line}${final ? ' — done' : ''}\n`);
    }
  }

  finished(stage: Stage, timing: StageTiming): void {
    this.stages.push(timing);
    this.show(stage, true);
    this.active.delete(stage);
  }

  /** Writes every finished stage as JSON: { stages: StageTiming[] }. */
  write(file: string, extra: Record<string, unknown> = {}): void {
    writeFileSync(file, `${JSON.stringify({ ...extra, stages: this.stages }, null, 2)}\n`);
  }
}
