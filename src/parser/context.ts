// The state that flows through the parser's steps: the text in every form the steps need.
import type { Message, Script } from '../record.ts';

export interface ParseOptions {
  /** The year for dates written without one (7月18日): the CLI's --year. */
  year?: number;
  /** YYYY-MM-DD for a text that gives no date at all (the CLI's --date); any date in the text wins. */
  date?: string;
}

export interface ParseContext {
  /** The path given to the parser, for messages and for dates in file and folder names. */
  readonly file: string;
  readonly options: ParseOptions;
  /** The clean text (see normalise.ts). */
  readonly text: string;
  /** `text` in Simplified characters, index for index: the steps match their tables on this. */
  readonly simplified: string;
  readonly script: Script;
  /** Position in the decoded file of a clean-text index, for warnings. */
  readonly locate: (offset: number) => { line: number; column: number };
  readonly warnings: Message[];
}

/** Records a warning at a clean-text offset. */
export function warn(ctx: ParseContext, rule: string, offset: number, reason: string, fatal = false): void {
  const { line, column } = ctx.locate(offset);
  ctx.warnings.push({ reason, rule, line, column, fatal });
}
