// `bulletin add` as an editor runs it, on temp archives: encodings, duplicates in either script or
// by their bytes, refusals, folders, --dry-run, names and collisions, and writes that are whole or nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import matter from 'gray-matter';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { Adder, DuplicateIndex, receivedNameSlug, receivedSha256, slugFor, storedText } from '../../src/cli/add.ts';
import { copyFileFresh, unlinkIfPresent, writeNewFile } from '../../src/fs/atomic-write.ts';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { parseBulletin } from '../../src/parser/index.ts';
import { makeId } from '../../src/parser/steps/title.ts';
import { ROOT } from '../../src/paths.ts';
import { bulletin, cleanUp, listFiles, npmBulletin, TEXTS, tempArchive } from '../helpers/archive.ts';
import { unlessShared } from '../helpers/shared.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Real published texts with noisy names (shared/ sits beside the repository root). */
const REAL = resolve(ROOT, '../shared/corpus/real');

const roots: string[] = [];
after(() => roots.forEach(cleanUp));
function archive(name: string) {
  const a = tempArchive(name);
  roots.push(a.root);
  return a;
}

/** The stored file's front matter and body. */
function stored(path: string) {
  const text = readFileSync(path, 'utf8');
  const parsed = matter(text, {});
  return { text, data: parsed.data as { received?: { file: string; encoding: string; sha256: string }; date?: unknown }, body: parsed.content };
}

describe('bulletin add: encodings', () => {
  let a: ReturnType<typeof tempArchive>;
  const files: Record<string, { path: string; bytes: Buffer; encoding: string; text: string }> = {};
  let run: ReturnType<typeof bulletin>;

  before(() => {
    a = archive('encodings');
    const make = (name: string, text: string, bytes: Buffer, encoding: string) => {
      const path = join(a.inbox, name);
      writeFileSync(path, bytes);
      files[name] = { path, bytes, encoding, text };
    };
    make('changwu-utf8.txt', TEXTS.utf8, Buffer.from(TEXTS.utf8, 'utf8'), 'utf-8');
    make('dangzu-gb.txt', TEXTS.gb18030, iconv.encode(TEXTS.gb18030, 'gb18030'), 'gb18030');
    make('fangxun-big5.txt', TEXTS.big5, iconv.encode(TEXTS.big5, 'big5'), 'big5');
    make('zhuanti-utf16.txt', TEXTS.utf16, iconv.encode(TEXTS.utf16, 'utf-16le', { addBOM: true }), 'utf-16le');
    run = npmBulletin(a.cache, 'add', '--content', a.content, ...Object.values(files).map((f) => f.path));
  });

  test('exit 0, one summary per file and a closing table', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /added {2}\S+2023-03-05-changwu-utf8\.txt {2}← \S+changwu-utf8\.txt \(utf-8\)/);
    assert.match(run.stdout, /2023-03-05 {2}林测甲主持召开区政府常务会议/);
    assert.match(run.stdout, /chair: 林测甲 {2}meetings: 区政府今年第3次常务会议 {2}directives: 2 {2}warnings: 0/);
    assert.match(run.stdout, /^status +file +stored as \/ reason$/m);
    assert.match(run.stdout, /4 file\(s\): 4 added, 0 skipped \(duplicates\), 0 refused/);
  });

  test('each is stored as UTF-8 under bulletins/YYYY/ with the same characters, and its encoding and sha256', () => {
    const stems: Record<string, string> = {
      'changwu-utf8.txt': '2023/2023-03-05-changwu-utf8.txt',
      'dangzu-gb.txt': '2023/2023-04-12-dangzu-gb.txt',
      'fangxun-big5.txt': '2023/2023-05-20-fangxun-big5.txt',
      'zhuanti-utf16.txt': '2023/2023-06-08-zhuanti-utf16.txt',
    };
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), Object.values(stems).sort());
    for (const [name, file] of Object.entries(files)) {
      const path = join(a.content, 'bulletins', stems[name]!);
      const bytes = readFileSync(path);
      assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes.toString('utf8'), `${name} is valid UTF-8`);
      assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no byte-order mark');
      const { data, body } = stored(path);
      assert.equal(body, file.text, `${name}: the text as received`);
      assert.deepEqual(data.received, { file: name, encoding: file.encoding, sha256: sha256(file.bytes) });
      assert.equal(data.date, undefined, 'the text gives the full date: no date: line');
      const record = parseBulletin(bytes, path);
      assert.equal(record.source_file.encoding, 'utf-8');
    }
  });

  test('the same bulletin again is skipped, naming the one in the archive; exit 0', () => {
    const again = join(a.inbox, 'again', 'copy-of-changwu.txt');
    mkdirSync(join(a.inbox, 'again'));
    writeFileSync(again, TEXTS.utf8);
    const before = listFiles(a.content);
    const second = bulletin(a.cache, 'add', '--content', a.content, again);
    assert.equal(second.status, 0, second.stdout);
    assert.match(second.stdout, /skipped {2}\S+copy-of-changwu\.txt: duplicate of \S+2023\/2023-03-05-changwu-utf8\.txt/);
    assert.deepEqual(listFiles(a.content), before);
  });

  test('the same bulletin in the other script is skipped too (Traditional of a Simplified one, Simplified of a Big5 one)', () => {
    const hant = join(a.inbox, 'again', 'hant.txt');
    writeFileSync(hant, toTraditional(TEXTS.utf8));
    const hans = join(a.inbox, 'again', 'hans.txt');
    writeFileSync(hans, OpenCC.Converter({ from: 't', to: 'cn' })(TEXTS.big5));
    const before = listFiles(a.content);
    const run2 = bulletin(a.cache, 'add', '--content', a.content, hant, hans);
    assert.equal(run2.status, 0, run2.stdout);
    assert.match(run2.stdout, /skipped {2}\S+hant\.txt: duplicate of \S+2023-03-05-changwu-utf8\.txt/);
    assert.match(run2.stdout, /skipped {2}\S+hans\.txt: duplicate of \S+2023-05-20-fangxun-big5\.txt/);
    assert.deepEqual(listFiles(a.content), before);
  });
});

