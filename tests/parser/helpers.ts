// Shared helpers for the parser's phrase tests: parse a string as if it were a file.
import { parseBulletin } from '../../src/parser/index.ts';
import type { ParseOptions } from '../../src/parser/index.ts';
import type { BulletinRecord } from '../../src/record.ts';

/** Parses `text` as a UTF-8 file named `file` (whose name gives the year by default). */
export function parseText(text: string, file = '2022-07-18-test.txt', options: ParseOptions = {}): BulletinRecord {
  return parseBulletin(new TextEncoder().encode(text), file, options);
}
