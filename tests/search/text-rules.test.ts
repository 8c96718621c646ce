// The search text rules (src/search/text-rules.ts): folding, pieces and bigram tokens, query parsing,
// the Pagefind plan of a term, matching, highlights, excerpts, and the browser's T→S table.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toSimplifiedAligned } from '../../src/parser/script.ts';
import { simplifiedPairs } from '../../src/search/catalogs.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../src/paths.ts';
import { unlessShared } from '../helpers/shared.ts';
import { classOf, classOfByRule, containsAll, excerpt, findAll, fold, foldCharByRule, highlights, indexText, parseQuery, pieces, pieceTokens, planTerm, simplifierFromPairs } from '../../src/search/text-rules.ts';

const s = toSimplifiedAligned;
const tokens = (text: string) => indexText(text, s);
const terms = (raw: string, names = [{ pinyin: ['liaohaijun'], keys: ['廖海军'] }]) => parseQuery(raw, s, names);
const matches = (text: string, query: string) => containsAll(fold(text, s), terms(query));

describe('the tokenizer\'s fast paths', () => {
  test('every BMP character folds and classifies as the general Unicode rules say', () => {
    const same = (text: string) => text;
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      assert.equal(fold(ch, same), foldCharByRule(ch), `fold U+${code.toString(16)}`);
      assert.equal(classOf(ch), classOfByRule(ch), `classOf U+${code.toString(16)}`);
    }
  });
});

describe('index tokens', () => {
  // indexText cuts the text in one pass; the query side uses pieces and pieceTokens. Both must agree.
  const byPieces = (text: string) => pieces(fold(text, s)).flatMap(pieceTokens).join(' ');
  test('indexText gives the tokens of pieces and pieceTokens, on random text', () => {
    const unit = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('中', '華', '人', ' ', '\u3000', '\n', '，', '。', 'a', 'Z', '7', '٣', 'é', 'ｖ', '𠀀', '〇', '-', '\t') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
    );
    fc.assert(fc.property(fc.array(unit, { maxLength: 60 }).map((u) => u.join('')), (text) => {
      assert.equal(indexText(text, s), byPieces(text));
    }), { numRuns: 3000 });
  });

  test('indexText gives the tokens of pieces and pieceTokens, on every real text', { skip: unlessShared('corpus', 'real') }, () => {
    const dir = join(ROOT, '../shared/corpus/real');
    const texts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    assert.ok(texts.length > 0);
    for (const text of texts) assert.equal(indexText(text, s), byPieces(text));
  });

  for (const [input, expected] of [
    ['中华人民', '中华 华人 人民'],
    ['人', '人'],
    ['中華人民共和國', '中华 华人 人民 民共 共和 和国'],
    ['常務會議', '常务 务会 会议'],
    ['對臺交流', '对台 台交 交流'],
    // Punctuation separates runs; no bigram spans it.
    ['穩字當頭、穩中求進。', '稳字 字当 当头 稳中 中求 求进'],
    // Spaces inside a Han run are dropped; a line break is not a space.
    ['國務院 辦公廳', '国务 务院 院办 办公 公厅'],
    ['國務院\n辦公廳', '国务 务院 办公 公厅'],
    // Latin and digits are words of their own, lower-cased, letters and digits apart.
    ['第17次常務會議', '第 17 次常 常务 务会 会议'],
    ['COVID-19疫情', 'covid 19 疫情'],
    ['covid19', 'covid 19'],
    // Full-width letters and digits are folded.
    ['ＧＤＰ增長２０２２', 'gdp 增长 2022'],
    ['「海絲文化」“僑鄉文化”', '海丝 丝文 文化 侨乡 乡文 文化'],
    ['', ''],
    ['，。、！', ''],
  ] as const) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(tokens(input), expected));
  }

  test('fold keeps the length, so offsets into the folded text are offsets into the original', () => {
    for (const text of ['廖海軍主持召開區政府常務會議', 'ＶＩＰ與𠀋字', 'ﬁ ligature and İ stay as they are']) {
      assert.equal(fold(text, s).length, text.length, text);
    }
  });

  test('Traditional and Simplified give the same tokens', () => {
    assert.equal(tokens('區長廖海軍主持召開區政府今年第17次常務會議'), tokens('区长廖海军主持召开区政府今年第17次常务会议'));
  });
});

describe('the browser\'s Traditional → Simplified table', () => {
  test('converts exactly as the build does, character by character', () => {
    const browser = simplifierFromPairs(simplifiedPairs());
    const sample = '長樂新聞網訊 區政府黨組書記、區長廖海軍主持召開區政府黨組（擴大）會議暨學習會。對臺交流，臺灣青年，乾隆，後來，髮型，著作。简体保持不变。';
    assert.equal(browser(sample), toSimplifiedAligned(sample));
    assert.equal(browser('對臺交流'), '对台交流');
  });
});

