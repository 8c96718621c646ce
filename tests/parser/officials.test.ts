// Phrase tests for the officials step: titles and names in every order, roles, and what is no official.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseText } from './helpers.ts';

const officials = (text: string) => parseText(`7月18日，${text}`).officials;
const brief = (text: string) => officials(text).map((o) => `${o.name}:${o.titles.join('/')}:${o.roles.join('/')}`);

describe('officials', () => {
  test('title then name', () => {
    assert.deepEqual(brief('区长林測甲主持召开区政府常务会议。'), ['林測甲:区长:chair']);
  });
  test('several titles for one person', () => {
    assert.deepEqual(brief('區政府黨組書記、區長林測甲主持召開區政府常務會議。'), ['林測甲:區政府黨組書記/區長:chair']);
  });
  test('one title for two people', () => {
    assert.deepEqual(brief('副市长方示乙、蔡样丙出席会议。'), ['方示乙:副市长:attendee', '蔡样丙:副市长:attendee']);
  });
  test('name then title', () => {
    assert.deepEqual(brief('会议传达学习习近平总书记重要讲话精神。'), ['习近平:总书记:mentioned']);
  });
  test('a chair from 会议由…主持', () => {
    assert.deepEqual(brief('虚构市委常委会召开会议，会议由市委书记欧阳假戊主持。'), ['欧阳假戊:市委书记:chair']);
  });
  test('a chair named without a title', () => {
    assert.deepEqual(brief('林測甲主持召开区政府常务会议。'), ['林測甲::chair']);
  });
  for (const verb of ['出席', '参加', '列席', '陪同']) {
    test(`attendees from ${verb}`, () => {
      assert.deepEqual(brief(`副区长王样乙、区政府办主任陈示丙${verb}会议。`), ['王样乙:副区长:attendee', '陈示丙:区政府办主任:attendee']);
    });
  }
  test('attendees listed with their own titles before one verb', () => {
    assert.deepEqual(brief('市委常委、政法委书记曹测甲，市委副书记、市长吴样乙出席会议并讲话。'),
      ['曹测甲:市委常委/政法委书记:attendee', '吴样乙:市委副书记/市长:attendee']);
  });
  test('two- and three-character names end at the word after them', () => {
    assert.deepEqual(brief('市长吴锦代表市委致辞，县长明进华主持会议，副县长万鼎等参加。').map((s) => s.split(':')[0]), ['吴锦', '明进华', '万鼎']);
  });
  test('a compound surname', () => {
    assert.deepEqual(brief('市委书记欧阳假戊出席。').map((s) => s.split(':')[0]), ['欧阳假戊']);
  });
  test('one person in both scripts is one official with a Simplified key', () => {
    const list = officials('區長廖測甲主持會議，区长廖测甲强调。');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.key, '廖测甲');
    assert.equal(list[0]!.name, '廖測甲');
  });
  test('the organisation prefix stops at 的', () => {
    assert.deepEqual(brief('参与起草的市基金会副秘书长胡测甲指出。'), ['胡测甲:市基金会副秘书长:mentioned']);
  });
  // Negative cases: no official here.
  for (const text of [
    '会议审议《福州市长乐区特色现代农业园区提升发展的措施办法》。',
    '在市委市政府的正确领导下，各项工作稳步推进。',
    '区委常委会会议精神。',
    '区长办公会议研究了其他事项。',
    '主任委员会召开。',
  ]) {
    test(`no official in: ${text}`, () => assert.deepEqual(brief(text), []));
  }
  test('the reporter is not an official', () => {
    assert.deepEqual(brief('区长林測甲主持会议。\n（记者 王样乙）'), ['林測甲:区长:chair']);
  });
});
