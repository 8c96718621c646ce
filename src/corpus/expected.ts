// The facts a generated bulletin states (what a parser should find in it), with the noise it was given.
import type { Meeting, Script } from '../record.ts';

/**
 * The facts a bulletin states. Strings are as written in the file's script (Traditional in Hant
 * files) but clean: before noise was added, i.e. full-width punctuation, half-width digits and no
 * pinyin readings. Meeting types are canonical and Simplified (常务会议, 党组会议 …).
 */
export interface ExpectedBulletin {
  /** Same as CorpusFile.path. */
  path: string;
  /** The file name without .txt: 2023-07-18-shili-qu-changwu-17. */
  slug: string;
  /** YYYY-MM-DD. */
  date: string;
  /**
   * Where the full date is stated: 'text' (2023年7月18日 in the dateline), 'path' (the text says
   * 7月18日 and the year is only in the file path), 'front-matter' (the text says 近日/日前).
   */
  dateOrigin: 'text' | 'path' | 'front-matter';
  script: Script;
  /** The fictional jurisdiction, Simplified (示例区). */
  place: string;
  /** Publisher in the dateline (示例新闻网); "" when the dateline names none. */
  source: string;
  /** The front-matter title, or null when the file has no front matter. */
  title: string | null;
  meetings: ExpectedMeeting[];
  /** Every official named, in order of first mention. Reporters are not officials. */
  officials: ExpectedOfficial[];
  /** Byline, in order. */
  reporters: ExpectedReporter[];
  /** Sum of the meetings' directive counts. */
  directiveCount: number;
  /** All documents in 《》, in order, without the brackets. */
  documents: string[];
  noise: ExpectedNoise;
}

/** A meeting as the record states it (src/record.ts Meeting), with its directives counted. */
export interface ExpectedMeeting extends Omit<Meeting, 'directives'> {
  /** Number of directive items: 要… paragraphs, 要…；要… clauses, or 一要/一是 items. */
  directives: number;
}

export interface ExpectedOfficial {
  /** As written. */
  name: string;
  /** Simplified. */
  key: string;
  /** Titles as written before the name, in order of first appearance. A title shared by a list
   *  (副区长王样乙、陈示丙) counts for every name in it; 区领导 is not a title. */
  titles: string[];
  /** In the order chair, attendee, mentioned. */
  roles: ('chair' | 'attendee' | 'mentioned')[];
}

export interface ExpectedReporter {
  name: string;
  /** 记者 / 通讯员 as written; "" for a bare name with no role. */
  role: string;
}

export interface ExpectedNoise {
  /** Pinyin readings pasted after Han characters: 长(zhǎng). */
  pinyin: number;
  /** Full-width ，：（）； written as ASCII: in every place, in some, or nowhere. */
  asciiPunctuation: 'all' | 'some' | 'none';
  /** Stray ASCII commas added before ， , 、 。 (giving ,， ,, ,、 ,。). */
  doubledPunctuation: number;
  /** ASCII digits and letters written full-width (２０１２, ＶＩＰ). */
  fullWidth: boolean;
  /** U+3000 spaces in the byline and paragraph indents. */
  ideographicSpace: boolean;
  /** A YAML front-matter block (title, date, provenance) opens the file. */
  frontMatter: boolean;
  /** Blank lines before the first line. */
  leadingBlankLines: boolean;
}
