// URL parts the site writes as folders: bounded slugs, redirects' old URLs, content paths as published.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentPath, redirectFromProblem } from '../../src/archive/site-paths.ts';
import { MAX_SLUG, pinyinSlug } from '../../src/archive/slug.ts';

test('a slug longer than MAX_SLUG is cut at a syllable and ends in the name\'s hash; short ones are unchanged', () => {
  const long = pinyinSlug('廖'.repeat(60));
  assert.ok(long.length <= MAX_SLUG, long);
  assert.match(long, /^liao(-liao)+-[0-9a-f]{6}$/);
  assert.notEqual(pinyinSlug('廖'.repeat(61)), long, 'two long names that share a start still differ');
  assert.equal(pinyinSlug('廖海军'), 'liao-hai-jun');
  assert.ok(pinyinSlug('a'.repeat(300)).length <= MAX_SLUG);
});

test("a redirect's old URL: a plain site path that is no page, no file and not in the build's folders", () => {
  const output = { pages: new Set(['/', '/2022/07/18/x/', '/search/']), files: new Set(['/feed.xml', '/2022/07/18/x/record.json']) };
  assert.equal(redirectFromProblem('/2022/07/18/old/', output), undefined);
  assert.equal(redirectFromProblem('/%E6%97%A7/', output), undefined);
  for (const [from, reason] of [
    ['/', /home page/],
    ['/x/../', /not a plain site path/],
    ['/x/./', /not a plain site path/],
    ['/x//y/', /not a plain site path/],
    ['/x/%2e%2E/', /not a plain site path/],
    ['/x/a%2Fb/', /not a plain site path/],
    ['/x/%zz/', /% not followed by two hex digits/],
    ['/x/a\\b/', /backslash/],
    ['/x/a%0Ab/', /control character/],
    [`/${'a'.repeat(201)}/`, /over 200 bytes/],
    ['/2022/07/18/x/', /is a page of the archive/],
    ['/search/', /is a page of the archive/],
    ['/feed.xml/', /inside \/feed\.xml, a file the site writes/],
    ['/2022/07/18/x/record.json/old/', /inside \/2022\/07\/18\/x\/record\.json/],
    ['/assets/site.css/', /inside \/assets\//],
    ['/pagefind/x/', /inside \/pagefind\//],
  ] as const) {
    assert.match(redirectFromProblem(from, output) ?? '(accepted)', reason, from);
  }
});

test('content paths are relative to the content folder, with /', () => {
  assert.equal(contentPath('/srv/archive/content', join('/srv/archive/content', 'bulletins', '2022', 'x.txt')), 'bulletins/2022/x.txt');
});
