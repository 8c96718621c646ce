// `bulletin check` on temp archives, and the parse cache it shares with the build.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { parseBulletinFile } from '../../src/parser/index.ts';
import { writeContent } from '../helpers/site.ts';
import { bulletin, cleanUp, TEXTS, tempArchive } from '../helpers/archive.ts';

const a = tempArchive('check');
after(() => cleanUp(a.root));
writeContent(a.content);

describe('bulletin check', () => {
  test('a clean archive exits 0 and lists its warnings as FILE:LINE:COL: rule: reason', () => {
    const run = bulletin(a.cache, 'check', '--content', a.content);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\S+2021-12-30-wang-yang-yi-quanti\.txt:1:1: front-matter\/ignored: front-matter field 'readings' is computed/);
    assert.match(run.stdout, /checked 6 bulletin\(s\) in [\d.]+ s \(\d+ from the parse cache\): 0 error\(s\), 0 fatal warning\(s\), 1 warning\(s\)/);
  });

  test('the second run takes every bulletin from the parse cache', () => {
    const run = bulletin(a.cache, 'check', '--content', a.content);
    assert.match(run.stdout, /checked 6 bulletin\(s\) in [\d.]+ s \(6 from the parse cache\)/);
  });

  test('a broken file exits 1, naming file:line', () => {
    mkdirSync(join(a.content, 'bulletins/misc'));
    writeFileSync(join(a.content, 'bulletins/misc/notes.txt'), '\n7月18日，区长林測甲主持召开区政府常务会议。\n');
    const run = bulletin(a.cache, 'check', '--content', a.content);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /\S+bulletins\/misc\/notes\.txt:2:1: error\/no-year: the date '7月18日' has no year/);
    assert.match(run.stdout, /1 error\(s\)/);
  });

  test('a URL taken twice (what the build stops on) exits 1', () => {
    const b = tempArchive('check-url');
    after(() => cleanUp(b.root));
    mkdirSync(join(b.content, 'bulletins/2023'));
    mkdirSync(join(b.content, 'bulletins/other'));
    writeFileSync(join(b.content, 'bulletins/2023/2023-03-05-x.txt'), TEXTS.utf8);
    writeFileSync(join(b.content, 'bulletins/other/2023-03-05-x.txt'), TEXTS.gb18030.replace('2023年4月12日', '2023年3月5日'));
    const run = bulletin(b.cache, 'check', '--content', b.content);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, /archive: its URL \/2023\/03\/05\/x\/ is already taken/);
  });
});

describe('parse cache', () => {
  const dir = join(a.root, 'unit-cache');
  const file = join(a.root, '2023-03-05-cached.txt');
  test('a hit gives the same record as the parser, and a changed file is parsed again', () => {
    writeFileSync(file, TEXTS.utf8);
    const writer = new ParseCache(dir);
    const first = writer.parseFile(file);
    assert.equal(first.cached, false);
    writer.flush();
    const cache = new ParseCache(dir);
    const second = cache.parseFile(file);
    assert.equal(second.cached, true);
    assert.deepEqual(second.record, parseBulletinFile(file));
    writeFileSync(file, TEXTS.utf8.replace('春耕', '夏收'));
    const third = cache.parseFile(file);
    assert.equal(third.cached, false);
    assert.match(third.record!.text, /夏收/);
  });
  test('a failure is cached too, with the same reason and line', () => {
    const bad = join(a.root, 'undated.txt');
    writeFileSync(bad, '7月18日，区长林測甲主持召开区政府常务会议。\n');
    const writer = new ParseCache(dir);
    writer.parseFile(bad);
    writer.flush();
    const again = new ParseCache(dir).parseFile(bad);
    assert.equal(again.cached, true);
    assert.equal(again.error?.code, 'no-year');
    assert.equal(again.error?.line, 1);
  });
  test('an entry cut short by a crash is a miss: the file is parsed again and cached anew', () => {
    const torn = join(a.root, 'torn-cache');
    const writer = new ParseCache(torn);
    writer.parseFile(file);
    writer.flush();
    const [version] = readdirSync(torn);
    const [bucket] = readdirSync(join(torn, version!)).filter((f) => f.endsWith('.jsonl'));
    const path = join(torn, version!, bucket!);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, -40));
    const reader = new ParseCache(torn);
    const outcome = reader.parseFile(file);
    assert.equal(outcome.cached, false);
    assert.deepEqual(outcome.record, parseBulletinFile(file));
    reader.flush();
    assert.equal(new ParseCache(torn).parseFile(file).cached, true);
  });
  test('the same bulletin in either script has the same text key', () => {
    const cache = new ParseCache(undefined);
    const written = (name: string, text: string) => {
      const file = join(a.root, name);
      writeFileSync(file, text);
      return file;
    };
    const hans = cache.parseFile(written('2023-05-20-a.txt', TEXTS.big5.replace(/長樂新聞網訊/, '长乐新闻网讯')));
    const hant = cache.parseFile(written('2023-05-20-b.txt', TEXTS.big5));
    assert.equal(hans.textKey, hant.textKey);
  });
});