describe('parseQuery', () => {
  test('words at spaces, phrases in quotes of any kind', () => {
    assert.deepEqual(terms('政府 香蕉').map((t) => t.alternatives), [['政府'], ['香蕉']]);
    assert.deepEqual(terms('"全面 融入" 對臺').map((t) => t.alternatives), [['全面融入'], ['对台']]);
    assert.deepEqual(terms('「對臺交流」 “常務會議”').map((t) => t.alternatives), [['对台交流'], ['常务会议']]);
    assert.deepEqual(terms('＂對臺交流＂').map((t) => t.alternatives), [['对台交流']]);
  });

  test('Traditional and Simplified queries give the same terms', () => {
    assert.deepEqual(terms('廖海軍 常務會議').map((t) => t.alternatives), terms('廖海军 常务会议').map((t) => t.alternatives));
  });

  test('an official spelt in pinyin, joined or spaced, becomes their name', () => {
    for (const q of ['liao haijun', 'liaohaijun', 'Liao Hai Jun', 'LIAO-HAIJUN']) {
      const [term] = terms(q);
      assert.deepEqual(term?.alternatives, ['廖海军'], q);
      assert.equal(term?.pinyin, true);
    }
    assert.deepEqual(terms('liao haijun 對臺').map((t) => t.alternatives), [['廖海军'], ['对台']]);
  });

  test('pinyin shared by several people matches any of them', () => {
    const [term] = terms('wang wei', [{ pinyin: ['wangwei'], keys: ['王伟'] }, { pinyin: ['wangwei'], keys: ['汪薇'] }]);
    assert.deepEqual(term?.alternatives, ['王伟', '汪薇']);
  });

  test('Latin words that are no one\'s name stay words', () => {
    assert.deepEqual(terms('liao GDP').map((t) => [t.alternatives, t.pinyin]), [[['liao'], false], [['gdp'], false]]);
  });

  test('punctuation-only words and repeated terms vanish', () => {
    assert.deepEqual(terms('， 。 對臺 对台').map((t) => t.alternatives), [['对台']]);
    assert.deepEqual(terms(''), []);
    assert.deepEqual(terms('""'), []);
  });
});

describe('planTerm', () => {
  for (const [query, queries, exact] of [
    ['對臺交流', ['"对台 台交 交流"'], true],
    ['政府', ['"政府"'], true],
    ['GDP', ['"gdp"'], true],
    ['COVID-19疫情', ['"covid 19 疫情"'], true],
    // One Han character between two words is a run of its own in the text too.
    ['7月18', ['"7 月 18"'], true],
    // At a term's edge its token depends on the text (年第 or 第): left out, checked later.
    ['第17次', ['"17"'], false],
    ['7月18日', ['"7 月 18"'], false],
    // Punctuation in a term: the runs on either side stay apart, as in the index.
    ['穩字當頭、穩中求進', ['"稳字 字当 当头 稳中 中求 求进"'], true],
    ['"全面 融入"', ['"全面 面融 融入"'], true],
    // A single character is a prefix of the bigrams that start with it.
    ['第', ['第'], false],
  ] as const) {
    test(`${query} → ${queries.join(' & ')}${exact ? '' : ' (checked)'}`, () => {
      const [term] = terms(query);
      assert.deepEqual(planTerm(term!.alternatives[0]!), { queries, exact });
    });
  }
});

describe('matching', () => {
  const text = '區長廖海軍主持召開區政府今年第17次常務會議，要深化對臺交流。GDPR 2017年';
  test('a term matches in either script', () => {
    for (const q of ['廖海軍', '廖海军', '常務會議', '常务会议', '對臺交流', '对台交流', '"對臺交流"', '第17次', 'liao haijun']) assert.ok(matches(text, q), q);
  });
  test('every term must match', () => {
    assert.equal(matches(text, '政府 香蕉'), false);
    assert.equal(matches(text, '香蕉'), false);
    assert.equal(matches(text, '政府 常務'), true);
  });
  test('a phrase does not match across a break the query does not have', () => {
    assert.equal(matches('會議強調，要堅持', '強調要堅持'), false);
    assert.equal(matches('會議強調，要堅持', '強調，要堅持'), true);
  });
  test('words and numbers match whole', () => {
    assert.equal(matches(text, 'gdp'), false);
    assert.equal(matches(text, 'gdpr'), true);
    assert.equal(matches(text, '17'), true);
    assert.equal(matches(text, '201'), false);
  });
  test('findAll gives offsets into the original text', () => {
    const found = findAll(fold(text, s), '廖海军').map(([a, b]) => text.slice(a, b));
    assert.deepEqual(found, ['廖海軍']);
    assert.deepEqual(findAll(fold('國務院 辦公廳', s), '国务院办公厅').map(([a, b]) => [a, b]), [[0, 7]]);
  });
});

describe('highlights and excerpts', () => {
  test('matches are sorted and merged where they overlap or touch', () => {
    const text = '對臺交流和對臺合作';
    const marks = highlights(fold(text, s), terms('對臺 臺交流 合作'));
    assert.deepEqual(marks.map(([a, b]) => text.slice(a, b)), ['對臺交流', '對臺合作']);
  });
  test('the passage holds the first match, starts at a line start close before it, and keeps its marks', () => {
    const text = `${'甲'.repeat(200)}\n第二段要深化對臺交流。${'乙'.repeat(200)}`;
    const marks = highlights(fold(text, s), terms('對臺交流'));
    const part = excerpt(text, marks, 60);
    assert.equal(text[part.start - 1], '\n');
    assert.equal(part.end - part.start, 60);
    const inside = text.slice(part.start, part.end);
    assert.deepEqual(part.marks.map(([a, b]) => inside.slice(a, b)), ['對臺交流']);
  });
  test('without a match the passage is the text\'s start', () => {
    assert.deepEqual(excerpt('一二三四五', [], 3), { start: 0, end: 3, marks: [] });
  });
});
