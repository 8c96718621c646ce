// The generated corpus: seeded, obviously fictional bulletins shaped like real ones, noise included,
// each with the facts it states, so parsers can be tested and benchmarked at scale. The same seed
// and options give the same files.
import { buildBulletin } from './bulletin.ts';
import type { ExpectedBulletin } from './expected.ts';
import { dayOfYear, isWeekend, iso } from './numerals-dates.ts';
import { mixSeed, Rng } from './random.ts';
import * as V from './vocabulary.ts';

export interface CorpusOptions {
  /** Number of bulletins. */
  n: number;
  /** PRNG seed (any 32-bit integer); default 42. */
  seed?: number;
  /** First and last year, inclusive; default [2008, 2024]. */
  years?: readonly [number, number];
}

export interface CorpusFile {
  /** Path relative to the corpus folder, with "/": 2023/2023-07-18-shili-qu-changwu-17.txt. */
  path: string;
  /** The file's content (UTF-8 when written). */
  text: string;
  /** What the bulletin states, for checking a parser. */
  expected: ExpectedBulletin;
}

/** The years a corpus spans unless told otherwise. */
export const DEFAULT_YEARS: readonly [number, number] = [2008, 2024];

/** Splits `total` over `weights` by largest remainder. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/**
 * The bulletins, lazily, in file order (year, place, date). Bulletins are spread evenly over the
 * years and by weight over the places; meeting numbers count up per place, year and kind.
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const { n } = options;
  const seed = options.seed ?? 42;
  const [from, to] = options.years ?? DEFAULT_YEARS;
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new Error(`years must be [from, to] with from ≤ to, got [${from}, ${to}]`);
  const perYear = apportion(n, Array.from({ length: to - from + 1 }, () => 1));
  const paths = new Set<string>();
  let index = 0;
  for (let y = from; y <= to; y++) {
    const perPlace = apportion(perYear[y - from] as number, V.JURISDICTIONS.map((j) => j.weight));
    for (let p = 0; p < V.JURISDICTIONS.length; p++) {
      const j = V.JURISDICTIONS[p] as V.Jurisdiction;
      const count = perPlace[p] as number;
      if (count === 0) continue;
      const rng = new Rng(mixSeed(seed, y, p));
      const daysInYear = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
      const days: number[] = [];
      for (let i = 0; i < count; i++) {
        let d = rng.int(0, daysInYear - 1);
        // Meetings mostly fall on working days.
        if (isWeekend(y, d) && rng.chance(0.85)) d = rng.int(0, daysInYear - 1);
        days.push(d);
      }
      days.sort((a, b) => a - b);
      const counters = new Map<string, number>();
      for (const d of days) {
        const date = dayOfYear(y, d);
        const { body, expected } = buildBulletin(rng, j, date, counters, index, seed);
        const { kind, number, ...facts } = expected;
        const base = rng.chance(0.12)
          ? `b${String(index).padStart(6, '0')}`
          : `${j.slug}-${kind.slug}${number !== null ? `-${number}` : ''}`;
        const stem = `${iso(date)}-${base}`;
        let slug = stem;
        for (let k = 2; paths.has(`${y}/${slug}`); k++) slug = `${stem}-${k}`;
        const path = `${y}/${slug}.txt`;
        paths.add(`${y}/${slug}`);
        index++;
        yield { path, text: body, expected: { path, slug, ...facts } };
      }
    }
  }
}
