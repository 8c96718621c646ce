// npm run build: builds the archive from content/ into _site/ (src/cli/build.ts), printing
// progress, then the warnings; the previous site stays as it was when the build fails.
// Usage: npm run build -- [--content DIR] [--out DIR] [--quiet] [--timings FILE] [--full]
import { main } from '../src/cli/build.ts';

process.exitCode = await main(process.argv.slice(2));
