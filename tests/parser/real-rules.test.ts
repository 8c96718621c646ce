// Phrase tests for the rules tuned on real bulletins: each kind of failure seen in real text, with
// negative cases (shared/corpus/annotated is the development set; these keep each rule honest).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ParseOptions } from '../../src/parser/index.ts';
import { parseText } from './helpers.ts';

const parse = (text: string, options: ParseOptions = { year: 2022 }) => parseText(text, 'bulletin.txt', options);
const meetings = (text: string) => parse(text).meetings;
const names = (text: string) => parse(text).officials.map((o) => o.name);

describe('meetings on real text', () => {
  test('chair after the meeting: 会议由某某主持; a place between name and 主持', () => {
    assert.deepEqual(meetings('7月18日，区政府召开第3次常务会议。会议由区长林测甲主持。')[0]!.chairs, ['林测甲']);
    assert.deepEqual(meetings('7月18日，区长林测甲同志在二楼会议室主持召开区政府常务会议。')[0]!.chairs, ['林测甲']);
  });
  test('由某某主持的「专组」第二次会议, and its number', () => {
    const [m] = meetings('7月18日，司长王样乙出席由副司长林测甲主持的「地区治理专组」第二次会议。');
    assert.equal(m!.number, 2);
    assert.deepEqual(m!.chairs, ['林测甲']);
  });
  test('A和B is two meetings, A暨B one', () => {
    assert.equal(meetings('7月18日，区长林测甲主持召开区政府党组会议和区政府第21次常务会议。').length, 2);
    assert.deepEqual(meetings('7月18日，区长林测甲主持召开区政府党组会议暨理论学习中心组学习会。').map((m) => m.types), [['党组会议', '理论学习中心组学习会']]);
  });
  test('a headline that repeats the first sentence is no second meeting, and is the title', () => {
    const r = parse('示例县召开县委常委会\n7月18日，县委书记林测甲主持召开县委常委会。');
    assert.equal(r.meetings.length, 1);
    assert.equal(r.title, '示例县召开县委常委会');
    assert.equal(r.origin.title, 'text');
  });
  test('会后，…召开了… is a second event', () => {
    assert.equal(meetings('7月18日，镇长林测甲主持召开全镇工作会议。\n会后，组织召开了全镇干部警示教育大会。').length, 2);
  });
  test('not meetings: 是在…召开的一次重要会议, 召开好…, 研究了召开…事宜, 会在…举行, 各村…召开', () => {
    for (const text of [
      '7月18日，区长林测甲主持召开区政府常务会议。\n林测甲指出，这是在关键节点召开的一次重要会议。',
      '7月18日，区长林测甲主持召开区政府常务会议。\n林测甲要求，确保召开好区人大五次会议。',
      '7月18日，区长林测甲主持召开区政府常务会议。\n会议研究了召开县十七届人大二次会议有关事宜。',
      '7月18日，区长林测甲主持召开区政府常务会议。\n她续说会在2月4日举行另一场大型简介会。',
      '7月18日，区长林测甲主持召开区政府常务会议。\n各村在会后积极行动，及时召开村民代表大会。',
    ]) assert.equal(meetings(text).length, 1, text);
  });
  test('numbers: 九届二十四次, 第 32 次, and never the session of another meeting', () => {
    assert.equal(meetings('7月18日，县政协主席林测甲主持召开县政协九届二十四次主席会议。')[0]!.number, 24);
    assert.equal(meetings('7月18日，市长林测甲主持召开第十六届人民政府第 32 次常务会议。')[0]!.number, 32);
    assert.equal(meetings('7月18日，县十五届人大三次会议大会主席团第二次会议召开。')[0]!.number, 2);
    assert.equal(meetings('7月18日，县政协十一届一次会议举行预备会议。')[0]!.number, null);
  });
  test('a line break inside the sentence; …中心组开展集体学习; an unlisted kind from the name\'s last word', () => {
    assert.equal(meetings('7月18日，区长林测甲主持召开\n区政府第3次常务会议。')[0]!.number, 3);
    assert.deepEqual(meetings('7月18日，区委理论学习中心组开展集体学习，区委书记林测甲主持。')[0]!.types, ['理论学习中心组学习会']);
    const r = parse('7月18日，副县长林测甲主持召开全县招商引资推介会。');
    assert.deepEqual(r.meetings[0]!.types, ['推介会']);
    assert.ok(r.needs_review.some((i) => i.field === 'meetings[0].types'), 'a kind read from a name is for review');
  });
  test('form-style minutes: 会议名称：, 主持人：, 出席人员： on lines of their own', () => {
    const [m] = meetings('会议名称：区政府第5次常务会议\n会议时间：2022年7月18日\n主持人：林测甲\n出席人员：王样乙、陈测丙\n会议研究了防汛工作。');
    assert.equal(m!.number, 5);
    assert.deepEqual(m!.chairs, ['林测甲']);
    assert.deepEqual(m!.attendees, ['王样乙', '陈测丙']);
  });
  test('a meeting held during a visit is part of it; a follow-up after 会后 is its own event', () => {
    assert.deepEqual(meetings('今天（5月18日）上午，区长林测甲带队赴区发改委开展工作调研，并召开座谈会，听取汇报。').map((m) => m.types), [['调研']]);
    assert.deepEqual(meetings('7月18日，镇长林测甲主持召开镇人民代表大会。\n会后，全体代表还就游园建设开展视察活动。').map((m) => m.types[0]), ['人民代表大会', '视察']);
  });
  test('not meetings: one still to come (将由主席团主持…会议), one attended elsewhere (参加…代表团时)', () => {
    assert.equal(meetings('7月18日，县长林测甲主持召开预备会议。\n推选主席团后，将由主席团主持市第九届人民代表大会第三次会议。').length, 1);
    const r = parse('7月18日，镇长林测甲主持召开镇党委中心组学习会。\n会议传达学习了习近平总书记参加甘肃代表团时的重要讲话精神。');
    assert.deepEqual(r.meetings[0]!.attendees, []);
  });
  test('two meetings in one paragraph: the second starts at its own sentence, the first keeps its chair', () => {
    const list = meetings('7月18日，县政协十届三次会议举行召集人会议。县政协主席林测甲主持会议。会后，各界别委员召开分组会议。');
    assert.deepEqual(list.map((m) => [m.types[0], m.chairs]), [['召集人会议', ['林测甲']], ['分组会议', []]]);
    const shared = meetings('7月18日，区长林测甲主持召开区政府常务会议，随后召开春耕工作碰头会。');
    assert.deepEqual(shared.map((m) => m.chairs), [['林测甲'], ['林测甲']], 'one sentence convening both shares its chair');
  });
  test('Taiwan: 工作會報, held on a day at a place; 由縣長…親自主持', () => {
    const r = parse('縣府第4次主管工作會報  發布日期：2014-07-21\n縣府103年第4次主管工作會報，21日上午9時在縣府第3會議室舉行，由縣長王測甲親自主持。', {});
    assert.equal(r.date, '2014-07-21');
    assert.deepEqual(r.meetings.map((m) => [m.number, m.chairs]), [[4, ['王測甲']]]);
  });
  test('an event organised by an organ needs nobody named: 牌头镇组织人大代表视察…', () => {
    assert.deepEqual(meetings('4月27日，某镇组织部分市县人大代表视察全镇工作运行情况。').map((m) => m.types), [['视察']]);
    assert.deepEqual(meetings('4月27日，天气晴好，代表们视察工作。').map((m) => m.types), [], 'without an organiser or a leader there is no event');
  });
  test('a meeting of two sides: 与…会面, with no chair', () => {
    const [m] = meetings('7月18日，区议会正副主席与民政事务局局长徐英伟会面。');
    assert.deepEqual([m!.types, m!.chairs], [['会面'], []]);
  });
  test('events without a meeting name: an inspection led by someone, a review by a delegation', () => {
    assert.deepEqual(meetings('7月18日，县长林测甲督导检查防汛工作。')[0]!.types, ['督导检查']);
    assert.deepEqual(meetings('7月18日，市委书记林测甲来到川汇区代表团，与代表共同审议政府工作报告。')[0]!.types, ['代表团审议']);
    assert.deepEqual(meetings('7月18日，天气晴好，检查工作顺利。'), []);
  });
});

