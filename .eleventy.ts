// Eleventy configuration: wires the archive's plugins and folders; the logic lives in src/site/.
import { site } from './site.config.ts';
import { filtersPlugin } from './src/site/filters.ts';
import { archivePlugin, assetsPlugin, type EleventyConfig, pagesPlugin, PAGE_FORMAT, PAGES_DIR } from './src/site/plugin.ts';

export default function (eleventyConfig: EleventyConfig) {
  // Pages are *.11ty.ts modules, run compiled, that escape everything they print (src/site/html.ts).
  eleventyConfig.addPlugin(pagesPlugin);
  // Named filters, for any template that prefers them to imports.
  eleventyConfig.addPlugin(filtersPlugin);
  // The bulletins, parsed from the content folder (ARCHIVE_CONTENT, set by scripts/build.ts --content).
  eleventyConfig.addPlugin(archivePlugin, { contentDir: process.env.ARCHIVE_CONTENT ?? 'content' });
  // CSS, the browser scripts and the opencc-js converters.
  eleventyConfig.addPlugin(assetsPlugin);
  return {
    // The compiled copy of src/site/pages (scripts/run.mjs).
    dir: { input: PAGES_DIR },
    templateFormats: [PAGE_FORMAT],
    pathPrefix: site.pathPrefix,
  };
}
