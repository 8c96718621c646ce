// Front matter: overrides (meetings included), extra keys kept, and clear errors for malformed blocks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { BulletinError } from '../../src/parser/index.ts';
import { COMPUTED_FIELDS, OVERRIDABLE_FIELDS } from '../../src/parser/overrides.ts';
import { RECORD_FIELDS } from '../../src/record.ts';
import { parseText } from './helpers.ts';

const BODY = '7月18日，区长林測甲主持召开区政府常务会议。\n（记者 高维）\n';

describe('front matter', () => {
  test('title, source, officials and reporters override the text; other keys are kept', () => {
    const r = parseText(`---\ntitle: 自定標題\nsource: 示例日报\nofficials: [王样乙]\nreporters:\n  - name: 林晓\n    role: 通讯员\nprovenance: scraped\nreceived: { encoding: gb18030 }\n---\n${BODY}`);
    assert.equal(r.title, '自定標題');
    assert.equal(r.source, '示例日报');
    assert.deepEqual(r.officials, [{ name: '王样乙', key: '王样乙', titles: [], roles: ['mentioned'] }]);
    assert.deepEqual(r.reporters, [{ name: '林晓', role: '通讯员' }]);
    assert.equal(r.provenance, 'scraped');
    assert.deepEqual(r.received, { encoding: 'gb18030' });
    for (const field of ['title', 'source', 'officials', 'reporters']) assert.equal(r.origin[field], 'front-matter');
    assert.equal(r.origin.meetings, 'text');
  });
  test('an official named in front matter keeps the titles the text gave', () => {
    const r = parseText(`---\nofficials: [林測甲]\n---\n${BODY}`);
    assert.deepEqual(r.officials[0]!.titles, ['区长']);
  });
  test('malformed YAML is an error with its line', () => {
    assert.throws(() => parseText(`---\ntitle: ok\ntags: [a\nsource: b\n---\n${BODY}`, '2022/bad.txt'), (e: unknown) => {
      assert.ok(e instanceof BulletinError);
      assert.equal(e.code, 'front-matter');
      assert.equal(e.line, 4);
      assert.match(e.message, /^2022\/bad\.txt:4: .*not valid YAML/);
      return true;
    });
  });
  test('a field of the wrong shape is an error naming the field', () => {
    assert.throws(() => parseText(`---\nofficials: 7\n---\n${BODY}`), /front-matter field 'officials' is not valid/);
    assert.throws(() => parseText(`---\nscript: Latn\n---\n${BODY}`), /field 'script'/);
  });
  test('a computed field in front matter is ignored with a warning', () => {
    const r = parseText(`---\ntext: replaced\n---\n${BODY}`);
    assert.match(r.text, /^7月18日/);
    assert.ok(r.warnings.some((w) => w.rule === 'front-matter/ignored'));
  });
  test('a file that only looks like it opens a block is text', () => {
    const r = parseText(`--- 7月18日，区长林測甲主持召开区政府常务会议。`);
    assert.equal(r.meetings.length, 1);
  });
});

// The parser finds one meeting here, chaired by 林測甲 with 陈测乙 attending.
const TWO_OFFICIALS = '2022年7月18日，区长林測甲主持召开区政府常务会议，副区长陈测乙出席。\n会议强调，要做好防汛工作。\n（记者 高维）\n';
const MEETINGS = `meetings:
  - name: 区政府第3次常务会议
    number: 3
    chairs: [陈測乙]
    directives:
      - 要抓好春耕生产，确保不误农时。
      - heading: 要加强安全管理
        text: 要加强安全管理，确保不出问题。
    documents: [《测试办法》, 测试细则]
  - name: 防汛工作领导小组會議
    date: 2022-07-19
    attendees: [王样乙]
`;

/** The front-matter error `text` gives, as a BulletinError. */
function frontMatterError(text: string, file = '2022/2022-07-18-edited.txt'): BulletinError {
  try {
    parseText(text, file);
  } catch (error) {
    assert.ok(error instanceof BulletinError, String(error));
    assert.equal(error.code, 'front-matter');
    return error;
  }
  assert.fail('no error');
}

