// Phrase tests for normalise.ts: pinyin readings, scraping noise, and what must stay as it is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalise, NORMALISE_RULES } from '../../src/parser/normalise.ts';

const clean = (s: string) => normalise(s).text;

describe('pinyin readings', () => {
  test('a reading after one character is removed and kept at that character', () => {
    const r = normalise('區(qū)長(zhǎng)廖海軍');
    assert.equal(r.text, '區長廖海軍');
    assert.deepEqual(r.readings, [{ offset: 0, pinyin: 'qū' }, { offset: 1, pinyin: 'zhǎng' }]);
  });
  test('a two-syllable reading belongs to the two characters before it', () => {
    const r = normalise('召開會議(huì yì)。');
    assert.equal(r.text, '召開會議。');
    assert.deepEqual(r.readings, [{ offset: 2, pinyin: 'huì yì' }]);
  });
  test('full-width parentheses and tone digits are readings too', () => {
    const r = normalise('長（zhang3）樂');
    assert.equal(r.text, '長樂');
    assert.deepEqual(r.readings, [{ offset: 0, pinyin: 'zhang3' }]);
  });
  test('offsets stay right after other rules change the text before them', () => {
    const r = normalise('　　書記,、區(qū)長(zhǎng)');
    assert.equal(r.text, '書記、區長');
    assert.deepEqual(r.readings.map((x) => r.text[x.offset]), ['區', '長']);
  });
  for (const [input, expected] of [
    ['EPC(工程總承包)', 'EPC（工程總承包）'],
    ['數字政府(Digital Government)', '數字政府（Digital Government）'],
    ['黨組(擴大)會議', '黨組（擴大）會議'],
    ['(記者 高維)', '（記者 高維）'],
    ['長(an)樂', '長（an）樂'],
    ['VIP(vip)', 'VIP(vip)'],
  ]) {
    test(`not a reading: ${input}`, () => {
      const r = normalise(input!);
      assert.equal(r.text, expected);
      assert.deepEqual(r.readings, []);
    });
  }
});

describe('scraping noise', () => {
  for (const [input, expected] of [
    ['會議,。', '會議。'],
    ['精神,,以及', '精神，以及'],
    ['書記,、區長', '書記、區長'],
    ['精神，,以及', '精神，以及'],
    ['7月18日,區政府', '7月18日，區政府'],
    ['發展:共同使命', '發展：共同使命'],
    ['“兩穩”,抓好', '“兩穩”，抓好'],
    ['上午, 黄石', '上午，黄石'],
    ['問題?對', '問題？對'],
    ['ＶＩＰ２０１２年', 'VIP2012年'],
    ['第一行\r\n第二行\r\n', '第一行\n第二行'],
    ['　　段落一\n\n\n　段落二　\n', '段落一\n段落二'],
    ['南都讯　记者刘凡　周昌和', '南都讯 记者刘凡 周昌和'],
    ['《条例》还提及，　过渡性', '《条例》还提及，过渡性'],
  ]) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(clean(input!), expected));
  }
});

describe('what stays', () => {
  for (const input of [
    '區政府系統各單位——',
    '“海絲文化”“僑鄉文化”',
    '1,000元',
    '12:30開會',
    '6.26服務中心',
    '1-5月考評',
    'Hello, world: yes; no',
    '示范區和征遷交地',
    '１０％．實踐',
  ]) {
    test(`${input} keeps its marks`, () => {
      const expected = input.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      assert.equal(clean(input), expected);
    });
  }
  test('the characters are not converted between scripts', () => {
    assert.equal(clean('示范區 征遷 区长'), '示范區 征遷 区长');
  });
  test('the rules run in the documented order, pinyin before parentheses', () => {
    assert.ok(NORMALISE_RULES.indexOf('pinyin-annotations') < NORMALISE_RULES.indexOf('fullwidth-parentheses'));
  });
  test('every clean character maps to a source index in order', () => {
    const raw = '長(zhǎng)樂,,新聞\r\n\r\n　網訊';
    const r = normalise(raw);
    for (let i = 1; i < r.sourceIndex.length; i++) assert.ok(r.sourceIndex[i]! >= r.sourceIndex[i - 1]!);
    for (let i = 0; i < r.text.length; i++) {
      if (/\p{Script=Han}/u.test(r.text[i]!)) assert.equal(raw[r.sourceIndex[i]!], r.text[i]);
    }
  });
});
