// `bulletin add`: files a received bulletin into the archive as UTF-8, once, under a name of its own.
// Pure planning (parse, look for a duplicate, choose a name) and one atomic write per bulletin.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../fs/display-path.ts';
import { pinyin } from 'pinyin-pro';
import { BulletinError, parseBulletin } from '../parser/index.ts';
import { decodeBulletin } from '../parser/decode.ts';
import { toSimplifiedAligned } from '../parser/script.ts';
import { slugFromFileName } from '../parser/steps/title.ts';
import type { BulletinRecord } from '../record.ts';
import { messageLine, messageText } from '../messages/text.ts';
import { bulletinUrl } from '../archive/urls.ts';
import { findBulletinFiles } from '../archive/scan.ts';
import { type WriteHooks, writeNewFile } from '../fs/atomic-write.ts';
import { type ParseCache, textKeyOf } from '../cache/parse-cache.ts';
import { kindOf, NotRegularFileError, readRegularFile } from '../fs/regular-file.ts';
import { foldVariants, VARIANTS } from '../parser/variants.ts';

export interface AddOptions {
  /** The content folder; bulletins go to `bulletins/YYYY/` below it. */
  contentDir: string;
  /** The year for dates written without one. */
  year?: number;
  /** Decide everything, write nothing. */
  dryRun?: boolean;
  /** Test hooks for the writer. */
  hooks?: WriteHooks;
}

export type AddStatus = 'added' | 'skipped' | 'refused';

/** What happened to one received file. */
export interface AddResult {
  status: AddStatus;
  /** The file as given. */
  source: string;
  /** Where it was (or, in a dry run, would be) stored; for a duplicate, the bulletin it repeats. */
  target?: string;
  /** Why it was skipped or refused: "duplicate of …", the parser's reason. */
  reason?: string;
  /** Line of the reason in the received file, when it has one. */
  line?: number;
  /** The record parsed from the received file. */
  record?: BulletinRecord;
  /** The encoding the file was read as. */
  encoding?: string;
}

/**
 * Files as given, each folder replaced by the .txt files below it (hidden ones left out), in name
 * order. Links below a folder are not followed: a .txt that is a link, FIFO, socket or device, and a
 * link to a folder, are listed so that `add` refuses them by name.
 */
export function expandInputs(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (existsSync(path) && statSync(path).isDirectory()) {
      const found: string[] = [];
      const walk = (dir: string, rel: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.name.startsWith('.')) continue;
          const name = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) walk(join(dir, entry.name), name);
          else if (entry.name.toLowerCase().endsWith('.txt') || (entry.isSymbolicLink() && isFolder(join(dir, entry.name)))) found.push(name);
        }
      };
      walk(path, '');
      return found.sort().map((name) => join(path, name));
    }
    return [path];
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Where a received file's bytes are known from already (see DuplicateIndex.bySha256). */
export interface KnownBytes {
  /** The archive file that has them; for a file refused earlier in this run, that file as given. */
  file: string;
  /** How, as a skipped file's reason says it: "the same bytes as the file it was added from". */
  why: string;
}

/** Why a file whose clean text the archive has is skipped. */
const SAME_TEXT = 'the same text, in either script';

/** The reasons of KnownBytes. */
const SAME_BYTES = {
  received: 'the same bytes as the file it was added from',
  stored: 'the same bytes',
  refused: 'the same bytes; refused above',
};

/**
 * What `add` checks a received file against: the archive's original and stored bytes, clean-text
 * keys, names and URLs, with the file that has each. Not the archive model (src/archive/load.ts):
 * it reads every file, broken ones too, and indexes only what tells a duplicate.
 */
export class DuplicateIndex {
  /** SHA-256 (hex) → the file it is known from: a stored bulletin's `received.sha256` and its own bytes' hash. */
  readonly bySha256 = new Map<string, KnownBytes>();
  readonly byTextKey = new Map<string, string>();
  readonly byUrl = new Map<string, string>();
  /** Absolute paths of files taken (on disk, or by this run in a dry run). */
  readonly names = new Set<string>();

