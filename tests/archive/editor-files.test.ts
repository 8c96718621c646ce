// officials.yml and redirects.yml as hostile or clumsy editors write them: one document, no aliases,
// redirect targets that stay on the site or go to a web address; every refusal names the file and line.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EditorFileError, readOfficials, readRedirects } from '../../src/archive/editor-files.ts';
import { cleanUp, tempDir } from '../helpers/site.ts';

const dir = tempDir('editor-files');
after(() => cleanUp(dir));

function redirects(text: string) {
  writeFileSync(join(dir, 'redirects.yml'), text);
  return readRedirects(dir).rules;
}
function officials(text: string) {
  writeFileSync(join(dir, 'officials.yml'), text);
  return readOfficials(dir).entries;
}
/** Asserts that `read` throws an EditorFileError naming `name` at `line`, with a reason matching `reason`. */
function refused(read: () => unknown, name: string, line: number, reason: RegExp) {
  assert.throws(read, (e: unknown) => {
    assert.ok(e instanceof EditorFileError, String(e));
    assert.equal(e.file, join(dir, name));
    assert.equal(e.line, line, e.message);
    assert.match(e.reason, reason);
    assert.ok(e.message.startsWith(`${join(dir, name)}:${line}: `), e.message);
    return true;
  });
}

describe('one YAML document', () => {
  test('a --- line in redirects.yml is refused with its line, not the entries after it dropped', () => {
    refused(() => redirects('- from: /a/\n  to: /b/\n---\n- from: /c/\n  to: /d/\n'), 'redirects.yml', 3, /'---' line ends the YAML document.*remove the line/);
  });
  test('a --- line in officials.yml, even as the whole second half, is refused', () => {
    refused(() => officials('---\n- key: 林测甲\n  aliases: [林侧甲]\n--- \n- key: 王样乙\n'), 'officials.yml', 4, /'---' line/);
    refused(() => officials('- key: 林测甲\n...\n'), 'officials.yml', 2, /'\.\.\.' line/);
  });
  test('a --- line before the list only opens it; comments may come first', () => {
    assert.deepEqual(redirects('# moved pages\n---\n- from: /a/\n  to: /b/\n').map((r) => r.to), ['/b/']);
    assert.deepEqual(officials('--- # people\n- key: 林测甲\n').map((e) => e.key), ['林测甲']);
  });
  test('a block that is not a list is refused at its first line', () => {
    refused(() => redirects('# one rule\nfrom: /a/\nto: /b/\n'), 'redirects.yml', 2, /must be a YAML list/);
  });
  test('an empty file, or one of comments, has no entries', () => {
    assert.deepEqual(redirects(''), []);
    assert.deepEqual(officials('# nothing yet\n'), []);
  });
});

describe('no anchors, aliases or reserved keys', () => {
  test('"billion laughs" in officials.yml is refused at the anchor within a second of CPU', () => {
    const lines = [`- key: 林测甲\n  aliases: &a0 [${Array(10).fill('lol').join(', ')}]`];
    for (let i = 1; i <= 8; i++) lines.push(`- key: 王样${i}\n  aliases: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = process.cpuUsage();
    refused(() => officials(`${lines.join('\n')}\n`), 'officials.yml', 2, /anchor '&a0' is not allowed/);
    const { user, system } = process.cpuUsage(started);
    assert.ok(user + system < 1e6, `${(user + system) / 1e3} ms of CPU`);
  });
  test('an alias in redirects.yml is refused', () => {
    refused(() => redirects('- from: &old /a/\n  to: /b/\n- from: /c/\n  to: *old\n'), 'redirects.yml', 1, /anchor '&old'/);
    refused(() => redirects('- from: /a/\n  to: *old\n'), 'redirects.yml', 2, /aliases \(\*name\) are not allowed/);
  });
  test('__proto__ as a key is refused with its line', () => {
    refused(() => officials('- key: 林测甲\n  __proto__: { slug: x }\n'), 'officials.yml', 2, /key '__proto__' is not allowed/);
  });
});

describe('redirect targets', () => {
  const target = (to: string) => redirects(`- from: /old/\n  to: ${JSON.stringify(to)}\n`)[0]!.to;
  test('a site path and an http(s) URL are targets', () => {
    for (const to of ['/', '/2022/07/18/new-name/', '/search/?q=會議#top', 'https://example.org/a?b=c#d', 'http://example.org']) {
      assert.equal(target(to), to);
    }
  });
  test('javascript:, data:, other schemes and paths another site hides behind are refused at their line', () => {
    for (const to of ['javascript:alert(document.domain)//', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>',
      'vbscript:x', 'file:///etc/passwd', 'mailto:a@example.org', '//evil.example/%2E%2E%2F2022', '/\\evil.example/', '\\\\evil.example/',
      'https:evil.example', 'https://', ' /a/', '/a b/', 'relative/path']) {
      refused(() => target(to), 'redirects.yml', 2, /entry 1 field 'to': .* is not a site path or a web address; write a path that starts with one \/ .* or an http:\/\/ or https:\/\/ URL/);
    }
  });
  test('a wrong field of a later entry names that entry\'s line', () => {
    refused(() => redirects('- from: /a/\n  to: /b/\n\n- from: /c/\n  note: moved\n  to: "javascript:x"\n'), 'redirects.yml', 6, /entry 2 field 'to'/);
    refused(() => officials('- key: 林测甲\n- key: 王样乙\n  slug: Not_A_Slug\n'), 'officials.yml', 3, /entry 2 field 'slug'/);
  });
});
