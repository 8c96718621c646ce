// The parse cache trusts no entry it cannot check: a line edited by hand, cut short or of another
// shape is a miss (the file is parsed again), never a crash or a published forgery; --full reads none.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { CODE_ROOT, ROOT, TEXTS, bulletin, cleanUp, tempArchive } from '../helpers/archive.ts';

/** Every line of every bucket file under `cache`, with the file it is in. */
function cacheLines(cache: string): Array<{ file: string; line: string }> {
  const out: Array<{ file: string; line: string }> = [];
  for (const version of readdirSync(cache)) {
    for (const name of readdirSync(join(cache, version))) {
      const file = join(cache, version, name);
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line) out.push({ file, line });
    }
  }
  return out;
}

/** Rewrites the one cache line that contains `marker` with `edit`. */
function editLine(cache: string, marker: string, edit: (line: string) => string): void {
  const hits = cacheLines(cache).filter(({ line }) => line.includes(marker));
  assert.equal(hits.length, 1, `one cache line holds ${marker}`);
  const { file, line } = hits[0]!;
  writeFileSync(file, readFileSync(file, 'utf8').replace(line, edit(line)));
}

/** The same line with its check made again, as a forger who knows the format would. */
async function withCheck(line: string): Promise<string> {
  const { lineCheck } = await import('../../src/cache/cache-entry.ts');
  const [key, , ...rest] = line.split('\t');
  const json = rest.join('\t');
  return `${key}\t${lineCheck(Buffer.from(key!, 'latin1'), Buffer.from(json, 'utf8'))}\t${json}`;
}

const TITLE = '区长林测甲主持召开区政府今年第3次常务会议';
const FORGED = '偽造的標題';

describe('parse cache entries are checked', () => {
  const a = tempArchive('parse-cache');
  after(() => cleanUp(a.root));
  const year = join(a.content, 'bulletins', '2023');
  mkdirSync(year, { recursive: true });
  const file = join(year, '2023-03-05-changwu.txt');
  writeFileSync(file, TEXTS.utf8);
  const other = join(year, '2023-04-12-dangzu.txt');
  writeFileSync(other, TEXTS.gb18030);

  /** A fresh cache folder with both files parsed into it. */
  const warm = (name: string) => {
    const dir = join(a.root, name);
    const cache = new ParseCache(dir);
    for (const path of [file, other]) assert.ok(cache.parseFile(path).record, path);
    cache.flush();
    return dir;
  };

  test('an unchanged entry is a hit, with the record the parser made', () => {
    const dir = warm('plain');
    const expected = new ParseCache(undefined).parseFile(file).record;
    const cache = new ParseCache(dir);
    const outcome = cache.parseFile(file);
    assert.equal(outcome.cached, true);
    assert.deepEqual(outcome.record, expected);
    assert.equal(cache.rejected, 0);
  });

  test('an entry edited by hand is a miss: the file is parsed again and its entry written anew', () => {
    const dir = warm('edited');
    const title = new ParseCache(dir).parseFile(file).record!.title;
    assert.ok(title.includes('林测甲'), title);
    editLine(dir, `"title":"${title}"`, (line) => line.replace(`"title":"${title}"`, `"title":"${FORGED}"`));
    const cache = new ParseCache(dir);
    const outcome = cache.parseFile(file);
    assert.equal(outcome.record!.title, title, 'the parser\'s title, not the edited one');
    assert.equal(outcome.cached, false);
    assert.equal(cache.rejected, 1);
    assert.equal(cache.parseFile(other).cached, true, 'the other entry is still trusted');
    cache.flush();
    // The new line wins from now on.
    const again = new ParseCache(dir);
    assert.equal(again.parseFile(file).cached, true);
    assert.equal(again.parseFile(file).record!.title, title);
  });

  test('a malformed entry ({"id":"x"} for a record), even with a matching check, is a miss and no crash', async () => {
    const dir = warm('malformed');
    const edit = (line: string) => line.replace(/"record":\{.*\}(,"textKey":"[0-9a-f]+")?\}$/u, '"record":{"id":"x"}}');
    editLine(dir, TITLE, edit);
    let cache = new ParseCache(dir);
    assert.equal(cache.parseFile(file).record!.title.includes('林测甲'), true);
    assert.equal(cache.rejected, 1);
    // The same, with the check made again: the record's shape is what refuses it.
    const dir2 = warm('malformed-checked');
    editLine(dir2, TITLE, (line) => edit(line));
    const forged = cacheLines(dir2).find(({ line }) => line.endsWith('"record":{"id":"x"}}'))!;
    writeFileSync(forged.file, readFileSync(forged.file, 'utf8').replace(forged.line, await withCheck(forged.line)));
    cache = new ParseCache(dir2);
    const outcome = cache.parseFile(file);
    assert.equal(outcome.cached, false);
    assert.ok(outcome.record!.title.includes('林测甲'));
    assert.equal(cache.rejected, 1);
  });

  test('entries of the wrong shape for their file are misses: a refusal for a record, another file\'s record, a cut line', async () => {
    const dir = warm('shapes');
    const lines = cacheLines(dir);
    const mine = lines.find(({ line }) => line.includes(TITLE))!;
    const theirs = lines.find(({ line }) => !line.includes(TITLE))!;
    const json = (line: string) => JSON.parse(line.split('\t').slice(2).join('\t')) as Record<string, unknown>;
    const key = mine.line.split('\t')[0]!;
    const variants: Array<[string, Record<string, unknown> | string]> = [
      ['a refusal of another file', { format: json(mine.line).format, path: json(mine.line).path, error: { code: 'io', file: '/etc/passwd', reason: 'x' } }],
      ['another file\'s record under this key', { ...json(theirs.line), path: json(mine.line).path }],
      ['a meeting with a number as text', JSON.parse(JSON.stringify(json(mine.line)).replace('"number":3', '"number":"3"'))],
      ['an official with a field of its own', JSON.parse(JSON.stringify(json(mine.line)).replace('"key":"林测甲"', '"key":"林测甲","admin":true'))],
      ['a record and an error', { ...json(mine.line), error: { code: 'io', file: json(mine.line).path, reason: 'x' } }],
      ['a cut line', `${JSON.stringify(json(mine.line)).slice(0, 200)}`],
    ];
    for (const [what, entry] of variants) {
      const text = typeof entry === 'string' ? entry : JSON.stringify(entry);
      writeFileSync(mine.file, readFileSync(mine.file, 'utf8') + `${await withCheck(`${key}\tx\t${text}`)}\n`);
      const cache = new ParseCache(dir);
      const outcome = cache.parseFile(file);
      assert.equal(outcome.cached, false, what);
      assert.ok(outcome.record!.title.includes('林测甲'), what);
      assert.equal(cache.rejected, 1, what);
      cache.flush();
    }
  });

  test('reading: false parses every file again (even a forged entry whose check matches) and writes it anew', async () => {
    const dir = warm('full');
    const title = new ParseCache(dir).parseFile(file).record!.title;
    editLine(dir, `"title":"${title}"`, (line) => line.replace(`"title":"${title}"`, `"title":"${FORGED}"`));
    const forged = cacheLines(dir).find(({ line }) => line.includes(FORGED))!;
    writeFileSync(forged.file, readFileSync(forged.file, 'utf8').replace(forged.line, await withCheck(forged.line)));
    // A forgery that knows the format passes the checks: what --full is for.
    assert.equal(new ParseCache(dir).parseFile(file).record!.title, FORGED);
    const full = new ParseCache(dir);
    full.reading = false;
    const outcome = full.parseFile(file);
    assert.equal(outcome.cached, false);
    assert.equal(outcome.record!.title, title);
    assert.equal(full.parseFile(file).cached, false, 'not even this process\'s memo is read');
    full.flush();
    assert.equal(new ParseCache(dir).parseFile(file).record!.title, title, 'the entry was written anew');
  });

  test('`bulletin check` on a cache with a malformed entry does not crash, and says the archive is fine', () => {
    const dir = join(a.root, 'check-cache');
    const first = bulletin(dir, 'check', '--content', a.content);
    assert.equal(first.status, 0, first.stderr);
    editLine(dir, TITLE, (line) => line.replace(/"record":\{.*\}(,"textKey":"[0-9a-f]+")?\}$/u, '"record":{"id":"x"}}'));
    const second = bulletin(dir, 'check', '--content', a.content);
    assert.equal(second.status, 0, second.stderr + second.stdout);
    assert.doesNotMatch(second.stderr, /TypeError|at .*\.ts:\d+/);
  });
});

