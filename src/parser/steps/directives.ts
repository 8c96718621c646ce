// Step: the directives of one meeting, counted as a careful reader counts them. Numbered items
// (一是/一要/（一）/第一，) are one each; otherwise, inside a passage where the meeting or a leader
// 强调/要求/指出/提出, each sentence or ；-clause that carries a 要/务必/必须 instruction is one.
import type { Directive } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { parseNumber } from '../vocab.ts';
import { firstIndex, indexOrEnd } from '../text.ts';

// 会议强调，… / 陆晓延要求常委班子成员要… / 提出四点建议 (not 的要求, a noun).
const HEADER = /(?<!的)(?:强调|要求|指出|提出)/gu;
// 一是 一要 （一） 第一， at the start of a clause: 一要统一思想；二要把握重点 …
const NUMBERED = /(?<=^|[。；，、：！？\s—])(?:(?<plain>[一二三四五六七八九十]{1,2})(?:是|要)|第(?<ordinal>[一二三四五六七八九十]{1,2})(?=[，、：是])|[（(](?<bracketed>[一二三四五六七八九十]{1,2})[）)])/gu;
// The intro of an agenda, not of instructions: 会议议程分为两项：一是…
const AGENDA = /议程|议题|日程/u;
// Where sentences and ；-clauses end.
const SEGMENT_END = /[。；！？]/gu;
// 要 as a word of its own (an instruction), not inside 要求, 重要, 需要, 主要 …
const COMPOUND_YAO = /要求|重要|需要|主要|必要|只要|要素|要点|纲要|摘要|要闻|要务|首要|简要|扼要|概要|要领|要件|要害|紧要|要员|政要|要地|要塞|要案|要职|要事/gu;
const MODAL = /要|务必|必须/u;
// A slogan quoted inside a sentence is not its instruction: 贯彻“疫情要防住、经济要稳住”重要要求.
const QUOTED = /“[^”]*”|「[^」]*」/gu;
// A header paragraph whose instructions follow as paragraphs of their own: 会议要求：
const OPENS_LIST = /[：:—]\s*$/u;
const ITEM_START = /^(?:[^，。；\n]{0,12}?)(?:要|务必|必须)/u;
const CLAUSE_END = /[。，；]/u;
// A bracketed byline or note after a passage's last sentence: （记者 王样乙）, not （一）.
const BYLINE_ASIDE = /^\s*[（(](?![一二三四五六七八九十\d]{1,2}[）)])[^）)]*[）)]\s*$/u;

interface Range {
  start: number;
  end: number;
}

/** The directives in [start, end) of the clean text: a meeting's part of the bulletin. */
export function extractDirectives(ctx: ParseContext, start: number, end: number): Directive[] {
  const directives: Array<Directive & { at: number }> = [];
  // Numbered items may stand in paragraphs of their own under a header line (会议强调：).
  const numbered = numberedItems(ctx.simplified, { start, end });
  for (const item of numbered) directives.push({ ...directive(ctx.text.slice(item.start, item.end)), at: item.start });
  // Items are in text order and disjoint: the first one ending after a position, by binary search.
  const itemAfter = (at: number) => numbered[firstIndex(numbered.length, (i) => numbered[i]!.end <= at)];
  const covered = (r: Range) => {
    const n = itemAfter(r.start);
    return n !== undefined && n.start < r.end;
  };
  let listOpen = false;
  for (let at = start; at < end;) {
    const lineEnd = Math.min(end, indexOrEnd(ctx.simplified, '\n', at));
    const para: Range = { start: at, end: lineEnd };
    at = lineEnd + 1;
    const passageStart = listOpen && ITEM_START.test(ctx.simplified.slice(para.start, para.end)) ? para.start : firstHeader(ctx.simplified, para);
    listOpen = false;
    if (passageStart === -1) continue;
    // Each instruction runs on over the sentences after it that give none (要坚持开放。以开放促发展。).
    const all = segments(ctx.simplified, { start: passageStart, end: para.end });
    // A bracketed aside after the last sentence (（记者 王样乙）) ends the passage.
    const aside = all.findIndex((r) => BYLINE_ASIDE.test(ctx.simplified.slice(r.start, r.end)));
    const passage = (aside === -1 ? all : all.slice(0, aside)).filter((r) => !covered(r));
    const starts = passage.filter((r) => isInstruction(ctx.simplified.slice(r.start, r.end)));
    starts.forEach((r, i) => {
      const last = passage[passage.length - 1]!.end;
      // The last instruction keeps the mark that ends its sentence.
      const next = starts[i + 1]?.start ?? ('。！？'.includes(ctx.simplified[last] ?? '') ? last + 1 : last);
      const following = itemAfter(r.end);
      const stop = following && following.start >= r.end && following.start < next ? following.start : next;
      directives.push({ ...directive(ctx.text.slice(r.start, stop)), at: r.start });
    });
    const paraCovered = covered(para);
    if (starts.length === 0 && !paraCovered && OPENS_LIST.test(ctx.simplified.slice(para.start, para.end))) listOpen = true;
    else if (starts.length > 0 && passageStart === para.start) listOpen = true;
  }
  return directives.sort((a, b) => a.at - b.at).map(({ heading, text }) => ({ heading, text }));
}