  /**
   * Reads every bulletin below `contentDir`/bulletins through the parse cache, with the `received:`
   * of its front matter (from the record, which keeps front-matter extras; else read from the file's
   * head); files that fail to parse are names and hashes only.
   */
  static load(contentDir: string, cache: ParseCache): DuplicateIndex {
    const index = new DuplicateIndex();
    for (const file of findBulletinFiles(join(resolve(contentDir), 'bulletins'))) {
      index.names.add(file);
      const shown = displayPath(file);
      const outcome = cache.parseFile(shown);
      if (outcome.record && outcome.textKey) index.note(outcome.record, outcome.textKey, shown);
      const received = receivedOf(outcome.record) ?? receivedSha256(file);
      if (received) index.noteBytes(received, { file: shown, why: SAME_BYTES.received });
      if (outcome.sha256) index.noteBytes(outcome.sha256, { file: shown, why: SAME_BYTES.stored });
    }
    return index;
  }

  /** Remembers whose bytes have this hash; the first file named keeps it. */
  noteBytes(sha256: string, known: KnownBytes): void {
    if (!this.bySha256.has(sha256)) this.bySha256.set(sha256, known);
  }

  note(record: BulletinRecord, textKey: string, file: string): void {
    if (!this.byTextKey.has(textKey)) this.byTextKey.set(textKey, file);
    if (hasVariant(record.text)) {
      const folded = variantKeyOf(record.text);
      if (!this.byTextKey.has(folded)) this.byTextKey.set(folded, file);
    }
    const url = bulletinUrl(record);
    if (!this.byUrl.has(url)) this.byUrl.set(url, file);
  }
}

// A whole front-matter block at the start of a file: "---\n…\n---\n".
const OPENING_FENCE = /^---[ \t]*(\r?\n)/;
// The received: entry of a front-matter block, with the lines indented under it:
// "received:\n  file: 007_huangshi.txt\n  encoding: gb18030\n  sha256: 3f1c…\n".
const RECEIVED_ENTRY = /^received[ \t]*:(?<entry>.*(?:\r?\n[ \t]+.*)*)/m;
// Its sha256, in block or flow style: "  sha256: 3f1c…" or "{ file: x.txt, sha256: '3f1c…' }".
const RECEIVED_SHA256 = /\bsha256[ \t]*:[ \t]*["']?(?<hex>[0-9a-fA-F]{64})\b/;
/** Bytes read for a front-matter block before reading the whole file: `add` writes a few hundred. */
const HEAD_BYTES = 8192;

/** The `received.sha256` in the front matter of the file at `path`, lower case; undefined when it has none. */
export function receivedSha256(path: string): string | undefined {
  let text: string;
  try {
    text = readHead(path, HEAD_BYTES).toString('utf8').replace(/^\uFEFF/, '');
    if (!OPENING_FENCE.test(text)) return undefined;
    if (blockOf(text) === '') text = readFileSync(path, 'utf8').replace(/^\uFEFF/, ''); // a block longer than the head
  } catch {
    return undefined; // unreadable: the parse cache says so for the file itself
  }
  const entry = RECEIVED_ENTRY.exec(blockOf(text))?.groups?.entry;
  return entry ? RECEIVED_SHA256.exec(entry)?.groups?.hex?.toLowerCase() : undefined;
}

/** The `received.sha256` a record carries from its front matter, when it is a SHA-256. */
function receivedOf(record: BulletinRecord | undefined): string | undefined {
  const received = (record as { received?: { sha256?: unknown } } | undefined)?.received;
  const hex = typeof received === 'object' && received !== null ? received.sha256 : undefined;
  return typeof hex === 'string' && /^[0-9a-f]{64}$/i.test(hex) ? hex.toLowerCase() : undefined;
}

/** Up to `size` bytes from the start of a file. */
function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    return buffer.subarray(0, readSync(fd, buffer, 0, size, 0));
  } finally {
    closeSync(fd);
  }
}

// Names that say nothing about a bulletin: "新建文本文档" in pinyin, "untitled", "copy".
const GENERIC_WORDS = new Set(['bulletin', 'untitled', 'document', 'doc', 'new', 'file', 'text', 'txt', 'copy', 'download', 'tmp', 'temp', 'news', 'xinwen', 'wenjian', 'xin', 'jian', 'wen', 'ben', 'dang']);

// Leading numbers before a received name's words: an index, "007_" (007_huangshi_….txt), "101-"
// (101-huxian-….txt), or a date, "2022-07-18-" (2022-07-18-changwu.txt), "20120705_".
const LEADING_NUMBERS = /^(?:\d+[-_.\s]+)+(?=[^\d\s\-_.])/u;
// Separators left at either end of a name once a date was taken out of it.
const END_SEPARATORS = /^[-_.\s]+|[-_.\s]+$/gu;

