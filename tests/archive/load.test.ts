// The data layer on its own: people merged across scripts and by officials.yml, namesakes kept
// apart with key-only suffixes, splits, redirects checked, duplicate URLs refused, years selectable.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { ArchiveError } from '../../src/archive/model.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { hashedSlug } from '../../src/archive/slug.ts';
import { cleanUp, tempDir } from '../helpers/site.ts';

const dirs: string[] = [];
after(() => dirs.forEach(cleanUp));

/** A content folder with these bulletins (path under bulletins/ → text) and editor files. */
function content(bulletins: Record<string, string>, files: Record<string, string> = {}): string {
  const dir = tempDir('archive');
  dirs.push(dir);
  for (const [name, text] of Object.entries({ ...Object.fromEntries(Object.entries(bulletins).map(([k, v]) => [`bulletins/${k}`, v])), ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const meeting = (date: string, chair: string, place = '長樂') => `${place}新聞網訊 ${Number(date.slice(5, 7))}月${Number(date.slice(8))}日，區長${chair}主持召開區政府常務會議。\n會議強調——\n要抓好落實。確保見效。\n（記者 周測丁）\n`;

test('one person for a name written in Traditional and in Simplified', async () => {
  const a = await loadArchive({ contentDir: content({
    '2021/2021-01-05-a.txt': meeting('2021-01-05', '林測甲'),
    '2021/2021-02-05-b.txt': meeting('2021-02-05', '林测甲').replace('長樂', '长乐'),
  }) });
  const people = a.people.filter((p) => p.key === '林测甲');
  assert.equal(people.length, 1);
  assert.equal(people[0]!.slug, 'lin-ce-jia');
  assert.equal(people[0]!.bulletins.length, 2);
  assert.deepEqual(people[0]!.name, { Hant: '林測甲', Hans: '林测甲' });
});

test('two keys with the same pinyin get suffixes from their keys alone, and share a namesakes page', async () => {
  const both = await loadArchive({ contentDir: content({
    '2021/2021-01-05-a.txt': meeting('2021-01-05', '王測偉'),
    '2021/2021-02-05-b.txt': meeting('2021-02-05', '王測韋'),
  }) });
  const slugs = both.people.filter((p) => p.key.startsWith('王测')).map((p) => p.slug).sort();
  assert.deepEqual(slugs, [hashedSlug('王测伟'), hashedSlug('王测韦')].sort());
  assert.deepEqual(both.ambiguities.map((x) => x.url), ['/officials/wang-ce-wei/']);
  assert.equal(both.ambiguities[0]!.people.length, 2);
  // Alone, the key has the bare slug; its suffix, when it has one, never depends on the other key.
  const alone = await loadArchive({ contentDir: content({ '2021/2021-01-05-a.txt': meeting('2021-01-05', '王測偉') }) });
  assert.equal(alone.people.find((p) => p.key === '王测伟')!.slug, 'wang-ce-wei');
});

test('officials.yml merges an alias into a person', async () => {
  const a = await loadArchive({ contentDir: content({
    '2021/2021-01-05-a.txt': meeting('2021-01-05', '林測甲'),
    '2021/2021-02-05-b.txt': meeting('2021-02-05', '林側甲'),
  }, { 'officials.yml': '- key: 林测甲\n  aliases: [林侧甲]\n' }) });
  const lin = a.people.filter((p) => p.slug.startsWith('lin-ce-jia'));
  assert.equal(lin.length, 1);
  assert.equal(lin[0]!.slug, 'lin-ce-jia');
  assert.equal(lin[0]!.bulletins.length, 2);
  assert.deepEqual(a.ambiguities, []);
});

test('officials.yml splits one name into two people by place and period', async () => {
  const a = await loadArchive({ contentDir: content({
    '2021/2021-01-05-a.txt': meeting('2021-01-05', '王樣乙', '長樂'),
    '2021/2021-02-05-b.txt': meeting('2021-02-05', '王樣乙', '閩侯'),
    '2023/2023-02-05-c.txt': meeting('2023-02-05', '王樣乙', '長樂'),
  }, { 'officials.yml': `- key: 王样乙
  split:
    - label: 閩侯縣
      place: 闽侯
      slug: wang-yang-yi-minhou
    - label: 長樂區（2022年前）
      until: 2021-12-31
    - label: 長樂區
` }) });
  const wang = a.people.filter((p) => p.key === '王样乙');
  assert.equal(wang.length, 3);
  const byLabel = Object.fromEntries(wang.map((p) => [p.label, p.bulletins.map((b) => b.date)]));
  assert.deepEqual(byLabel, { '閩侯縣': ['2021-02-05'], '長樂區（2022年前）': ['2021-01-05'], '長樂區': ['2023-02-05'] });
  assert.ok(wang.some((p) => p.slug === 'wang-yang-yi-minhou'));
  assert.deepEqual(a.ambiguities.map((x) => x.slug), ['wang-yang-yi']);
});

test('two files that would share a URL fail with both names', async () => {
  const dir = content({
    '2022/2022-07-18-same.txt': meeting('2022-07-18', '林測甲'),
    'other/2022-07-18-same.txt': meeting('2022-07-18', '林測甲'),
  });
  await assert.rejects(loadArchive({ contentDir: dir }), (e: unknown) => e instanceof ArchiveError && /already taken/.test(e.message) && e.message.includes('other'));
});

test('a redirect from a live page is refused, naming the file', async () => {
  const dir = content({ '2022/2022-07-18-a.txt': meeting('2022-07-18', '林測甲') }, {
    'redirects.yml': '- from: /2022/07/18/a/\n  to: /\n',
  });
  await assert.rejects(loadArchive({ contentDir: dir }), (e: unknown) => e instanceof ArchiveError && /redirects\.yml/.test(e.messages[0]!.file!) && /is a page of the archive/.test(e.message));
});

test('a malformed editor file is refused with the entry that is wrong', async () => {
  const dir = content({ '2022/2022-07-18-a.txt': meeting('2022-07-18', '林測甲') }, { 'redirects.yml': '- from: no-slash\n  to: /\n' });
  await assert.rejects(loadArchive({ contentDir: dir }), /entry 1 field 'from'/);
});

test('the archive can be limited to some years', async () => {
  const dir = content({
    '2021/2021-01-05-a.txt': meeting('2021-01-05', '林測甲'),
    '2022/2022-01-05-b.txt': meeting('2022-01-05', '林測甲'),
  });
  assert.deepEqual((await loadArchive({ contentDir: dir, years: [2022] })).bulletins.map((b) => b.date), ['2022-01-05']);
  assert.equal((await loadArchive({ contentDir: dir })).bulletins.length, 2);
});
