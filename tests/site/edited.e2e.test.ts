// Front-matter overrides on the built site: the editor's meetings replace the parser's, and every
// field set that way is marked on the bulletin's page (escaped like the rest).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cleanUp, runBuild, tempDir } from '../helpers/site.ts';

// The text has one meeting chaired by 林測甲; the front matter says it was the 3rd, chaired by 陳測乙,
// and adds a second one.
const EDITED = `---
title: 區政府第3次常務會議
meetings:
  - name: 區政府第3次常務會議
    number: 3
    chairs: [陳測乙]
    directives: [要抓好春耕生產，確保不誤農時。]
    documents: [測試辦法]
  - name: "<b>防汛</b>工作領導小組會議"
    date: 2021-03-06
    attendees: [王樣乙]
---
長樂新聞網訊 2021年3月5日，區長林測甲主持召開區政府常務會議，副區長陳測乙出席。
會議強調，要抓好春耕生產。
（記者 周測丁）
`;
const PLAIN = `長樂新聞網訊 2021年3月8日，區長林測甲主持召開區政府常務會議。
會議強調，要加強安全管理。
（記者 周測丁）
`;

let root: string;
let out: string;
const page = (url: string) => readFileSync(join(out, url, 'index.html'), 'utf8');

before(() => {
  root = tempDir('edited');
  const content = join(root, 'content');
  mkdirSync(join(content, 'bulletins/2021'), { recursive: true });
  writeFileSync(join(content, 'bulletins/2021/2021-03-05-edited.txt'), EDITED);
  writeFileSync(join(content, 'bulletins/2021/2021-03-08-plain.txt'), PLAIN);
  out = join(root, 'site');
  const result = runBuild(content, out);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
});
after(() => cleanUp(root));

describe('a bulletin with front-matter overrides', () => {
  test('its page shows the editor\'s meetings, not the parser\'s, each marked as set by the editor', () => {
    const html = page('/2021/03/05/edited/');
    const meetings = [...html.matchAll(/<h3 id="meeting-\d+">(.*?)<\/h3>/g)].map((m) => m[1]);
    const mark = '<small class="edited" data-field="meetings">編輯設定</small>';
    assert.deepEqual(meetings, [`區政府第3次常務會議 ${mark}`, `&lt;b&gt;防汛&lt;/b&gt;工作領導小組會議 ${mark}`]);
    assert.match(html, /第3次/);
    assert.match(html, /<dt>主持<\/dt><dd><ul class="inline"><li><a href="\/officials\/chen-ce-yi\/">陳測乙<\/a><\/li><\/ul><\/dd>/);
    assert.match(html, /<dt>日期<\/dt><dd><time datetime="2021-03-06">/);
    assert.match(html, /<strong>要抓好春耕生產<\/strong>，確保不誤農時。/);
    assert.match(html, /《測試辦法》/);
  });

  test('the title is marked after the heading, which stays the title alone; fields from the text are not marked', () => {
    const html = page('/2021/03/05/edited/');
    assert.match(html, /<h1>區政府第3次常務會議<\/h1> <small class="edited" data-field="title">編輯設定<\/small>/);
    for (const field of ['date', 'source', 'reporters', 'officials']) assert.doesNotMatch(html, new RegExp(`data-field="${field}"`), field);
  });

  test('officials\' roles follow the editor\'s meetings', () => {
    const record = JSON.parse(readFileSync(join(out, '2021/03/05/edited/record.json'), 'utf8'));
    assert.equal(record.origin.meetings, 'front-matter');
    assert.deepEqual(record.officials.map((o: { name: string; roles: string[] }) => [o.name, o.roles]),
      [['林測甲', ['mentioned']], ['陳測乙', ['chair']], ['王樣乙', ['attendee']]]);
    const official = page('/officials/wang-yang-yi/');
    assert.match(official, /href="\/2021\/03\/05\/edited\/"/);
  });

  test('a bulletin without front matter carries no mark', () => {
    assert.doesNotMatch(page('/2021/03/08/plain/'), /class="edited"/);
  });
});