describe('npm run build with a bad parse cache', () => {
  const a = tempArchive('parse-cache-build');
  after(() => cleanUp(a.root));
  const year = join(a.content, 'bulletins', '2023');
  mkdirSync(year, { recursive: true });
  writeFileSync(join(year, '2023-03-05-changwu.txt'), TEXTS.utf8);
  const out = join(a.root, 'site');
  const build = (...flags: string[]) => spawnSync(process.execPath, [join(CODE_ROOT, 'scripts/build.js'), '--content', a.content, '--out', out, '--quiet', ...flags], {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ARCHIVE_PARSE_CACHE: a.cache },
  });
  const page = () => readFileSync(join(out, '2023/03/05/changwu/index.html'), 'utf8');

  test('a malformed entry is parsed again; a forged one is published only until --full, which reads no entry', async () => {
    let run = build();
    assert.equal(run.status, 0, run.stderr);
    editLine(a.cache, TITLE, (line) => line.replace(/"record":\{.*\}(,"textKey":"[0-9a-f]+")?\}$/u, '"record":{"id":"x"}}'));
    run = build();
    assert.equal(run.status, 0, run.stderr);
    assert.match(page(), /林测甲/);
    // A forgery with a matching check: the cache cannot tell it (see docs); --full parses again.
    const title = JSON.parse(readFileSync(join(out, '2023/03/05/changwu/record.json'), 'utf8')).title as string;
    const line = cacheLines(a.cache).filter(({ line }) => line.includes(`"title":"${title}"`)).at(-1)!;
    writeFileSync(line.file, `${readFileSync(line.file, 'utf8')}${await withCheck(line.line.replace(`"title":"${title}"`, `"title":"${FORGED}"`))}\n`);
    run = build('--full');
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(page(), new RegExp(FORGED));
    assert.match(page(), new RegExp(title));
  });
});
