// The stock pipelines the archive is compared with, made in the benchmark's temp folder: the
// records as Markdown pages (bulletin parse --format md) built by a minimal Eleventy or Hugo
// site, then indexed by the stock Pagefind CLI with default settings.
import { linkSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The search page of both baselines: the stock Pagefind UI, searching ?q= on load. */
export const SEARCH_PAGE = `<!doctype html>
<html lang="zh-Hans">
<head><meta charset="utf-8"><title>搜索</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script></head>
<body><main><h1>搜索</h1><div id="search"></div></main>
<script>
window.addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#search', showSubResults: false });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
});
</script>
</body>
</html>
`;

/** Writes the minimal Eleventy site around `mdDir` (the Markdown records); returns its config file. */
export function writeEleventySkeleton(srcDir: string): string {
  mkdirSync(join(srcDir, '_includes'), { recursive: true });
  // One layout: title, date, source and the body, in the record's script.
  writeFileSync(join(srcDir, '_includes', 'bulletin.njk'), `<!doctype html>
<html lang="zh-{{ script }}">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1><p><time>{{ date }}</time> {{ source }}</p>
{{ content | safe }}
</main></body>
</html>
`);
  writeFileSync(join(srcDir, 'search.njk'), `---\npermalink: /search/\nlayout: false\n---\n${SEARCH_PAGE}`);
  const config = join(srcDir, '..', 'eleventy.config.mjs');
  writeFileSync(config, `// Baseline: every Markdown record through one layout; nothing else.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData('layout', 'bulletin.njk');
  return { dir: { includes: '_includes' } };
}
`);
  return config;
}

/** Writes a minimal Hugo site whose posts are hard links to the Markdown records. */
export function writeHugoSkeleton(siteDir: string, mdDir: string): void {
  for (const dir of ['content/posts', 'layouts/_default', 'static/search']) mkdirSync(join(siteDir, dir), { recursive: true });
  writeFileSync(join(siteDir, 'hugo.toml'), 'baseURL = "http://127.0.0.1/"\nlanguageCode = "zh-Hans"\ntitle = "baseline"\n');
  const page = (body: string) => `<!doctype html>
<html lang="zh-{{ with .Params.script }}{{ . }}{{ else }}Hans{{ end }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>${body}</main></body>
</html>
`;
  writeFileSync(join(siteDir, 'layouts/_default/single.html'), page('<h1>{{ .Title }}</h1><p><time>{{ .Params.date }}</time> {{ .Params.source }}</p>\n{{ .Content }}'));
  writeFileSync(join(siteDir, 'layouts/_default/list.html'), page('<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
  writeFileSync(join(siteDir, 'layouts/index.html'), page('<h1>{{ .Site.Title }}</h1>'));
  writeFileSync(join(siteDir, 'static/search/index.html'), SEARCH_PAGE);
  for (const name of readdirSync(mdDir)) {
    if (name.endsWith('.md')) linkSync(join(mdDir, name), join(siteDir, 'content/posts', name));
  }
}
