// Imported first by scripts/build.ts, so that its body runs before Eleventy's and the rest of the
// build's modules are evaluated. When the build runs as a command, the parse helper's thread starts
// here and loads the parser while this thread loads the build; a cold build of 10,000 bulletins
// then parses on two threads from its start (src/editor/parse-helper-thread.ts).
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHelperThreadEarly } from '../src/editor/parse-helper-thread.ts';

/**
 * Is `script` (this process's, by default) scripts/build.ts, run as a command rather than imported?
 * (Or scripts/build.js of the compiled copy that scripts/run.mjs runs.)
 */
export function isBuildCommand(script: string | undefined = process.argv[1]): boolean {
  return script !== undefined && resolve(script) === fileURLToPath(new URL(`./build${extname(import.meta.url)}`, import.meta.url));
}

if (isBuildCommand()) startHelperThreadEarly();
