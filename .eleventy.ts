// Eleventy configuration: wires the archive's plugins and folders; the logic lives in src/site/.
import { basePage } from './layouts/base.ts';
import { site } from './src/config.ts';
import { filtersPlugin } from './src/site/filters.ts';
import { assetsPlugin, type EleventyConfig, PAGE_FORMAT, PAGES_DIR, typescriptPagesPlugin } from './src/site/plugin.ts';

export default function (eleventyConfig: EleventyConfig) {
  // Pages are *.11ty.ts modules that escape everything they print (src/site/html.ts).
  eleventyConfig.addPlugin(typescriptPagesPlugin);
  // Named filters, for any template that prefers them to imports.
  eleventyConfig.addPlugin(filtersPlugin);
  // The archive's data (archivePlugin in src/site/plugin.ts) is added by the build for each
  // Eleventy run, through Eleventy's config callback (src/build/render.ts).
  // The page frame (layouts/base.ts) every HTML page is rendered into: data.frame(options, body).
  eleventyConfig.addGlobalData('frame', () => basePage);
  // CSS, the browser script and the opencc-js converters.
  eleventyConfig.addPlugin(assetsPlugin);
  return {
    // src/site/pages, or its compiled copy (scripts/run.mjs).
    dir: { input: PAGES_DIR },
    templateFormats: [PAGE_FORMAT],
    pathPrefix: site.pathPrefix,
  };
}