/**
 * A received file's name without the noise that would only repeat the archive name's date or
 * count files: a leading index number (007_), and the bulletin's own date wherever it is
 * (_2021-06-06, _20120705, 2021年6月6日). What is left is slugged as the parser slugs a name.
 * Only for naming new files: a file in the archive keeps the id its name gives (makeId).
 */
export function receivedNameSlug(source: string, date: string): string {
  const stem = basename(source, extname(source));
  const cleaned = stem.replace(recordDatePattern(date), ' ').replace(END_SEPARATORS, '').replace(LEADING_NUMBERS, '');
  // Nothing but numbers left: the name as it was (slugFor then falls back on the meeting kinds).
  if (!/[^\d\s\-_.]/u.test(cleaned)) return slugFromFileName(source);
  return slugFromFileName(`${cleaned}.txt`);
}

/** The bulletin's date as a file name may write it: 2021-06-06, 20210606, 2021_6_6, 2021.06.06, 2021年6月6日. */
function recordDatePattern(date: string): RegExp {
  const [y, m, d] = date.split('-') as [string, string, string];
  const month = `0?${Number(m)}`;
  const day = `0?${Number(d)}`;
  return new RegExp(`(?<![0-9])${y}(?:${m}${d}|[-_. ]${month}[-_. ]${day}|年${month}月${day}日?)(?![0-9])`, 'gu');
}

/**
 * The slug for a received file: from its name (receivedNameSlug: without an index number or the
 * bulletin's date) when the name has a real word in it; else from the pinyin of the first meeting's
 * kinds (常务会议 → changwu-huiyi, two meetings: dangzu-changwu-huiyi); else from the title; else "bulletin".
 */
export function slugFor(source: string, record: BulletinRecord): string {
  const fromName = receivedNameSlug(source, record.date);
  if (isMeaningful(fromName)) return fromName;
  // The first kind of the first two meetings, 会议 said once: 党组会议 + 常务会议 → dangzu-changwu-huiyi.
  const kinds = [...new Set(record.meetings.map((m) => m.types[0]).filter((t): t is string => !!t))].slice(0, 2);
  if (kinds.length > 0) {
    const said = kinds.map((kind, i) => (i < kinds.length - 1 ? kind.replace(/会议$/u, '') : kind));
    return said.map(wordPinyin).join('-');
  }
  const han = [...record.title.matchAll(/\p{Script=Han}/gu)].map((m) => m[0]).slice(0, 8).join('');
  return han ? wordPinyin(han) : 'bulletin';
}

/** A slug with at least one word that is not a number, a hex hash (aff82dc70ec967be) or a generic word. */
function isMeaningful(slug: string): boolean {
  return slug.split('-').some((token) => /[a-z]{2,}/.test(token) && !GENERIC_WORDS.has(token) && !(/\d/.test(token) && /^[0-9a-f]+$/.test(token)));
}

/** Pinyin in two-syllable words, which is how most Chinese words are built: 常务会议 → changwu-huiyi. */
function wordPinyin(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' })
    .map((s) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < syllables.length; i += 2) words.push(syllables.slice(i, i + 2).join(''));
  return words.join('-') || 'bulletin';
}

/** A YAML scalar for a file name: plain when safe, else double-quoted (JSON strings are valid YAML). */
function yamlString(value: string): string {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_.\- ]*$/u.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

/**
 * The stored text: the received text as it is, with `received:` (file, encoding, sha256) and, when
 * the year came from --year or the received file's path, `date:` added to its front matter
 * (a block is made when it has none). A `received:` already present is kept: it names the first original.
 */
export function storedText(text: string, received: { file: string; encoding: string; sha256: string }, date?: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fence = OPENING_FENCE.exec(text);
  const hasReceived = fence ? /^received[ \t]*:/m.test(blockOf(text)) : false;
  const lines = [
    ...(hasReceived ? [] : ['received:', `  file: ${yamlString(received.file)}`, `  encoding: ${received.encoding}`, `  sha256: ${received.sha256}`]),
    ...(date ? [`date: ${date}`] : []),
  ];
  if (lines.length === 0) return text;
  const added = lines.map((line) => `${line}${eol}`).join('');
  return fence ? `${fence[0]}${added}${text.slice(fence[0].length)}` : `---${eol}${added}---${eol}${text}`;
}

/** The inside of the front-matter block at the start of `text` (up to the closing fence). */
function blockOf(text: string): string {
  const end = text.slice(3).search(/\r?\n---[ \t]*(?:\r?\n|$)/);
  return end === -1 ? '' : text.slice(0, end + 3);
}

