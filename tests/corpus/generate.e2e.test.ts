// Tests for scripts/generate-corpus.ts: determinism, layout, content rules and the content/ guard.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { type CorpusFile, generateCorpus } from '../../src/corpus/corpus.ts';
import { officeHolder, titleHistory } from '../../src/corpus/roster.ts';
import { writeCorpus } from '../../src/corpus/write.ts';
import { JURISDICTIONS, REPORTERS, CORRESPONDENTS } from '../../src/corpus/vocabulary.ts';
import { CODE_ROOT, ROOT } from '../../src/paths.ts';

const REPO = ROOT;
const SCRIPT = join(CODE_ROOT, 'scripts', 'generate-corpus.js');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function corpus(n: number, seed = 42, years?: [number, number]): CorpusFile[] {
  return [...generateCorpus({ n, seed, years })];
}

/** Every file under `dir`, as paths relative to it with "/". */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// Written once, used by several tests below.
const SAMPLE = corpus(1000, 7);

describe('generateCorpus', () => {
  it('gives identical output for the same seed', () => {
    const a = corpus(300, 42);
    const b = corpus(300, 42);
    assert.deepEqual(a, b);
  });

  it('gives different output for different seeds', () => {
    const a = corpus(50, 1).map((f) => f.text);
    const b = corpus(50, 2).map((f) => f.text);
    assert.notDeepEqual(a, b);
    const shared = a.filter((t) => b.includes(t)).length;
    assert.equal(shared, 0, 'no bulletin should repeat across seeds');
  });

  it('yields exactly n bulletins with unique paths in YYYY/YYYY-MM-DD-slug.txt form, within the years', () => {
    const files = corpus(500, 3, [2010, 2014]);
    assert.equal(files.length, 500);
    assert.equal(new Set(files.map((f) => f.path)).size, 500);
    for (const f of files) {
      const m = /^(\d{4})\/(\d{4})-(\d{2})-(\d{2})-[a-z0-9-]+\.txt$/.exec(f.path);
      assert.ok(m, `bad path ${f.path}`);
      assert.equal(m[1], m[2]);
      const year = Number(m[1]);
      assert.ok(year >= 2010 && year <= 2014, f.path);
      assert.equal(f.expected.date, `${m[2]}-${m[3]}-${m[4]}`);
      assert.equal(f.expected.path, f.path);
    }
  });

  it('writes both scripts in a 200-file corpus, each file wholly in one', () => {
    const files = corpus(200, 42);
    const hant = files.filter((f) => f.expected.script === 'Hant');
    const hans = files.filter((f) => f.expected.script === 'Hans');
    assert.ok(hant.length > 60 && hans.length > 60, `Hant ${hant.length}, Hans ${hans.length}`);
    // Characters these bulletins always use, in both forms.
    const TRADITIONAL_ONLY = /[會議區縣鎮鄉長記書]/;
    const SIMPLIFIED_ONLY = /[会议区县镇乡长记书]/;
    for (const f of hant) assert.ok(TRADITIONAL_ONLY.test(f.text) && !SIMPLIFIED_ONLY.test(f.text), `${f.path} is not wholly Traditional`);
    for (const f of hans) assert.ok(SIMPLIFIED_ONLY.test(f.text) && !TRADITIONAL_ONLY.test(f.text), `${f.path} is not wholly Simplified`);
  });

  it('names no real person or place from the seed bulletin', () => {
    const REAL = ['廖海军', '廖海軍', '高维', '高維', '习近平', '習近平', '长乐', '長樂', '福州'];
    for (const f of SAMPLE) for (const name of REAL) assert.ok(!f.text.includes(name), `${f.path} contains ${name}`);
  });

  it('names only people from the fixed fictional roster', () => {
    const people = new Set(JURISDICTIONS.flatMap((j) => j.people));
    const bylines = new Set([...REPORTERS, ...CORRESPONDENTS]);
    for (const f of SAMPLE) {
      for (const o of f.expected.officials) assert.ok(people.has(o.key), `${f.path}: unknown official ${o.key}`);
      assert.ok(f.expected.officials.every((o) => o.roles.length > 0));
    }
    const reporters = SAMPLE.filter((f) => f.expected.script === 'Hans').flatMap((f) => f.expected.reporters);
    assert.ok(reporters.length > 300);
    for (const r of reporters) assert.ok(bylines.has(r.name), `unknown reporter ${r.name}`);
  });

  it('states in clean files the facts it reports', () => {
    // Files without character-level noise must contain every expected string verbatim.
    const clean = SAMPLE.filter((f) => f.expected.noise.pinyin === 0 && f.expected.noise.asciiPunctuation === 'none'
      && f.expected.noise.doubledPunctuation === 0 && !f.expected.noise.fullWidth);
    assert.ok(clean.length > 200);
    for (const f of clean) {
      const e = f.expected;
      if (e.source) assert.ok(f.text.includes(`${e.source}訊`) || f.text.includes(`${e.source}讯`), `${f.path}: source`);
      for (const m of e.meetings) {
        assert.ok(f.text.includes(m.name), `${f.path}: meeting name ${m.name}`);
        for (const name of [...m.chairs, ...m.attendees]) assert.ok(f.text.includes(name), `${f.path}: ${name}`);
        for (const d of m.documents) assert.ok(f.text.includes(`《${d}》`), `${f.path}: document ${d}`);
        assert.ok(m.directives >= 0 && m.directives <= 8);
        assert.ok(m.types.length === 1 || (m.types.length === 2 && m.name.includes('暨')), `${f.path}: ${m.name}`);
      }
      for (const o of e.officials) for (const t of o.titles) assert.ok(f.text.includes(t), `${f.path}: title ${t}`);
      for (const r of e.reporters) assert.ok(f.text.includes(r.name), `${f.path}: reporter ${r.name}`);
      if (e.dateOrigin === 'text') {
        const [y, mo, d] = e.date.split('-').map(Number);
        assert.ok(f.text.includes(`${y}年${mo}月${d}日`), `${f.path}: full date`);
      }
      assert.equal(e.directiveCount, e.meetings.reduce((s, m) => s + m.directives, 0));
    }
  });

  it('numbers meetings upwards through each year, per place and kind', () => {
    const seen = new Map<string, number>();
    for (const f of corpus(3000, 11, [2020, 2021])) {
      for (const m of f.expected.meetings) {
        if (m.number === null) continue;
        const key = `${f.expected.place} ${f.expected.date.slice(0, 4)} ${m.types[0]}`;
        assert.ok(m.number > (seen.get(key) ?? 0), `${f.path}: ${key} number ${m.number} after ${seen.get(key)}`);
        seen.set(key, m.number);
      }
    }
  });

  it('adds noise at roughly the stated rates, readings only after Han characters', () => {
    const share = (pred: (f: CorpusFile) => boolean): number => SAMPLE.filter(pred).length / SAMPLE.length;
    const near = (x: number, want: number, name: string): void => assert.ok(Math.abs(x - want) < 0.06, `${name}: ${x}`);
    near(share((f) => f.expected.noise.pinyin > 0), 0.3, 'pinyin');
    near(share((f) => f.expected.noise.asciiPunctuation !== 'none'), 0.3, 'ascii punctuation');
    near(share((f) => f.expected.noise.doubledPunctuation > 0), 0.2, 'doubled punctuation');
    near(share((f) => f.expected.dateOrigin === 'text'), 0.4, 'full-year dateline');
    near(share((f) => f.expected.noise.frontMatter), 0.1, 'front matter');
    assert.ok(share((f) => f.expected.noise.fullWidth) > 0.005, 'some full-width');
    assert.ok(share((f) => f.expected.noise.ideographicSpace) > 0.005, 'some U+3000');
    const READING = /(.)[(（]([a-zü\u00c0-\u01ff]+(?: [a-zü\u00c0-\u01ff]+)?)[)）]/gu;
    let readings = 0;
    for (const f of SAMPLE.filter((x) => x.expected.noise.pinyin > 0)) {
      for (const m of f.text.matchAll(READING)) {
        readings++;
        assert.match(m[1] as string, /\p{Script=Han}/u, `${f.path}: reading after ${m[1]}`);
      }
    }
    assert.ok(readings > 1000);
    for (const f of SAMPLE.filter((x) => x.expected.noise.frontMatter)) {
      assert.match(f.text, /^---\ntitle: ".+"\ndate: \d{4}-\d{2}-\d{2}\nprovenance: ".+"\n---\n/);
    }
  });

  it('spans a few hundred to a few thousand characters', () => {
    const lengths = SAMPLE.map((f) => f.text.length).sort((a, b) => a - b);
    assert.ok((lengths[0] as number) >= 150, `shortest ${lengths[0]}`);
    assert.ok((lengths[lengths.length - 1] as number) >= 2500, `longest ${lengths[lengths.length - 1]}`);
  });
});

