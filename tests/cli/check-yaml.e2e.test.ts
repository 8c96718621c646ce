// `bulletin check` fails, naming file and line, on the hostile YAML the build refuses: aliases ("billion laughs"),
// reserved keys, a second document in an editor file, a javascript: redirect, two bulletins with one id.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cleanUp, CODE_ROOT, ROOT, type Run, TEXTS, tempArchive } from '../helpers/archive.ts';

const roots: string[] = [];
after(() => roots.forEach(cleanUp));

/** A fresh archive with one good bulletin, these bulletins (path under bulletins/ → text) and editor files. */
function archive(bulletins: Record<string, string>, files: Record<string, string> = {}) {
  const a = tempArchive('check-yaml');
  roots.push(a.root);
  mkdirSync(join(a.content, 'bulletins/2023'));
  writeFileSync(join(a.content, 'bulletins/2023/2023-03-05-good.txt'), TEXTS.utf8);
  for (const [name, text] of Object.entries(bulletins)) writeFileSync(join(a.content, 'bulletins/2023', name), text);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(a.content, name), text);
  return a;
}

/** `bulletin check`, given 30 s: a hang fails the test instead of holding it for minutes. */
function check(a: { cache: string; content: string }): Run {
  const result = spawnSync(process.execPath, [join(CODE_ROOT, 'src/cli/bulletin.js'), 'check', '--content', a.content], {
    cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ARCHIVE_PARSE_CACHE: a.cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BILLION_LAUGHS = (() => {
  const lines = [`a0: &a0 [${Array(10).fill('lol').join(', ')}]`];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `---\n${lines.join('\n')}\n---\n`;
})();

describe('bulletin check on hostile YAML', () => {
  test('a "billion laughs" front matter is an error at its line, not a hang', () => {
    const run = check(archive({ '2023-04-01-laughs.txt': BILLION_LAUGHS + TEXTS.gb18030 }));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /2023-04-01-laughs\.txt:2:1: error\/front-matter: front matter: the anchor '&a0' is not allowed/);
  });
  test('__proto__ in front matter is an error at its line', () => {
    const run = check(archive({ '2023-04-01-proto.txt': `---\ntitle: 標題\n__proto__: { title: x }\n---\n${TEXTS.gb18030}` }));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /2023-04-01-proto\.txt:3:1: error\/front-matter: front matter: the key '__proto__' is not allowed/);
  });
  test('a --- line in redirects.yml or officials.yml is an archive problem at its line', () => {
    let run = check(archive({}, { 'redirects.yml': '- from: /a/\n  to: /b/\n---\n- from: /c/\n  to: /d/\n' }));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /redirects\.yml:3:1: archive: a '---' line ends the YAML document here/);
    run = check(archive({}, { 'officials.yml': '- key: 林测甲\n---\n- key: 王样乙\n' }));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /officials\.yml:2:1: archive: a '---' line/);
  });
  test('a javascript: redirect target is an archive problem at its line', () => {
    const run = check(archive({}, { 'redirects.yml': '- from: /a/\n  to: "javascript:alert(document.domain)//"\n' }));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /redirects\.yml:2:1: archive: entry 1 field 'to': "javascript:alert\(document\.domain\)\/\/" is not a site path or a web address/);
  });
  test('two bulletins with one front-matter id are an archive problem at the id: line', () => {
    const run = check(archive({
      '2023-04-01-a.txt': `---\nid: same\n---\n${TEXTS.gb18030}`,
      '2023-05-20-b.txt': `---\nid: same\n---\n${TEXTS.big5}`,
    }));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /2023-05-20-b\.txt:2:1: archive: its id 'same' is already the id of \S*2023-04-01-a\.txt/);
  });
});
