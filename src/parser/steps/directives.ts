// Step: the directives of one meeting: the 要… items under 会议强调/会议要求/会议指出, as paragraphs
// after a header ending in —— or ：, inline separated by ；, or numbered 一要/二要, 一是/二是.
import type { Directive } from '../../record.ts';
import type { ParseContext } from '../context.ts';

// 会议强调，  会议要求——  邱木兴强调，  会上指出：  (the speaker is 会议, 会上, 他/她 or an official)
const HEADER = /(?:^|[，。；])(?<speaker>会议|会上|他|她|[\p{Script=Han}]{2,4}?)(?:还|并|最后|再次|进一步)?(?:强调|要求|指出|提出|明确|部署)(?<punct>[，：:—]+)/gu;
// A cheap first look: a paragraph without one of these verbs has no header.
const HEADER_VERB = /(?:强调|要求|指出|提出|明确|部署)[，：:—]/u;
// 一要…二要…, 一是…二是…, 第一，…
const NUMBERED = /(?<=^|[。；，：])(?:[一二三四五六七八九十]+(?:要|是)|第[一二三四五六七八九十]+[，、是])/gu;
const NUMBERED_AT_START = /^(?:[一二三四五六七八九十]+(?:要|是)|第[一二三四五六七八九十]+[，、是])/u;
// An item starts with 要 (after an optional short subject: 各级各部门要…).
const ITEM_START = /^(?:[\p{Script=Han}]{0,12}?(?=要))?要/u;
// The heading is the item's first clause.
const CLAUSE_END = /[。，；]/u;

export function extractDirectives(ctx: ParseContext, start: number, end: number, speakers: string[]): Directive[] {
  const directives: Directive[] = [];
  let expectingItems = false;
  let at = start;
  for (const paragraph of ctx.text.slice(start, end).split('\n')) {
    const offset = at;
    at += paragraph.length + 1;
    const simplified = ctx.simplified.slice(offset, offset + paragraph.length);
    const headers = findHeaders(simplified, speakers);
    const opensWithHeader = headers[0]?.start === 0;
    if (expectingItems && !opensWithHeader && (ITEM_START.test(simplified) || NUMBERED_AT_START.test(simplified))) {
      directives.push(...items(paragraph, simplified));
      continue;
    }
    expectingItems = false;
    // 会议指出，要…。会议要求，一是…: each header's items run to the next header.
    headers.forEach((header, h) => {
      const scopeEnd = headers[h + 1]?.start ?? paragraph.length;
      const rest = simplified.slice(header.end, scopeEnd);
      if (h === headers.length - 1 && (rest === '' || /^[^，。；]{0,16}(?:——|：|:)$/u.test(rest))) {
        expectingItems = true;
        return;
      }
      directives.push(...inlineItems(paragraph.slice(header.end, scopeEnd), rest));
    });
  }
  return directives;
}

/** The directive headers of a paragraph: where each starts and where its items start. */
function findHeaders(simplified: string, speakers: string[]): Array<{ start: number; end: number }> {
  const headers: Array<{ start: number; end: number }> = [];
  if (!HEADER_VERB.test(simplified)) return headers;
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(simplified); m; m = HEADER.exec(simplified)) {
    const speaker = m.groups!.speaker!;
    if (['会议', '会上', '他', '她'].includes(speaker) || speakers.some((s) => speaker.endsWith(s))) {
      const start = m.index + (/^[，。；]/u.test(m[0]) ? 1 : 0);
      headers.push({ start, end: m.index + m[0].length });
    }
  }
  return headers;
}

/** One paragraph under a header: one item, or several when numbered (一要…二要…). */
function items(paragraph: string, simplified: string): Directive[] {
  const numbered = splitNumbered(paragraph, simplified);
  return numbered ?? [directive(paragraph)];
}

/** Text after an inline header: numbered items, or 要… items separated by ；, or one 要… item. */
function inlineItems(text: string, simplified: string): Directive[] {
  const numbered = splitNumbered(text, simplified);
  if (numbered) return numbered;
  const start = ITEM_START.exec(simplified);
  if (!start) return [];
  const itemStart = start[0].length - 1;
  const body = text.slice(itemStart);
  const parts = body.split('；');
  if (parts.length > 1 && parts.every((p) => p.trimStart().startsWith('要'))) {
    return parts.map((p) => directive(p));
  }
  return [directive(body)];
}

function splitNumbered(text: string, simplified: string): Directive[] | null {
  NUMBERED.lastIndex = 0;
  const starts: number[] = [];
  for (let m = NUMBERED.exec(simplified); m; m = NUMBERED.exec(simplified)) starts.push(m.index);
  if (starts.length < 2) return null;
  return starts.map((s, i) => directive(text.slice(s, starts[i + 1] ?? text.length)));
}

/** An item, without the ； or ， that separated it from the next. */
function directive(text: string): Directive {
  const trimmed = text.trim().replace(/[；，、]+$/u, '');
  const clauseEnd = trimmed.search(CLAUSE_END);
  return { heading: clauseEnd === -1 ? trimmed : trimmed.slice(0, clauseEnd), text: trimmed };
}
