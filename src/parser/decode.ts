// Step 1: bytes to text. Detects UTF-8, UTF-16 (with BOM), GB18030 and Big5(-HKSCS) without being told which.
import iconv from 'iconv-lite';
import { BulletinError } from './errors.ts';
import { toSimplified } from './script.ts';

/** The decoded text of one bulletin file and the encoding it was read as. */
export interface Decoded {
  /** The file's text, without a byte-order mark. */
  text: string;
  /** utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5 or big5-hkscs. */
  encoding: string;
}

/** Files larger than this are refused: a bulletin is a few KB. */
export const MAX_BYTES = 2 * 1024 * 1024;

/** Byte-order marks, longest first: UTF-32 LE (FF FE 00 00) must win over UTF-16 LE (FF FE). */
const BYTE_ORDER_MARKS = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** Magic numbers of files people save by mistake in place of a text bulletin. */
const BINARY_SIGNATURES = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' }, // \x89PNG
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' }, // GIF8
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (or a .docx/.xlsx file)' }, // PK\3\4
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'a Word or Excel .doc/.xls file' }, // OLE2 compound file
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'a RAR archive' }, // Rar!
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'a 7-Zip archive' }, // 7z\xBC\xAF
] as const;

// Decoders are reused: decode() without { stream: true } starts from a clean state each call.
// ignoreBOM: true keeps any U+FEFF in the text; the BOM itself is cut off before decoding.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });
/** Node's Big5 decoder: maps HKSCS characters such as 哋 (92 5D) to private-use code points, silently. */
const BIG5 = new TextDecoder('big5', { fatal: true });

/** Any character other than whitespace (\s includes U+3000 and U+FEFF). */
const NON_BLANK = /\S/;
/** C0 controls other than tab, LF, VT, FF and CR, and DEL: "\x00", "\x07", "\x1b". */
const CONTROL_CHARS = /[\x00-\x08\x0e-\x1f\x7f]/g;
/** Text where more than this share of characters are control characters is binary. */
const MAX_CONTROL_SHARE = 0.1;
/**
 * Private-use code points (BMP area and planes 15-16): "\uE000" from GB18030 bytes AA A1. U+E40C
 * is left out: scraped pages (SogouCS) use it as a paragraph mark, and normalise.ts makes it one.
 */
const PRIVATE_USE = /(?!\uE40C)[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;
/** A CJK ideograph (Extension A, the main block, compatibility): "区", "會". */
const CJK_IDEOGRAPH = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
/** ASCII characters, removed before looking at the scripts of the others. */
const ASCII = /[\x00-\x7f]+/g;
/** Letters of one script (kana counts as one): "é", "λ", "Ж", "ץ", "헅". Used to spot mixed-script mojibake. */
const SCRIPT_LETTERS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Devanagari',
  'Bengali', 'Thai', 'Lao', 'Tibetan', 'Georgian', 'Hangul', 'Ethiopic', 'Hiragana|Katakana',
].map((names) => new RegExp(`[${names.split('|').map((name) => `\\p{Script=${name}}`).join('')}]`, 'u'));
/** Line ends as the normaliser counts them: "\r\n", "\r" or "\n". */
const LINE_END = /\r\n?|\n/g;

/**
 * Frequent characters of Chinese news and government bulletins, in Simplified. Traditional and
 * variant forms (會 議 區 爲 為 說) count too: every CJK character whose Simplified form is listed.
 */
