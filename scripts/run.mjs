// The one way the repository's TypeScript runs: compiles it with esbuild into one plain-JavaScript
// copy and runs a command's compiled file. Every npm script goes through here (the tests through
// scripts/run-tests.mjs, which uses compiledCopy), so no process pays for a loader's module hooks.
//
// Usage: node scripts/run.mjs scripts/build.ts [args...]
//
// The compiled copy lives in .cache/build/<hash of the sources>/, mirroring the repository (so a
// module finds its neighbours, and node_modules, as the sources do; src/paths.ts tells the code where
// the repository is). Each Node file is compiled on its own, imports kept, with a linked source map
// (read only under --enable-source-maps, as the tests run). The browser entry points
// (src/site/browser/*.ts, never run by Node) are bundled, one file each, into the same place in the
// copy. A copy is made when none of the current sources exists, in a temporary folder renamed into
// place, so processes that start together share one copy and a stale copy is never run.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheDir, pruneCache, tempEntry, touchEntry } from '../src/cache/caches.mjs';
import { hashSources, packageVersion, sourceFiles } from '../src/cache/source-hash.mjs';

/** The repository: the nearest folder above this file with a package.json (this file may be in a copy). */
const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The code that is compiled or copied: TypeScript is compiled, JavaScript copied as it is. */
const CODE = ['src', 'scripts', 'layouts', 'tests', 'site.config.ts', '.eleventy.ts'];
/** Folders inside CODE that hold no code: the tests' data, read from the repository. */
const NOT_CODE = ['tests/fixtures'];
/** The browser code: hashed like the rest, bundled from the entry points below, never run by Node. */
const BROWSER_DIR = 'src/site/browser/';
/** The browser's entry points and their formats: each bundled into one file for /assets/ (src/site/plugin.ts). */
const BROWSER = [['src/site/browser/site.ts', 'iife'], ['src/site/browser/search.ts', 'esm']];

function findRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Every code file, relative to the root, sorted. */
const codeFiles = () => sourceFiles(ROOT, CODE, { include: /(?<!\.d)\.(ts|js|mjs)$/, exclude: NOT_CODE });

/** The compiled copy of the current sources: made now if there is none. */
export async function compiledCopy() {
  const files = codeFiles();
  // The compiler's version is part of what the copy is (its settings are in this file, among the files).
  const dir = join(cacheDir(ROOT, 'build'), hashSources(ROOT, files, [packageVersion(ROOT, 'esbuild')]));
  if (existsSync(dir)) {
    // Recently used: pruning keeps it.
    touchEntry(dir);
    return dir;
  }
  const temp = tempEntry(dir);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const { build } = await import('esbuild');
    const node = files.filter((f) => !f.startsWith(BROWSER_DIR));
    const common = { outdir: temp, outbase: ROOT, bundle: true, format: 'esm', logLevel: 'error', sourcemap: 'linked', sourcesContent: false };
    await Promise.all([
      build({
        ...common,
        entryPoints: node.filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, f)),
        // Each file on its own: every import stays an import, a relative .ts one renamed to .js.
        plugins: [{
          name: 'imports-stay',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => args.kind === 'entry-point'
              ? undefined
              : { path: args.path.startsWith('.') ? args.path.replace(/\.ts$/, '.js') : args.path, external: true });
          },
        }],
        platform: 'node',
        target: 'node20',
      }),
      // The browser's, served as they are (no source map): site.js is a classic script (it reads
      // document.currentScript), search.js a module.
      ...BROWSER.map(([file, format]) => build({
        ...common, entryPoints: [join(ROOT, file)], format, platform: 'browser', target: 'es2022', sourcemap: false,
      })),
    ]);
    for (const file of node.filter((f) => !f.endsWith('.ts'))) cpSync(join(ROOT, file), join(temp, file));
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another process made the same copy first: use that one.
      if (!existsSync(dir)) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  pruneCache('build', dirname(dir), dir);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const script = process.argv[2] && relative(ROOT, resolve(process.argv[2]));
  if (!script || !script.endsWith('.ts') || script.startsWith('..') || script.startsWith(BROWSER_DIR) || !existsSync(join(ROOT, script))) {
    console.error(`run: ${script ? `${process.argv[2]} is not a TypeScript file of this repository` : 'no script given'}\nusage: node scripts/run.mjs scripts/build.ts [args...]`);
    process.exit(2);
  }
  const compiled = join(await compiledCopy(), script.replace(/\.ts$/, '.js'));
  // The script sees itself as the command, as it would when run directly.
  process.argv.splice(1, 2, compiled);
  await import(pathToFileURL(compiled).href);
}