describe('front matter: meetings', () => {
  test('a meetings list replaces the parser\'s list whole; left-out fields take their defaults', () => {
    const r = parseText(`---\n${MEETINGS}---\n${TWO_OFFICIALS}`);
    assert.deepEqual(r.meetings, [
      {
        name: '区政府第3次常务会议', types: ['常务会议'], number: 3, date: '2022-07-18', chairs: ['陈測乙'], attendees: [],
        directives: [
          { heading: '要抓好春耕生产', text: '要抓好春耕生产，确保不误农时。' },
          { heading: '要加强安全管理', text: '要加强安全管理，确保不出问题。' },
        ],
        documents: ['测试办法', '测试细则'],
      },
      {
        name: '防汛工作领导小组會議', types: ['领导小组会议'], number: null, date: '2022-07-19', chairs: [], attendees: ['王样乙'],
        directives: [], documents: [],
      },
    ]);
    assert.equal(r.origin.meetings, 'front-matter');
    assert.ok(!r.warnings.some((w) => w.rule === 'front-matter/ignored'));
    assert.ok(!r.needs_review.some((item) => item.field.startsWith('meetings')), 'the editor\'s meetings need no review');
  });

  test('types given are kept (in Simplified); an empty list says the bulletin has no meeting', () => {
    const typed = parseText(`---\nmeetings:\n  - name: 座谈会\n    types: [座談會]\n---\n${TWO_OFFICIALS}`);
    assert.deepEqual(typed.meetings[0]!.types, ['座谈会']);
    const none = parseText(`---\nmeetings: []\n---\n${TWO_OFFICIALS}`);
    assert.deepEqual(none.meetings, []);
    assert.equal(none.origin.meetings, 'front-matter');
    assert.deepEqual(none.officials.map((o) => o.roles), [['mentioned'], ['mentioned']]);
  });

  test('officials\' roles follow the editor\'s meetings, in either script; people they name are added', () => {
    const r = parseText(`---\n${MEETINGS}---\n${TWO_OFFICIALS}`);
    assert.deepEqual(r.officials, [
      { name: '林測甲', key: '林测甲', titles: ['区长'], roles: ['mentioned'] },
      { name: '陈测乙', key: '陈测乙', titles: ['副区长'], roles: ['chair'] },
      { name: '王样乙', key: '王样乙', titles: [], roles: ['attendee'] },
    ]);
    assert.equal(r.origin.officials, 'text');
  });

  test('with an officials list too, roles written there stay; the others follow the meetings', () => {
    const r = parseText(`---\nofficials:\n  - 陈测乙\n  - name: 林測甲\n    roles: [chair]\n${MEETINGS}---\n${TWO_OFFICIALS}`);
    assert.deepEqual(r.officials.map((o) => [o.name, o.roles]), [['陈测乙', ['chair']], ['林測甲', ['chair']], ['王样乙', ['attendee']]]);
  });

  test('a meeting with no date takes the front matter\'s date, which wins over the text\'s', () => {
    const r = parseText(`---\ndate: 2022-08-01\nmeetings:\n  - name: 区政府常务会议\n---\n${TWO_OFFICIALS}`);
    assert.equal(r.date, '2022-08-01');
    assert.equal(r.origin.date, 'front-matter');
    assert.equal(r.meetings[0]!.date, '2022-08-01');
    const nullDate = parseText(`---\nmeetings:\n  - name: 区政府常务会议\n    date: null\n---\n${TWO_OFFICIALS}`);
    assert.equal(nullDate.meetings[0]!.date, null);
  });

  test('a bad entry is an error naming the file, the field\'s path and how to write it', () => {
    const chairs = frontMatterError(`---\nmeetings:\n  - name: 区政府常务会议\n    chairs: 林测甲\n---\n${TWO_OFFICIALS}`);
    assert.equal(chairs.file, '2022/2022-07-18-edited.txt');
    assert.match(chairs.message, /^2022\/2022-07-18-edited\.txt: front-matter field 'meetings\.0\.chairs' is not valid: .*expected array.*; write a list of names as written, e.g\. 'chairs: \[林测甲\]'/);
    const second = frontMatterError(`---\nmeetings:\n  - name: a\n  - name: b\n    number: 第3次\n---\n${TWO_OFFICIALS}`);
    assert.match(second.message, /field 'meetings\.1\.number' is not valid: .*; write N of 第N次 as a number/);
    assert.match(frontMatterError(`---\nmeetings:\n  - chairs: [林测甲]\n---\n${TWO_OFFICIALS}`).message, /'meetings\.0\.name' is not valid: .*give the meeting's name/);
    assert.match(frontMatterError(`---\nmeetings:\n  - name: a\n    chair: [林测甲]\n---\n${TWO_OFFICIALS}`).message,
      /'meetings\.0' is not valid: .*"chair".*; a meeting's fields are name, types, number, date, chairs, attendees, directives, documents; rename or remove 'chair'/);
    assert.match(frontMatterError(`---\nmeetings:\n  - name: a\n    date: 18/7/2022\n---\n${TWO_OFFICIALS}`).message, /'meetings\.0\.date' is not valid: .*YYYY-MM-DD/);
    assert.match(frontMatterError(`---\nmeetings:\n  - name: a\n    directives: [{ heading: 要 }]\n---\n${TWO_OFFICIALS}`).message, /'meetings\.0\.directives\.0' is not valid/);
    assert.match(frontMatterError(`---\nmeetings: 区政府常务会议\n---\n${TWO_OFFICIALS}`).message, /'meetings' is not valid: .*; write a list of meetings/);
  });

  test('every field of the record is either one front matter can set or computed', () => {
    for (const field of RECORD_FIELDS) {
      assert.ok(OVERRIDABLE_FIELDS.includes(field) !== COMPUTED_FIELDS.includes(field), field);
    }
    for (const field of ['id', 'date', 'end_date', 'title', 'source', 'script', 'officials', 'reporters', 'meetings']) {
      assert.ok(OVERRIDABLE_FIELDS.includes(field), field);
    }
  });

  test('every overridable field wins over the text and says so in origin', () => {
    const r = parseText(`---
id: edited-id
date: 2022-08-01
end_date: 2022-08-02
title: 自定標題
source: 示例日报
script: Hant
officials: [王样乙]
reporters: [林晓]
meetings: [{ name: 专题会议 }]
---
${TWO_OFFICIALS}`);
    assert.deepEqual(
      [r.id, r.date, r.end_date, r.title, r.source, r.script, r.officials[0]!.name, r.reporters[0]!.name, r.meetings[0]!.name],
      ['edited-id', '2022-08-01', '2022-08-02', '自定標題', '示例日报', 'Hant', '王样乙', '林晓', '专题会议'],
    );
    for (const field of ['id', 'date', 'end_date', 'title', 'source', 'script', 'officials', 'reporters', 'meetings']) {
      assert.equal(r.origin[field], 'front-matter', field);
    }
  });

  describe('survives parsing again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-frontmatter-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    test('a cached parse and an uncached one give the same record, with the front matter\'s meetings', () => {
      const file = join(dir, '2022-07-18-edited.txt');
      writeFileSync(file, `---\n${MEETINGS}---\n${TWO_OFFICIALS}`);
      const cacheDir = join(dir, 'cache');
      const writer = new ParseCache(cacheDir);
      const first = writer.parseFile(file);
      assert.equal(first.cached, false);
      writer.flush();
      const cached = new ParseCache(cacheDir).parseFile(file);
      assert.equal(cached.cached, true, 'the second parse comes from the cache on disk');
      const uncached = new ParseCache(undefined).parseFile(file);
      assert.equal(uncached.cached, false);
      assert.deepEqual(cached.record, uncached.record);
      assert.deepEqual(cached.record, first.record);
      assert.deepEqual(cached.record!.meetings.map((m) => m.name), ['区政府第3次常务会议', '防汛工作领导小组會議']);
      assert.equal(cached.record!.origin.meetings, 'front-matter');
    });
  });
});

