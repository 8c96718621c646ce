// The `bulletin` command line: `parse` turns bulletin files into records (JSON, Markdown or a summary);
// `add` files received bulletins into the archive; `check` parses the whole archive and reports.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { Adder, type AddResult, DuplicateIndex, expandInputs, summaryLines } from './add.ts';
import { displayPath } from '../fs/display-path.ts';
import { ArchiveLockedError, type ArchiveLock, lockArchive } from '../fs/archive-lock.ts';
import { removeDeadTempFiles } from '../fs/litter.ts';
import { irregularReason } from '../fs/regular-file.ts';
import { sharedParseCache } from '../cache/parse-cache.ts';
import { BulletinError, parseBulletinFile } from '../parser/index.ts';
import type { BulletinRecord } from '../record.ts';
import { ArchiveError } from '../archive/model.ts';
import { loadArchive } from '../archive/load.ts';
import { scanBulletinFiles } from '../archive/scan.ts';
import { messageLine } from '../messages/text.ts';
import { terminalLine, terminalLintLine } from '../messages/terminal-lines.ts';
import { terminalJson, terminalText } from '../messages/terminal.ts';
import { env } from '../config.ts';

const USAGE = `Usage:
  bulletin parse [--year YYYY] [--date YYYY-MM-DD] [--format json|md|summary] [--out DIR] [--force] FILE|DIR...

  parse     Parse bulletin files (any of UTF-8, UTF-16, GB18030, Big5) into records.
            json (default): a JSON array of the records on stdout.
            md: one Markdown file per record, with the record as YAML front matter, in --out DIR.
            summary: a few readable lines per bulletin.
  --year    The year for dates written without one (7月18日).
  --date    The date of a bulletin whose text gives none (any date in the text wins).
  --force   With --format md, replace files already in DIR.
A folder stands for every .txt file below it. Files that fail are reported on stderr as
"FILE[:LINE]: reason [rule]"; the others are still parsed. Exit status 1 if any file failed.

  bulletin add [--year YYYY] [--content DIR] [--dry-run] FILE|DIR...

  add       File received bulletins (any supported encoding) into DIR/bulletins/YYYY/ (default
            content/) as UTF-8 YYYY-MM-DD-<slug>.txt, the text as received plus 'received:' (file,
            encoding, sha256) in its front matter; the slug is the original's name without a leading
            index number or the bulletin's date (007_huangshi_2021-06-06.txt → huangshi). A file whose
            bytes the archive has (a stored bulletin's received.sha256, or its own bytes) is skipped
            before it is parsed, as is one whose text (in either script) is there; one that does not
            parse is refused; nothing is overwritten.
  --dry-run Say what would happen; write nothing.
Exit status 1 if any file was refused, else 0 (duplicates are skipped, not errors).

  bulletin check [--content DIR]

  check     Parse every bulletin of the archive (through the parse cache, .cache/parse) and print
            its errors and warnings as FILE:LINE:COL: rule: reason. Exit status 1 on any error or
            fatal warning, or a problem the build would stop on (a URL taken twice, officials.yml …).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'parse') return parseCommand(rest);
  if (command === 'add') return addCommand(rest);
  if (command === 'check') return await checkCommand(rest);
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
        date: { type: 'string' },
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
  const year = yearOption('parse', values.year);
  if (year === null) return 2;
  const date = values.date;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    process.stderr.write(`bulletin parse: --date must be a date such as 2022-07-18, not '${date}'\n`);
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
    // A link, FIFO, socket or device is refused by name (a FIFO would block the read).
    let irregular: string | undefined;
    try {
      irregular = irregularReason(file);
    } catch { /* missing or unreadable: the parser says so */ }
    if (irregular) {
      failed++;
      process.stderr.write(terminalText(`${file}: ${irregular}\n`));
      continue;
    }
    try {
      records.push(parseBulletinFile(file, { year, date }));
    } catch (error) {
      failed++;
      if (!(error instanceof BulletinError)) throw error;
      process.stderr.write(`${terminalLine(error.messages[0]!)}\n`);
    }
  }

  if (format === 'json') process.stdout.write(terminalJson(`${JSON.stringify(records, null, 2)}\n`));
  else if (format === 'summary') process.stdout.write(terminalText(records.map(summary).join('\n')));
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
      process.stderr.write(terminalText(`${record.source_file.path}: ${target} exists already; pass --force to replace it\n`));
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
  for (const w of r.warnings) lines.push(`  warning ${messageLine(w)}`);
  return `${lines.join('\n')}\n`;
}


/** Reads --year as parse does; undefined when absent, null when invalid (after saying so). */
function yearOption(command: string, value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (Number.isInteger(year) && year >= 1900 && year <= 2100) return year;
  process.stderr.write(`bulletin ${command}: --year must be a year such as 2022, not '${value}'\n`);
  return null;
}

async function addCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        content: { type: 'string', default: env.contentDir },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`bulletin add: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  const year = yearOption('add', values.year);
  if (year === null) return 2;
  if (positionals.length === 0) {
    process.stderr.write(`bulletin add: name at least one file or folder\n\n${USAGE}\n`);
    return 2;
  }
  const contentDir = values.content!;
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    process.stderr.write(terminalText(`bulletin add: the content folder ${contentDir} does not exist; pass --content DIR\n`));
    return 2;
  }
  const dryRun = values['dry-run']!;
  const files = expandInputs(positionals);
  if (files.length === 0) {
    process.stderr.write(terminalText(`bulletin add: no .txt files in ${positionals.join(' ')}\n`));
    return 2;
  }

  // One add at a time: the archive is read under the lock, so a second add sees what the first filed.
  let lock: ArchiveLock | undefined;
  if (!dryRun) {
    try {
      lock = lockArchive(contentDir);
    } catch (error) {
      if (!(error instanceof ArchiveLockedError)) throw error;
      process.stderr.write(terminalText(`bulletin add: ${error.message}\n`));
      return 1;
    }
    // What a killed add left: its temp files (only a dead process's).
    removeDeadTempFiles(contentDir);
  }
  try {
    return await addFiles(contentDir, files, year, dryRun);
  } finally {
    lock?.release();
  }
}