describe('directives as a careful reader counts them', () => {
  const count = (text: string) => meetings(`7月18日，区长林测甲主持召开区政府常务会议。\n${text}`)[0]!.directives.length;
  test('each 要 sentence or ；-clause of a 强调 passage is one; consecutive ones are never merged', () => {
    assert.equal(count('会议强调，要抓好春耕；要加强水利。要强化监管，确保安全。'), 3);
  });
  test('一要…二要…, 一是…, （一）, 第一，; an agenda is no directive', () => {
    assert.equal(count('林测甲讲了三点意见：一要统一思想；二要把握重点；三要加强领导。'), 3);
    assert.equal(count('会议要求，（一）抓落实；（二）抓督查。'), 2);
    assert.equal(count('会议议程分为两项：一是听取报告；二是选举镇长。'), 0);
  });
  test('not heads: 重要讲话, 第一要务, 需要, 要求 alone, a quoted slogan', () => {
    assert.equal(count('会议强调，发展是第一要务，这是重要讲话的精神，需要长期坚持。'), 0);
    assert.equal(count('会议强调，坚决贯彻“疫情要防住、经济要稳住”重要要求。'), 0);
  });
  test('a byline never ends up inside a directive', () => {
    const d = meetings('7月18日，区长林测甲主持召开区政府常务会议。\n会议强调，要抓好落实。（记者 王样乙）')[0]!.directives;
    assert.equal(d.length, 1);
    assert.ok(!d[0]!.text.includes('记者'));
  });
});