describe('roster', () => {
  it('gives each person a fixed title history with promotions', () => {
    const j = JURISDICTIONS[1]!;
    // The head (rung 3) of one term is the party secretary (rung 4) of the next.
    assert.equal(officeHolder(j, 4, j.termStart + 5), officeHolder(j, 3, j.termStart));
    const history = titleHistory(officeHolder(j, 3, 2015), 2008, 2024);
    const titles = history.map((h) => h.title);
    const head = titles.indexOf(`${j.level}长`);
    assert.ok(head >= 0 && titles[head + 1] === `${j.level}委书记`, JSON.stringify(history));
  });
});

describe('writeCorpus and the CLI', () => {
  it('writes n files in YYYY folders, the same bytes as generateCorpus', () => {
    const out = join(tempDir(), 'corpus');
    const summary = writeCorpus({ n: 120, seed: 5, out });
    assert.equal(summary.files, 120);
    const files = listFiles(out);
    assert.equal(files.length, 120);
    const expected = corpus(120, 5);
    assert.deepEqual(files, expected.map((f) => f.path).sort());
    let bytes = 0;
    for (const f of expected) {
      const data = readFileSync(join(out, f.path));
      assert.equal(data.toString('utf8'), f.text);
      bytes += data.length;
    }
    assert.equal(summary.bytes, bytes);
  });

  it('writes byte-identical trees for the same seed', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    writeCorpus({ n: 60, seed: 9, out: a });
    writeCorpus({ n: 60, seed: 9, out: b });
    const files = listFiles(a);
    assert.deepEqual(files, listFiles(b));
    for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
  });

  it('refuses to write into the content folder, creating nothing', () => {
    const target = join(REPO, 'content', `corpus-test-${process.pid}`);
    assert.throws(() => writeCorpus({ n: 5, out: target }), /content folder/);
    assert.throws(() => writeCorpus({ n: 5, out: join(REPO, 'content') }), /content folder/);
    assert.ok(!existsSync(target));
  });

  it('refuses a non-empty folder unless forced', () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'x');
    assert.throws(() => writeCorpus({ n: 5, out }), /not empty.*--force/);
    const summary = writeCorpus({ n: 5, out, force: true });
    assert.equal(summary.files, 5);
    assert.ok(existsSync(join(out, 'keep.txt')));
  });

  it('runs from the command line and prints a one-line summary', () => {
    const out = join(tempDir(), 'cli');
    const run = spawnSync(process.execPath, [SCRIPT, '--n', '30', '--out', out, '--seed', '4', '--years', '2019-2020'],
      { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr.trim(), /^corpus: 30 files, \d+ bytes \(.+ MB\) in [\d.]+ s/);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    const files = listFiles(out);
    assert.equal(files.length, 30);
    assert.ok(files.every((f) => f.startsWith('2019/') || f.startsWith('2020/')));
    assert.ok(statSync(join(out, files[0]!)).size > 0);
  });

  it('exits non-zero with a clear message for content/ and for bad arguments', () => {
    const target = join(REPO, 'content', `corpus-cli-test-${process.pid}`);
    const run = spawnSync(process.execPath, [SCRIPT, '--n', '3', '--out', target], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /refusing to write .* content folder/);
    assert.ok(!existsSync(target));
    const bad = spawnSync(process.execPath, [SCRIPT, '--out', tempDir()], { cwd: REPO, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--n/);
  });
});