const COMMON_HANZI =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道' +
  '行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意' +
  '无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什' +
  '二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各' +
  '入几口认条平系气题活更别打女变四总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区' +
  '保至队形社便空决治展马科司五基书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张' +
  '该交规万取格望觉术领共确传师观清今切院让识候带导争运风步改收根干造言联持组每济车亲极林服快办议往元士证近' +
  '转令准布始存未远叫台单具字爱击流备连调深商算质团集百需价花党华城石级整府离况请技际约示复病息究线官火断精' +
  '满支视消越器容照须九增研写称企八功包片史委查轻易早曾除农找装广显标谈图念六引历首医局专费号尽另周较注语仅' +
  '考落青随选列红响虽推势参希古众构房半节土投某案维革划致陈律足态护七兴派孩验责营星够章音跟志底站严例防族供' +
  '效续施留讲型料终答紧黄绝察京段依批群项故按河米围江织害双境客纪采举父密低朝友诉止细愿千值仍男钱破网热助育' +
  '属坐限职速刻乐否刚毛状率独球般普校苦创假久错承印晚试股预谁益阳若微继送急血伤素药适波夜省初喜卫源食险待述' +
  '陆习置居劳财环排福欢警获模充负云停木游龙树层冷洲略范竟室激汉村策演简判担州静退既衣宗积余检差富灵协角占配' +
  '征修胜降阶审坚善刘读超免压银买养执副乱抗犯追帮宣岁航优香著田铁控税左右份穿艺背阵草块顿敢守酒岛托央户烈洋' +
  '索胡款靠评版宝座释景顾登货互付欧换闻危忙核介讨丽良序升监临露永呼味野架域沙括鱼杂误湾减编肯测败屋梦温困渐' +
  '封救贵缺楼县尚移朋画班智耳恩短掌固席松秘谢遇康虑幸均销钟藏剧票损巨旧端探湖录叶春乡附吸予礼港雨板庭妇归饭' +
  '额含顺输招补督油疗旅材灭莫笔词择寻厂博烟授岸卖载健堂旁宫借禁阴园谋避抓荣孙束跳顶玉镇雪午练篇馆遍础洞纸诸' +
  '训私庄丝翻森握隐熟访典扩盖稳亿拥齐赛迎冰虚析透购替努扬途侵绿套贸毕谷轮库迹竞街促延震伟申售灯络抵植纯夏页' +
  '筑折尊吴秀振盛措姓培诚宽摆梅盟末丁赵召署兼厅贯彻聚焦扎筹签纲疫挂帅牢拓融绩廉腐纠届辖暨';

/** Chinese punctuation; a wrong decoding turns it into kana, bopomofo or rare characters. */
const CJK_PUNCTUATION = new Set('，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕…—·　');

/** Points per character when scoring a candidate decoding; the highest total wins. */
const SCORE = {
  /** A character from COMMON_HANZI, in any script. */
  commonHanzi: 3,
  /** A character from CJK_PUNCTUATION. */
  punctuation: 2,
  /** A full-width ASCII form: "２０１２", "ＶＩＰ". */
  fullWidth: 1,
  /** Kana, bopomofo, Greek, Cyrillic or box drawing: what mis-decoded Chinese turns into. */
  foreign: -3,
  /** A private-use code point: a character the encoding does not define. */
  privateUse: -5,
} as const;

/** Only this many leading characters are scored: enough to tell the readings apart, and fast. */
const MAX_SCORED_CHARS = 2000;

/** Kana "る", bopomofo "ㄛ", Greek, Cyrillic "Е" and box drawing "┎": signs of the wrong decoder. */
const FOREIGN = /[\u0370-\u04FF\u2500-\u257F\u3040-\u30FF\u3100-\u312F]/;

/** COMMON_HANZI with its Traditional and variant forms; built on the first non-UTF-8 file. */
let commonHanziSet: Set<string> | undefined;

/**
 * Decodes a bulletin file, detecting its encoding: a byte-order mark decides; otherwise valid
 * UTF-8 wins (unless it is a short GB18030/Big5 text that only reads as mixed-script letters);
 * otherwise GB18030 and Big5 both decode it and the reading that looks most like Chinese wins. Throws a BulletinError ('empty', 'too-large', 'binary', 'undecodable',
 * 'private-use') that says what is wrong and how to fix it.
 */
export function decodeBulletin(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) {
    throw new BulletinError('empty', file, 'the file is empty; add the bulletin text or remove the file');
  }
  if (bytes.length > MAX_BYTES) {
    throw new BulletinError(
      'too-large',
      file,
      `the file is ${bytes.length} bytes, more than the ${MAX_BYTES / 1024 / 1024} MiB (${MAX_BYTES} bytes) a bulletin may be; ` +
        'put one bulletin per file and leave out attachments and images',
    );
  }
  rejectBinarySignature(bytes, file);
  const decoded = decodeByBom(bytes, file) ?? decodeWithoutBom(bytes, file);
  checkText(decoded, file);
  return decoded;
}