describe('officials on real text', () => {
  test('place prefixes and Hong Kong, Taiwan titles', () => {
    const r = parse('7月18日，秦安县委书记王样乙主持召开县委常委会议。政务司司长林郑月娥、议长林测甲出席。');
    assert.deepEqual(r.officials.find((o) => o.name === '王样乙')!.titles, ['秦安县委书记']);
    assert.ok(r.officials.some((o) => o.name === '林郑月娥' && o.titles.includes('政务司司长')));
    assert.ok(r.officials.some((o) => o.name === '林测甲' && o.titles.includes('议长')));
  });
  test('every member of an 出席/列席 list, titled or not, and a group after it', () => {
    const r = parse('7月18日，县长王样乙主持召开县政府常务会议。郑测甲、谢测乙、池测丙等常委会领导出席会议，县政协主席周测丁及有关部门负责人列席会议。');
    assert.deepEqual(r.meetings[0]!.attendees, ['郑测甲', '谢测乙', '池测丙', '周测丁']);
  });
  test('never 应邀, 常务, 各副县长, or a name inside a place (南京市长江大桥)', () => {
    const list = names('7月18日，县长王样乙应邀出席会议，各副县长参加。常务副县长林测甲在南京市长江大桥调研。');
    for (const not of ['应邀', '常务', '各副县长', '江大桥']) assert.ok(!list.includes(not), `${not} in ${list.join(',')}`);
  });
  test('given names with 会, 书 or 任 (汤会礼, 王成书), never a word (王书记); a title inside an organ\'s name', () => {
    assert.deepEqual(names('7月18日，县政协主席汤会礼主持召开主席会议，副主席王成书、华开锋参加会议。'), ['汤会礼', '王成书', '华开锋']);
    assert.ok(!names('7月18日，王书记主持召开县委常委会。').includes('王书记'));
    const r = parse('7月18日，受市委书记、市人大常委会党组书记、主任马正勇委托，副主任余其豹主持会议。');
    assert.deepEqual(r.officials.find((o) => o.name === '马正勇')!.titles, ['市委书记', '市人大常委会党组书记', '主任']);
  });
  test('a list of three or more names without titles, and a name before 在主席台', () => {
    assert.deepEqual(names('7月18日，会议推定马测甲、王测乙、罗测丙为主席团常务主席。'), ['马测甲', '王测乙', '罗测丙']);
    assert.deepEqual(parse('7月18日，副主任杨测甲、成测乙、申测丙在主席台就座。').officials.map((o) => o.titles), [['副主任'], ['副主任'], ['副主任']]);
  });
  test('compound titles split into a list: 县长兼开发区党工委书记', () => {
    assert.deepEqual(parse('7月18日，县长兼开发区党工委书记林测甲主持召开县政府常务会议。').officials[0]!.titles, ['县长', '开发区党工委书记']);
  });
  test('a name whose last character is 和 or 与, and 和 between two names', () => {
    assert.ok(names('7月18日，副县长王建和出席会议。').includes('王建和'));
    assert.deepEqual(names('7月18日，副县长王建和林测甲出席会议。').slice(0, 2), ['王建', '林测甲']);
  });
  test('a two-character name before a two-character word: 徐望来到', () => {
    assert.ok(names('7月18日，县委书记徐望来到县政协委员驻地看望慰问委员。').includes('徐望'));
  });
});

