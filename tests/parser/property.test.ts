// Property tests (fast-check): no input makes the parser throw anything but its own BulletinError,
// and every Han character of the raw text (annotations aside) is kept in the clean text, in order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BulletinError, parseBulletin } from '../../src/parser/index.ts';
import { splitFrontMatter } from '../../src/parser/frontmatter.ts';
import { normalise } from '../../src/parser/normalise.ts';

// Pieces real bulletins are made of, noise included, so random inputs reach every rule.
const PIECES = [
  '長', '樂', '区', '區', '长', '會', '议', '議', '政', '府', '林', '測', '甲', '王', '样', '乙', '欧阳', '假', '戊',
  '(zhǎng)', '(qū)', '（huì yì）', '(擴大)', '(Digital Government)', 'EPC(', ')', '(', '（', '）',
  ',', ',,', ',。', ',、', '，', '。', '、', '；', '：', ':', ';', '——', '“', '”', '《', '》', '！', '?',
  ' ', '　', '\u00a0', '\n', '\r\n', '\n\n', '\t', '---\n', 'title: x\n', 'date: 2022-07-18\n', 'date: [\n',
  '7月18日', '2023年3月6日', '12月20日至21日', '二〇二二年七月十八日', '近日', '日前', '第17次', '第十七次',
  '区长', '區政府黨組書記', '副市长', '总书记', '主持召开', '主持召開', '常务会议', '党组（扩大）会议', '暨', '理论学习中心组学习会',
  '会议强调，', '會議要求——', '要', '一要', '二是', '出席', '陪同', '会议由', '主持', '在', '举行', '调研', '深入',
  '（记者 高维）', '(記者 蘇禾 許安)', '讯', '通讯员', 'ＶＩＰ', '２０１２', '1,000', '6.26', '<script>', '&amp;', '\u0000', '\ufeff',
];
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const bulletinText = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));
const hanOf = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).join('');

describe('parser properties', () => {
  test('any text: a record or a BulletinError, nothing else', () => {
    fc.assert(fc.property(bulletinText, fc.constantFrom('2022-07-18-x.txt', 'x.txt', '2019/x.txt'), (text, file) => {
      try {
        const record = parseBulletin(new TextEncoder().encode(text), file);
        assert.match(record.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.match(record.id, /^[a-z0-9-]+$/);
        for (const r of record.readings) assert.ok(r.offset >= 0 && r.offset < record.text.length);
      } catch (error) {
        if (!(error instanceof BulletinError)) throw error;
        assert.ok(error.message.startsWith(file), error.message);
      }
    }), { numRuns: 400 });
  });

  test('any bytes: a record or a BulletinError, nothing else', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      try {
        parseBulletin(bytes, '2022-07-18-x.txt');
      } catch (error) {
        if (!(error instanceof BulletinError)) throw error;
      }
    }), { numRuns: 300 });
  });

  test('normalise keeps every Han character, in order', () => {
    fc.assert(fc.property(bulletinText, (text) => {
      assert.equal(hanOf(normalise(text).text), hanOf(text));
    }), { numRuns: 600 });
  });

  test('a parsed record keeps every Han character of the body, in order', () => {
    fc.assert(fc.property(bulletinText, (text) => {
      let record;
      try {
        record = parseBulletin(new TextEncoder().encode(`7月18日，${text}`), '2022-07-18-x.txt');
      } catch (error) {
        if (error instanceof BulletinError) return;
        throw error;
      }
      const body = splitFrontMatter(`7月18日，${text}`.replace(/^\ufeff/, ''), 'x').body;
      // Annotations hold no Han characters, so the body's Han characters are exactly the clean text's.
      assert.equal(hanOf(record.text), hanOf(body));
    }), { numRuns: 400 });
  });

  test('every reading points at a Han character', () => {
    fc.assert(fc.property(bulletinText, (text) => {
      const r = normalise(text);
      for (const reading of r.readings) assert.match(r.text[reading.offset]!, /\p{Script=Han}/u);
    }), { numRuns: 400 });
  });
});