function decodeByBom(bytes: Uint8Array, file: string): Decoded | undefined {
  const bom = BYTE_ORDER_MARKS.find((mark) => startsWith(bytes, mark.bytes));
  if (!bom) return undefined;
  const body = bytes.subarray(bom.bytes.length);
  if (bom.encoding === 'utf-32le' || bom.encoding === 'utf-32be') {
    throw new BulletinError('undecodable', file, `the file is ${bom.encoding.toUpperCase()}, which is not supported; re-save it as UTF-8`);
  }
  if (bom.encoding === 'utf-8-bom') rejectNul(body, file);
  const decoder = bom.encoding === 'utf-8-bom' ? UTF8 : bom.encoding === 'utf-16le' ? UTF16LE : UTF16BE;
  const text = tryDecode(decoder, body);
  if (text === undefined) {
    const offset = bom.bytes.length + firstInvalidByte(decoder.encoding, body);
    const name = bom.encoding === 'utf-8-bom' ? 'UTF-8' : bom.encoding.toUpperCase();
    throw new BulletinError(
      'undecodable',
      file,
      `the file starts with a ${name} byte-order mark but is not valid ${name} at byte ${offset}` +
        `${name === 'UTF-8' ? ` (line ${lineOfByte(bytes, offset)})` : ' (an odd number of bytes or a broken surrogate pair)'}; ` +
        're-save it as UTF-8',
    );
  }
  return { text, encoding: bom.encoding };
}

function decodeWithoutBom(bytes: Uint8Array, file: string): Decoded {
  rejectNul(bytes, file);
  // The common path: valid UTF-8 wins, in one decode. Only a short legacy text can be valid UTF-8
  // (its punctuation, "，" A3 AC, starts with a UTF-8 continuation byte), and then it reads as
  // letters of several scripts and no CJK: GB18030 "要强系目" is UTF-8 "ҪǿϵĿ".
  const utf8 = tryDecode(UTF8, bytes);
  if (utf8 !== undefined) {
    if (CJK_IDEOGRAPH.test(utf8) || !mixesScripts(utf8)) return { text: utf8, encoding: 'utf-8' };
    const legacy = mostChinese(legacyCandidates(bytes));
    return legacy && mostlyCommonChinese(legacy.text) ? legacy : { text: utf8, encoding: 'utf-8' };
  }
  const best = mostChinese(legacyCandidates(bytes));
  if (best) return best;
  const utf8Offset = firstInvalidByte('utf-8', bytes);
  throw new BulletinError(
    'undecodable',
    file,
    `the bytes are not text in any supported encoding: not UTF-8 (first bad byte ${utf8Offset}, ` +
      `line ${lineOfByte(bytes, utf8Offset)}), not GB18030 (byte ${firstInvalidByte('gb18030', bytes)}) ` +
      `and not Big5 (byte ${firstInvalidByte('big5', bytes)}); open it in an editor that shows it ` +
      'correctly and re-save it as UTF-8',
  );
}

/** Readings of bytes that are not UTF-8, in order of preference when scores tie. */
function legacyCandidates(bytes: Uint8Array): Decoded[] {
  const candidates: Decoded[] = [];
  const gb = tryDecode(GB18030, bytes);
  if (gb !== undefined) candidates.push({ text: gb, encoding: 'gb18030' });
  const big5 = tryDecode(BIG5, bytes);
  if (big5 !== undefined && !PRIVATE_USE.test(big5)) {
    candidates.push({ text: big5, encoding: 'big5' });
  } else {
    // Node's Big5 rejects or hides (as private use) the HKSCS characters; iconv-lite maps them.
    const hkscs = iconv.decode(bytes, 'big5hkscs');
    if (!hkscs.includes('\uFFFD')) candidates.push({ text: hkscs, encoding: big5 === hkscs ? 'big5' : 'big5-hkscs' });
    else if (big5 !== undefined) candidates.push({ text: big5, encoding: 'big5' });
  }
  return candidates;
}

/** True when the non-ASCII letters come from two or more scripts: "ҪǿϵĿ" (Cyrillic, Latin, Greek). */
function mixesScripts(text: string): boolean {
  const nonAscii = text.replace(ASCII, '');
  let scripts = 0;
  for (const letters of SCRIPT_LETTERS) if (letters.test(nonAscii) && ++scripts === 2) return true;
  return false;
}

