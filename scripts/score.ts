// `npm run -s score -- DIR [--json]`: the parser's score on a folder of hand-annotated bulletins
// (DIR/expected.json, as in shared/corpus/annotated): checks per field, then every miss.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatScore, scoreFolder } from '../src/scoring/score.ts';

const USAGE = 'Usage: npm run -s score -- DIR [--json]   (DIR holds expected.json and the annotated files)';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  } catch (error) {
    process.stderr.write(`score: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [dir, ...extra] = args.positionals;
  if (dir === undefined || extra.length > 0) {
    process.stderr.write(`score: give one folder\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(join(dir, 'expected.json'))) {
    process.stderr.write(`score: ${join(dir, 'expected.json')} does not exist; DIR must hold the annotations as expected.json\n`);
    return 2;
  }
  const score = scoreFolder(dir);
  process.stdout.write(args.values.json ? `${JSON.stringify(score)}\n` : formatScore(score));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
