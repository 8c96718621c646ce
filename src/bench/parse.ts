// Parser benchmark: bulletins parsed per second on one core over a generated corpus, as medians
// of several runs, beside a baseline in the same run (decoding alone: the floor any parser pays);
// then the growth table: CPU time for 50 KB and 100 KB of one repeated unit (a bracket, a mark, a
// title, a name, a reading, a meeting sentence …), which must stay linear: ≤ 50 ms per 100 KB.
// Usage: npm run -s bench:parse -- [--n 2000] [--runs 5] [--seed 42]
import { parseArgs } from 'node:util';
import { decodeBulletin } from '../parser/decode.ts';
import { BulletinError, parseBulletin } from '../parser/index.ts';
import { leastParseMs, repeated } from './growth.ts';
import { generateCorpus } from '../corpus/corpus.ts';

/** Runs the benchmark with these command-line arguments, printing its tables. */
export function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
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

  // Adversarial texts: one unit repeated after a real first sentence, the kinds of run that made
  // rules quadratic (a 《 without its 》, a run of ，, a list that never ends).
  const GROWTH_UNITS: Record<string, string> = {
    'bracket 《': '《', 'comma ，': '，', 'doubled ,，': ',，', 'title 區長': '區長', 'name 廖海軍': '廖海軍',
    'attendee ，區長廖海軍出席': '，區長廖海軍出席', 'list 、區長廖海軍': '、區長廖海軍', 'names 廖海軍、': '廖海軍、',
    'reading 長(zhǎng)': '長(zhǎng)', 'meeting 召開會議': '召開會議', 'held 會議在區政府召開，': '會議在區政府召開，',
    'sentence (meeting + directive)': '區長廖海軍主持召開區政府常務會議。會議強調，要抓好落實；',
    'numbered 一是': '一是', 'modal 要': '要', 'paren （': '（', 'quote “': '“', 'newline': '\n', 'date 7月18日，': '7月18日，',
    'byline （記者 高維）': '（記者 高維）', 'form line 出席人員：': '\n出席人員：廖海軍',
  };
  console.log('\n# growth: CPU ms (least of 5 runs) for one unit repeated to 50 KB and 100 KB (UTF-8)');
  console.log('| unit | 50 KB | 100 KB | ×');
  let worst = 0;
  for (const [label, unit] of Object.entries(GROWTH_UNITS)) {
    const half = leastParseMs(repeated(unit, 50_000), 5);
    const full = leastParseMs(repeated(unit, 100_000), 5);
    worst = Math.max(worst, full);
    console.log(`| ${label} | ${half.toFixed(1)} | ${full.toFixed(1)} | ${(full / Math.max(half, 1)).toFixed(2)} |`);
  }
  console.log(`slowest 100 KB: ${worst.toFixed(1)} ms (the limit is 50 ms)`);
}
