// Every rule is linear in the text: long runs of any one unit (a bracket, a mark, a title, a name, a
// reading, a meeting word) parse in time that grows with the text, not with its square: four times
// the text (400 KB → 1.6 MB, past the sizes where the heap's first steps come) at most 8 times the
// time — a linear rule gives 4, a quadratic one 16; the margin is for the collector, whose threads'
// time CPU time counts — and arbitrary input fails only with the project's own error. CPU time
// after a full collection, the least of two runs: the machine is shared. The 50 ms per 100 KB
// figure and the ×2.5 per doubling are the benchmark's to show (npm run -s bench:parse prints both).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { leastParseMs, repeated } from '../../src/bench/growth.ts';
import { BulletinError, parseBulletin } from '../../src/parser/index.ts';

// The units that once made a rule quadratic, and their neighbours.
const UNITS = [
  '《', '（', '(', '，', ',，', '、', '\n', '區長', '廖海軍', '長(zhǎng)', '召開會議', '会议强调，要',
  '一是', '7月18日，', '（记者 高维）', '，區長廖海軍出席', '、區長廖海軍', '廖海軍、', '\n出席人员：',
];
const encoder = new TextEncoder();
const BYTES = 400_000;
const FACTOR = 4;
// Four times the text: linear is 4, quadratic 16.
const GROWTH = 8;
// Below this a run is too short to time: the ratio is noise.
const MEASURABLE_MS = 2;

// A full collection before each timed parse, so no parse pays for garbage another one left.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** The least CPU time of two parses of `text` after a full collection each, in ms. */
const cpuMs = (text: string) => leastParseMs(text, 2, collect);

describe('parse time grows linearly', () => {
  // Warm the parser (JIT, conversion tables) so the first unit measured is not the slowest.
  cpuMs(repeated('區長廖海軍出席，', 50_000));

  /** Asserts that FACTOR times the run takes at most GROWTH times as long. */
  const linear = (unit: string) => {
    const small = cpuMs(repeated(unit, BYTES));
    const large = cpuMs(repeated(unit, FACTOR * BYTES));
    if (large < GROWTH * MEASURABLE_MS) return;
    assert.ok(large <= GROWTH * Math.max(small, MEASURABLE_MS), `'${unit}': ${small.toFixed(1)} ms at 400 KB, ${large.toFixed(1)} ms at 1.6 MB`);
  };

  test('every listed unit on its own', () => {
    for (const unit of UNITS) linear(unit);
  });

  test('long runs of any two units together', () => {
    fc.assert(fc.property(fc.tuple(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS)), ([a, b]) => linear(a + b)), { numRuns: 6, seed: 20261203 });
  });
});

describe('arbitrary input', () => {
  test('fails only with BulletinError, text or front matter', () => {
    const han = fc.constantFrom(...'區长廖海军主持召开会议强调要一是记者出席列席《》（）“”，。、；：\n ---:&*[]{}'.split(''));
    const text = fc.oneof(
      fc.string({ unit: han, maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.tuple(fc.string({ unit: han, maxLength: 80 }), fc.string({ unit: han, maxLength: 200 })).map(([front, body]) => `---\n${front}\n---\n${body}`),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          parseBulletin(encoder.encode(input), '2022-07-18-fuzz.txt');
        } catch (error) {
          assert.ok(error instanceof BulletinError, `not a BulletinError: ${String(error)} for ${JSON.stringify(input)}`);
        }
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });
});