describe('reporters, sources and dates on real text', () => {
  const reporters = (last: string) => parse(`7月18日，区长林测甲主持召开区政府常务会议。\n${last}`).reporters.map((r) => r.name);
  test('bylines: 全媒体记者：甲 乙, 见习记者, 记者 with a space, names run together, 顾 辉', () => {
    assert.deepEqual(reporters('全媒体记者：王勃 陶然\n编辑：付波'), ['王勃', '陶然']);
    assert.deepEqual(reporters('（记 者：吴阳金 见习记者 汪子妍）'), ['吴阳金', '汪子妍']);
    assert.deepEqual(parse('本报讯（通讯员戴忠祥邱新玲）7月18日，区长林测甲主持召开区政府常务会议。').reporters.map((r) => r.name), ['戴忠祥', '邱新玲']);
    assert.deepEqual(reporters('张慧君 顾 辉'), ['张慧君', '顾 辉']);
  });
  test('记者X/综合报导 on a line, 文章作者： in the page\'s meta line, the dateline\'s byline below a headline', () => {
    assert.deepEqual(parse('记者吕测甲/综合报导\n7月18日，县长林测甲主持召开县务会议。').reporters.map((r) => r.name), ['吕测甲']);
    assert.deepEqual(parse('某乡召开人民代表大会\n文章来源：民权网 文章作者：王测丁 责任编辑：薛测戊\n7月18日，乡人民代表大会召开。').reporters.map((r) => r.name), ['王测丁']);
    assert.deepEqual(parse('某县召开常委会议\n云上通城讯 记者张测甲报道：7月18日，县委常委会议召开。').reporters.map((r) => r.name), ['张测甲']);
  });
  test('an outlet or an editor is no reporter', () => {
    assert.deepEqual(reporters('记者：武测甲\n摄影：王测乙\n编辑：干测丙'), ['武测甲']);
    assert.deepEqual(reporters('（西王镇 周雷）'), ['周雷']);
    assert.deepEqual(reporters('（区政协办 撰稿：张薇 审核：操琼）'), ['张薇']);
  });
  test('sources: 来源：, 新闻来源：; 本报讯 names no outlet', () => {
    assert.equal(parse('示例县召开常委会\n来源：示例宣传 | 作者：甲\n7月18日，县委书记林测甲主持召开县委常委会。').source, '示例宣传');
    assert.equal(parse('7月18日，县委书记林测甲主持召开县委常委会。\n新闻来源：华视新闻').source, '华视新闻');
    assert.equal(parse('本报讯 7月18日，县委书记林测甲主持召开县委常委会。').source, '');
  });
  test('dates: ISO in the text, ROC years, the page date when the dateline has only a day', () => {
    assert.equal(parse('2023-05-06，县委书记林测甲主持召开县委常委会。', {}).date, '2023-05-06');
    assert.equal(parse('民國112年3月6日，市長林測甲主持市政會議。', {}).date, '2023-03-06');
    const r = parse('常务会议召开\n日期: 2019-12-26\n25日，市长林测甲主持召开常务会议。', {});
    assert.equal(r.date, '2019-12-25');
    assert.equal(r.origin.date, 'text');
  });
  test('a wire\'s dateline gives way to the event\'s date; a day in brackets takes the page date\'s month', () => {
    assert.equal(parse('中新网山西新闻11月8日电 (通讯员 李测甲)11月5日，县政协党组召开（扩大）会议。', { year: 2021 }).date, '2021-11-05');
    assert.equal(parse('金门县政府（19）日召开检讨会议，由副县长陈测甲主持。\n- 2025-12-20', {}).date, '2025-12-19');
  });
  test('--date dates a text that gives none, and never overrides a date in the text', () => {
    const undated = parse('区议会召开首次会议，民主党林测甲当选主席。', { date: '2020-01-02' });
    assert.deepEqual([undated.date, undated.origin.date], ['2020-01-02', 'flag']);
    assert.equal(parse('2023年3月6日，县委书记林测甲主持召开县委常委会。', { date: '2020-01-02' }).date, '2023-03-06');
  });
  test('the page date is no dateline: 发布时间 above 7月2日 gives 7月2日', () => {
    assert.equal(parse('第36次县长办公会议召开\n发布时间：2020年07月03日\n7月2日下午，县长林测甲主持召开第36次县长办公会议。', {}).date, '2020-07-02');
  });
});

describe('needs_review', () => {
  test('a meeting without a chair, a year from --year and a made-up title are listed; a stated field is not', () => {
    const r = parse('7月18日，区政府召开常务会议。');
    assert.deepEqual(r.needs_review.map((i) => i.field).sort(), ['date', 'meetings[0].chairs', 'title']);
    const stated = parseText('示例区召开常务会议\n2022年7月18日，区长林测甲主持召开区政府常务会议。');
    assert.deepEqual(stated.needs_review, []);
  });
});
