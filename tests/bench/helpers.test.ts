// The benchmark harness's own pure helpers: medians, ratios, units, the table, arguments, progress text.
// (No test runs the benchmark itself.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCommand, parseBenchArgs } from '../../src/bench/args.ts';
import { formatDuration, progressLine } from '../../src/build/progress.ts';
import { cpuBetween, peakBetween } from '../../src/bench/proctree.ts';
import { formatBytes, formatMB, formatSeconds, markdownTable, median, ratio } from '../../src/bench/stats.ts';
import { ROOT } from '../../src/paths.ts';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
  it('ignores missing values and gives NaN for none', () => {
    assert.equal(median([Number.NaN, 5, Infinity]), 5);
    assert.ok(Number.isNaN(median([])));
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    assert.deepEqual(xs, [3, 1, 2]);
  });
});

describe('ratio and units', () => {
  it('writes ours / baseline with sensible decimals, n/a when a side is missing', () => {
    assert.equal(ratio(1, 4), '0.25×');
    assert.equal(ratio(3, 2), '1.5×');
    assert.equal(ratio(45, 3), '15×');
    assert.equal(ratio(1, 0), 'n/a');
    assert.equal(ratio(undefined, 2), 'n/a');
  });
  it('formats bytes, seconds and megabytes', () => {
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(123_400), '123.4 KB');
    assert.equal(formatBytes(45_600_000), '45.6 MB');
    assert.equal(formatSeconds(1.234), '1.23 s');
    assert.equal(formatSeconds(45.04), '45.0 s');
    assert.equal(formatSeconds(undefined), 'n/a');
    assert.equal(formatMB(456.4), '456 MB');
    assert.equal(formatMB(7600), '7.60 GB');
  });
});

describe('markdownTable', () => {
  it('writes a header, a rule and padded rows, escaping pipes', () => {
    assert.equal(markdownTable([['a', 'bb'], ['1', 'x|y']]), '| a   | bb   |\n|-----|------|\n| 1   | x\\|y |');
  });
  it('counts CJK characters as two columns wide', () => {
    const lines = markdownTable([['查询', 'x'], ['a', 'y']]).split('\n');
    assert.equal(lines[0], '| 查询 | x   |');
    assert.equal(lines[2], '| a    | y   |');
  });
  it('fills short rows', () => {
    assert.equal(markdownTable([['a', 'b'], ['1']]).split('\n')[2], '| 1   |     |');
  });
});

describe('parseBenchArgs', () => {
  it('has the documented defaults', () => {
    const o = parseBenchArgs([]);
    assert.equal(o.n, 10000);
    assert.equal(o.runs, 3);
    assert.equal(o.baselineRuns, 3);
    assert.equal(o.skipBaseline, false);
    assert.equal(o.keep, false);
    assert.deepEqual(o.queries, ['防汛', '刘测辛']);
  });
  it('reads every option', () => {
    const o = parseBenchArgs(['--n', '100_000', '--runs', '5', '--skip-baseline', '--out-json', 'f.json', '--baseline-runs', '1', '--query', '会议', '--query', '林测甲', '--mem-cap-mb', '8000']);
    assert.equal(o.n, 100000);
    assert.equal(o.runs, 5);
    assert.equal(o.baselineRuns, 1);
    assert.equal(o.skipBaseline, true);
    assert.equal(o.outJson, 'f.json');
    assert.equal(o.memCapMB, 8000);
    assert.deepEqual(o.queries, ['会议', '林测甲']);
  });
  it('keeps the working folder when one is named', () => {
    assert.equal(parseBenchArgs(['--dir', '/tmp/x']).keep, true);
  });
  it('refuses bad numbers and unknown options with the option named', () => {
    assert.throws(() => parseBenchArgs(['--n', '0']), /--n must be a whole number/);
    assert.throws(() => parseBenchArgs(['--runs', 'three']), /--runs/);
    assert.throws(() => parseBenchArgs(['--nn', '3']), /Unknown option/);
    assert.throws(() => parseBenchArgs(['--query', 'a', '--query', 'b', '--query', 'c']), /at most twice/);
  });
});

describe('progress text', () => {
  it('shows count, percentage, rate and time left when the total is known', () => {
    assert.equal(progressLine('parse', 2500, 10000, 1.25, 'bulletins'), 'parse: 2,500/10,000 bulletins (25%), 1.3 s, 2,000/s, ~3.8 s left');
  });
  it('shows the count alone without a total', () => {
    assert.equal(progressLine('index', 0, undefined, 6, 'shards'), 'index: 0 shards, 6.0 s');
  });
  it('writes minutes for long durations', () => {
    assert.equal(formatDuration(125), '2 min 05 s');
  });
});

describe('peakBetween', () => {
  it('keeps the highest sample inside the window', () => {
    const samples = [{ t: 0, mb: 5, cpu: 0 }, { t: 100, mb: 9, cpu: 0.1 }, { t: 200, mb: 7, cpu: 0.3 }, { t: 300, mb: 20, cpu: 0.4 }];
    assert.equal(peakBetween(samples, 90, 210), 9);
    assert.equal(peakBetween(samples, 1000, 2000), undefined);
  });
  it('cpuBetween takes the difference of the first and last sample in the window', () => {
    const samples = [{ t: 0, mb: 5, cpu: 0 }, { t: 100, mb: 9, cpu: 0.1 }, { t: 200, mb: 7, cpu: 0.3 }, { t: 300, mb: 20, cpu: 0.4 }];
    assert.ok(Math.abs(cpuBetween(samples, 100, 300)! - 0.3) < 1e-9);
    assert.equal(cpuBetween(samples, 1000, 2000), undefined);
  });
});

describe('buildCommand', () => {
  it('is `npm run build` as package.json has it: Node flags, then scripts/run.mjs scripts/build.ts', () => {
    const args = buildCommand(ROOT);
    const at = args.indexOf('scripts/run.mjs');
    assert.deepEqual(args.slice(at), ['scripts/run.mjs', 'scripts/build.ts']);
    assert.ok(args.slice(0, at).every((a) => /^--[a-z-]+(=\S+)?$/.test(a)), args.join(' '));
  });

  it('refuses a build script it could not run the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-bench-cmd-'));
    try {
      for (const script of ['node scripts/build.ts', 'node scripts/other.mjs', 'node -r x scripts/run.mjs scripts/build.ts']) {
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build: script } }));
        assert.throws(() => buildCommand(dir), /the build script should read/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
