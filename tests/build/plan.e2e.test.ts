// Subset builds (src/build/plan.ts): after one new bulletin only the pages it changes are rendered,
// over hard links to the previous site. The result must be the site a full build makes, byte for
// byte; anything the subset cannot vouch for falls back to a full build; the live site's files are
// never written in place, and a failed subset build leaves the previous site as it was.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { StageClock } from '../../src/build/progress.ts';
import { build } from '../../src/build/build.ts';
import { generateCorpus } from '../../src/corpus/corpus.ts';
import { fingerprintPath } from '../../src/build/fingerprint.ts';
import { cleanUp, listFiles, tempDir } from '../helpers/site.ts';

let root: string;
let content: string;
let bulletins: string;
let site: string;
let added: { path: string; text: string };

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

async function buildInto(out: string, full = false, inPlace = false) {
  return build({ contentDir: content, outDir: out, full, inPlace });
}

/** Builds `site` the normal way (subset if it can), then a fresh full build, and compares them file by file. */
async function rebuildAndCompare(expected: 'subset' | 'full', why?: RegExp, inPlace = false) {
  const result = await buildInto(site, false, inPlace);
  assert.equal(result.plan.mode, expected, `expected a ${expected} build: ${result.plan.reason}`);
  if (why) assert.match(result.plan.reason, why);
  const reference = join(root, `full-${Date.now()}`);
  await buildInto(reference, true);
  try {
    const a = snapshot(site);
    const b = snapshot(reference);
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), 'the same files');
    const differing = Object.keys(b).filter((f) => a[f] !== b[f]);
    assert.deepEqual(differing, [], 'the same bytes');
  } finally {
    rmSync(reference, { recursive: true, force: true });
    rmSync(fingerprintPath(reference), { force: true });
  }
  return result;
}

before(async () => {
  root = tempDir('subset');
  process.env.ARCHIVE_PARSE_CACHE = join(root, 'parse-cache');
  content = join(root, 'content');
  bulletins = join(content, 'bulletins');
  site = join(root, '_site');
  const files = [...generateCorpus({ n: 61, seed: 11, years: [2021, 2023] })];
  // Hold back one bulletin whose month already has another (a new month is a full build) and that
  // has no front matter of its own (the date test adds one).
  const month = (p: string) => p.split('/')[1]!.slice(0, 7);
  const held = files.findIndex((f, i) => i > 20 && !f.text.startsWith('---') && files.some((g) => g !== f && month(g.path) === month(f.path)));
  assert.ok(held > 0);
  added = files[held]!;
  for (const f of files) {
    if (f === added) continue;
    mkdirSync(join(bulletins, dirname(f.path)), { recursive: true });
    writeFileSync(join(bulletins, f.path), f.text);
  }
  const first = await buildInto(site);
  assert.equal(first.plan.mode, 'full');
});
after(() => cleanUp(root));

