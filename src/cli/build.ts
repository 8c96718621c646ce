// The `build` command's terminal front: parses the arguments, runs the build (src/build/build.ts)
// with progress lines, prints the warnings, or every problem when the build fails.
import { parseArgs } from 'node:util';
import { ArchiveError } from '../archive/model.ts';
import { build } from '../build/build.ts';
import { StageClock } from '../build/progress.ts';
import { terminalLine } from '../messages/terminal-lines.ts';
import { env } from '../config.ts';

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: env.contentDir },
      out: { type: 'string', default: env.outDir },
      quiet: { type: 'boolean', default: false },
      timings: { type: 'string' },
      full: { type: 'boolean', default: false },
    },
  });
  try {
    const clock = new StageClock({ show: !values.quiet });
    const result = await build({ contentDir: values.content!, outDir: values.out!, clock, full: values.full });
    if (values.timings) clock.write(values.timings, { bulletins: result.bulletins, pages: result.pages, seconds: result.seconds });
    if (!values.quiet) {
      console.log(`built ${result.bulletins} bulletins (${result.pages} files) into ${values.out} in ${result.seconds.toFixed(1)} s`);
      console.log(result.plan.mode === 'subset' ? `subset build: ${result.plan.items} changed page(s) rendered over the previous site` : `full build: ${result.plan.reason}`);
      console.log(`search: ${result.search.shards.length} Pagefind index(es) in ${result.search.seconds.toFixed(1)} s`);
    }
    if (result.warnings.length > 0) {
      console.log(`\n${result.warnings.length} warning(s) (also on /report/):`);
      for (const w of result.warnings) console.log(`  ${terminalLine(w)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) {
      console.error(`build failed: ${error.messages.length} problem(s); ${values.out} was left as it was.`);
      for (const m of error.messages) console.error(`  ${terminalLine(m)}`);
    } else {
      console.error(`build failed; ${values.out} was left as it was.\n${(error as Error).stack ?? String(error)}`);
    }
    return 1;
  }
}
