// Every real published text in shared/corpus/real parses, or fails with a clear BulletinError.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BulletinError, parseBulletinFile } from '../../src/parser/index.ts';
import { unlessShared } from '../helpers/shared.ts';

const REAL = '../shared/corpus/real';
const skip = unlessShared('corpus', 'real', 'raw-encodings');
const files = skip ? [] : [
  ...readdirSync(REAL).filter((f) => f.endsWith('.txt')).map((f) => join(REAL, f)),
  ...readdirSync(join(REAL, 'raw-encodings')).map((f) => join(REAL, 'raw-encodings', f)),
];

describe('real corpus', { skip }, () => {
  test('there are real texts to try', () => assert.ok(files.length >= 10));
  for (const file of files) {
    test(`${file} parses or fails clearly`, () => {
      try {
        const record = parseBulletinFile(file);
        assert.match(record.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(record.text.length > 0);
      } catch (error) {
        assert.ok(error instanceof BulletinError, `not a BulletinError: ${String(error)}`);
        assert.ok(error.message.startsWith(file));
        assert.ok(error.reason.length > 20);
      }
    });
  }
  test('the texts with a front-matter date parse, with their dates and kept provenance', () => {
    const r = parseBulletinFile(join(REAL, '007_huangshi_wuhuang_tongcheng_tuijiehui_2021-06-06.txt'));
    assert.equal(r.date, '2021-06-06');
    assert.equal(typeof r.provenance, 'string');
    assert.ok(r.officials.some((o) => o.name === '吴锦' && o.titles.includes('市长')));
  });
  test('the GB2312 raw page decodes as GB18030 and its date is read', () => {
    const r = parseBulletinFile(join(REAL, 'raw-encodings', 'eidors_checkResourcesFiles_hb-ws_detail-474.html'), { year: 2021 });
    assert.equal(r.source_file.encoding, 'gb18030');
    assert.equal(r.date, '2021-06-06');
  });
  test('a text dated only 12月20日 fails with a reason that says how to give the year', () => {
    assert.throws(() => parseBulletinFile(join(REAL, '006_shangrao_fushizhang_dudao_jindu_yushan_xinzhou.txt')), /--year/);
  });
});
