// Messages (src/record.ts) for the terminal: the plain lines of src/messages/text.ts with every
// control character a file name or a bulletin carries escaped (./terminal.ts).
import type { Message } from '../record.ts';
import { lintLine, messageLine } from './text.ts';
import { terminalText } from './terminal.ts';

/** messageLine, safe to print: "content/…/x.txt:3:1: the date … [date/mismatch]". */
export function terminalLine(m: Message): string {
  return terminalText(messageLine(m));
}

/** lintLine, safe to print: "x.txt:2:1: error/no-year: the date … has no year (fatal: the build stops on it)". */
export function terminalLintLine(m: Message): string {
  return terminalText(lintLine(m));
}
