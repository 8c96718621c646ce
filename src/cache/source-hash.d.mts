// Types of source-hash.mjs.

/** The files under `paths` (relative to `root`), relative to `root`, sorted; `include` picks names, `exclude` paths not walked. */
export function sourceFiles(root: string, paths: readonly string[], options?: { include?: RegExp; exclude?: readonly string[] }): string[];

/** A hash of `files` (path and bytes) and `extra` strings, as 16 hex digits. */
export function hashSources(root: string, files: readonly string[], extra?: readonly string[]): string;

/** hashSources of sourceFiles. */
export function sourceHash(root: string, sources: { paths: readonly string[]; include?: RegExp; exclude?: readonly string[]; extra?: readonly string[] }): string;

/** "name@version" of an installed package, "name@?" when absent. */
export function packageVersion(root: string, name: string): string;
