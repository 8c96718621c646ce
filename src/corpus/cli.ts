// The command line of `npm run corpus` (scripts/generate-corpus.ts): parses its options and writes a corpus.
//
// Usage: npm run -s corpus -- --n 10000 --out DIR [--seed 42] [--years 2008-2024] [--force]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_YEARS } from './corpus.ts';
import { writeCorpus } from './write.ts';

/** Parses "2008-2024" or "2020". */
function parseYears(text: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!m) throw new Error(`--years must look like 2008-2024 or 2020, got "${text}"`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) throw new Error(`--years: ${to} is before ${from}`);
  return [from, to];
}

const USAGE = 'usage: npm run -s corpus -- --n 10000 --out DIR [--seed 42] [--years 2008-2024] [--force]';

export function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        n: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '42' },
        years: { type: 'string', default: `${DEFAULT_YEARS[0]}-${DEFAULT_YEARS[1]}` },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`corpus: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (values.n === undefined || !Number.isInteger(n) || n < 1) {
    console.error(`corpus: --n must be a whole number ≥ 1\n${USAGE}`);
    return 2;
  }
  if (!values.out) {
    console.error(`corpus: --out is required\n${USAGE}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error(`corpus: --seed must be an integer, got "${values.seed}"`);
    return 2;
  }
  try {
    const years = parseYears(values.years);
    const summary = writeCorpus({ n, seed, years, out: values.out, force: values.force });
    const mb = (summary.bytes / 1e6).toFixed(1);
    console.error(`corpus: ${summary.files} files, ${summary.bytes} bytes (${mb} MB) in ${summary.seconds.toFixed(2)} s → ${resolve(values.out)}`);
    return 0;
  } catch (error) {
    console.error(`corpus: ${(error as Error).message}`);
    return 1;
  }
}