describe('bulletin add: refusals, folders, dry runs and names', () => {
  test('a file that does not parse is refused with its reason; nothing is written; exit 1', () => {
    const a = archive('refused');
    writeFileSync(join(a.inbox, 'empty.txt'), '');
    writeFileSync(join(a.inbox, 'no-year.txt'), '7月18日，区长林測甲主持召开区政府常务会议。\n');
    const run = bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'empty.txt'), join(a.inbox, 'no-year.txt'));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /refused {2}\S+empty\.txt: the file is empty/);
    assert.match(run.stdout, /refused {2}\S+no-year\.txt:1: the date '7月18日' has no year/);
    assert.deepEqual(listFiles(a.content), []);
  });

  test('--year dates a file whose text has no year, and the date goes into the front matter', () => {
    const a = archive('year');
    writeFileSync(join(a.inbox, 'no-year.txt'), '7月18日，区长林測甲主持召开区政府常务会议。\n会议强调，要抓好落实。\n');
    const run = bulletin(a.cache, 'add', '--year', '2021', '--content', a.content, join(a.inbox, 'no-year.txt'));
    assert.equal(run.status, 0, run.stdout);
    const path = join(a.content, 'bulletins/2021/2021-07-18-no-year.txt');
    const { data } = stored(path);
    assert.equal((data.date as Date).toISOString().slice(0, 10), '2021-07-18');
    // The stored file dates itself, wherever it is.
    assert.equal(parseBulletin(readFileSync(path), 'elsewhere.txt').date, '2021-07-18');
  });

  test('a folder with a mix: added, skipped and refused, in a table; exit 1 for the refusal', () => {
    const a = archive('mix');
    writeFileSync(join(a.inbox, 'a-changwu.txt'), TEXTS.utf8);
    writeFileSync(join(a.inbox, 'b-copy.txt'), TEXTS.utf8);
    writeFileSync(join(a.inbox, 'c-broken.txt'), '\u0000\u0001binary');
    writeFileSync(join(a.inbox, 'd-dangzu.txt'), TEXTS.gb18030);
    writeFileSync(join(a.inbox, 'notes.md'), 'not a bulletin');
    const run = bulletin(a.cache, 'add', '--content', a.content, a.inbox);
    assert.equal(run.status, 1);
    const table = run.stdout.slice(run.stdout.indexOf('status  '));
    assert.match(table, /^added +\S+a-changwu\.txt +\S+2023-03-05-a-changwu\.txt$/m);
    assert.match(table, /^skipped +\S+b-copy\.txt +duplicate of \S+2023-03-05-a-changwu\.txt/m);
    assert.match(table, /^refused +\S+c-broken\.txt +byte 0 is NUL/m);
    assert.match(table, /^added +\S+d-dangzu\.txt +\S+2023-04-12-d-dangzu\.txt$/m);
    assert.match(run.stdout, /4 file\(s\): 2 added, 1 skipped \(duplicates\), 1 refused/);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-03-05-a-changwu.txt', '2023/2023-04-12-d-dangzu.txt']);
  });

  test('--dry-run says what would happen and writes nothing', () => {
    const a = archive('dry');
    writeFileSync(join(a.inbox, 'a-changwu.txt'), TEXTS.utf8);
    writeFileSync(join(a.inbox, 'b-again.txt'), TEXTS.utf8);
    const run = bulletin(a.cache, 'add', '--dry-run', '--content', a.content, a.inbox);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /would add {2}\S+2023-03-05-a-changwu\.txt/);
    assert.match(run.stdout, /skipped {2}\S+b-again\.txt: duplicate of \S+2023-03-05-a-changwu\.txt/);
    assert.match(run.stdout, /dry run: nothing written\): 1 would be added, 1 skipped/);
    assert.deepEqual(listFiles(a.content), []);
  });

  test('a different bulletin that would take the same name gets -2; nothing is overwritten', () => {
    const a = archive('collision');
    mkdirSync(join(a.inbox, 'x'));
    mkdirSync(join(a.inbox, 'y'));
    writeFileSync(join(a.inbox, 'x', 'changwu.txt'), TEXTS.utf8);
    const other = TEXTS.utf8.replace('要抓好春耕生产', '要抓好夏粮收购');
    writeFileSync(join(a.inbox, 'y', 'changwu.txt'), other);
    assert.equal(bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'x', 'changwu.txt')).status, 0);
    const first = join(a.content, 'bulletins/2023/2023-03-05-changwu.txt');
    const firstBytes = readFileSync(first);
    const run = bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'y', 'changwu.txt'));
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /added {2}\S+2023-03-05-changwu-2\.txt/);
    assert.deepEqual(readFileSync(first), firstBytes);
    assert.equal(stored(join(a.content, 'bulletins/2023/2023-03-05-changwu-2.txt')).body, other);
  });

  test('check passes on what add wrote', () => {
    const a = archive('check-after-add');
    writeFileSync(join(a.inbox, 'x.txt'), TEXTS.big5);
    assert.equal(bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'x.txt')).status, 0);
    const run = bulletin(a.cache, 'check', '--content', a.content);
    assert.equal(run.status, 0, run.stdout);
  });
});