/** Whether a segment carries an instruction: 要 (not 要求, 重要 …), 务必 or 必须. */
export function isInstruction(segment: string): boolean {
  return MODAL.test(segment.replace(QUOTED, '').replace(COMPOUND_YAO, ''));
}

/** Where the text after the paragraph's first directive header starts (会议强调，|要…), or -1. */
function firstHeader(simplified: string, para: Range): number {
  // Searched in the paragraph alone: a search of the whole text from each paragraph is quadratic.
  HEADER.lastIndex = 0;
  const m = HEADER.exec(simplified.slice(para.start, para.end));
  if (!m) return -1;
  let at = para.start + m.index + m[0].length;
  while (at < para.end && '，：:—、 '.includes(simplified[at]!)) at++;
  return at;
}

/** [start, end) of each sentence or ；-clause of a range, from its start. */
function segments(simplified: string, range: Range): Range[] {
  const out: Range[] = [];
  let from = range.start;
  const text = simplified.slice(range.start, range.end);
  SEGMENT_END.lastIndex = 0;
  for (let m = SEGMENT_END.exec(text); m; m = SEGMENT_END.exec(text)) {
    out.push({ start: from, end: range.start + m.index });
    from = range.start + m.index + 1;
  }
  if (from < range.end) out.push({ start: from, end: range.end });
  return out;
}

/**
 * The numbered items of a range: runs of markers counting up from one (一是, 二是 …), each item
 * running to the next marker or the end of its paragraph, the last to the end of its sentence.
 * An agenda's items are left out.
 */
function numberedItems(simplified: string, para: Range): Range[] {
  const text = simplified.slice(para.start, para.end);
  if (!/[一二三四五六七八九十]/u.test(text)) return [];
  const markers: Array<{ at: number; value: number }> = [];
  for (const m of text.matchAll(NUMBERED)) {
    const g = m.groups!;
    const value = parseNumber(g.plain ?? g.ordinal ?? g.bracketed!);
    if (value !== null) markers.push({ at: m.index, value });
  }
  const items: Range[] = [];
  const stops = text.replace(/[；]/gu, '。');
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2 && !AGENDA.test(sentenceBefore(text, run[0]!))) {
      run.forEach((at, i) => {
        // The last item runs to the end of its sentence, its 。 included.
        const next = run[i + 1];
        const itemEnd = next !== undefined ? Math.min(next, indexOrEnd(text, '\n', at)) : Math.min(indexOrEnd(text, '\n', at), indexOrEnd(stops, '。', at) + 1);
        items.push({ start: para.start + at, end: para.start + itemEnd });
      });
    }
    run = [];
  };
  let expected = 1;
  for (const marker of markers) {
    if (marker.value === expected) {
      run.push(marker.at);
      expected++;
    } else if (marker.value === 1) {
      close();
      run.push(marker.at);
      expected = 2;
    }
  }
  close();
  return items;
}

/** The text of the sentence before `at`, from its last 。 (or the paragraph before, for a list on lines of its own). */
function sentenceBefore(text: string, at: number): string {
  const from = text.lastIndexOf('。', at - 1) + 1;
  const before = text.slice(from, at);
  return before.trim() === '' ? text.slice(text.lastIndexOf('\n', at - 2) + 1, at) : before;
}

/** An item, without the marks that separated it from the next. */
function directive(text: string): Directive {
  const trimmed = text.trim().replace(/^[，、；：]+|[；，、：]+$/gu, '');
  const clauseEnd = trimmed.search(CLAUSE_END);
  return { heading: clauseEnd === -1 ? trimmed : trimmed.slice(0, clauseEnd), text: trimmed };
}
