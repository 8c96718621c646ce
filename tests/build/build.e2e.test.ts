// The built site: every page type for the seed, stable URLs, no broken links, valid HTML, escaping.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { site } from '../../src/config.ts';
import { buildFixtureSite, cleanUp, listFiles, SEED, SEED_URL, XSS_URL } from '../helpers/site.ts';

let root: string;
let out: string;
let files: string[];
let stdout: string;
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const page = (url: string) => read(`${url}index.html`);

before(() => {
  ({ root, out, stdout } = buildFixtureSite('build'));
  files = listFiles(out);
});
after(() => cleanUp(root));

describe('pages for the seed bulletin', () => {
  test('the seed is published at /2022/07/18/changle-dangzu-changwu-huiyi/', () => {
    assert.ok(existsSync(join(out, SEED_URL, 'index.html')));
  });

  test('every page type exists', () => {
    for (const path of [
      `${SEED_URL}index.html`, `${SEED_URL}record.json`, `${SEED_URL}source.txt`,
      'index.html', 'dates/index.html', '2022/index.html', '2022/07/index.html', '2022/07/18/index.html',
      'officials/index.html', 'officials/liao-hai-jun/index.html', 'officials/liao-hai-jun/feed.xml',
      'kinds/index.html', 'kinds/chang-wu-hui-yi/index.html', 'kinds/chang-wu-hui-yi/feed.xml', 'kinds/dang-zu-hui-yi/index.html',
      'feed.xml', 'sitemap.xml', 'records.json', '404.html', 'report/index.html',
      '2022/07/18/old-name/index.html', '2020/01/02/removed/index.html',
      'assets/site.css', 'assets/site.js', 'assets/opencc/t2cn.js', 'assets/opencc/cn2t.js',
    ]) assert.ok(files.includes(path.replace(/^\//, '')), `missing ${path}`);
  });

  test('the bulletin page shows date, source, reporter, summary, text with readings and JSON-LD', () => {
    const html = page(SEED_URL);
    assert.match(html, /<html lang="zh-Hant"/);
    assert.match(html, /<time datetime="2022-07-18">2022年7月18日<\/time>/);
    assert.match(html, /來源：長樂新聞網/);
    assert.match(html, /記者 高維/);
    assert.match(html, /<a href="\/officials\/liao-hai-jun\/">廖海軍<\/a>/);
    assert.match(html, /<a href="\/kinds\/chang-wu-hui-yi\/">常務會議<\/a>/);
    assert.match(html, /第17次/);
    assert.match(html, /<strong>要加強統籌協調<\/strong>/);
    assert.match(html, /《總體國家安全觀學習綱要》/);
    assert.match(html, /<ruby>長<rt>zhǎng<\/rt><\/ruby>/);
    assert.match(html, /href="\/2022\/07\/18\/changle-dangzu-changwu-huiyi\/source.txt"/);
    // Pagefind indexes the search stage's own pages (src/search/shards.ts), not these.
    assert.doesNotMatch(html, /data-pagefind/, 'no Pagefind markup');
    assert.match(html, /<article class="bulletin"[^>]* data-date="2022-07-18"/);
    assert.match(html, /data-officials="廖海军 习近平"/);
    assert.match(html, /data-meeting-kinds="[^"]*常务会议/);
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.datePublished, '2022-07-18T00:00:00+08:00');
    assert.deepEqual(ld.author.map((a: { name: string }) => a.name), ['高維']);
    assert.equal(ld.publisher.name, '長樂新聞網');
    assert.ok(ld.mentions.some((m: { name: string }) => m.name === '廖海軍'));
    assert.ok(ld.dateline.includes('2022年7月18日'));
  });

  test('previous and next link by date', () => {
    const html = page(SEED_URL);
    assert.match(html, /<a class="prev" href="\/2021\/12\/30\/wang-yang-yi-quanti\/" rel="prev">/);
    assert.match(html, /<a class="next" href="\/2022\/07\/18\/lin-ce-jia-lingdao\/" rel="next">/);
  });

  test('the source file is copied byte for byte and the record sits beside the page', () => {
    assert.deepEqual(readFileSync(join(out, SEED_URL, 'source.txt')), readFileSync(SEED));
    const record = JSON.parse(read(`${SEED_URL}record.json`));
    assert.equal(record.id, '2022-07-18-changle-dangzu-changwu-huiyi');
    assert.ok(record.text.length > 500);
    assert.ok(record.readings.length > 0);
  });

  test('list pages carry no indexable body and use the default script', () => {
    for (const f of ['index.html', 'dates/index.html', '2022/index.html', '2022/07/index.html', '2022/07/18/index.html', 'officials/index.html', 'officials/liao-hai-jun/index.html', 'kinds/index.html']) {
      const html = read(f);
      assert.doesNotMatch(html, /data-pagefind-body/, f);
      assert.match(html, /<html lang="zh-Hant"/, f);
    }
  });

  test('a Simplified bulletin page says zh-Hans', () => {
    assert.match(page('/2023/11/20/lin-ce-jia-zhuanti/'), /<html lang="zh-Hans"/);
  });
});

describe('indexes', () => {
  test('one official page for 林測甲 and 林测甲, with titles and activity', () => {
    const html = page('/officials/lin-ce-jia/');
    for (const url of ['/2021/03/05/lin-ce-jia-changwu/', '/2022/07/18/lin-ce-jia-lingdao/', '/2023/11/20/lin-ce-jia-zhuanti/']) {
      assert.ok(html.includes(`href="${url}"`), url);
    }
    assert.match(html, /<h1>林測甲<\/h1>/);
    assert.match(html, /區長/);
    assert.match(html, /<svg class="chart"[^>]*role="img"/);
    assert.match(html, /<title id="person-chart-title">/);
    assert.match(html, /<table class="monthly">/);
  });

  test('the officials index is in pinyin order', () => {
    const html = page('/officials/');
    const order = [...html.matchAll(/<a href="\/officials\/([a-z0-9-]+)\/">/g)].map((m) => m[1]);
    assert.deepEqual(order, ['chen-ce-yi', 'liao-hai-jun', 'lin-ce-jia', 'wang-yang-yi', 'xi-jin-ping']);
  });

  test('date pages show calendars and the archive chart', () => {
    assert.match(page('/2022/07/'), /<td class="has"><a href="\/2022\/07\/18\/"/);
    assert.match(page('/2022/'), /<table class="calendar">/);
    const dates = page('/dates/');
    assert.match(dates, /<svg class="chart"/);
    assert.match(dates, /<desc id="archive-chart-desc">/);
    const day = page('/2022/07/18/');
    assert.ok(day.includes(`href="${SEED_URL}"`) && day.includes('href="/2022/07/18/lin-ce-jia-lingdao/"'));
  });

  test('feeds, sitemap and records.json use absolute URLs and stay small', () => {
    const feed = read('feed.xml');
    assert.match(feed, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.ok(feed.includes(`<id>${site.baseUrl}${SEED_URL}</id>`));
    assert.ok(read('officials/liao-hai-jun/feed.xml').includes(`${site.baseUrl}${SEED_URL}`));
    const sitemap = read('sitemap.xml');
    assert.ok(sitemap.includes(`<loc>${site.baseUrl}${SEED_URL}</loc>`));
    assert.ok(!sitemap.includes('old-name') && !sitemap.includes('404'));
    const records = JSON.parse(read('records.json'));
    assert.equal(records.count, 6);
    for (const r of records.records) {
      assert.equal(r.text, undefined);
      assert.equal(r.readings, undefined);
    }
    assert.ok(read('records.json').length < 6 * 1500, 'records.json holds metadata only');
  });

  test('warnings are listed at the end of the build and on the report page', () => {
    assert.match(stdout, /warning\(s\) \(also on \/report\/\):\n.*wang-yang-yi-quanti\.txt:\d+:\d+: /);
    assert.match(page('/report/'), /<a href="\/2021\/12\/30\/wang-yang-yi-quanti\/">[^<]*wang-yang-yi-quanti\.txt<\/a>/);
  });

  test('redirects and withdrawn bulletins keep old URLs working', () => {
    const moved = page('/2022/07/18/old-name/');
    assert.match(moved, new RegExp(`<meta http-equiv="refresh" content="0;url=${SEED_URL}">`));
    assert.match(moved, new RegExp(`<link rel="canonical" href="${site.baseUrl}${SEED_URL}">`));
    const gone = page('/2020/01/02/removed/');
    assert.match(gone, /已撤下/);
    assert.match(gone, /應當事人要求撤下。/);
  });
});

describe('the whole site', () => {
  test('no internal link is broken', () => {
    const broken: string[] = [];
    const base = new URL(site.baseUrl + site.pathPrefix);
    const targets = files.filter((f) => /\.(html|xml)$/.test(f));
    for (const file of targets) {
      const text = read(file);
      const here = new URL(`/${file.replace(/index\.html$/, '')}`, base);
      const ids = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const links = file.endsWith('.xml')
        ? [...text.matchAll(/<(?:loc|id)>([^<]+)<\/(?:loc|id)>|\shref="([^"]+)"/g)].map((m) => m[1] ?? m[2]!)
        : [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
      for (const raw of links) {
        const link = raw.replaceAll('&amp;', '&');
        const url = new URL(link, here);
        if (url.origin !== base.origin) continue;
        if (url.pathname === here.pathname && url.hash) {
          if (!ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${link} (no such id)`);
          continue;
        }
        let path = decodeURIComponent(url.pathname).slice(site.pathPrefix.length);
        if (path === '' || path.endsWith('/')) path += 'index.html';
        if (!existsSync(join(out, path))) broken.push(`${file}: ${link}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('every page is valid HTML (html-validate:recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('escaping', () => {
  test('markup in a bulletin\'s text and front-matter title is shown as text', () => {
    const html = page(XSS_URL);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('<h1>&lt;img src=x onerror=alert(1)&gt;测试标题 &lt;b&gt;粗&lt;/b&gt;</h1>'));
    assert.equal(html.match(/<script\b/g)?.length, 2, 'only the site script and the JSON-LD');
  });

  test('no page, feed or JSON-LD contains the bulletin\'s markup as markup', () => {
    for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
      const text = read(file);
      assert.doesNotMatch(text, /<img\b|<b>|<script>alert|onerror=alert\(1\)>(?!<)/i, file);
      const ld = text.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
      if (ld) {
        assert.doesNotMatch(ld, /</, `${file}: JSON-LD has a raw <`);
        JSON.parse(ld);
      }
    }
  });

  test('the JSON-LD keeps the title as data', () => {
    const ld = JSON.parse(page(XSS_URL).match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    assert.equal(ld.headline, '<img src=x onerror=alert(1)>测试标题 <b>粗</b>');
  });

  test('feeds carry the markup escaped twice inside HTML content', () => {
    const feed = read('feed.xml');
    assert.ok(feed.includes('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;'));
    assert.ok(feed.includes('<title>&lt;img src=x onerror=alert(1)&gt;测试标题 &lt;b&gt;粗&lt;/b&gt;</title>'));
  });
});