describe('writes are whole or nothing', () => {
  test('a failure after the temp file is written leaves neither the file nor the temp file', () => {
    const a = archive('interrupted');
    const target = join(a.content, 'bulletins', 'x.txt');
    assert.throws(() => writeNewFile(target, Buffer.from('text'), { afterTemp: () => { throw new Error('disk full'); } }), /disk full/);
    assert.deepEqual(readdirSync(join(a.content, 'bulletins')), []);
  });

  test('an existing file is never replaced: the writer says so and leaves it', () => {
    const a = archive('exists');
    const target = join(a.content, 'bulletins', 'x.txt');
    writeFileSync(target, 'first');
    assert.equal(writeNewFile(target, Buffer.from('second')), false);
    assert.equal(readFileSync(target, 'utf8'), 'first');
    assert.deepEqual(readdirSync(join(a.content, 'bulletins')), ['x.txt']);
  });

  test('add stopped in the middle of a write leaves no partial bulletin and no temp file', () => {
    const a = archive('interrupted-add');
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const cache = new ParseCache(undefined);
    const adder = new Adder({ contentDir: a.content, hooks: { afterTemp: () => { throw new Error('killed'); } } }, DuplicateIndex.load(a.content, cache));
    assert.throws(() => adder.add(join(a.inbox, 'changwu.txt')), /killed/);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), []);
    assert.deepEqual(readdirSync(join(a.content, 'bulletins', '2023')), []);
  });

  test('a file written fresh replaces a hard link at its path and leaves the other name of that file as it was', () => {
    const a = archive('fresh');
    const live = join(a.root, 'live.txt');
    const copy = join(a.root, 'site', 'copy.txt');
    writeFileSync(live, 'published');
    mkdirSync(join(a.root, 'site'));
    linkSync(live, copy);
    const source = join(a.root, 'source.txt');
    writeFileSync(source, 'new text');
    copyFileFresh(source, copy);
    assert.equal(readFileSync(copy, 'utf8'), 'new text');
    assert.equal(readFileSync(live, 'utf8'), 'published');
    assert.equal(statSync(live).nlink, 1);
    // A missing folder is made; a missing file is no error to unlinkIfPresent.
    copyFileFresh(source, join(a.root, 'deep', 'er', 'copy.txt'));
    assert.equal(readFileSync(join(a.root, 'deep', 'er', 'copy.txt'), 'utf8'), 'new text');
    unlinkIfPresent(join(a.root, 'nothing-here.txt'));
    unlinkIfPresent(copy);
    assert.equal(existsSync(copy), false);
    assert.equal(readFileSync(live, 'utf8'), 'published');
    // A folder is not a file: refused, and left.
    assert.throws(() => unlinkIfPresent(join(a.root, 'deep')));
    assert.ok(existsSync(join(a.root, 'deep', 'er', 'copy.txt')));
    assert.throws(() => copyFileFresh(join(a.root, 'no-source.txt'), join(a.root, 'site', 'x.txt')), /ENOENT/);
  });
});

