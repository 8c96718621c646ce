// Parser benchmark: bulletins parsed per second on one core over a generated corpus, as medians
// of several runs, beside a baseline in the same run (decoding alone: the floor any parser pays).
// Usage: npm run -s bench:parse -- [--n 2000] [--runs 5] [--seed 42]
import { parseArgs } from 'node:util';
import { decodeBulletin } from '../src/parser/decode.ts';
import { BulletinError, parseBulletin } from '../src/parser/index.ts';
import { generateCorpus } from './generate-corpus.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
  },
});
const n = Number(values.n);
const runs = Number(values.runs);

const files = [...generateCorpus({ n, seed: Number(values.seed) })].map((f) => ({
  path: f.path,
  bytes: new TextEncoder().encode(f.text),
}));
const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);

/**
 * Runs `work` over every file `runs` times (after one warm-up pass); returns per-run seconds of
 * CPU time (user + system) of this one thread, so other load on the machine counts less.
 */
function time(work: (f: (typeof files)[number]) => void): number[] {
  for (const f of files) work(f);
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    for (const f of files) work(f);
    const used = process.cpuUsage(start);
    seconds.push((used.user + used.system) / 1e6);
  }
  return seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let failed = 0;
const parse = time((f) => {
  try {
    parseBulletin(f.bytes, f.path);
  } catch (error) {
    if (!(error instanceof BulletinError)) throw error;
    failed++;
  }
});
const decode = time((f) => decodeBulletin(f.bytes, f.path));

const rate = (s: number) => Math.round(n / s);
const rows = [
  ['stage', 'median CPU s', 'bulletins/s', 'MB/s', 'runs (CPU s)'],
  ['parse (whole pipeline)', median(parse).toFixed(3), rate(median(parse)), (totalBytes / 1e6 / median(parse)).toFixed(1), parse.map((s) => s.toFixed(3)).join(' ')],
  ['baseline: decode only', median(decode).toFixed(3), rate(median(decode)), (totalBytes / 1e6 / median(decode)).toFixed(1), decode.map((s) => s.toFixed(3)).join(' ')],
];
console.log(`# parser benchmark: ${n} generated bulletins (${(totalBytes / 1e6).toFixed(1)} MB), ${runs} runs after a warm-up, one core, node ${process.version}`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`parse / decode time: ${(median(parse) / median(decode)).toFixed(1)}×; files that failed to parse: ${failed / (runs + 1)}`);
