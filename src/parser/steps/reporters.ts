// Step: the reporters' byline: （記者 高維）, （記者 林曉 通訊員 何正）, 南都讯 记者刘凡 周昌和 …,
// or bare names on the last line. Their spans are handed on so no reporter is taken for an official.
import type { Reporter } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { REPORTER_ROLES } from '../vocab.ts';

export interface Reporters {
  list: Reporter[];
  /** [start, end) clean-text ranges of the bylines. */
  spans: Array<[number, number]>;
}

const ROLE = `(?:${REPORTER_ROLES.join('|')})`;
const NAME = String.raw`\p{Script=Han}{2,4}`;
// （记者 高维）, (记者 苏禾 许安), （记者 林晓 通讯员 何正 摄影 周某）
const PAREN_BYLINE = new RegExp(String.raw`[（(](?<body>${ROLE}[ ：:]?${NAME}(?:[ 、，,]+(?:${ROLE}[ ：:]?)?${NAME})*)[）)]`, 'gu');
// （高维 林晓） as the whole last line: names alone in brackets.
const PAREN_NAMES_LAST = new RegExp(String.raw`(?:^|\n|。)[（(](?<body>\p{Script=Han}{2,3}(?:[ 、]\p{Script=Han}{2,3}){0,3})[）)]$`, 'u');
// 南都讯 记者刘凡 周昌和 任笑一 继推出…: a byline right after the dateline's 讯.
const LEAD_BYLINE = new RegExp(String.raw`^[^\n]{0,20}?讯[ ]?(?<body>${ROLE}[ ]?\p{Script=Han}{2,3}(?: (?:${ROLE})?\p{Script=Han}{2,3}(?= ))*)`, 'u');
// A last line of names only (记者 高维 / 高维 林晓), or names after the last sentence's 。.
const LAST_LINE_NAMES = new RegExp(String.raw`(?:^|\n|。)(?<body>(?:${ROLE} ?)?\p{Script=Han}{2,3}(?: (?:${ROLE} ?)?\p{Script=Han}{2,3}){0,3})$`, 'u');
const ROLE_AT_START = new RegExp(`^${ROLE}`, 'u');

export function extractReporters(ctx: ParseContext): Reporters {
  const list: Reporter[] = [];
  const spans: Array<[number, number]> = [];
  const take = (start: number, body: string, defaultRole: string) => {
    spans.push([start, start + body.length]);
    list.push(...readByline(ctx, start, body, defaultRole));
  };

  PAREN_BYLINE.lastIndex = 0;
  for (let m = PAREN_BYLINE.exec(ctx.simplified); m; m = PAREN_BYLINE.exec(ctx.simplified)) {
    take(m.index + 1, m.groups!.body!, '');
  }
  {
    // 示例新闻网讯 记者邱笔九 …: a byline after the dateline, as well as one at the end.
    const lead = LEAD_BYLINE.exec(ctx.simplified);
    if (lead) {
      const before = list.length;
      take(lead.index + lead[0].length - lead.groups!.body!.length, lead.groups!.body!, '');
      // The lead byline comes first in reading order.
      list.unshift(...list.splice(before));
    }
  }
  if (!spans.some(([, end]) => end >= ctx.simplified.trimEnd().length - 1)) {
    // Names on the last line, unless a byline already ends the text.
    const last = PAREN_NAMES_LAST.exec(ctx.simplified) ?? LAST_LINE_NAMES.exec(ctx.simplified);
    if (last) take(last.index + last[0].length - last.groups!.body!.length - (last[0].endsWith('）') || last[0].endsWith(')') ? 1 : 0), last.groups!.body!, '');
  }
  return { list: dedupe(list), spans };
}

/** Splits "记者 林晓 通讯员 何正" into people, each with the role written before them. */
function readByline(ctx: ParseContext, start: number, body: string, defaultRole: string): Reporter[] {
  const people: Reporter[] = [];
  let role = defaultRole;
  let at = 0;
  for (const token of body.split(/([ 、，,：:]+)/)) {
    const tokenStart = at;
    at += token.length;
    if (!token || /^[ 、，,：:]+$/.test(token)) continue;
    let nameStart = tokenStart;
    const roleMatch = ROLE_AT_START.exec(token);
    if (roleMatch) {
      role = ctx.text.substr(start + tokenStart, roleMatch[0].length);
      nameStart += roleMatch[0].length;
      if (nameStart === tokenStart + token.length) continue;
    }
    people.push({ name: ctx.text.slice(start + nameStart, start + tokenStart + token.length), role });
  }
  return people;
}

function dedupe(list: Reporter[]): Reporter[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.name) && seen.add(r.name));
}
