// The `bulletin` command line: `parse` turns bulletin files into records (JSON, Markdown or a summary).
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { BulletinError, parseBulletinFile } from '../parser/index.ts';
import type { BulletinRecord } from '../record.ts';

const USAGE = `Usage:
  bulletin parse [--year YYYY] [--format json|md|summary] [--out DIR] [--force] FILE|DIR...

  parse     Parse bulletin files (any of UTF-8, UTF-16, GB18030, Big5) into records.
            json (default): a JSON array of the records on stdout.
            md: one Markdown file per record, with the record as YAML front matter, in --out DIR.
            summary: a few readable lines per bulletin.
  --year    The year for dates written without one (7月18日).
  --force   With --format md, replace files already in DIR.
A folder stands for every .txt file below it. Files that fail are reported on stderr as
"FILE: reason"; the others are still parsed. Exit status 1 if any file failed.`;

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'parse') return parseCommand(rest);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`bulletin: unknown command '${command}'\n\n${USAGE}\n`);
  return 2;
}

function parseCommand(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`bulletin parse: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) {
    process.stderr.write(`bulletin parse: --year must be a year such as 2022, not '${values.year}'\n`);
    return 2;
  }
  const format = values.format!;
  if (!['json', 'md', 'summary'].includes(format)) {
    process.stderr.write(`bulletin parse: --format must be json, md or summary, not '${format}'\n`);
    return 2;
  }
  if (format === 'md' && !values.out) {
    process.stderr.write('bulletin parse: --format md needs --out DIR, the folder to write the Markdown files to\n');
    return 2;
  }
  if (positionals.length === 0) {
    process.stderr.write(`bulletin parse: name at least one file\n\n${USAGE}\n`);
    return 2;
  }

  const records: BulletinRecord[] = [];
  let failed = 0;
  for (const file of expandFiles(positionals)) {
    try {
      records.push(parseBulletinFile(file, { year }));
    } catch (error) {
      failed++;
      if (!(error instanceof BulletinError)) throw error;
      process.stderr.write(`${error.message}\n`);
    }
  }

  if (format === 'json') process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  else if (format === 'summary') process.stdout.write(records.map(summary).join('\n'));
  else failed += writeMarkdown(records, values.out!, values.force!);
  return failed > 0 ? 1 : 0;
}

/** Files as given, with each folder replaced by the .txt files below it, in name order. */
function expandFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (existsSync(path) && statSync(path).isDirectory()) {
      return readdirSync(path, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => join(path, name));
    }
    return [path];
  });
}

/** One Markdown file per record, written whole or not at all; returns how many failed. */
function writeMarkdown(records: BulletinRecord[], out: string, force: boolean): number {
  mkdirSync(out, { recursive: true });
  let failed = 0;
  for (const record of records) {
    const { text, ...data } = record;
    const target = join(out, `${record.id}.md`);
    if (existsSync(target) && !force) {
      process.stderr.write(`${record.source_file.path}: ${target} exists already; pass --force to replace it\n`);
      failed++;
      continue;
    }
    const temporary = `${target}.${process.pid}.tmp`;
    // JSON round trip: plain data only (no Date objects), as YAML will hold it.
    writeFileSync(temporary, matter.stringify(`${text}\n`, JSON.parse(JSON.stringify(data))));
    renameSync(temporary, target);
  }
  return failed;
}

function summary(r: BulletinRecord): string {
  const lines = [
    `${r.source_file.path}`,
    `  ${r.date}${r.end_date ? `–${r.end_date}` : ''}  ${r.title}`,
    `  source: ${r.source || '(none)'}  script: ${r.script}  encoding: ${r.source_file.encoding}`,
  ];
  for (const m of r.meetings) {
    lines.push(`  meeting: ${m.name} [${m.types.join(', ') || 'kind unknown'}]${m.number !== null ? ` #${m.number}` : ''}`,
      `    chairs: ${m.chairs.join('、') || '-'}  attendees: ${m.attendees.join('、') || '-'}  directives: ${m.directives.length}  documents: ${m.documents.map((d) => `《${d}》`).join('') || '-'}`);
  }
  lines.push(`  officials: ${r.officials.map((o) => `${o.name} (${[...o.titles, ...o.roles].join(', ')})`).join('; ') || '-'}`);
  lines.push(`  reporters: ${r.reporters.map((p) => `${p.role}${p.role ? ' ' : ''}${p.name}`).join('、') || '-'}`);
  for (const w of r.warnings) lines.push(`  warning ${w.line}:${w.column} ${w.rule}: ${w.reason}`);
  return `${lines.join('\n')}\n`;
}

process.exitCode = main(process.argv.slice(2));
