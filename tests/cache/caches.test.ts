// The caches' table and pruner (src/cache/caches.mjs) and the sources' hash (src/cache/source-hash.mjs):
// each policy keeps what it says, a killed run's temp folder goes once its process is gone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheDir, pruneCache, tempEntry } from '../../src/cache/caches.mjs';
import { sourceFiles, sourceHash } from '../../src/cache/source-hash.mjs';
import { cleanUp, tempArchive } from '../helpers/archive.ts';

const a = tempArchive('caches');
after(() => cleanUp(a.root));

/** Makes entries in `dir`, each used `ageMs[i]` ago. */
function entries(dir: string, ageMs: Record<string, number>): void {
  for (const [name, age] of Object.entries(ageMs)) {
    mkdirSync(join(dir, name), { recursive: true });
    const when = new Date(Date.now() - age);
    utimesSync(join(dir, name), when, when);
  }
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('caches', () => {
  test('the build cache keeps the 4 most recently used, the current one among them, and any used in the last hour', () => {
    const dir = join(a.root, 'build');
    const hour = 3600 * 1000;
    entries(dir, { a: 5 * hour, b: 4 * hour, c: 3 * hour, d: 2 * hour, e: 1.5 * hour, old: 9 * hour });
    pruneCache('build', dir, join(dir, 'old'));
    assert.deepEqual(readdirSync(dir).sort(), ['c', 'd', 'e', 'old']);
    // A copy a long test run still uses is not pruned under it.
    const busy = join(a.root, 'busy');
    entries(busy, { a: 50 * 60 * 1000, b: 40 * 60 * 1000, c: 30 * 60 * 1000, d: 20 * 60 * 1000, e: 10 * 60 * 1000, old: 9 * hour });
    pruneCache('build', busy, join(busy, 'e'));
    assert.deepEqual(readdirSync(busy).sort(), ['a', 'b', 'c', 'd', 'e']);
  });

  test('the parse cache drops versions unused for a day, never the current one', () => {
    const dir = join(a.root, 'parse');
    const day = 24 * 3600 * 1000;
    entries(dir, { recent: 1000, stale: 2 * day, current: 3 * day });
    pruneCache('parse', dir, join(dir, 'current'));
    assert.deepEqual(readdirSync(dir).sort(), ['current', 'recent']);
  });

  test('a temp folder goes once its process is gone, not while it runs', () => {
    const dir = join(a.root, 'temps');
    entries(dir, { [`x.tmp-${deadPid()}`]: 0, [tempEntry('y').replace(/.*\//, '')]: 0 });
    pruneCache('build', dir);
    assert.deepEqual(readdirSync(dir), [`y.tmp-${process.pid}`]);
  });

  test('ARCHIVE_PARSE_CACHE names the parse cache\'s folder or turns it off', () => {
    const before = process.env.ARCHIVE_PARSE_CACHE;
    try {
      process.env.ARCHIVE_PARSE_CACHE = join(a.root, 'elsewhere');
      assert.equal(cacheDir('/repo', 'parse'), join(a.root, 'elsewhere'));
      process.env.ARCHIVE_PARSE_CACHE = 'off';
      assert.equal(cacheDir('/repo', 'parse'), undefined);
      delete process.env.ARCHIVE_PARSE_CACHE;
      assert.equal(cacheDir('/repo', 'parse'), '/repo/.cache/parse');
      assert.equal(cacheDir('/repo', 'build'), '/repo/.cache/build');
    } finally {
      if (before === undefined) delete process.env.ARCHIVE_PARSE_CACHE;
      else process.env.ARCHIVE_PARSE_CACHE = before;
    }
  });

  test('the sources\' hash changes with a file\'s bytes, its name or an extra string, and only then', () => {
    const root = join(a.root, 'src-hash');
    mkdirSync(join(root, 'lib/deep'), { recursive: true });
    writeFileSync(join(root, 'lib/b.ts'), 'b');
    writeFileSync(join(root, 'lib/deep/a.ts'), 'a');
    writeFileSync(join(root, 'lib/notes.md'), 'n');
    const sources = { paths: ['lib', 'missing.ts'], include: /\.ts$/, extra: ['pkg@1'] };
    assert.deepEqual(sourceFiles(root, sources.paths, sources), ['lib/b.ts', 'lib/deep/a.ts']);
    const first = sourceHash(root, sources);
    assert.match(first, /^[0-9a-f]{16}$/);
    writeFileSync(join(root, 'lib/notes.md'), 'not a source');
    assert.equal(sourceHash(root, sources), first);
    assert.notEqual(sourceHash(root, { ...sources, extra: ['pkg@2'] }), first);
    writeFileSync(join(root, 'lib/b.ts'), 'b2');
    assert.notEqual(sourceHash(root, sources), first);
  });
});
