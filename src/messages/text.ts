// Messages (src/record.ts) as plain lines of text: the one place their layouts are written.
// The terminal escapes these lines (src/messages/terminal-lines.ts); an Error's message is them as they are.
import type { Message } from '../record.ts';

/** Where in its file a message points: "3:1", "3", or "" when it has no line. */
export function messagePosition(m: Message): string {
  return m.line ? `${m.line}${m.column ? `:${m.column}` : ''}` : '';
}

/** Where a message points, as far as it knows: "content/…/x.txt:3:1", "x.txt:3", "x.txt", "3:1". */
export function messagePlace(m: Message): string {
  const at = messagePosition(m);
  if (m.file === undefined) return at;
  return at ? `${m.file}:${at}` : m.file;
}

/** What a message says, without where: "the date … [date/mismatch]". */
export function messageText(m: Message): string {
  return `${m.reason} [${m.rule}]`;
}

/**
 * A message for a person, reason first: "content/bulletins/2022/x.txt:3:1: the date … [date/mismatch]".
 * What the build, the dev server, `bulletin parse` and `bulletin add` print.
 */
export function messageLine(m: Message): string {
  const place = messagePlace(m);
  return place ? `${place}: ${messageText(m)}` : messageText(m);
}

/**
 * A message as a linter prints it, rule first, line and column always (1 when unknown), so the
 * lines sort and grep alike: "x.txt:2:1: error/no-year: the date … has no year". `bulletin check`'s layout.
 */
export function lintLine(m: Message): string {
  return `${m.file ?? ''}:${m.line ?? 1}:${m.column ?? 1}: ${m.rule}: ${m.reason}${m.fatal ? ' (fatal: the build stops on it)' : ''}`;
}
