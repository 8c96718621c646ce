// Step: the bulletin's headline, the short lines above its body (a title, a subtitle, a meta line
// such as 来源：… | 发布时间：…), and where the body starts. A headline names the bulletin; it is
// never a second meeting, and the meetings are read from the body.
import type { ParseContext } from '../context.ts';
import { indexOrEnd } from '../text.ts';

export interface Headline {
  /** The headline as written, or null when the text opens with its body. */
  title: string | null;
  /** Clean-text index where the body starts (0 without a headline). */
  bodyStart: number;
}

// Lines about the page, not the bulletin: 来源：阜城宣传 | 作者：ance | 发布时间：2021-01-06, 2021-12-29 16:00:51 编辑：…,
// 时间：2020-07-28, ![](/Files237/…jpg), 09.01.2015  12:19
const META = /^(?:!\[|\(?\d{1,4}[-/.年]\d{1,2}|(?:文章|信息|新闻)?来源[：:]|发布(?:日期|时间)|日期[：:]|时间[：:]|作者[：:]|编辑[：:]|责任编辑|最后更新|点击|浏览|字号)|(?:来源|发布时间|发布日期|日期|时间)[：:]\s*\S/u;
// A body line: a sentence, or a dateline (7月18日，…).
const SENTENCE = /[。！？]|\d{1,2}月\d{1,2}[日号][上下中晚]?午?[，,]|讯[ （(]/u;
const MAX_HEADLINE = 60;
// How much of the body's first sentence a headline is compared with.
const FIRST_SENTENCE = 200;
// 我县召开…动员会 9月21日上午，我县召开…: a headline run into its body, with spaces between.
const DATELINE_END = /(?:讯|电|报道|报导)$/u;
const HEADLINE_RUN_IN = /^(?<headline>[^。，,！？\n]{6,60}?)[ \t　]+(?=(?:\d{4}年)?\d{1,2}月\d{1,2}日)/u;

export function findHeadline(ctx: ParseContext): Headline {
  const text = ctx.simplified;
  const lines: Array<{ start: number; text: string }> = [];
  let bodyStart = -1;
  for (let start = 0; start < text.length;) {
    const end = indexOrEnd(text, '\n', start);
    const line = text.slice(start, end).trim();
    if (line !== '') {
      if (SENTENCE.test(line) || line.length > MAX_HEADLINE) {
        bodyStart = start;
        break;
      }
      if (!META.test(line)) lines.push({ start: start + text.slice(start, end).indexOf(line), text: line });
    }
    start = end + 1;
  }
  if (bodyStart <= 0) {
    const runIn = HEADLINE_RUN_IN.exec(text);
    const headline = runIn?.groups!.headline ?? '';
    // A dateline (长乐新闻网讯 3月5日) is no headline; a headline is repeated by the sentence after it.
    const after = text.slice(runIn?.[0].length ?? 0, Math.min(FIRST_SENTENCE, indexOrEnd(text, '。', 0)));
    if (!runIn || DATELINE_END.test(headline) || overlap(headline, after) < new Set(headline).size * 0.8) return { title: null, bodyStart: 0 };
    return { title: ctx.text.slice(0, headline.length).trim(), bodyStart: runIn[0].length };
  }
  if (lines.length === 0) return { title: null, bodyStart };
  // Of several lines (a kicker and a title, captions), the one closest to the body's first sentence.
  const first = text.slice(bodyStart, Math.min(bodyStart + FIRST_SENTENCE, indexOrEnd(text, '。', bodyStart)));
  const best = lines.reduce((a, b) => (overlap(b.text, first) > overlap(a.text, first) ? b : a));
  return { title: ctx.text.slice(best.start, best.start + best.text.length), bodyStart };
}

/** How many of a line's characters the sentence has: a headline repeats or sums up its lead. */
function overlap(line: string, sentence: string): number {
  let shared = 0;
  for (const c of new Set(line)) if (sentence.includes(c)) shared++;
  return shared;
}
