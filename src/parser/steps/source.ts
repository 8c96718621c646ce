// Step: the outlet that published the bulletin: the name before 讯 in the dateline (長樂新聞網訊
// 7月18日), else a page's 来源：/新聞來源：/信息来源： line. 本报讯 and 本网讯 name no outlet.
import type { ParseContext } from '../context.ts';

// 长乐新闻网讯 7月18日 / 南都讯 记者… / 新华社北京7月1日电: a name at the very start, then 讯 or 电.
const DATELINE_SOURCE = /^(?<source>[\p{Script=Han}A-Za-z0-9]{2,16}?(?:网|报|台|社|新闻|日报|晚报|电视台|融媒|在线|客户端)?)讯(?=[ ：:（(]|\d|[一二三四五六七八九十]+月|记者|通讯员|近日|日前|昨天|昨日|今天|今日|本报|$)/u;
// 新华社北京7月18日电
const WIRE_SOURCE = /^(?<source>新华社|中新社|人民网|央视网)/u;
// 来源：阜城宣传 | 作者：…, 信息来源：卫滨区人民政府办公室, （来源：麦积区融媒体中心 转载：…）, 新闻来源：华视新闻
const SOURCE_LINE = /(?:新闻|信息|文章)?来源[：:][ 　]*(?<source>[^\s|｜，,。；;）)]{2,40})/u;
// The paper or site itself, not an outlet's name: 本报讯, 本网讯, 来源：本站原创.
const OWN_OUTLET = /^本(?:报|网|台|站|刊)/u;

/** The source as written in the text, or "" when the text does not say. */
export function extractSource(ctx: ParseContext, bodyStart = 0): string {
  for (const from of bodyStart > 0 ? [bodyStart, 0] : [0]) {
    const body = ctx.simplified.slice(from);
    const m = DATELINE_SOURCE.exec(body) ?? WIRE_SOURCE.exec(body);
    if (m?.groups && !OWN_OUTLET.test(m.groups.source!)) {
      // 鲁网6月6日讯: the dateline's date is not the outlet's name.
      const name = m.groups.source!.replace(/\d{1,2}月\d{1,2}日$/u, '');
      return ctx.text.slice(from + m.index, from + m.index + name.length);
    }
  }
  const line = SOURCE_LINE.exec(ctx.simplified);
  if (!line?.groups || OWN_OUTLET.test(line.groups.source!)) return '';
  const start = line.index + line[0].length - line.groups.source!.length;
  return ctx.text.slice(start, start + line.groups.source!.length);
}