describe('names and front matter', () => {
  const record = (text: string, path = '2023-03-05-x.txt') => parseBulletin(Buffer.from(text), path);
  test('the slug comes from the file name, ASCII-fied', () => {
    assert.equal(slugFor('in/2023-03-05-Changwu Meeting.txt', record(TEXTS.utf8)), 'changwu-meeting');
    assert.equal(slugFor('in/长乐常务会议.txt', record(TEXTS.utf8)), 'chang-le-chang-wu-hui-yi');
  });
  test('a name that says nothing (a hash, a number, "untitled") gives way to the meeting kinds in pinyin', () => {
    assert.equal(slugFor('in/000_aff82dc70ec967be.txt', record(TEXTS.utf8)), 'changwu-huiyi');
    assert.equal(slugFor('in/untitled-3.txt', record(TEXTS.gb18030)), 'dangzu-huiyi');
    assert.equal(slugFor('in/20230305.txt', record(TEXTS.utf8)), 'changwu-huiyi');
  });
  test('existing front matter is kept and received: is added to it', () => {
    const text = '---\ntitle: 测试标题\n---\n正文\n';
    const out = storedText(text, { file: 'a b:c.txt', encoding: 'big5', sha256: 'ab' }, '2023-01-02');
    const parsed = matter(out, {});
    assert.deepEqual(parsed.data, { received: { file: 'a b:c.txt', encoding: 'big5', sha256: 'ab' }, date: new Date('2023-01-02'), title: '测试标题' });
    assert.equal(parsed.content, '正文\n');
  });
  test('CRLF text gets CRLF front matter', () => {
    const out = storedText('正文\r\n', { file: basename('x.txt'), encoding: 'utf-8', sha256: 'ab' });
    assert.equal(out, '---\r\nreceived:\r\n  file: x.txt\r\n  encoding: utf-8\r\n  sha256: ab\r\n---\r\n正文\r\n');
  });
});