/** The issue's "billion laughs": nine lines whose aliases stand for 10⁹ values once walked. */
function billionLaughs(): string {
  const lines = [`a0: &a0 [${Array(10).fill('lol').join(', ')}]`];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `---\n${lines.join('\n')}\n---\n`;
}

describe('hostile front matter', () => {
  const refused = (text: string, line: number, reason: RegExp) => {
    assert.throws(() => parseText(text, '2022/2022-07-18-x.txt'), (e: unknown) => {
      assert.ok(e instanceof BulletinError, String(e));
      assert.equal(e.code, 'front-matter');
      assert.equal(e.line, line);
      assert.match(e.message, /^2022\/2022-07-18-x\.txt:\d+: /);
      assert.match(e.reason, reason);
      return true;
    });
  };
  test('anchors and aliases are refused within a second of CPU, naming the line ("billion laughs")', () => {
    const started = process.cpuUsage();
    refused(`${billionLaughs()}${BODY}`, 2, /anchor '&a0' is not allowed.*write each value out/);
    const { user, system } = process.cpuUsage(started);
    assert.ok(user + system < 1e6, `${(user + system) / 1e3} ms of CPU`);
  });
  test('an anchor on a scalar, or an alias to nothing, is refused too', () => {
    refused(`---\ntitle: &t 標題\nsource: *t\n---\n${BODY}`, 2, /anchor '&t' is not allowed/);
    refused(`---\ntitle: 標題\nsource: *t\n---\n${BODY}`, 3, /aliases \(\*name\) are not allowed/);
  });
  test('__proto__, constructor and prototype are refused at any depth; nothing reaches the record\'s prototype', () => {
    refused(`---\ntitle: 標題\n__proto__: { polluted: yes }\n---\n${BODY}`, 3, /key '__proto__' is not allowed.*rename it/);
    refused(`---\nconstructor: x\n---\n${BODY}`, 2, /key 'constructor'/);
    refused(`---\nreceived:\n  file: a.txt\n  prototype: { x: 1 }\n---\n${BODY}`, 4, /key 'prototype'/);
    refused(`---\nmeetings:\n  - name: 会议\n    "__proto__": { chairs: [x] }\n---\n${BODY}`, 4, /key '__proto__'/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  test('a key that merely contains a reserved word is kept', () => {
    const r = parseText(`---\nproto_note: x\nconstructors: [a]\n---\n${BODY}`);
    assert.equal(r.proto_note, 'x');
    assert.deepEqual(r.constructors, ['a']);
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
  });
  test('a "..." line ends the document: refused with its line, not silently cut', () => {
    refused(`---\ntitle: 標題\n...\nsource: 示例日报\n---\n${BODY}`, 3, /'\.\.\.' line ends the YAML document/);
  });
});
