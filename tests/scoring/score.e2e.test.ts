// The scorer (src/scoring/score.ts): its rules on small made-up records, and the parser's score on
// the hand-annotated real bulletins of ../shared/corpus/annotated against tests/score-baseline.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fold, matchMeetings, type Score, scoreFile, scoreFolder } from '../../src/scoring/score.ts';
import type { Meeting } from '../../src/record.ts';
import { CODE_ROOT } from '../../src/paths.ts';
import { parseText } from '../parser/helpers.ts';

const ANNOTATED = '../shared/corpus/annotated';
const baseline = JSON.parse(readFileSync('tests/score-baseline.json', 'utf8')) as { total: number; passed: number };

const empty = (): Score => ({ total: 0, passed: 0, fields: Object.fromEntries(['date', 'source', 'reporters', 'meetings', 'meetings.kind', 'meetings.number', 'meetings.chairs', 'meetings.attendees', 'meetings.documents', 'meetings.directives', 'officials', 'officials.titles', 'not_officials'].map((f) => [f, { total: 0, passed: 0 }])), misses: [] });
const meeting = (name: string, types: string[], number: number | null = null): Meeting =>
  ({ name, types, number, date: null, chairs: [], attendees: [], directives: [], documents: [] });

describe('scorer rules', () => {
  test('folding: Traditional, width, spaces and variants', () => {
    assert.equal(fold('縣政協（擴大）會議'), fold('县政协(扩大)会议'));
    assert.equal(fold('顾 辉'), '顾辉');
    assert.equal(fold('本著'), fold('本着'));
  });
  test('meetings pair by name, then containment, then kind and number, then kind', () => {
    const got = [meeting('区政府第21次常务会议', ['常务会议'], 21), meeting('督导检查防汛工作', ['督导检查']), meeting('区政府党组会议', ['党组会议'])];
    assert.deepEqual(matchMeetings([{ name: '区政府党组(扩大)会议', kind: '党组会议' }, { kind: '督导检查' }, { name: '第21次常务会议' }], got), [2, 1, 0]);
    assert.deepEqual(matchMeetings([{ name: '座谈会', kind: '座谈会' }], got), [undefined]);
  });
  test('an unmatched parsed meeting fails a meetings check; a not_official among the people fails', () => {
    const record = parseText('7月18日，区长林测甲主持召开区政府常务会议。县领导王样乙出席。会后，林测甲主持召开区政府党组会议。');
    const score = empty();
    scoreFile(score, 'x.txt', { meetings: [{ name: '区政府常务会议', kind: '常务会议', chairs: ['林测甲'] }], not_officials: ['王样乙', '应邀'] }, record);
    assert.equal(score.fields.meetings!.total, 2);
    assert.equal(score.fields.meetings!.passed, 1);
    assert.deepEqual(score.fields.not_officials, { total: 2, passed: 1 });
    assert.ok(score.misses.some((m) => m.field === 'meetings' && m.got === '区政府党组会议'));
  });
  test('a file that does not parse fails every check it has', () => {
    const score = empty();
    scoreFile(score, 'x.txt', { date: '2022-07-18', officials: { 林测甲: ['区长'] } }, null, 'no date found');
    assert.equal(score.passed, 0);
    assert.equal(score.total, 3);
    assert.match(score.misses[0]!.got, /no date found/);
  });
});

// The annotated corpus lives beside the project (in CI and on developers' machines); a user's clone
// without it skips these, and only these.
describe('the parser on the annotated real bulletins', { skip: existsSync(`${ANNOTATED}/expected.json`) ? false : `needs ${ANNOTATED} (the shared corpora)` }, () => {
  test(`scores at least the baseline (${baseline.passed} of ${baseline.total}), 97 % or more, with no not_officials hit and no spurious meeting`, () => {
    const score = scoreFolder(ANNOTATED);
    assert.ok(score.passed >= baseline.passed, `${score.passed} of ${score.total}, below the baseline ${baseline.passed}:\n${score.misses.map((m) => `${m.file}: ${m.field}: expected ${m.expected} got ${m.got}`).join('\n')}`);
    assert.ok(score.passed / score.total >= 0.97);
    assert.equal(score.fields.not_officials!.passed, score.fields.not_officials!.total);
    assert.deepEqual(score.misses.filter((m) => m.field === 'meetings' && m.expected === 'no such meeting'), []);
  });
  test('npm run -s score -- DIR --json prints one object with totals, fields and misses', () => {
    const run = spawnSync(process.execPath, [join(CODE_ROOT, 'scripts/score.js'), ANNOTATED, '--json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Score;
    assert.equal(out.total, baseline.total);
    assert.ok(out.fields.date!.total > 0 && Array.isArray(out.misses));
  });
  test('the text report lists fields, then one line per miss', () => {
    const run = spawnSync(process.execPath, [join(CODE_ROOT, 'scripts/score.js'), ANNOTATED], { encoding: 'utf8' });
    assert.match(run.stdout, /^field +passed \/ total\n/);
    assert.match(run.stdout, /\ntotal +\d+ \/ \d+/);
    for (const line of run.stdout.split('misses')[1]?.split('\n').slice(1).filter(Boolean) ?? []) {
      assert.match(line, /^\d{3}-[^:]+\.txt: [a-z_.]+: expected .* got /);
    }
  });
});

test('score: a folder without expected.json is a usage error that says so', () => {
  const run = spawnSync(process.execPath, [join(CODE_ROOT, 'scripts/score.js'), 'tests'], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /expected\.json/);
});
