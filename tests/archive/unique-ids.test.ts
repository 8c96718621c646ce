// Bulletin ids are unique: two bulletins with one id (set in front matter) stop the build and `check`, naming the file and its id: line.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { ArchiveError } from '../../src/archive/model.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { cleanUp, tempDir } from '../helpers/site.ts';

const dirs: string[] = [];
after(() => dirs.forEach(cleanUp));

function content(bulletins: Record<string, string>): string {
  const dir = tempDir('unique-ids');
  dirs.push(dir);
  for (const [name, text] of Object.entries(bulletins)) {
    mkdirSync(dirname(join(dir, 'bulletins', name)), { recursive: true });
    writeFileSync(join(dir, 'bulletins', name), text);
  }
  return dir;
}
const meeting = (month: number, day: number) => `長樂新聞網訊 ${month}月${day}日，區長林測甲主持召開區政府常務會議。\n會議強調——\n要抓好落實。確保見效。\n（記者 周測丁）\n`;

test('two bulletins given the same id in front matter are refused, naming the second file and its id: line', async () => {
  const dir = content({
    '2022/2022-07-18-a.txt': `---\nid: same\n---\n${meeting(7, 18)}`,
    '2022/2022-08-01-b.txt': `---\ntitle: 標題\nid: same\n---\n${meeting(8, 1)}`,
  });
  await assert.rejects(loadArchive({ contentDir: dir }), (e: unknown) => {
    assert.ok(e instanceof ArchiveError, String(e));
    assert.equal(e.messages.length, 1, e.message);
    const [f] = e.messages;
    assert.match(f!.file!, /2022-08-01-b\.txt$/);
    assert.equal(f!.line, 3);
    assert.match(f!.reason, /its id 'same' is already the id of \S*2022-07-18-a\.txt; give this bulletin another 'id:' in its front matter/);
    return true;
  });
});

test('a front-matter id equal to another file\'s own id names the file whose front matter set it', async () => {
  const dir = content({
    '2022/2022-07-18-a.txt': meeting(7, 18),
    '2021/2021-01-05-z.txt': `---\nid: 2022-07-18-a\n---\n${meeting(1, 5)}`,
  });
  // Without front matter a bulletin's id is its file's name (2022-07-18-a).
  await assert.rejects(loadArchive({ contentDir: dir }), (e: unknown) => {
    assert.ok(e instanceof ArchiveError, String(e));
    assert.match(e.messages[0]!.file!, /2021-01-05-z\.txt$/);
    assert.equal(e.messages[0]!.line, 2);
    assert.match(e.messages[0]!.reason, /already the id of \S*2022-07-18-a\.txt/);
    return true;
  });
});

test('distinct ids load, each bulletin once', async () => {
  const dir = content({
    '2022/2022-07-18-a.txt': `---\nid: one\n---\n${meeting(7, 18)}`,
    '2022/2022-08-01-b.txt': `---\nid: two\n---\n${meeting(8, 1)}`,
  });
  assert.deepEqual((await loadArchive({ contentDir: dir })).bulletins.map((b) => b.id).sort(), ['one', 'two']);
});
