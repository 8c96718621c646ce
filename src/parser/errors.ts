// The parser's one typed error: a MessageError whose one message names the file, says what is wrong
// and how to fix it, with the rule error/<code>.
import type { Message } from '../record.ts';
import { FileMessageError } from '../messages/message-error.ts';

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

export const BULLETIN_ERROR_CODES: readonly BulletinErrorCode[] = [
  'empty', 'too-large', 'binary', 'undecodable', 'private-use', 'front-matter', 'no-date', 'no-year', 'bad-date', 'io',
];

/** The rule of a refusal's message: error/<code>. */
const RULE_PREFIX = 'error/';

export class BulletinError extends FileMessageError {
  override readonly name = 'BulletinError';
  constructor(
    readonly code: BulletinErrorCode,
    /** The file the error is about. */
    file: string,
    /** What is wrong and how to fix it, without the file name. */
    reason: string,
    /** 1-based line in the decoded file, when the error has one. */
    line?: number,
  ) {
    super({ reason, rule: `${RULE_PREFIX}${code}`, file, line, fatal: true });
  }

  /** The error again from its message (as the parse cache stores it and the worker posts it). */
  static from(message: Message): BulletinError {
    return new BulletinError(bulletinErrorCode(message)!, message.file ?? '', message.reason, message.line);
  }
}

/** The code of a refusal's message (rule error/<code>); undefined for any other message. */
export function bulletinErrorCode(message: Message): BulletinErrorCode | undefined {
  if (!message.rule.startsWith(RULE_PREFIX)) return undefined;
  const code = message.rule.slice(RULE_PREFIX.length) as BulletinErrorCode;
  return BULLETIN_ERROR_CODES.includes(code) ? code : undefined;
}
