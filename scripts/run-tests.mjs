// Runs the tests with Node's test runner, in the compiled copy of the code that every command runs
// (scripts/run.mjs), with source maps so a failure names the .ts line. tests/ mirrors src/: a
// tests/X/Y.test.ts is a unit test of src/X (fast, no build, no browser); a tests/X/Y.e2e.test.ts
// builds a site, runs a command, drives Chromium or times the parser on large inputs.
// Usage: npm test [-- substring]            every test file (unit first, then end-to-end)
//        npm run test:unit [-- substring]   the unit tests alone
//        npm run test:e2e [-- substring]    the end-to-end tests alone
// (substring: only test files whose path contains it). Tests run from the repository root and find
// their data there (tests/fixtures/, src/paths.ts ROOT).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compiledCopy } from './run.mjs';

const SUITES = { unit: (f) => !f.endsWith('.e2e.test.ts'), e2e: (f) => f.endsWith('.e2e.test.ts') };

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const args = process.argv.slice(2);
const only = ['--unit', '--e2e'].find((a) => args.includes(a))?.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const suites = only ? [only] : ['unit', 'e2e'];
const all = find('tests').filter((f) => !filter || f.includes(filter)).sort();
if (all.length === 0) {
  console.error(`no test files found${filter ? ` matching "${filter}"` : ''}`);
  process.exit(1);
}
const copy = await compiledCopy();
let status = 0;
for (const suite of suites) {
  const files = all.filter(SUITES[suite]);
  if (files.length === 0) continue;
  console.log(`running the ${suite} tests: ${files.length} test files`);
  const compiled = files.map((f) => join(copy, f.replace(/\.ts$/, '.js')));
  const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...compiled], { stdio: 'inherit' });
  status ||= result.status ?? 1;
}
process.exit(status);
