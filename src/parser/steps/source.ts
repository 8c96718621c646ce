// Step: the publisher named in the dateline, e.g. 長樂新聞網 from "長樂新聞網訊 7月18日".
import type { ParseContext } from '../context.ts';

// 长乐新闻网讯 7月18日 / 南都讯 记者… / 新华社北京7月1日电: a name at the very start, then 讯 or 电.
const DATELINE_SOURCE = /^(?<source>[\p{Script=Han}A-Za-z0-9]{2,16}?(?:网|报|台|社|新闻|日报|晚报|电视台|融媒|在线|客户端)?)讯(?=[ ：:（(]|\d|[一二三四五六七八九十]+月|记者|通讯员|近日|日前|昨天|昨日|今天|今日|本报|$)/u;
// 新华社北京7月18日电
const WIRE_SOURCE = /^(?<source>新华社|中新社|人民网|央视网)/u;

/** The source as written in the text, or "" when the text does not say. */
export function extractSource(ctx: ParseContext): string {
  const m = DATELINE_SOURCE.exec(ctx.simplified) ?? WIRE_SOURCE.exec(ctx.simplified);
  if (!m?.groups) return '';
  return ctx.text.slice(m.index, m.index + m.groups.source!.length);
}