describe('bulletin add: a folder it has seen is skipped by its bytes, before any parsing', () => {
  test('the same folder added again: every file skipped, naming the stored file; nothing written; exit 0', () => {
    const a = archive('again');
    writeFileSync(join(a.inbox, 'a-changwu.txt'), TEXTS.utf8);
    writeFileSync(join(a.inbox, 'b-dangzu.txt'), iconv.encode(TEXTS.gb18030, 'gb18030'));
    const first = bulletin(a.cache, 'add', '--content', a.content, a.inbox);
    assert.equal(first.status, 0, first.stdout);
    const before = listFiles(a.content);
    const again = bulletin(a.cache, 'add', '--content', a.content, a.inbox);
    assert.equal(again.status, 0, again.stdout);
    assert.match(again.stdout, /skipped {2}\S+a-changwu\.txt: duplicate of \S+2023\/2023-03-05-a-changwu\.txt \(the same bytes as the file it was added from\)/);
    assert.match(again.stdout, /skipped {2}\S+b-dangzu\.txt: duplicate of \S+2023\/2023-04-12-b-dangzu\.txt \(the same bytes as the file it was added from\)/);
    assert.match(again.stdout, /2 file\(s\): 0 added, 2 skipped \(duplicates\), 0 refused/);
    assert.deepEqual(listFiles(a.content), before);
  });

  test('a file the parser would now refuse is skipped when an archive file was added from it (--year then, none now)', () => {
    const a = archive('again-refusable');
    const noYear = join(a.inbox, 'no-year.txt');
    writeFileSync(noYear, '7月18日，区长林測甲主持召开区政府常务会议。\n会议强调，要抓好落实。\n');
    assert.equal(bulletin(a.cache, 'add', '--year', '2021', '--content', a.content, noYear).status, 0);
    // Without --year the text alone does not parse: the archive's copy is what says it is known.
    assert.throws(() => parseBulletin(readFileSync(noYear), noYear), /has no year/);
    const run = bulletin(a.cache, 'add', '--content', a.content, a.inbox);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /skipped {2}\S+no-year\.txt: duplicate of \S+2021\/2021-07-18-no-year\.txt \(the same bytes as the file it was added from\)/);
    assert.doesNotMatch(run.stdout, /refused {2}|has no year/);
  });

  test('an unparseable file whose bytes a stored bulletin names in received.sha256 is skipped, naming that bulletin', () => {
    const a = archive('received-sha');
    const broken = Buffer.from('\u0000\u0001binary');
    writeFileSync(join(a.inbox, 'broken.txt'), broken);
    // An editor mended the original by hand and stored it; its front matter names the original's bytes.
    mkdirSync(join(a.content, 'bulletins', '2023'));
    const mended = join(a.content, 'bulletins', '2023', '2023-03-05-mended.txt');
    writeFileSync(mended, storedText(TEXTS.utf8, { file: 'broken.txt', encoding: 'utf-8', sha256: sha256(broken) }));
    assert.equal(receivedSha256(mended), sha256(broken));
    const run = bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'broken.txt'));
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /skipped {2}\S+broken\.txt: duplicate of \S+2023\/2023-03-05-mended\.txt \(the same bytes as the file it was added from\)/);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-03-05-mended.txt']);
    // The same file against an archive that does not name it: refused, as before.
    const b = archive('received-sha-control');
    writeFileSync(join(b.inbox, 'broken.txt'), broken);
    const control = bulletin(b.cache, 'add', '--content', b.content, join(b.inbox, 'broken.txt'));
    assert.equal(control.status, 1);
    assert.match(control.stdout, /refused {2}\S+broken\.txt: byte 0 is NUL/);
  });

  test('an archive file that does not parse still names its original: received.sha256 is read from its head', () => {
    const a = archive('received-unparsed');
    const original = Buffer.from('原件：7月18日，区长林測甲主持召开区政府常务会议。\n');
    writeFileSync(join(a.inbox, 'original.txt'), original);
    mkdirSync(join(a.content, 'bulletins', '2023'));
    // Half mended: the front matter is there, the text still has a NUL in it.
    writeFileSync(join(a.content, 'bulletins/2023/2023-03-05-half.txt'),
      storedText('\u0000broken\n', { file: 'original.txt', encoding: 'utf-8', sha256: sha256(original) }));
    const run = bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'original.txt'));
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /skipped {2}\S+original\.txt: duplicate of \S+2023-03-05-half\.txt \(the same bytes as the file it was added from\)/);
  });

  test('receivedSha256: block or flow style, a front matter longer than the head, none', () => {
    const a = archive('received-forms');
    const hex = sha256(Buffer.from('x'));
    const write = (name: string, text: string) => {
      writeFileSync(join(a.root, name), text);
      return receivedSha256(join(a.root, name));
    };
    assert.equal(write('block.txt', `---\r\ntitle: t\r\nreceived:\r\n  file: a.txt\r\n  sha256: ${hex.toUpperCase()}\r\n---\r\n正文\r\n`), hex);
    assert.equal(write('flow.txt', `---\nreceived: { file: a.txt, sha256: '${hex}' }\n---\n正文\n`), hex);
    assert.equal(write('long.txt', `---\nnote: "${'长'.repeat(5000)}"\nreceived:\n  sha256: ${hex}\n---\n正文\n`), hex);
    assert.equal(write('none.txt', `正文\nreceived:\n  sha256: ${hex}\n`), undefined, 'not in a front-matter block');
    assert.equal(write('other-key.txt', `---\nsource:\n  sha256: ${hex}\n---\n正文\n`), undefined, 'not under received:');
    assert.equal(receivedSha256(join(a.root, 'missing.txt')), undefined);
  });

  test('a copy of a stored file itself is skipped as the same bytes; the skip carries no record (nothing was parsed)', () => {
    const a = archive('stored-bytes');
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const adder = () => new Adder({ contentDir: a.content }, DuplicateIndex.load(a.content, new ParseCache(undefined)));
    const added = adder().add(join(a.inbox, 'changwu.txt'));
    assert.equal(added.status, 'added');
    const copy = join(a.root, 'copy.txt');
    writeFileSync(copy, readFileSync(join(a.content, 'bulletins/2023/2023-03-05-changwu.txt')));
    const index = DuplicateIndex.load(a.content, new ParseCache(undefined));
    const result = new Adder({ contentDir: a.content }, index).add(copy);
    assert.equal(result.status, 'skipped');
    assert.match(result.reason!, /^duplicate of \S+2023-03-05-changwu\.txt \(the same bytes\)$/);
    assert.equal(result.record, undefined);
    assert.equal(adder().add(join(a.inbox, 'changwu.txt')).record, undefined);
  });

  test("two identical files in one run: the second is the first's duplicate, added or refused, also in a dry run", () => {
    const a = archive('same-run');
    writeFileSync(join(a.inbox, 'a-changwu.txt'), TEXTS.utf8);
    writeFileSync(join(a.inbox, 'b-changwu-again.txt'), TEXTS.utf8);
    writeFileSync(join(a.inbox, 'c-broken.txt'), '\u0000\u0001binary');
    writeFileSync(join(a.inbox, 'd-broken-again.txt'), '\u0000\u0001binary');
    for (const dry of [true, false]) {
      const run = bulletin(a.cache, 'add', ...(dry ? ['--dry-run'] : []), '--content', a.content, a.inbox);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stdout, /skipped {2}\S+b-changwu-again\.txt: duplicate of \S+2023-03-05-a-changwu\.txt \(the same bytes as the file it was added from\)/);
      assert.match(run.stdout, /refused {2}\S+c-broken\.txt: byte 0 is NUL/);
      assert.match(run.stdout, /skipped {2}\S+d-broken-again\.txt: duplicate of \S+c-broken\.txt \(the same bytes; refused above\)/);
      assert.match(run.stdout, /4 file\(s\)(?: \(dry run: nothing written\))?: 1 (?:would be )?added, 2 skipped \(duplicates\), 1 refused/);
      assert.deepEqual(listFiles(join(a.content, 'bulletins')), dry ? [] : ['2023/2023-03-05-a-changwu.txt']);
    }
  });

  test('a bulletin with the same text in other bytes is still skipped by its text', () => {
    const a = archive('text-after-bytes');
    writeFileSync(join(a.inbox, 'first.txt'), TEXTS.utf8);
    assert.equal(bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'first.txt')).status, 0);
    writeFileSync(join(a.inbox, 'second.txt'), iconv.encode(TEXTS.utf8, 'utf-16le', { addBOM: true }));
    const run = bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, 'second.txt'));
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /skipped {2}\S+second\.txt: duplicate of \S+2023-03-05-first\.txt \(the same text, in either script\)/);
  });
});

