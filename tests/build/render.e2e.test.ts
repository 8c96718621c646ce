// Rendering in several Eleventy runs (src/build/render.ts, renderChunks): what keeps a 100,000-bulletin
// build within memory. The site must be the one a single run makes, byte for byte.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/build/build.ts';
import { RENDER_CHUNK, RENDER_CHUNK_LARGE, renderChunkSize, renderChunks } from '../../src/build/render.ts';
import { generateCorpus } from '../../src/corpus/corpus.ts';
import { type RenderLists } from '../../src/archive/model.ts';
import { cleanUp, listFiles, tempDir } from '../helpers/site.ts';

let root: string;
let content: string;

before(() => {
  root = tempDir('chunks');
  process.env.ARCHIVE_PARSE_CACHE = join(root, 'parse-cache');
  content = join(root, 'content');
  for (const file of generateCorpus({ n: 40, seed: 5, years: [2020, 2022] as const })) {
    const path = join(content, 'bulletins', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
});
after(() => cleanUp(root));

const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

test('renderChunks cuts the lists in order into runs of at most the given size, losing nothing', () => {
  const lists = { bulletins: [1, 2, 3, 4, 5], days: [6, 7], years: [8] } as unknown as RenderLists;
  const chunks = renderChunks(lists, 3);
  assert.deepEqual(chunks, [
    { bulletins: [1, 2, 3], days: [], years: [] },
    { bulletins: [4, 5], days: [6], years: [] },
    { bulletins: [], days: [7], years: [8] },
  ]);
  assert.deepEqual(renderChunks(lists, 100), [{ bulletins: [1, 2, 3, 4, 5], days: [6, 7], years: [8] }]);
});

test('one Eleventy run up to RENDER_CHUNK items (10,000 bulletins), runs of RENDER_CHUNK_LARGE above', () => {
  assert.equal(renderChunkSize(15_700), RENDER_CHUNK);
  assert.equal(renderChunkSize(RENDER_CHUNK), RENDER_CHUNK);
  assert.equal(renderChunkSize(RENDER_CHUNK + 1), RENDER_CHUNK_LARGE);
  assert.ok(RENDER_CHUNK_LARGE < RENDER_CHUNK);
});

test('a site rendered in runs of 7 list items is the site one run renders, byte for byte', async () => {
  const one = await build({ contentDir: content, outDir: join(root, 'one'), full: true });
  const many = await build({ contentDir: content, outDir: join(root, 'many'), full: true, renderChunk: 7 });
  assert.ok(one.pages > 70, `${one.pages} pages`);
  const a = snapshot(join(root, 'one'));
  const b = snapshot(join(root, 'many'));
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), 'the same files');
  assert.deepEqual(Object.keys(a).filter((f) => a[f] !== b[f]), [], 'the same bytes');
});
