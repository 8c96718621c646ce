// The one error that carries messages (src/record.ts): a refused file, a failed build. Its
// `messages` are plain data; callers format them (src/messages/text.ts, src/messages/terminal-lines.ts).
import type { Message } from '../record.ts';
import { messageLine } from './text.ts';

/** An error made of messages; its text is one messageLine per message. */
export class MessageError extends Error {
  constructor(readonly messages: Message[]) {
    super(messages.map(messageLine).join('\n'));
    this.name = 'MessageError';
  }
}

/** A MessageError with one message about one file, whose file, reason and line are at hand. */
export class FileMessageError extends MessageError {
  constructor(message: Message & { file: string }) {
    super([message]);
  }

  /** The file the error is about. */
  get file(): string {
    return this.messages[0]!.file!;
  }

  /** What is wrong and how to fix it, without the file name. */
  get reason(): string {
    return this.messages[0]!.reason;
  }

  /** 1-based line in the file, when the error has one. */
  get line(): number | undefined {
    return this.messages[0]!.line;
  }
}