/** True when at least half the non-ASCII characters are common hanzi or Chinese punctuation. */
function mostlyCommonChinese(text: string): boolean {
  const common = (commonHanziSet ??= buildCommonHanziSet());
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (common.has(ch) || CJK_PUNCTUATION.has(ch)) chinese++;
  }
  return chinese > 0 && chinese * 2 >= nonAscii;
}

/** The candidate with the highest Chinese score; the first one when scores tie. */
function mostChinese(candidates: Decoded[]): Decoded | undefined {
  let best: Decoded | undefined;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = scoreChinese(candidate.text);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/** How much the text reads like Chinese: common characters and punctuation up, mojibake down. */
function scoreChinese(text: string): number {
  const common = (commonHanziSet ??= buildCommonHanziSet());
  let score = 0;
  for (const ch of text.slice(0, MAX_SCORED_CHARS)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    if (common.has(ch)) score += SCORE.commonHanzi;
    else if (CJK_PUNCTUATION.has(ch)) score += SCORE.punctuation;
    else if (code >= 0xff01 && code <= 0xff5e) score += SCORE.fullWidth;
    else if (FOREIGN.test(ch)) score += SCORE.foreign;
    else if (PRIVATE_USE.test(ch)) score += SCORE.privateUse;
  }
  return score;
}

/** COMMON_HANZI plus every CJK character (U+4E00-U+9FFF) whose Simplified form is in it. Built once, on first use. */
function buildCommonHanziSet(): Set<string> {
  const simplified = new Set(COMMON_HANZI);
  const all: string[] = [];
  for (let code = 0x4e00; code <= 0x9fff; code++) all.push(String.fromCharCode(code));
  // One character per line, so the converter cannot match phrases across characters.
  const converted = toSimplified(all.join('\n')).split('\n');
  const set = new Set(simplified);
  all.forEach((ch, i) => {
    if (simplified.has(converted[i] ?? '')) set.add(ch);
  });
  return set;
}

/** Refuses whitespace-only text, text that is mostly control characters and private-use characters. */
function checkText({ text, encoding }: Decoded, file: string): void {
  if (!NON_BLANK.test(text)) {
    throw new BulletinError('empty', file, 'the file holds only whitespace or a byte-order mark; add the bulletin text or remove the file');
  }
  const controls = text.match(CONTROL_CHARS)?.length ?? 0;
  if (controls > text.length * MAX_CONTROL_SHARE) {
    throw new BulletinError(
      'binary',
      file,
      `${controls} of its ${text.length} characters are control characters, so it is not a text file; ` +
        'save the bulletin as plain text (UTF-8)',
    );
  }
  const match = PRIVATE_USE.exec(text);
  if (match) {
    const { line, column } = positionOf(text, match.index);
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const fix = encoding.startsWith('utf')
      ? 'delete it or replace it with the character it stands for'
      : 'replace it with the character it stands for, or re-save the file as UTF-8 from the program that shows it correctly';
    throw new BulletinError(
      'private-use',
      file,
      `line ${line}, column ${column} holds U+${code}, a private-use character with no standard meaning ` +
        `(read as ${encoding}); ${fix}`,
      line,
    );
  }
}

function rejectBinarySignature(bytes: Uint8Array, file: string): void {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) {
    throw new BulletinError('binary', file, `the file is ${signature.kind}, not text; save the bulletin as plain text (UTF-8)`);
  }
}

function rejectNul(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BulletinError(
      'binary',
      file,
      `byte ${nul} is NUL, so this is a binary file or UTF-16 without a byte-order mark; ` +
        'save the bulletin as plain text (UTF-8)',
    );
  }
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the byte at which a fatal decoder first fails (the last byte when a character is cut off there). */
function firstInvalidByte(encoding: string, bytes: Uint8Array): number {
  const failsWithin = (length: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // Binary search for the shortest failing prefix; a sequence cut at the end does not fail in stream mode.
  let low = 0;
  let high = bytes.length;
  if (!failsWithin(high)) return Math.max(0, bytes.length - 1);
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (failsWithin(mid)) high = mid;
    else low = mid;
  }
  return high - 1;
}

/** 1-based line of a byte offset, counting LF bytes (LF is never part of a multi-byte character here). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** 1-based line and column (in code points) of a UTF-16 index into the text. */
function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (const end of text.slice(0, index).matchAll(LINE_END)) {
    line++;
    lineStart = end.index + end[0].length;
  }
  return { line, column: [...text.slice(lineStart, index)].length + 1 };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
