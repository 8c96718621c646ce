// Where the repository is and where the running code is: the compiled copy scripts/run.mjs makes
// of the repository's code (.cache/build/<hash>/, the same tree as plain JavaScript). Code that
// names files of the repository (content, node_modules, fixtures) or of the code goes through here.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of the running code: the compiled copy (this file is its src/paths.js). */
export const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The repository: package.json, node_modules, content/, tests/fixtures/; the copy is its .cache/build/<hash>/. */
export const ROOT = resolve(CODE_ROOT, '../../..');
