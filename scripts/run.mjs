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
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository: the nearest folder above this file with a package.json (this file may be in a copy). */
const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
/** Where compiled copies go, from the repository root. */
const BUILD_DIR = '.cache/build';
/** The code that is compiled or copied: TypeScript is compiled, JavaScript copied as it is. */
const CODE = ['src', 'scripts', 'layouts', 'tests', 'site.config.ts', '.eleventy.ts'];
/** Folders inside CODE that hold no code: the tests' data, read from the repository. */
const NOT_CODE = ['tests/fixtures'];
/** The browser code: hashed like the rest, bundled from the entry points below, never run by Node. */
const BROWSER_DIR = 'src/site/browser/';
/** The browser's entry points and their formats: each bundled into one file for /assets/ (src/site/plugin.ts). */
const BROWSER = [['src/site/browser/site.ts', 'iife'], ['src/site/browser/search.ts', 'esm']];
/** Copies kept, the current one among them (another process may still be running an older one). */
const KEEP = 4;

function findRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Every code file, relative to the root, sorted. */
function codeFiles() {
  const files = [];
  const walk = (path) => {
    if (NOT_CODE.includes(path)) return;
    if (statSync(join(ROOT, path)).isDirectory()) {
      for (const name of readdirSync(join(ROOT, path)).sort()) walk(join(path, name));
    } else if (/\.(ts|js|mjs)$/.test(path) && !path.endsWith('.d.ts')) {
      files.push(path);
    }
  };
  for (const part of CODE) if (existsSync(join(ROOT, part))) walk(part);
  return files;
}

/** The compiled copy of the current sources: made now if there is none. */
export async function compiledCopy() {
  const files = codeFiles();
  const hash = createHash('sha256');
  // The compiler's version and settings are part of what the copy is.
  hash.update(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'))).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  const dir = join(ROOT, BUILD_DIR, hash.digest('hex').slice(0, 16));
  if (existsSync(dir)) {
    // Recently used: pruning keeps it.
    utimesSync(dir, new Date(), new Date());
    return dir;
  }
  const temp = `${dir}.tmp-${process.pid}`;
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
  prune(dirname(dir));
  return dir;
}

/** Removes all but the KEEP most recently used copies, and temporary folders of processes gone. */
function prune(parent) {
  const entries = readdirSync(parent).map((name) => ({ name, path: join(parent, name), used: statSync(join(parent, name)).mtimeMs }));
  const copies = entries.filter((e) => /^[0-9a-f]{16}$/.test(e.name)).sort((a, b) => b.used - a.used);
  for (const old of copies.slice(KEEP)) rmSync(old.path, { recursive: true, force: true });
  for (const temp of entries.filter((e) => /\.tmp-\d+$/.test(e.name))) {
    const pid = Number(temp.name.replace(/.*\.tmp-/, ''));
    if (!isRunning(pid)) rmSync(temp.path, { recursive: true, force: true });
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
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
