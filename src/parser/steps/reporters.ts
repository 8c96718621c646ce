// Step: the reporters' byline: （記者 高維）, （记者 林晓 通讯员 何正）, 南都讯 记者刘凡 周昌和 …,
// 全媒体记者：王勃 陶然 on a line of its own, 陈颖臻 张政捷 报导, or bare names on the last line.
// Editors, reviewers and reposters (编辑, 审核, 转载) are not reporters, nor is an outlet (西王镇).
// The bylines' spans are handed on so no reporter is taken for an official.
import type { Reporter } from '../../record.ts';
import type { ParseContext } from '../context.ts';
import { EDITOR_ROLES, REPORTER_ROLES, SURNAMES } from '../vocab.ts';

export interface Reporters {
  list: Reporter[];
  /** [start, end) clean-text ranges of the bylines. */
  spans: Array<[number, number]>;
}

// A role as written, spaces allowed inside (记 者), an outlet allowed before it (本网记者).
const spaced = (role: string) => [...role].join('[ 　]?');
const ROLE_WORDS = [...REPORTER_ROLES, ...EDITOR_ROLES].sort((a, b) => b.length - a.length);
const ROLE = `(?:本网|本报|本台)?(?:${ROLE_WORDS.map(spaced).join('|')})`;
const ROLE_AT_START = new RegExp(`^(?:本网|本报|本台)?(?<role>${ROLE_WORDS.map(spaced).join('|')})[：: 　]*`, 'u');
const EDITOR = new RegExp(`^(?:${EDITOR_ROLES.join('|')})$`, 'u');
const NAME = String.raw`\p{Script=Han}{2,4}`;
// （记者 高维）, (记者 苏禾 许安), （区政协办 撰稿：张薇 审核：操琼）, （本网记者：王浩江）
const PAREN_BYLINE = new RegExp(String.raw`[（(](?<body>[^（()）\n]{0,12}?${ROLE}[^（()）\n]{1,40})[）)]`, 'gu');
// （高维 林晓）, （肖新超?凡景锋）, （西王镇 周雷）: names alone in brackets at the end of a paragraph.
const PAREN_NAMES = new RegExp(String.raw`(?:^|\n|。|”)[（(](?<body>\p{Script=Han}{2,4}(?:[ 　、?？·]+\p{Script=Han}{2,4}){0,3})[）)](?=\s*(?:\n|$))`, 'gu');
// 南都讯 记者刘凡 周昌和 任笑一 继推出…: a byline right after the dateline's 讯.
const LEAD_BYLINE = new RegExp(String.raw`^[^\n]{0,20}?讯[ ]?(?<body>${ROLE}[ ]?\p{Script=Han}{2,3}(?: (?:${ROLE})?\p{Script=Han}{2,3}(?= ))*)`, 'u');
// 全媒体记者：王勃 陶然 / 编辑：付波 熊哲 / 记者吕胤甫/综合报导: a line of its own that starts with a role.
const ROLE_LINE = new RegExp(String.raw`(?:^|\n)(?<body>${ROLE}[：: ]?\p{Script=Han}[^\n/／]{0,40})(?=[/／][^\n]*\n|\n|$)`, 'gu');
// 文章来源：民权网 文章作者：王泰丁 责任编辑：薛皓: an author in a page's meta line.
const META_AUTHOR = /(?:^|\n|[ 　|｜])(?:文章作者|作者|记者)[：:][ 　]*(?<body>\p{Script=Han}{2,4}(?:[ 　、]\p{Script=Han}{2,4}){0,2})(?=[ 　|｜]|\n|$)/gu;
// 陈颖臻 张政捷 报导  / 台北市
const REPORTED_BY = /(?:^|\n)(?<body>\p{Script=Han}{2,3}(?:[ 　]+\p{Script=Han}{2,3}){0,3})[ 　]*报导/u;
// A last line of names only (记者 高维 / 高维 林晓 / 张慧君 顾 辉), or names after the last sentence's 。.
const LAST_LINE_NAMES = new RegExp(String.raw`(?:^|\n|。)(?<body>(?:${ROLE} ?)?\p{Script=Han}{1,3}(?:[ 　]+(?:${ROLE} ?)?\p{Script=Han}{1,3}){0,4})\s*$`, 'u');
// Tokens that name an outlet or an office, not a person: 西王镇, 区政协办, 阳湖网.
const ORGAN = /(?:镇|乡|街道|区|县|市|局|办|委|网|社|中心|政府|融媒|报|台|站|村)$/u;
const TOKEN = new RegExp(`${ROLE}[：: 　]*\\p{Script=Han}*|\\p{Script=Han}+`, 'gu');
// Where a page's meta line goes on after its byline: 作者：  日期：2019-12-26.
const PAGE_WORD = /^(?:日期|时间|来源|发布|点击|浏览)/u;
const SURNAME_SET = new Set<string>(SURNAMES);
// An office or outlet written before a reporter's name without a space: 东安路街道武馨.
const OUTLET_PREFIX = /^\p{Script=Han}{2,10}?(?:街道|社区|镇|乡|区|县|市|局|办|中心|融媒)(?=\p{Script=Han}{2,3}$)/u;

