// The benchmark's command line: `npm run bench -- --n 10000 [--runs 3] [--skip-baseline] …`, checked;
// and the build's, as `npm run build` runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** Every setting of one benchmark run. */
export interface BenchOptions {
  /** Bulletins in the generated corpus. */
  n: number;
  /** Full builds of each pipeline; the table shows medians. */
  runs: number;
  /** Corpus seed. */
  seed: number;
  /** Skip the stock pipelines (Eleventy + Pagefind, Hugo + Pagefind). */
  skipBaseline: boolean;
  /** Skip the Hugo baseline only. */
  skipHugo: boolean;
  /** Skip the browser measurements of search. */
  skipSearch: boolean;
  /** Skip the one-bulletin rebuilds (build and dev server). */
  skipRebuild: boolean;
  /** Write every raw figure here as JSON. */
  outJson?: string;
  /** The working folder (corpus, sites); a new temporary one when absent. */
  dir?: string;
  /** Keep the working folder afterwards. */
  keep: boolean;
  /** A process tree using more than this is killed (MB). */
  memCapMB: number;
  /** A step taking longer than this is killed (s). */
  timeoutSeconds: number;
  /** Baseline runs; default `runs` (1 is enough where the stock tools are expected to fail). */
  baselineRuns: number;
  /** The first search (opened as /search/?q=…) and the second (typed). */
  queries: [string, string];
}

export const USAGE = `usage: npm run bench -- [--n 10000] [--runs 3] [--seed 42] [--skip-baseline] [--skip-hugo]
       [--skip-search] [--skip-rebuild] [--baseline-runs K] [--out-json FILE] [--dir DIR] [--keep]
       [--mem-cap-mb 16000] [--timeout 1200] [--query 防汛 --query 刘测辛]`;

/** A positive integer option, or an error naming it. */
function positive(name: string, value: string): number {
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, not '${value}'`);
  return n;
}

/** Reads the benchmark's arguments; throws an Error with a readable message on a bad one. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      n: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '42' },
      'skip-baseline': { type: 'boolean', default: false },
      'skip-hugo': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      'skip-rebuild': { type: 'boolean', default: false },
      'baseline-runs': { type: 'string' },
      'out-json': { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'mem-cap-mb': { type: 'string', default: '16000' },
      timeout: { type: 'string', default: '1200' },
      query: { type: 'string', multiple: true },
    },
  });
  const runs = positive('runs', values.runs!);
  const queries = values.query ?? [];
  if (queries.length > 2) throw new Error('--query may be given at most twice (the first and the second search)');
  if (queries.some((q) => q.trim() === '')) throw new Error('--query must not be empty');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not '${values.seed}'`);
  return {
    n: positive('n', values.n!),
    runs,
    seed,
    skipBaseline: values['skip-baseline']!,
    skipHugo: values['skip-hugo']!,
    skipSearch: values['skip-search']!,
    skipRebuild: values['skip-rebuild']!,
    baselineRuns: values['baseline-runs'] ? positive('baseline-runs', values['baseline-runs']) : runs,
    outJson: values['out-json'],
    dir: values.dir,
    keep: values.keep! || values.dir !== undefined,
    memCapMB: positive('mem-cap-mb', values['mem-cap-mb']!),
    timeoutSeconds: positive('timeout', values.timeout!),
    queries: [queries[0] ?? '防汛', queries[1] ?? '刘测辛'],
  };
}

/**
 * `npm run build` as the package.json in `root` spells it, as arguments to Node: its V8 flags,
 * then scripts/run.mjs and the build script. The benchmark times exactly what `npm run build` runs.
 */
export function buildCommand(root: string): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build ?? '';
  const [node, ...args] = script.trim().split(/\s+/);
  const at = args.indexOf('scripts/run.mjs');
  if (node !== 'node' || at === -1 || args.slice(0, at).some((a) => !a.startsWith('--'))) {
    throw new Error(`package.json: the build script should read "node [--flag ...] scripts/run.mjs scripts/build.ts", not "${script}"`);
  }
  return args;
}
