// The shared corpora (../shared beside the repository: the user's seed bulletin, real published
// texts, the annotated development set). CI has them; a user's clone may not: the tests that read
// them are then skipped, each saying why.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../src/paths.ts';

/** The shared folder, beside the repository root. */
export const SHARED = resolve(ROOT, '..', 'shared');

/** A path inside the shared folder. */
export const shared = (...parts: string[]) => join(SHARED, ...parts);

/**
 * The `skip` option for a test or suite that reads `parts` of the shared folder: false when they
 * are there, else the reason the runner prints.
 */
export function unlessShared(...parts: string[]): false | string {
  return existsSync(shared(...parts)) ? false : `needs ../shared/${parts.join('/')} (the shared corpora), which is not beside this clone`;
}
