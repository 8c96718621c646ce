// How a file is named to the parser and in messages: relative to the working folder when inside it
// (records and messages then say content/…), else as given.
import { isAbsolute, relative } from 'node:path';

/** `file` relative to the working folder when inside it, else `file` as given. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