test('the sitemap lists the pages Eleventy collects: every HTML page but 404, search, report and redirects', () => {
  const xml = readFileSync(join(site, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!).sort();
  const pages = listFiles(site).filter((f) => f.endsWith('index.html') && !/^(search|report)\//.test(f))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`).sort();
  assert.ok(locs.length > 60);
  assert.equal(locs.length, pages.length);
  const prefix = locs[0]!.slice(0, locs[0]!.length - pages[0]!.length);
  assert.deepEqual(locs, pages.map((p) => prefix + p));
});

test('one added bulletin: a subset build makes the same site as a full build, and never writes the live files in place', async () => {
  const before = snapshot(site);
  // Hard links to every live file: if a build wrote one in place, its witness would change.
  const witness = join(root, 'witness');
  for (const f of Object.keys(before)) {
    mkdirSync(dirname(join(witness, f)), { recursive: true });
    linkSync(join(site, f), join(witness, f));
  }
  writeFileSync(join(bulletins, added.path), added.text);
  const result = await rebuildAndCompare('subset');
  assert.ok(result.plan.items < 60, `only the changed pages: ${result.plan.items}`);
  assert.ok(result.plan.changedYears.includes(Number(added.path.slice(0, 4))), `changed years: ${result.plan.changedYears}`);
  // Years the new bulletin does not touch keep their search index, copied rather than rebuilt.
  assert.ok(result.search.reused.length > 0, `reused shards: ${result.search.reused}`);
  assert.ok(!result.search.reused.some((name) => name.startsWith(added.path.slice(0, 4))), `the added year is indexed again: ${result.search.reused}`);
  assert.deepEqual(snapshot(witness), before, 'no file of the previous site was written in place');
  rmSync(witness, { recursive: true, force: true });
});

test('nothing changed: a subset build renders no list page and keeps the site', async () => {
  const result = await rebuildAndCompare('subset');
  assert.equal(result.plan.items, 0);
});

test('a changed date falls back to a full build', async () => {
  const file = join(bulletins, added.path);
  const day = added.path.slice(13, 15) === '28' ? '27' : '28';
  writeFileSync(file, `---\ndate: ${added.path.slice(5, 12)}-${day}\n---\n${added.text}`);
  await rebuildAndCompare('full', /is gone/);
});

test('a removed bulletin falls back to a full build, which still keeps the other years\' search indexes', async () => {
  rmSync(join(bulletins, added.path));
  const result = await rebuildAndCompare('full', /is gone/);
  assert.ok(result.search.reused.length > 0, `reused shards: ${result.search.reused}`);
  assert.ok(!result.search.reused.some((name) => name.startsWith(added.path.slice(0, 4))), `the removed one's year is indexed again: ${result.search.reused}`);
});

test('a full build asked for indexes every year again', async () => {
  const result = await buildInto(site, true);
  assert.equal(result.plan.mode, 'full');
  assert.deepEqual(result.search.reused, []);
});

test('in place (the dev server): the new files are moved into the same folder, and the site is the one a full build makes', async () => {
  const folder = statSync(site).ino;
  writeFileSync(join(bulletins, added.path), added.text);
  const result = await rebuildAndCompare('subset', undefined, true);
  assert.ok(result.plan.items > 0 && result.plan.items < 60, `only the changed pages: ${result.plan.items}`);
  assert.ok(result.search.reused.length > 0, `reused shards: ${result.search.reused}`);
  assert.equal(statSync(site).ino, folder, 'the same folder, not a swapped copy');
  assert.deepEqual(readdirSync(root).filter((f) => f.includes('.build-')), [], 'no staging folder is left');
  // And the next build trusts it: nothing changed, nothing rendered.
  assert.equal((await rebuildAndCompare('subset', undefined, true)).plan.items, 0);
  // A removal in place is a full build that swaps the folder: the indexes it kept go with it.
  rmSync(join(bulletins, added.path));
  const removed = await rebuildAndCompare('full', /is gone/, true);
  assert.ok(removed.search.reused.length > 0, `reused shards: ${removed.search.reused}`);
});

for (const name of ['officials.yml', 'redirects.yml']) {
  test(`a change to ${name} falls back to a full build`, async () => {
    writeFileSync(join(content, name), '# nothing yet\n');
    try {
      await rebuildAndCompare('full', /editor file/);
    } finally {
      rmSync(join(content, name));
    }
    await buildInto(site);
  });
}

test('a site not made by the last build (no or another fingerprint) gets a full build', async () => {
  rmSync(fingerprintPath(site));
  await rebuildAndCompare('full', /no previous build/);
  const moved = join(root, 'moved');
  renameSync(site, moved);
  await buildInto(moved, true);
  renameSync(moved, site);
  // The fingerprint beside `site` is gone with the move; one beside `moved` does not vouch for `site`.
  await rebuildAndCompare('full');
});

test('a failed subset build leaves the previous site and its fingerprint as they were', async () => {
  const before = snapshot(site);
  const fingerprint = readFileSync(fingerprintPath(site), 'utf8');
  writeFileSync(join(bulletins, added.path), added.text);
  // A fault in the middle of rendering, after the previous site was linked into the temp folder.
  const stage = { total: undefined, count: 0, update() {}, end() {}, tick() {} };
  const clock = { start: (name: string) => (name === 'render' ? { ...stage, tick() { throw new Error('injected render fault'); } } : stage) };
  const chain = (e: unknown): string => (e ? `${String(e)} ${chain((e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause)}` : '');
  await assert.rejects(build({ contentDir: content, outDir: site, clock: clock as unknown as StageClock }), (e) => /injected render fault|trouble writing/.test(chain(e)));
  assert.deepEqual(snapshot(site), before, 'the previous site is untouched');
  assert.equal(readFileSync(fingerprintPath(site), 'utf8'), fingerprint);
  assert.deepEqual(readdirSync(root).filter((f) => f.includes('.build-') || f.includes('.old-')), [], 'no temp folder is left');
  // Once the fault is gone, the next build is a subset again and correct.
  await rebuildAndCompare('subset');
  assert.ok(existsSync(join(site, 'index.html')));
});
