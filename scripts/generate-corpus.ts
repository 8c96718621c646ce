// npm run corpus: writes a generated, fictional bulletin corpus (src/corpus/) to a folder.
// Usage: npm run corpus -- --out DIR [--n 1000] [--seed 42] … (--help lists the options)
import { main } from '../src/corpus/cli.ts';

process.exitCode = main(process.argv.slice(2));
