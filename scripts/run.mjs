// Runs one of the repository's TypeScript commands as plain JavaScript compiled by esbuild, without
// tsx's module hooks: `npm run build` goes through here. tsx sends every module the process loads
// (Eleventy's hundreds included) through hooks on a loader thread: 2-3 CPU-s and about a second of
// a 10,000-bulletin build, and a second of a one-bulletin one. Tests and the dev server still run
// the sources through tsx; both kinds of build write the same site (tests/site/compiled.test.ts).
//
// Usage: node scripts/run.mjs scripts/build.ts [args...]
//
// The compiled copy lives in .cache/build/<hash of the sources>/, mirroring the repository (so a
// module finds its neighbours, and node_modules, as the sources do; src/paths.ts tells the code which
// copy it is). It is made when no copy of the current sources exists, in a temporary folder renamed
// into place, so processes that start together share one copy and a stale copy is never run.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheDir, pruneCache, tempEntry, touchEntry } from '../src/cache/caches.mjs';
import { hashSources, packageVersion, sourceFiles } from '../src/cache/source-hash.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The code that is compiled or copied: TypeScript is compiled, JavaScript copied as it is. */
const CODE = ['src', 'scripts', 'layouts', 'site.config.ts', '.eleventy.ts'];
/** Browser files, read from the sources by the build (src/site/plugin.ts), never run by Node. */
const NOT_CODE = ['src/site/assets'];
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
    await build({
      entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, f)),
      outdir: temp,
      outbase: ROOT,
      // Each file on its own: every import stays an import, a relative .ts one renamed to .js.
      bundle: true,
      plugins: [{
        name: 'imports-stay',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => args.kind === 'entry-point'
            ? undefined
            : { path: args.path.startsWith('.') ? args.path.replace(/\.ts$/, '.js') : args.path, external: true });
        },
      }],
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
    });
    for (const file of files.filter((f) => !f.endsWith('.ts'))) cpSync(join(ROOT, file), join(temp, file));
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
  if (!script || !script.endsWith('.ts') || script.startsWith('..') || !existsSync(join(ROOT, script))) {
    console.error(`run: ${script ? `${process.argv[2]} is not a TypeScript file of this repository` : 'no script given'}\nusage: node scripts/run.mjs scripts/build.ts [args...]`);
    process.exit(2);
  }
  const compiled = join(await compiledCopy(), script.replace(/\.ts$/, '.js'));
  // The script sees itself as the command, as it would when run directly.
  process.argv.splice(1, 2, compiled);
  await import(pathToFileURL(compiled).href);
}
