// npm run -s bench:parse: bulletins parsed per second and the parser's growth table (src/bench/parse.ts).
// Usage: npm run -s bench:parse -- [--n 2000] [--runs 5] [--seed 42]
import { main } from '../src/bench/parse.ts';

main(process.argv.slice(2));