export function extractReporters(ctx: ParseContext, bodyStart = 0): Reporters {
  const list: Reporter[] = [];
  const spans: Array<[number, number]> = [];
  const text = ctx.simplified;
  const take = (start: number, body: string) => {
    spans.push([start, start + body.length]);
    list.push(...readByline(ctx, start, body));
  };

  // After the dateline's 讯, at the body's start (a headline may stand above it).
  for (const from of bodyStart > 0 ? [0, bodyStart] : [0]) {
    const lead = LEAD_BYLINE.exec(text.slice(from));
    if (lead) take(from + lead.index + lead[0].length - lead.groups!.body!.length, lead.groups!.body!);
  }
  for (const m of text.slice(0, bodyStart).matchAll(META_AUTHOR)) take(m.index + m[0].length - m.groups!.body!.length, m.groups!.body!);
  for (const m of text.matchAll(PAREN_BYLINE)) take(m.index + 1, m.groups!.body!);
  for (const m of text.matchAll(ROLE_LINE)) take(m.index + m[0].length - m.groups!.body!.length, m.groups!.body!);
  const reported = REPORTED_BY.exec(text);
  if (reported) take(reported.index + reported[0].indexOf(reported.groups!.body!), reported.groups!.body!);
  const end = text.trimEnd().length;
  if (!spans.some(([, e]) => e >= end - 1)) {
    // Names in brackets or alone on the last line, unless a byline already ends the text.
    const parens = [...text.matchAll(PAREN_NAMES)].filter((m) => m.index + m[0].length >= end - 1);
    const last = parens[0] ?? LAST_LINE_NAMES.exec(text.slice(0, end));
    if (last) take(last.index + last[0].indexOf(last.groups!.body!), last.groups!.body!);
  }
  return { list: dedupe(list), spans };
}

/** Splits "记者 林晓 通讯员 何正" into people, each with the role written before them. */
function readByline(ctx: ParseContext, start: number, body: string): Reporter[] {
  const people: Reporter[] = [];
  let role = '';
  let editor = false;
  // Roles (记 者 with its space) and runs of Han characters, with where each starts in the body.
  const tokens = [...body.matchAll(TOKEN)].map((m) => ({ at: m.index, text: m[0] }));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let nameAt = token.at;
    let name = token.text;
    const roleMatch = ROLE_AT_START.exec(name);
    if (roleMatch) {
      const written = ctx.text.substr(start + token.at + roleMatch[0].indexOf(roleMatch.groups!.role![0]!), roleMatch.groups!.role!.length);
      role = written.replace(/[ 　]/gu, '');
      editor = EDITOR.test(ctx.simplified.substr(start + token.at + roleMatch[0].indexOf(roleMatch.groups!.role![0]!), roleMatch.groups!.role!.length).replace(/[ 　]/gu, ''));
      nameAt += roleMatch[0].length;
      name = name.slice(roleMatch[0].length);
      if (name === '') continue;
    }
    if (PAGE_WORD.test(name)) break;
    // 东安路街道武馨: an outlet run into the name.
    const outlet = OUTLET_PREFIX.exec(name);
    if (outlet) {
      nameAt += outlet[0].length;
      name = name.slice(outlet[0].length);
    }
    if (editor || ORGAN.test(name) || !/^\p{Script=Han}+$/u.test(name)) continue;
    // 顾 辉: a two-character name written with a space.
    const next = tokens[i + 1];
    if (name.length === 1 && next && next.text.length === 1 && next.at === token.at + 2) {
      people.push({ name: ctx.text.slice(start + nameAt, start + next.at + 1), role });
      i++;
      continue;
    }
    if (name.length < 2) continue;
    for (const [from, to] of splitRunTogether(name)) {
      if (to - from > 4) continue;
      people.push({ name: ctx.text.slice(start + nameAt + from, start + nameAt + to), role });
    }
  }
  return people;
}

/** 戴忠祥邱新玲: two names run together, split where the second surname starts. */
function splitRunTogether(name: string): Array<[number, number]> {
  if (name.length <= 4) {
    if (name.length === 4 && SURNAME_SET.has(name[2]!) && !SURNAME_SET.has(name.slice(0, 2))) return [[0, 2], [2, 4]];
    return [[0, name.length]];
  }
  for (const cut of name.length === 6 ? [3] : [3, 2]) {
    if (SURNAME_SET.has(name[cut]!)) return [[0, cut], [cut, name.length]];
  }
  return [[0, name.length]];
}

function dedupe(list: Reporter[]): Reporter[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.name) && seen.add(r.name));
}
