// Phrase tests for meetings, directives, documents, reporters and source.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { meetingTypes } from '../../src/parser/steps/meetings.ts';
import { parseText } from './helpers.ts';

const meetings = (text: string) => parseText(`7月18日，${text}`).meetings;

describe('meeting kinds', () => {
  for (const [name, types] of [
    ['区政府今年第17次常务会议', ['常务会议']],
    ['区政府党组（扩大）会议暨区政府党组理论学习中心组学习会', ['党组会议', '理论学习中心组学习会']],
    ['区委常委会会议', ['常委会会议']],
    ['虚构市委常委会第十二次会议', ['常委会会议']],
    ['区政府第三次全体会议', ['全体会议']],
    ['全区经济工作会议', ['工作会议']],
    ['防汛工作领导小组会议', ['领导小组会议']],
    ['安全生产联席会议', ['联席会议']],
    ['乡村振兴专题会议', ['专题会议']],
    ['产业投资推介会', ['推介会']],
    ['区政府第五次会议', []],
  ] as const) {
    test(`${name} → ${types.join(', ') || '(none)'}`, () => assert.deepEqual(meetingTypes(name), types));
  }
});

describe('meetings', () => {
  test('one 主持召开 sentence is one meeting, with number, chair and date', () => {
    const [m, ...rest] = meetings('区长林測甲主持召开区政府今年第17次常务会议。');
    assert.equal(rest.length, 0);
    assert.equal(m!.name, '区政府今年第17次常务会议');
    assert.equal(m!.number, 17);
    assert.deepEqual(m!.chairs, ['林測甲']);
    assert.equal(m!.date, '2022-07-18');
  });
  test('第十七次 in Chinese numerals', () => {
    assert.equal(meetings('区长林測甲主持召开区政府第十七次常务会议。')[0]!.number, 17);
  });
  test('a meeting only referred to is not one of the bulletin', () => {
    assert.deepEqual(meetings('会议传达学习了区委常委会会议精神。'), []);
  });
  test('two meetings, each with its own directives and documents', () => {
    const list = meetings([
      '区长林測甲主持召开区政府党组会议。',
      '会议学习《示例纲要》。',
      '会议强调，要抓好学习。',
      '7月18日，区长林測甲主持召开区政府常务会议。',
      '会议审议《示例办法》。',
      '会议要求，要抓好落实；要加强督查。',
    ].join('\n'));
    assert.equal(list.length, 2);
    assert.deepEqual(list.map((m) => m.documents), [['示例纲要'], ['示例办法']]);
    assert.deepEqual(list.map((m) => m.directives.map((d) => d.heading)), [['要抓好学习'], ['要抓好落实', '要加强督查']]);
  });
  test('a meeting held somewhere: …会在…举行', () => {
    const [m] = meetings('虚构市产业投资推介会在示例区举行，副市长何测甲主持。');
    assert.equal(m!.name, '虚构市产业投资推介会');
  });
  test('a visit: 深入…调研', () => {
    const [m] = meetings('副市长陈示丙深入样板县调研禁毒工作。');
    assert.deepEqual(m!.types, ['调研']);
    assert.deepEqual(m!.chairs, ['陈示丙']);
  });
});

describe('directives', () => {
  const directives = (text: string) => meetings(`区长林測甲主持召开区政府常务会议。\n${text}`)[0]!.directives;
  test('paragraphs after 会议强调，…——', () => {
    const d = directives('会议强调，各单位——\n要坚持开放。以开放促发展。\n要建设强区，深入挖掘资源。\n会议还研究了其他事项。');
    assert.deepEqual(d, [
      { heading: '要坚持开放', text: '要坚持开放。以开放促发展。' },
      { heading: '要建设强区', text: '要建设强区，深入挖掘资源。' },
    ]);
  });
  test('paragraphs after 会议要求——', () => {
    assert.equal(directives('会议要求——\n要一。\n要二。\n要三。').length, 3);
  });
  test('inline, separated by ；', () => {
    assert.deepEqual(directives('会议强调，要抓好春耕；要加强水利；要强化监管。').map((d) => d.heading), ['要抓好春耕', '要加强水利', '要强化监管']);
  });
  test('a single inline item keeps its whole text', () => {
    assert.deepEqual(directives('会议强调，要坚持用工业的思维抓农业，全面布局。'), [
      { heading: '要坚持用工业的思维抓农业', text: '要坚持用工业的思维抓农业，全面布局。' },
    ]);
  });
  test('一要/二要/三要', () => {
    assert.deepEqual(directives('会议指出，一要保持态势。二要压实责任。三要建立机制。').map((d) => d.heading), ['一要保持态势', '二要压实责任', '三要建立机制']);
  });
  test('一是/二是, inline', () => {
    assert.deepEqual(directives('会议要求，一是要强化担当，坚决扛起责任；二是要狠抓落实。').map((d) => d.heading), ['一是要强化担当', '二是要狠抓落实']);
  });
  test('not directives: 会议指出 without 要, and 要求 inside a sentence', () => {
    assert.deepEqual(directives('会议指出，今年以来全区经济运行平稳。\n坚决贯彻重要要求，突出重点。'), []);
  });
});

describe('reporters', () => {
  const reporters = (last: string) => parseText(`7月18日，区长林測甲主持召开区政府常务会议。\n${last}`).reporters;
  test('（記者 高維）', () => assert.deepEqual(reporters('（記者 高維）'), [{ name: '高維', role: '記者' }]));
  test('（记者 林晓 通讯员 何正）', () => {
    assert.deepEqual(reporters('（记者 林晓 通讯员 何正）'), [{ name: '林晓', role: '记者' }, { name: '何正', role: '通讯员' }]);
  });
  test('(記者 蘇禾 許安)', () => {
    assert.deepEqual(reporters('(記者 蘇禾 許安)'), [{ name: '蘇禾', role: '記者' }, { name: '許安', role: '記者' }]);
  });
  test('bare names on the last line', () => {
    assert.deepEqual(reporters('高维 林晓'), [{ name: '高维', role: '' }, { name: '林晓', role: '' }]);
  });
  test('a byline after the dateline', () => {
    const r = parseText('南都讯　记者刘凡　周昌和　继推出日票后，7月5日起施行。', '2012/a.txt');
    assert.deepEqual(r.reporters.map((p) => p.name), ['刘凡', '周昌和']);
    assert.equal(r.source, '南都');
  });
  test('no byline: a last sentence is not a name', () => {
    assert.deepEqual(reporters('会议还研究了其他事项。'), []);
  });
});

describe('source', () => {
  test('長樂新聞網訊 7月18日', () => assert.equal(parseText('長樂新聞網訊 7月18日，區長林測甲主持會議。').source, '長樂新聞網'));
  test('no dateline: empty source', () => assert.equal(parseText('7月18日，区长林測甲主持会议。').source, ''));
  test('a front-matter source wins', () => {
    const r = parseText('---\nsource: 示例日报\n---\n長樂新聞網訊 7月18日，區長林測甲主持會議。');
    assert.equal(r.source, '示例日报');
    assert.equal(r.origin.source, 'front-matter');
  });
});
