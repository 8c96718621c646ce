// Front matter: overrides, extra keys kept, and clear errors for malformed blocks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BulletinError } from '../../src/parser/index.ts';
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
