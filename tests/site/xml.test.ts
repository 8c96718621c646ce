// Feeds and sitemaps stay well-formed XML 1.0 whatever a bulletin holds: each is read by saxes, a strict parser.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { loadArchive } from '../../src/archive/load.ts';
import { atomFeed } from '../../src/site/feed.ts';
import { escapeXml, xml, xmlChars } from '../../src/site/html.ts';
import { sitemapIndex, urlset } from '../../src/site/sitemap.ts';
import { cleanUp, tempDir } from '../helpers/site.ts';

const dirs: string[] = [];
after(() => dirs.forEach(cleanUp));

/** Parses `doc` as XML; throws saxes' error (with its line and column) when it is not well-formed. */
function parseXml(doc: string): { root: string; texts: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  let root = '';
  const texts: string[] = [];
  parser.on('error', (error) => { throw error; });
  parser.on('opentag', (tag) => { root ||= tag.local; });
  parser.on('text', (t) => texts.push(t));
  parser.write(doc).close();
  return { root, texts };
}

// Every character XML 1.0 forbids that a text file can carry: C0 controls, U+FFFE, U+FFFF, lone surrogates.
const FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF'];

test('the parser used here refuses a form feed: the check below is a real one', async () => {
  assert.throws(() => parseXml('<a>x\u000Cy</a>'), /disallowed character|invalid/i);
  assert.doesNotThrow(() => parseXml('<a>x\ty😀</a>'));
});

test('xml`` and escapeXml remove every character XML 1.0 forbids and keep tab, newlines and pairs', async () => {
  for (const ch of FORBIDDEN) {
    assert.equal(xmlChars(`a${ch}b`), 'ab', `U+${ch.charCodeAt(0).toString(16)}`);
    assert.doesNotThrow(() => parseXml(xml`<t a="${`a${ch}b`}">${`<${ch}>`}</t>`.value));
  }
  assert.equal(xmlChars('a\tb\nc\r😀\u0085'), 'a\tb\nc\r😀\u0085');
  assert.equal(escapeXml('<\u000C&'), '&lt;&amp;');
});

test('the archive feed, official and kind feeds and the sitemap parse as XML with controls in a title and a text', async () => {
  const dir = tempDir('xml');
  dirs.push(dir);
  const file = join(dir, 'bulletins/2022/2022-07-18-ctl.txt');
  mkdirSync(dirname(file), { recursive: true });
  // A title with a form feed and U+FFFF (YAML's \f and \uFFFF escapes), a body with a backspace,
  // an escape and a vertical tab, and a reporter with a form feed.
  writeFileSync(file, `---
title: "控制\\f字符\\uFFFF标题"
reporters: ["周\\f測丁"]
---
长乐新闻网讯 7月18日，区长林测甲主持召开防汛工作领导小组会议。\u001B[2J
会议强调——
要做好\u000B防汛准备。落实\u0008各项措施。
`);
  const archive = await loadArchive({ contentDir: dir });
  const entry = archive.bulletins[0]!;
  assert.match(entry.title, /\u000C/, 'the record keeps its text as given; only the XML drops the character');
  const feeds = [
    atomFeed(archive, { title: `站\u000C名`, path: '/feed.xml', pagePath: '/', script: 'Hans', items: archive.latest }),
    ...archive.people.map((p) => atomFeed(archive, { title: p.name.Hans, path: `${p.url}feed.xml`, pagePath: p.url, script: 'Hans', items: p.bulletins })),
    ...archive.kinds.map((k) => atomFeed(archive, { title: k.name.Hans, path: `${k.url}feed.xml`, pagePath: k.url, script: 'Hans', items: k.bulletins })),
  ];
  assert.ok(archive.people.length > 0 && archive.kinds.length > 0);
  for (const feed of feeds) {
    const { root, texts } = parseXml(feed);
    assert.equal(root, 'feed');
    assert.ok(texts.some((t) => t.includes('控制字符标题')), 'the title is there, without its controls');
  }
  assert.equal(parseXml(urlset([...archive.sitemapUrls, '/x\u000C/'])).root, 'urlset');
  assert.equal(parseXml(sitemapIndex(['/sitemap-1.xml', '/sitemap-\uFFFE2.xml'])).root, 'sitemapindex');
});
