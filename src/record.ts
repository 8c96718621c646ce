// The bulletin record: the one contract between the parser, the site, search and other tools.
// JSON field names here are public; change them only with every reader of them.

/** Where a field's value came from. */
export type Origin = 'text' | 'front-matter' | 'path' | 'flag' | 'inferred';

/** A pinyin reading that was pasted after a Han character in the source, e.g. 長(zhǎng). */
export interface Reading {
  /** JavaScript string index into `text` of the first character the reading belongs to. */
  offset: number;
  /** The reading as written, e.g. "zhǎng" or "huì yì" for a two-character word. */
  pinyin: string;
}

export type OfficialRole = 'chair' | 'attendee' | 'mentioned';

export interface Official {
  /** The name as first written in the bulletin (Traditional or Simplified). */
  name: string;
  /** The name in Simplified characters: the same for 廖海軍 and 廖海军. */
  key: string;
  /** Titles as written, in order of first appearance (區政府黨組書記, 區長). */
  titles: string[];
  /** What the person did in this bulletin, in the order chair, attendee, mentioned. */
  roles: OfficialRole[];
}

export interface Directive {
  /** The item's first clause: up to the first 。，or ；. */
  heading: string;
  /** The whole item. */
  text: string;
}

export interface Meeting {
  /** The meeting's name as written (區政府今年第17次常務會議). */
  name: string;
  /** Canonical kinds, in Simplified (常务会议, 党组会议 …); several when 暨 joins two. */
  types: string[];
  /** N of 第N次, else null. */
  number: number | null;
  /** YYYY-MM-DD, or null when the bulletin does not say. */
  date: string | null;
  /** Names as written of the people who chaired it. */
  chairs: string[];
  /** Names as written of the people who attended it (出席/参加/列席/陪同). */
  attendees: string[];
  directives: Directive[];
  /** Titles inside 《》 that the meeting studied or reviewed. */
  documents: string[];
}

export interface Reporter {
  name: string;
  /** 記者, 通訊員 … as written. */
  role: string;
}

export interface SourceFile {
  /** The path given to the parser. */
  path: string;
  /** The detected encoding: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5, big5-hkscs. */
  encoding: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
}

/**
 * A message about a file, as vfile-message has it: a warning the parser raised (on the record),
 * why a file is refused, or a problem the build stops on. Plain data: it goes through JSON and
 * structured clone (the parse cache, the parse worker) as it is. src/messages/ formats it.
 */
export interface Message {
  /** What is wrong, said for an editor. */
  reason: string;
  /**
   * The rule that raised it: "date/mismatch" for a parser warning; "error/<code>" for a refused file
   * (a BulletinError's code, error/not-regular for a link or FIFO, error/crash for a parser bug);
   * "archive" for a problem across files or in an editor's file.
   */
  rule: string;
  /** The file as the builder names it; absent on a record's warnings (the record names its file). */
  file?: string;
  /** 1-based line in the decoded file, when the message has one (a record's warnings always do). */
  line?: number;
  /** 1-based column (in characters) in the decoded file, when the message has one (a record's warnings always do). */
  column?: number;
  /** A fatal message makes the build fail. */
  fatal: boolean;
  /** For /report/: the file relative to the content folder (the builder's own folders are never published). */
  path?: string;
  /** For /report/: the site path of the bulletin the message is about, to link to. */
  url?: string;
}

/** A field the parser had to guess or could not find: the editor's review queue (/report/). */
export interface ReviewItem {
  /** The field, as a path into the record: date, title, meetings[0].chairs, meetings[1].types. */
  field: string;
  /** What was guessed or is missing, said for an editor. */
  reason: string;
}

export type Script = 'Hant' | 'Hans';

export interface BulletinRecord {
  /** Stable URL-safe ASCII slug, from the file name (and date when the name has none). */
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  /** YYYY-MM-DD, only for a range such as 12月20日至21日. */
  end_date?: string;
  title: string;
  /** Publisher, e.g. 長樂新聞網; "" when unknown. */
  source: string;
  script: Script;
  officials: Official[];
  meetings: Meeting[];
  reporters: Reporter[];
  /** Clean text: annotations removed, scraping noise repaired; paragraphs separated by "\n". */
  text: string;
  readings: Reading[];
  source_file: SourceFile;
  /** Per field: where its value came from. */
  origin: Record<string, Origin>;
  /** The parser's warnings, each with its line and column; no file (source_file names it). */
  warnings: Message[];
  /** Fields that a rule had to guess or could not find; empty when the text stated everything. */
  needs_review: ReviewItem[];
  /** Extra front-matter keys (e.g. provenance) are kept as they are. */
  [extra: string]: unknown;
}

/** Fields of the record the parser owns; any other front-matter key is kept as an extra. */
export const RECORD_FIELDS = [
  'id', 'date', 'end_date', 'title', 'source', 'script', 'officials', 'meetings', 'reporters',
  'text', 'readings', 'source_file', 'origin', 'warnings', 'needs_review',
] as const;

const OWN_FIELDS: ReadonlySet<string> = new Set(RECORD_FIELDS);

/** Whether a field is one the parser owns (RECORD_FIELDS) rather than a front-matter extra. */
export function isRecordField(field: string): boolean {
  return OWN_FIELDS.has(field);
}

/** Whether a record has front-matter extras, fields beyond the parser's own. */
export function hasExtraFields(record: object): boolean {
  for (const field in record) if (!OWN_FIELDS.has(field)) return true;
  return false;
}
