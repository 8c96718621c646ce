// Eleventy configuration: wires the archive's plugins and folders; the logic lives in src/site/.
import { basePage } from './layouts/base.ts';
import { site } from './src/config.ts';
import { filtersPlugin } from './src/site/filters.ts';
import { assetsPlugin, type EleventyConfig, pagesPlugin, PAGE_FORMAT, PAGES_DIR } from './src/site/plugin.ts';

export default function (eleventyConfig: EleventyConfig) {
  // Pages are *.11ty.ts modules, run compiled, that escape everything they print (src/site/html.ts).
  eleventyConfig.addPlugin(pagesPlugin);
  // Named filters, for any template that prefers them to imports.
  eleventyConfig.addPlugin(filtersPlugin);
  // The archive's data (archivePlugin in src/site/plugin.ts) is added by the build for each
  // Eleventy run, through Eleventy's config callback (src/build/render.ts).
  // The page frame (layouts/base.ts) every HTML page is rendered into: data.frame(options, body).
  eleventyConfig.addGlobalData('frame', () => basePage);
  // CSS, the browser scripts and the opencc-js converters.
  eleventyConfig.addPlugin(assetsPlugin);
  return {
    // The compiled copy of src/site/pages (scripts/run.mjs).
    dir: { input: PAGES_DIR },
    templateFormats: [PAGE_FORMAT],
    pathPrefix: site.pathPrefix,
  };
}