describe('bulletin add: names from noisy file names; files in the archive keep theirs', () => {
  test("a leading index number and the bulletin's own date are left out of the slug", () => {
    assert.equal(receivedNameSlug('in/007_huangshi_wuhuang_tongcheng_tuijiehui_2021-06-06.txt', '2021-06-06'), 'huangshi-wuhuang-tongcheng-tuijiehui');
    assert.equal(receivedNameSlug('in/009_sohu_shenzhen_liulang_qitao_jiuzhu_20120705.txt', '2012-07-05'), 'sohu-shenzhen-liulang-qitao-jiuzhu');
    assert.equal(receivedNameSlug('in/101-huxian-standing-committee-43.txt', '2020-01-01'), 'huxian-standing-committee-43', 'a number after the words stays');
    assert.equal(receivedNameSlug('in/2022_07_18_changle.txt', '2022-07-18'), 'changle');
    assert.equal(receivedNameSlug('in/a_2021.6.6_b.txt', '2021-06-06'), 'a-b');
    assert.equal(receivedNameSlug('in/长乐2022年7月18日常务会议.txt', '2022-07-18'), 'chang-le-chang-wu-hui-yi');
    // Not the bulletin's date: kept, as it says something (the day it was published).
    assert.equal(receivedNameSlug('in/009_sohu_jiuzhu_20120705.txt', '2012-07-02'), 'sohu-jiuzhu-20120705');
    assert.equal(receivedNameSlug('in/3d-printing.txt', '2023-03-05'), '3d-printing');
    // A name of numbers only still gives way to the meeting kinds.
    const record = parseBulletin(Buffer.from(TEXTS.utf8), '2023-03-05-x.txt');
    assert.equal(slugFor('in/007_20230305.txt', record), 'changwu-huiyi');
    assert.equal(slugFor('in/000_aff82dc70ec967be.txt', record), 'changwu-huiyi');
  });

  test("the annotated set's leading three-digit index is left out", { skip: unlessShared('corpus', 'annotated') }, () => {
    const annotated = join(REAL, '../annotated');
    const names = readdirSync(annotated).filter((name) => /^\d{3}-.*\.txt$/.test(name));
    assert.ok(names.length > 50, `found ${names.length} annotated files`);
    for (const name of names) {
      const slug = receivedNameSlug(join(annotated, name), '2020-01-01');
      assert.equal(slug, name.slice(4, -4), name);
    }
  });

  test('a real noisy file is filed as YYYY-MM-DD-<words>.txt and published at /YYYY/MM/DD/<words>/', { skip: unlessShared('corpus', 'real') }, () => {
    const a = archive('noisy');
    const name = '007_huangshi_wuhuang_tongcheng_tuijiehui_2021-06-06.txt';
    const run = bulletin(a.cache, 'add', '--content', a.content, join(REAL, name));
    assert.equal(run.status, 0, run.stdout);
    const path = join(a.content, 'bulletins/2021/2021-06-06-huangshi-wuhuang-tongcheng-tuijiehui.txt');
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2021/2021-06-06-huangshi-wuhuang-tongcheng-tuijiehui.txt']);
    assert.equal(stored(path).data.received!.file, name);
    const index = DuplicateIndex.load(a.content, new ParseCache(undefined));
    assert.ok(index.byUrl.has('/2021/06/06/huangshi-wuhuang-tongcheng-tuijiehui/'), [...index.byUrl.keys()].join(' '));
  });

  test('files already in the archive keep their ids and URLs, whatever their names look like', () => {
    assert.equal(makeId('content/bulletins/2022/2022-07-18-changle-dangzu-changwu-huiyi.txt', '2022-07-18'), '2022-07-18-changle-dangzu-changwu-huiyi');
    assert.equal(makeId('content/bulletins/2021/2021-06-06-007-huangshi-2021-06-06.txt', '2021-06-06'), '2021-06-06-007-huangshi-2021-06-06');
    const a = archive('keep-ids');
    mkdirSync(join(a.content, 'bulletins', '2023'));
    const old = join(a.content, 'bulletins/2023/2023-03-05-007-changwu-20230305.txt');
    writeFileSync(old, TEXTS.utf8);
    const oldBytes = readFileSync(old);
    // A different bulletin with a noisy name for the same day: a name of its own, the old one untouched.
    writeFileSync(join(a.inbox, '008_changwu_20230305.txt'), TEXTS.utf8.replace('要抓好春耕生产', '要抓好夏粮收购'));
    const run = bulletin(a.cache, 'add', '--content', a.content, join(a.inbox, '008_changwu_20230305.txt'));
    assert.equal(run.status, 0, run.stdout);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-03-05-007-changwu-20230305.txt', '2023/2023-03-05-changwu.txt']);
    assert.deepEqual(readFileSync(old), oldBytes);
    assert.equal(parseBulletin(oldBytes, old).id, '2023-03-05-007-changwu-20230305');
    const index = DuplicateIndex.load(a.content, new ParseCache(undefined));
    assert.ok(index.byUrl.has('/2023/03/05/007-changwu-20230305/'));
    assert.ok(index.byUrl.has('/2023/03/05/changwu/'));
  });
});
