// npm run bench: the build benchmark on a generated corpus, beside stock Eleventy + Pagefind and
// Hugo in the same run (src/bench/bench.ts; `npm run bench -- --help` lists the options).
import { main } from '../src/bench/bench.ts';

process.exitCode = await main(process.argv.slice(2));
