// One hash of named sources (files and folders of the repository, plus strings such as package
// versions): the key of every cache that must change when its code does (scripts/run.mjs's compiled
// copies, the parse cache's parser version, a built site's code fingerprint). Plain JavaScript, so
// scripts/run.mjs can use it before anything is compiled; types are in source-hash.d.mts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files under `paths` (files or folders, relative to `root`), relative to `root`, sorted;
 * a path that does not exist is left out. `include`: which file names count (all when absent);
 * `exclude`: paths (relative to `root`) not walked into.
 * @param {string} root
 * @param {readonly string[]} paths
 * @param {{ include?: RegExp; exclude?: readonly string[] }} [options]
 * @returns {string[]}
 */
export function sourceFiles(root, paths, { include, exclude = [] } = {}) {
  const files = [];
  const walk = (path) => {
    if (exclude.includes(path)) return;
    if (statSync(join(root, path)).isDirectory()) {
      for (const name of readdirSync(join(root, path))) walk(join(path, name));
    } else if (!include || include.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) if (existsSync(join(root, path))) walk(path);
  return files.sort();
}

/**
 * A hash of `files` (relative to `root`: each one's path and bytes, in the order given) and of
 * `extra` strings (versions, settings), as 16 hex digits: what a cache folder is named after.
 * @param {string} root
 * @param {readonly string[]} files
 * @param {readonly string[]} [extra]
 * @returns {string}
 */
export function hashSources(root, files, extra = []) {
  const hash = createHash('sha256');
  for (const text of extra) hash.update(text).update('\0');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * hashSources of sourceFiles: a hash of the files under `paths` and of `extra`.
 * @param {string} root
 * @param {{ paths: readonly string[]; include?: RegExp; exclude?: readonly string[]; extra?: readonly string[] }} sources
 * @returns {string}
 */
export function sourceHash(root, { paths, include, exclude, extra }) {
  return hashSources(root, sourceFiles(root, paths, { include, exclude }), extra);
}

/**
 * "name@version" of an installed package (node_modules/<name>/package.json), "name@?" when absent:
 * what a hash takes to change when a package that shapes its output is updated.
 * @param {string} root
 * @param {string} name
 * @returns {string}
 */
export function packageVersion(root, name) {
  try {
    return `${name}@${JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version}`;
  } catch {
    return `${name}@?`;
  }
}
