// The user's bulletin, as the parser issue asks it to come out, checked fact by fact through the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import type { BulletinRecord } from '../../src/record.ts';
import { unlessShared } from '../helpers/shared.ts';

const SEED = '../shared/seeds/000_aff82dc70ec967be.txt';

function cli(...args: string[]) {
  const result = spawnSync('npm', ['run', '-s', 'bulletin', '--', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const skip = unlessShared('seeds', '000_aff82dc70ec967be.txt');

describe('the seed bulletin through `bulletin parse`', { skip }, () => {
  const run = skip ? undefined : cli('parse', '--year', '2022', SEED);
  const [seed] = run ? JSON.parse(run.stdout) as BulletinRecord[] : [];

  test('exits 0 with one JSON record on stdout and nothing on stderr', () => {
    assert.equal(run!.status, 0);
    assert.equal(run!.stderr, '');
    assert.ok(seed);
  });
  test('date, source, script', () => {
    assert.equal(seed!.date, '2022-07-18');
    assert.equal(seed!.source, '長樂新聞網');
    assert.equal(seed!.script, 'Hant');
  });
  test('two meetings with their kinds and number, both chaired by 廖海軍', () => {
    const [first, second] = seed!.meetings;
    assert.equal(seed!.meetings.length, 2);
    assert.equal(first!.name, '區政府黨組（擴大）會議暨區政府黨組理論學習中心組學習會');
    assert.deepEqual(first!.types, ['党组会议', '理论学习中心组学习会']);
    assert.equal(second!.name, '區政府今年第17次常務會議');
    assert.equal(second!.number, 17);
    assert.deepEqual(second!.types, ['常务会议']);
    for (const m of seed!.meetings) assert.deepEqual(m.chairs, ['廖海軍']);
  });
  test('officials 廖海軍 (chair) and 習近平 (mentioned)', () => {
    assert.deepEqual(seed!.officials, [
      { name: '廖海軍', key: '廖海军', titles: ['區政府黨組書記', '區長'], roles: ['chair'] },
      { name: '習近平', key: '习近平', titles: ['總書記'], roles: ['mentioned'] },
    ]);
  });
  test('12 directives, 6 per meeting, the last 要堅持用工業的思維抓農業', () => {
    assert.deepEqual(seed!.meetings.map((m) => m.directives.length), [6, 6]);
    assert.equal(seed!.meetings[1]!.directives.at(-1)!.heading, '要堅持用工業的思維抓農業');
  });
  test('documents and reporters', () => {
    assert.deepEqual(seed!.meetings.flatMap((m) => m.documents),
      ['總體國家安全觀學習綱要', '福州市長樂區特色現代農業（產業）園區提升發展的措施辦法']);
    assert.deepEqual(seed!.reporters, [{ name: '高維', role: '記者' }]);
  });
  test('clean text: no pinyin, no doubled punctuation, readings kept', () => {
    assert.doesNotMatch(seed!.text, /[a-zāáǎàēéěèīíǐìōóǒòūúǔù]{2,}/u);
    assert.doesNotMatch(seed!.text, /,|，，|，。|，、|[()]/u);
    assert.equal(seed!.readings.length, 309);
    assert.equal(seed!.text.slice(0, 5), '長樂新聞網');
    assert.deepEqual(seed!.readings.slice(0, 2), [{ offset: 0, pinyin: 'zhǎng' }, { offset: 1, pinyin: 'lè' }]);
  });
  test('the title is made from the chair and the meetings', () => {
    assert.equal(seed!.title, '廖海軍主持召開區政府黨組（擴大）會議和區政府常務會議');
  });
  test('source file: path, encoding and checksum', () => {
    assert.equal(seed!.source_file.path, SEED);
    assert.equal(seed!.source_file.encoding, 'utf-8');
    assert.match(seed!.source_file.sha256, /^[0-9a-f]{64}$/);
  });
});
