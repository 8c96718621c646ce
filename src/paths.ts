// Where the repository is, and which copy of the code is running: the TypeScript sources (through
// tsx: tests, the dev server, the CLI) or the compiled copy scripts/run.mjs makes for `npm run build`
// (.cache/build/<hash>/, the same tree as plain JavaScript). Code that names files of the repository
// or of the code goes through here.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The extension of the running code's modules: '.ts' in the sources, '.js' in the compiled copy. */
export const CODE_EXT = here.endsWith('.js') ? '.js' : '.ts';

/** The root of the running code: the repository, or the compiled copy of it. */
export const CODE_ROOT = resolve(dirname(here), '..');

/** The repository: package.json, node_modules, the page assets, content/. The compiled copy has no package.json. */
export const ROOT = findRoot(CODE_ROOT);

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
