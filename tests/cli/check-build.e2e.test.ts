// `bulletin check` fails exactly when the build does, with FILE:LINE and no stack trace: bad dates,
// long names, redirects whose old URL cannot be a page; and the site publishes no builder's path.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { listFiles, runBuild } from '../helpers/site.ts';
import { bulletin, cleanUp, tempArchive } from '../helpers/archive.ts';

const BODY = '长乐新闻网讯 7月18日，区长林测甲主持召开防汛工作领导小组会议。\n会议强调——\n要做好防汛准备。落实各项措施。\n（通讯员 赵样戊）\n';
/** A bulletin whose front matter has a comment line, then `lines` (so its first line is line 3). */
const withFront = (lines: string) => `---\n# corrected by hand\n${lines}\n---\n${BODY}`;
// A stack frame as Node prints it: what the build must never show for bad content.
const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at file:/m;

/** Writes bulletins (name under bulletins/2022/ → text) into a fresh archive. */
function archiveWith(name: string, bulletins: Record<string, string>, files: Record<string, string> = {}) {
  const a = tempArchive(name);
  after(() => cleanUp(a.root));
  mkdirSync(join(a.content, 'bulletins/2022'), { recursive: true });
  for (const [file, text] of Object.entries(bulletins)) writeFileSync(join(a.content, 'bulletins/2022', file), text);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(a.content, file), text);
  return a;
}

describe('dates the build cannot publish: check and the build both fail, at the line', () => {
  const cases: Record<string, [string, RegExp]> = {
    '2022-07-18-a.txt': ['date: 0999-01-01', /0999-01-01 is outside the archive/],
    '2022-07-18-b.txt': ['end_date: "2022-99-99"', /end_date '2022-99-99' is not a real day/],
    '2022-07-18-c.txt': ['date: 2022-02-30', /date '2022-02-30' is not a real day/],
    '2022-07-18-d.txt': ['date: 2023-13-45', /'2023-13-45' is not a real day/],
    '2022-07-18-e.txt': ['date: 0000-01-01', /0000-01-01 is outside the archive/],
    '2022-07-18-f.txt': ['date: 0099-03-04', /0099-03-04 is outside the archive/],
    '2022-07-18-g.txt': ['date: 2022-07-18T01:00:00+08:00', /is not a date written as YYYY-MM-DD/],
    '2022-07-18-h.txt': ['date: 9999-12-31', /9999-12-31 is outside the archive/],
  };
  const a = archiveWith('check-dates', Object.fromEntries(Object.entries(cases).map(([file, [lines]]) => [file, withFront(lines)])));

  test('check names each file at its date line', () => {
    const run = bulletin(a.cache, 'check', '--content', a.content);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    for (const [file, [, reason]] of Object.entries(cases)) {
      const line = run.stdout.split('\n').find((l) => l.includes(file));
      assert.ok(line, `${file} is not named:\n${run.stdout}`);
      assert.match(line, new RegExp(`${file.replace('.', '\\.')}:3:1: error/bad-date: `));
      assert.match(line, reason);
    }
    assert.match(run.stdout, /8 error\(s\)/);
  });

  test('the build fails on the same files, with the same reasons and no stack trace', () => {
    const run = runBuild(a.content, join(a.root, 'site'));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /build failed: 8 problem\(s\)/);
    for (const [file, [, reason]] of Object.entries(cases)) {
      const line = run.stderr.split('\n').find((l) => l.includes(file));
      assert.ok(line, `${file} is not named:\n${run.stderr}`);
      assert.match(line, /:3: /);
      assert.match(line, reason);
    }
    assert.doesNotMatch(run.stdout + run.stderr, STACK_FRAME);
  });
});

describe("redirects whose old URL cannot be a page: check and the build both fail at the entry's line", () => {
  const redirects = [
    '- from: /2020/01/02/removed/', '  withdrawn: 2023-05-01', // line 1: fine
    '- from: /x/../', '  withdrawn: 2023-05-01', // line 3
    '- from: /2022/07/18/x/', '  withdrawn: 2023-05-01', // line 5: a bulletin's page
    '- from: "/feed.xml/"', '  withdrawn: 2023-05-01', // line 7: below a file the site writes
    '- from: /search/', '  withdrawn: 2023-05-01', // line 9: a page of the site
    '- from: /x/%2E%2e/y/', '  withdrawn: 2023-05-01', // line 11
    '- from: /2022/07/18/x/record.json/', '  withdrawn: 2023-05-01', // line 13
    '',
  ].join('\n');
  const expected: Array<[number, RegExp]> = [
    [3, /\/x\/\.\.\/ is not a plain site path/],
    [5, /\/2022\/07\/18\/x\/ is a page of the archive/],
    [7, /\/feed\.xml\/ is inside \/feed\.xml, a file the site writes/],
    [9, /\/search\/ is a page of the archive/],
    [11, /\/x\/%2E%2e\/y\/ is not a plain site path/],
    [13, /\/2022\/07\/18\/x\/record\.json\/ is inside \/2022\/07\/18\/x\/record\.json, a file the site writes/],
  ];
  const a = archiveWith('check-redirects', { '2022-07-18-x.txt': BODY }, { 'redirects.yml': redirects });

  test('check lists every one at its line', () => {
    const run = bulletin(a.cache, 'check', '--content', a.content);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    for (const [line, reason] of expected) {
      assert.match(run.stdout, new RegExp(`redirects\\.yml:${line}:1: archive: ${reason.source}`));
    }
    assert.match(run.stdout, /6 archive problem\(s\)/);
  });

  test('the build fails on the same entries, without a stack trace', () => {
    const run = runBuild(a.content, join(a.root, 'site'));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    for (const [line, reason] of expected) assert.match(run.stderr, new RegExp(`redirects\\.yml:${line}: ${reason.source}`));
    assert.doesNotMatch(run.stdout + run.stderr, STACK_FRAME);
  });
});

describe('a long name, and a content folder outside the working folder', () => {
  const longName = '廖'.repeat(60);
  const a = archiveWith('check-long', {
    '2022-07-18-x.txt': `---\nofficials: [${longName}]\n---\n${BODY}`,
    // A warning and a review item, so /report/ lists this file.
    '2022-07-19-y.txt': `---\nreadings: []\n---\n${BODY.replace('7月18日', '7月19日').replace('主持召开防汛工作领导小组会议', '出席活动')}`,
  });
  const out = join(a.root, 'site');

  test('an official of 60 × 廖 passes check and builds, at a bounded URL', () => {
    const check = bulletin(a.cache, 'check', '--content', a.content);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const run = runBuild(a.content, out);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const feeds = listFiles(out).filter((f) => /^officials\/liao-liao[a-z-]*-[0-9a-f]{6}\/feed\.xml$/.test(f));
    assert.equal(feeds.length, 1, listFiles(out).filter((f) => f.startsWith('officials/')).join('\n'));
    assert.ok(feeds[0]!.split('/')[1]!.length <= 64);
  });

  test('/report/ and record.json give paths relative to the content folder, and no file names the builder\'s folders', () => {
    const report = readFileSync(join(out, 'report/index.html'), 'utf8');
    assert.match(report, /bulletins\/2022\/2022-07-19-y\.txt/);
    const record = JSON.parse(readFileSync(join(out, '2022/07/18/x/record.json'), 'utf8')) as { source_file: { path: string } };
    assert.equal(record.source_file.path, 'bulletins/2022/2022-07-18-x.txt');
    for (const file of listFiles(out)) {
      const text = readFileSync(join(out, file), 'utf8');
      assert.ok(!text.includes(a.root), `${file} names ${a.root}`);
    }
  });
});