/** Adds bulletins one at a time, remembering what it added so a batch cannot add one twice. */
export class Adder {
  private readonly bulletinsDir: string;

  constructor(readonly options: AddOptions, readonly index: DuplicateIndex) {
    this.bulletinsDir = join(resolve(options.contentDir), 'bulletins');
  }

  /**
   * Plans and (unless a dry run) writes one file. Never throws for a bad file: it is refused.
   * Bytes the archive knows already (a stored bulletin's original or its own file, or a file met
   * earlier in this run) are skipped before any parsing, so a folder added twice is all skipped.
   */
  add(source: string): AddResult {
    let bytes: Buffer;
    try {
      // A regular file only: a link is not followed, a FIFO refused at once instead of waited on.
      bytes = readRegularFile(source);
    } catch (error) {
      if (error instanceof NotRegularFileError) return { status: 'refused', source, reason: error.reason };
      const code = (error as NodeJS.ErrnoException).code;
      return { status: 'refused', source, reason: code === 'EISDIR' ? 'is a folder' : `cannot read the file (${code ?? String(error)})` };
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = this.index.bySha256.get(sha256);
    if (known) return { status: 'skipped', source, target: known.file, reason: `duplicate of ${known.file} (${known.why})` };
    const result = this.plan(source, bytes);
    // The same bytes again in this run are this one's duplicate, whatever became of it.
    if (result.status === 'added') this.index.noteBytes(sha256, { file: result.target!, why: SAME_BYTES.received });
    else if (result.status === 'skipped') this.index.noteBytes(sha256, { file: result.target!, why: SAME_TEXT });
    else this.index.noteBytes(sha256, { file: source, why: SAME_BYTES.refused });
    return result;
  }

  private plan(source: string, bytes: Buffer): AddResult {
    let record: BulletinRecord;
    let text: string;
    try {
      text = decodeBulletin(bytes, source).text;
      record = parseBulletin(bytes, source, { year: this.options.year });
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
      return { status: 'refused', source, reason: messageText(error.messages[0]!), line: error.line };
    }
    const encoding = record.source_file.encoding;
    const fatal = record.warnings.find((w) => w.fatal);
    if (fatal) return { status: 'refused', source, record, encoding, reason: messageText(fatal), line: fatal.line };

    const textKey = textKeyOf(record.text);
    const duplicate = this.index.byTextKey.get(textKey) ?? this.index.byTextKey.get(variantKeyOf(record.text));
    if (duplicate) return { status: 'skipped', source, record, encoding, target: duplicate, reason: `duplicate of ${duplicate} (${SAME_TEXT})` };

    const needsDate = record.origin.date === 'flag' || record.origin.date === 'path';
    const data = Buffer.from(storedText(text, { file: basename(source), encoding, sha256: record.source_file.sha256 }, needsDate ? record.date : undefined), 'utf8');
    const folder = join(this.bulletinsDir, record.date.slice(0, 4));
    const base = `${record.date}-${shortSlug(slugFor(source, record))}`;

    for (let n = 1; n < 1000; n++) {
      const target = join(folder, `${base}${n === 1 ? '' : `-${n}`}.txt`);
      if (this.index.names.has(target) || existsSync(target)) continue;
      // The stored copy must parse on its own, to the same text and date, at a URL of its own.
      let stored: BulletinRecord;
      try {
        stored = parseBulletin(data, displayPath(target));
      } catch (error) {
        if (!(error instanceof BulletinError)) throw error;
        return { status: 'refused', source, record, encoding, reason: `the stored copy would not parse: ${error.reason}` };
      }
      if (stored.date !== record.date || textKeyOf(stored.text) !== textKey) {
        return { status: 'refused', source, record, encoding, reason: `the stored copy would parse differently (date ${stored.date}); add a 'date:' to its front matter` };
      }
      const url = bulletinUrl(stored);
      const taken = this.index.byUrl.get(url);
      if (taken) {
        if (stored.origin.id === 'front-matter') {
          return { status: 'refused', source, record, encoding, reason: `its front-matter id '${stored.id}' would publish at ${url}, which ${taken} has; change or remove the id` };
        }
        continue;
      }
      if (!this.options.dryRun) {
        const unsafe = this.unsafeFolder(folder);
        if (unsafe) return { status: 'refused', source, record, encoding, reason: unsafe };
        try {
          mkdirSync(folder, { recursive: true });
          if (!writeNewFile(target, data, this.options.hooks)) continue; // another writer took the name just now
        } catch (error) {
          // A full disk, a name the file system will not take …: refused, and writeNewFile left nothing behind.
          if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
          return { status: 'refused', source, record, encoding, reason: writeFailure(displayPath(target), error) };
        }
      }
      this.index.names.add(target);
      this.index.note(stored, textKey, displayPath(target));
      this.index.noteBytes(createHash('sha256').update(data).digest('hex'), { file: displayPath(target), why: SAME_BYTES.stored });
      return { status: 'added', source, record, encoding, target: displayPath(target) };
    }
    return { status: 'refused', source, record, encoding, reason: `no free name for ${base}.txt in ${displayPath(folder)}` };
  }

  /**
   * Why `folder` (bulletins/YYYY) must not be written to: it or bulletins/ is a link or no folder,
   * so a bulletin written there could land outside the content folder. Undefined when it is safe.
   */
  private unsafeFolder(folder: string): string | undefined {
    for (const dir of [this.bulletinsDir, folder]) {
      let stats;
      try {
        stats = lstatSync(dir);
      } catch {
        return undefined; // made by mkdir below, as a real folder
      }
      if (!stats.isDirectory()) {
        return `${displayPath(dir)} is ${kindOf(stats)}, not a folder inside the content folder; nothing is written through it: make it a real folder`;
      }
    }
    return undefined;
  }
}

/** The reason for a bulletin that could not be written: the file, what went wrong, what to do. */
export function writeFailure(target: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what: Record<string, string> = {
    ENOSPC: 'the disk is full (ENOSPC); free some space and add it again',
    EDQUOT: 'the disk quota is used up (EDQUOT); free some space and add it again',
    ENAMETOOLONG: 'the name is too long for the file system (ENAMETOOLONG); rename the received file shorter and add it again',
    EACCES: 'no permission to write there (EACCES); check the folder\'s owner and permissions',
    EPERM: 'not permitted to write there (EPERM); check the folder\'s owner and permissions',
    EROFS: 'the file system is read-only (EROFS)',
    EIO: 'the disk reported an I/O error (EIO); check it and add the file again',
  };
  const why = (code && what[code]) ?? `${code ?? (error as Error).message ?? String(error)}; add the file again once that is fixed`;
  return `cannot write ${target}: ${why}; nothing was written`;
}

/** Longest slug `add` gives a new file: with the date, -N, and the temp file's suffix, well inside a file system's 255 bytes. */
const MAX_SLUG = 80;

/** A slug cut to MAX_SLUG characters at a word boundary (a long Chinese name's pinyin runs to hundreds). */
export function shortSlug(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const end = cut.lastIndexOf('-');
  return (end > MAX_SLUG / 2 ? cut.slice(0, end) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

/**
 * A second duplicate key that folds the variants opencc's Traditional → Simplified conversion leaves
 * apart (著 for 着: tw→cn writes 看著 as 看着, t→cn keeps 著), on a character-by-character conversion.
 * The archive index keeps it beside the parse cache's key (textKeyOf) for each stored text that has
 * one of those characters, so a Simplified copy made with opencc tw→cn is found.
 */
export function variantKeyOf(text: string): string {
  return createHash('sha256').update(foldVariants(toSimplifiedAligned(text)).replace(/\s+/gu, ''), 'utf8').digest('hex');
}

/** Whether `text` has either side of a variant the conversion leaves apart (著 or 着): only then can its two keys differ. */
function hasVariant(text: string): boolean {
  variantSides ??= new RegExp(`[${Object.entries(VARIANTS).filter(([from]) => toSimplifiedAligned(from) === from).flat().join('')}]`, 'u');
  return variantSides.test(text);
}

let variantSides: RegExp | undefined;

/** Short summary lines of a record for the terminal: date, title, chairs, meetings, directives, warnings. */
export function summaryLines(record: BulletinRecord): string[] {
  const chairs = [...new Set(record.meetings.flatMap((m) => m.chairs))];
  const directives = record.meetings.reduce((n, m) => n + m.directives.length, 0);
  const lines = [
    `${record.date}${record.end_date ? `–${record.end_date}` : ''}  ${record.title}`,
    `chair: ${chairs.join('、') || '-'}  meetings: ${record.meetings.map((m) => m.name).join('；') || '-'}  directives: ${directives}  warnings: ${record.warnings.length}`,
  ];
  for (const w of record.warnings) lines.push(`warning ${messageLine(w)}`);
  return lines;
}

/** Whether `file` is inside `dir`. */
export function isInside(file: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