/** Adds `files` to the archive (under its lock unless a dry run); returns the exit status. */
async function addFiles(contentDir: string, files: string[], year: number | undefined, dryRun: boolean): Promise<number> {
  const index = DuplicateIndex.load(contentDir, sharedParseCache());
  const adder = new Adder({ contentDir, year, dryRun }, index);
  const progress = new Progress(files.length, process.stderr.isTTY === true && files.length > 1);
  let interrupted = false;
  const onSignal = () => { interrupted = true; };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const results: AddResult[] = [];
  try {
    for (const file of files) {
      // Between files, let a Ctrl-C in: each file is written whole or not at all, so stopping here is safe.
      await new Promise((ok) => setImmediate(ok));
      if (interrupted) break;
      progress.show(results.length, file);
      const result = adder.add(file);
      results.push(result);
      progress.print(terminalText(describe(result, dryRun)));
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.done();
  }

  if (files.length > 1) process.stdout.write(terminalText(`\n${table(results, dryRun)}`));
  const count = (status: AddResult['status']) => results.filter((r) => r.status === status).length;
  const left = files.length - results.length;
  process.stdout.write(`${results.length} file(s)${dryRun ? ' (dry run: nothing written)' : ''}: ${count('added')} ${dryRun ? 'would be added' : 'added'}, ` +
    `${count('skipped')} skipped (duplicates), ${count('refused')} refused${left ? `; stopped, ${left} not looked at` : ''}\n`);
  if (interrupted) return 130;
  return count('refused') > 0 ? 1 : 0;
}

/** The lines printed for one file as soon as it is done. */
function describe(r: AddResult, dryRun: boolean): string {
  const where = `${r.source}${r.line ? `:${r.line}` : ''}`;
  if (r.status === 'refused') return `refused  ${where}: ${r.reason}\n`;
  if (r.status === 'skipped') return `skipped  ${r.source}: ${r.reason}\n`;
  const head = `${dryRun ? 'would add' : 'added'}  ${r.target}  ← ${r.source} (${r.encoding})`;
  return `${[head, ...summaryLines(r.record!).map((line) => `         ${line}`)].join('\n')}\n`;
}

/** The closing table: one row per file, what happened and where it went (or why not). */
function table(results: AddResult[], dryRun: boolean): string {
  const rows = results.map((r) => [
    r.status === 'added' && dryRun ? 'would add' : r.status,
    r.source,
    r.status === 'added' ? r.target! : `${r.line ? `line ${r.line}: ` : ''}${r.reason}`,
  ]);
  const header = ['status', 'file', 'stored as / reason'];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`).join('\n') + '\n\n';
}

/** A progress bar on a terminal (stderr), redrawn under the lines printed for each file; nothing otherwise. */
class Progress {
  private drawn = false;
  constructor(private readonly total: number, private readonly enabled: boolean) {}
  show(done: number, file: string): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    const name = terminalText(file.length > 40 ? `…${file.slice(-39)}` : file);
    process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${name}`);
    this.drawn = true;
  }
  print(text: string): void {
    this.clear();
    process.stdout.write(text);
  }
  done(): void {
    this.clear();
  }
  private clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[2K');
    this.drawn = false;
  }
}

async function checkCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { content: { type: 'string', default: env.contentDir } } });
  } catch (error) {
    process.stderr.write(`bulletin check: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const contentDir = args.values.content!;
  if (!existsSync(join(contentDir, 'bulletins'))) {
    process.stderr.write(terminalText(`bulletin check: ${join(contentDir, 'bulletins')} does not exist; pass --content DIR\n`));
    return 2;
  }
  const started = performance.now();
  const cache = sharedParseCache();
  const { files, refused } = scanBulletinFiles(join(resolve(contentDir), 'bulletins'));
  let errors = 0;
  let fatal = 0;
  let warnings = 0;
  const out: string[] = [];
  // Links, FIFOs, sockets and devices: refused by name, never read.
  for (const f of refused) {
    errors++;
    out.push(terminalLintLine(f));
  }
  for (const file of files) {
    const shown = displayPath(file);
    const { record, error } = cache.parseFile(shown, {}, { textKey: false });
    if (error) {
      errors++;
      out.push(...error.messages.map(terminalLintLine));
      continue;
    }
    for (const w of record!.warnings) {
      if (w.fatal) fatal++;
      else warnings++;
      out.push(terminalLintLine({ ...w, file: shown }));
    }
  }
  const fromCache = cache.hits;
  // What the build checks across files (a URL taken twice, officials.yml, redirects.yml): only
  // when every file parsed, so each problem is told once.
  let archiveProblems = 0;
  if (errors === 0 && fatal === 0) {
    try {
      await loadArchive({ contentDir });
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      archiveProblems += error.messages.length;
      out.push(...error.messages.map(terminalLintLine));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(`checked ${files.length} bulletin(s) in ${seconds.toFixed(2)} s (${fromCache} from the parse cache): ` +
    `${errors} error(s), ${fatal} fatal warning(s), ${warnings} warning(s)${archiveProblems ? `, ${archiveProblems} archive problem(s)` : ''}\n`);
  return errors + fatal + archiveProblems > 0 ? 1 : 0;
}

// `bulletin check | head`: a reader that stops early is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
