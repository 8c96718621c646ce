// Runs every tests/**/*.test.ts with Node's test runner, in the compiled copy of the code that every
// command runs (scripts/run.mjs), with source maps so a failure names the .ts line.
// Usage: npm test [-- substring]  (only test files whose path contains the substring)
// Tests run from the repository root and find their data there (tests/fixtures/, src/paths.ts ROOT).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compiledCopy } from './run.mjs';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv[2];
const files = find('tests').filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`no test files found${filter ? ` matching "${filter}"` : ''}`);
  process.exit(1);
}
const copy = await compiledCopy();
console.log(`running ${files.length} test files`);
const compiled = files.map((f) => join(copy, f.replace(/\.ts$/, '.js')));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...compiled], { stdio: 'inherit' });
process.exit(result.status ?? 1);
