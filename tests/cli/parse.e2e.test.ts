// The `bulletin parse` command as a user runs it: JSON, Markdown and summary output, and failures.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import matter from 'gray-matter';

const dir = mkdtempSync(join(tmpdir(), 'bulletin-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync('npm', ['run', '-s', 'bulletin', '--', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const good = join(dir, '2022-07-18-good.txt');
const noYear = join(dir, 'no-year.txt');
const empty = join(dir, 'empty.txt');
writeFileSync(good, '7月18日，区长林測甲主持召开区政府常务会议。\n会议强调，要抓好落实。\n');
writeFileSync(noYear, '7月18日，区长林測甲主持召开区政府常务会议。\n');
writeFileSync(empty, '');

describe('bulletin parse', () => {
  test('prints the records that parsed and one line per file that failed; exit 1', () => {
    const run = cli('parse', good, noYear, empty);
    assert.equal(run.status, 1);
    const records = JSON.parse(run.stdout);
    assert.equal(records.length, 1);
    assert.equal(records[0].date, '2022-07-18');
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, new RegExp(`^${noYear}:1: .*--year`));
    assert.match(lines[1]!, new RegExp(`^${empty}: .*empty`));
  });
  test('--date dates a text that gives none; a malformed --date is a usage error', () => {
    const undated = join(dir, 'undated.txt');
    writeFileSync(undated, '区议会召开首次会议，林测甲当选主席。\n');
    assert.equal(cli('parse', undated).status, 1);
    const run = cli('parse', '--date', '2020-01-02', undated);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual([JSON.parse(run.stdout)[0].date, JSON.parse(run.stdout)[0].origin.date], ['2020-01-02', 'flag']);
    const bad = cli('parse', '--date', '2020-1-2', undated);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--date must be a date such as 2022-07-18/);
  });
  test('--year supplies the year; exit 0 when every file parsed', () => {
    const run = cli('parse', '--year', '2021', noYear);
    assert.equal(run.status, 0);
    assert.equal(JSON.parse(run.stdout)[0].date, '2021-07-18');
  });
  test('a folder stands for the .txt files below it', () => {
    const run = cli('parse', '--year', '2021', dir);
    assert.equal(JSON.parse(run.stdout).length, 2);
  });
  test('--format md writes one Markdown file per record with the record as front matter', () => {
    const out = join(dir, 'md');
    const run = cli('parse', '--format', 'md', '--out', out, good);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    const [file] = readdirSync(out);
    assert.equal(file, '2022-07-18-good.md');
    const parsed = matter(readFileSync(join(out, file!), 'utf8'));
    assert.equal(parsed.data.meetings[0].name, '区政府常务会议');
    assert.equal(parsed.content.trim(), '7月18日，区长林測甲主持召开区政府常务会议。\n会议强调，要抓好落实。');
  });
  test('--format md does not overwrite a file without --force', () => {
    const out = join(dir, 'md2');
    cli('parse', '--format', 'md', '--out', out, good);
    writeFileSync(join(out, '2022-07-18-good.md'), 'edited by hand');
    const run = cli('parse', '--format', 'md', '--out', out, good);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /exists already; pass --force/);
    assert.equal(readFileSync(join(out, '2022-07-18-good.md'), 'utf8'), 'edited by hand');
    assert.equal(cli('parse', '--format', 'md', '--out', out, '--force', good).status, 0);
  });
  test('--format summary is readable', () => {
    const run = cli('parse', '--format', 'summary', good);
    assert.match(run.stdout, /2022-07-18 {2}林測甲主持召开区政府常务会议/);
    assert.match(run.stdout, /directives: 1/);
  });
  test('usage errors exit 2 and say what is wrong', () => {
    assert.equal(cli('parse').status, 2);
    assert.match(cli('parse', '--year', 'soon', good).stderr, /--year must be a year/);
    assert.match(cli('parse', '--format', 'md', good).stderr, /needs --out/);
    assert.equal(cli('frobnicate').status, 2);
  });
});
