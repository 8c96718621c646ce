// The parser's one typed error: every failure names the file, says what is wrong and how to fix it.

export type BulletinErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'undecodable'
  | 'private-use'
  | 'front-matter'
  | 'no-date'
  | 'no-year'
  | 'bad-date'
  | 'io';

export class BulletinError extends Error {
  override readonly name = 'BulletinError';
  constructor(
    readonly code: BulletinErrorCode,
    /** The file the error is about. */
    readonly file: string,
    /** What is wrong and how to fix it, without the file name. */
    readonly reason: string,
    /** 1-based line in the decoded file, when the error has one. */
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}
