// Tests for step 1 (decode): encoding detection on fixtures encoded at test time, real legacy bytes, and errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { normalise } from '../../src/parser/normalise.ts';
import { decodeBulletin, MAX_BYTES } from '../../src/parser/decode.ts';
import { BulletinError, type BulletinErrorCode } from '../../src/parser/errors.ts';
import { ROOT } from '../../src/paths.ts';
import { unlessShared } from '../helpers/shared.ts';

/** shared/ sits beside the repository root, which is the parent of tests/. */
const RAW_ENCODINGS = resolve(ROOT, '..', 'shared', 'corpus', 'real', 'raw-encodings');
const SOGOU_FILE = 'liaozp1_textsum_news_sohusite_xml.smarty.dat';

/** From the seed bulletin (000_aff82dc70ec967be.txt), without its pinyin glosses. */
const TRADITIONAL = [
  '長樂新聞網訊 7月18日，區政府黨組書記、區長廖海軍主持召開區政府黨組（擴大）會議暨區政府黨組理論學習中心組學習會。',
  '會議傳達學習習近平總書記7月4日致“全球發展：共同使命與行動價值”智庫媒體高端論壇的賀信精神。',
  '要深化對臺交流。全面融入“福馬共同家園”建設，在產業對接、基層民間交流、落實臺胞臺企同等待遇等方面推出更多創新舉措。',
  '',
].join('\n');

const SIMPLIFIED = [
  '7月18日，区长廖海军主持召开区政府今年第17次常务会议。',
  '会议通报“项目攻坚落实年”专项行动1-5月考评情况，部署我区下一阶段工作。',
  '会议强调，各级各有关部门要加强统筹协调，为长乐高质量发展奠定坚实基础。',
  '',
].join('\n');

/** 哋 and 喺 are HKSCS characters: Node's Big5 decoder turns them into private-use code points. */
const HKSCS = '我哋今日喺區議會開會，討論點樣改善社區設施。\n';

/** One-line files: the hard case, with little text to tell the encodings apart. */
const SHORT_SIMPLIFIED = ['7月18日，区长廖海军主持召开区政府常务会议。', '区长主持会议', '会议强调，'];
const SHORT_TRADITIONAL = ['7月18日，區長廖海軍主持召開區政府常務會議。', '區長主持會議', '會議強調，'];

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'big5-hkscs';

/** The bytes of the text in the encoding, made with iconv-lite; fails if the encoding cannot hold the text. */
function encode(text: string, encoding: Encoding): Uint8Array {
  const [codec, bom] = ({
    'utf-8': ['utf8', ''],
    'utf-8-bom': ['utf8', '\uFEFF'],
    'utf-16le': ['utf16le', '\uFEFF'],
    'utf-16be': ['utf16be', '\uFEFF'],
    gb18030: ['gb18030', ''],
    big5: ['big5', ''],
    'big5-hkscs': ['big5hkscs', ''],
  } as const)[encoding];
  const bytes = iconv.encode(bom + text, codec);
  assert.equal(iconv.decode(bytes, codec, { stripBOM: true }), text, `fixture: ${encoding} cannot hold the text`);
  return bytes;
}

function assertDecodes(bytes: Uint8Array, encoding: Encoding, text: string): void {
  const decoded = decodeBulletin(bytes, `sample.${encoding}.txt`);
  assert.equal(decoded.encoding, encoding);
  assert.equal(decoded.text, text);
}

/** Asserts decoding throws a BulletinError with the code, the file name in its message and each pattern in its reason. */
function assertRefused(bytes: Uint8Array, code: BulletinErrorCode, ...reason: RegExp[]): BulletinError {
  const file = `bulletins/refused-${code}.txt`;
  let thrown: unknown;
  assert.throws(() => decodeBulletin(bytes, file), (error: unknown) => {
    thrown = error;
    return true;
  });
  assert.ok(thrown instanceof BulletinError, `expected a BulletinError, got ${String(thrown)}`);
  assert.equal(thrown.code, code, thrown.message);
  assert.ok(thrown.message.includes(file), `the message names the file: ${thrown.message}`);
  for (const pattern of reason) assert.match(thrown.reason, pattern);
  return thrown;
}

function readRaw(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(RAW_ENCODINGS, name)));
}

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
function randomBytes(length: number, seed: number, min = 0, max = 255): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const unit = ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    return min + Math.floor(unit * (max - min + 1));
  });
}

/**
 * GB18030 bytes without one character, walking the byte structure so that a trail byte followed by a
 * lead byte is never taken for the character: ASCII is one byte, a lead byte with 0x30-0x39 after it
 * starts four bytes, any other lead byte two.
 */
function withoutGb18030Char(bytes: Uint8Array, char: readonly [number, number]): Uint8Array {
  const kept: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const next = bytes[i + 1] ?? 0;
    const length = lead < 0x80 ? 1 : next >= 0x30 && next <= 0x39 ? 4 : 2;
    if (!(length === 2 && lead === char[0] && next === char[1])) kept.push(...bytes.subarray(i, i + length));
    i += length;
  }
  return Uint8Array.from(kept);
}

/** The SogouCS sample ends paragraphs with GB18030 user-defined bytes FD A3, which decode to private-use U+E40C. */
const SOGOU_PARAGRAPH_MARK = [0xfd, 0xa3] as const;

describe('decodeBulletin: encodings, from text encoded at test time', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
    it(`Simplified in ${encoding}`, () => assertDecodes(encode(SIMPLIFIED, encoding), encoding, SIMPLIFIED));
    it(`Traditional in ${encoding}`, () => assertDecodes(encode(TRADITIONAL, encoding), encoding, TRADITIONAL));
  }

  it('Traditional in Big5', () => assertDecodes(encode(TRADITIONAL, 'big5'), 'big5', TRADITIONAL));

  it('Big5-HKSCS with 哋 and 喺, which Node’s Big5 decoder would turn into private use', () => {
    const bytes = encode(HKSCS, 'big5-hkscs');
    assert.match(new TextDecoder('big5').decode(bytes), /[\uE000-\uF8FF]/, 'premise: Node hides HKSCS as private use');
    assertDecodes(bytes, 'big5-hkscs', HKSCS);
  });

  it('Big5-HKSCS in a one-line file', () => assertDecodes(encode('我哋開會。', 'big5-hkscs'), 'big5-hkscs', '我哋開會。'));

  for (const line of SHORT_SIMPLIFIED) {
    it(`one-line Simplified in GB18030: ${line}`, () => assertDecodes(encode(line, 'gb18030'), 'gb18030', line));
  }
  for (const line of SHORT_TRADITIONAL) {
    it(`one-line Traditional in Big5: ${line}`, () => assertDecodes(encode(line, 'big5'), 'big5', line));
    it(`one-line Traditional in GB18030: ${line}`, () => assertDecodes(encode(line, 'gb18030'), 'gb18030', line));
  }

  it('the byte-order mark is stripped and CRLF line ends are kept', () => {
    const text = SIMPLIFIED.replaceAll('\n', '\r\n');
    const decoded = decodeBulletin(encode(text, 'utf-8-bom'), 'crlf.txt');
    assert.equal(decoded.text, text);
    assert.ok(!decoded.text.startsWith('\uFEFF'));
  });

  it('text without Chinese is kept: the parser decides later', () => {
    assertDecodes(encode('Meeting notes, 18 July 2022.\n', 'utf-8'), 'utf-8', 'Meeting notes, 18 July 2022.\n');
    assertDecodes(encode('Café in Zürich, Ελλάδα, Москва ±5°C\n', 'utf-8'), 'utf-8', 'Café in Zürich, Ελλάδα, Москва ±5°C\n');
  });

  it('GB18030 whose bytes are also valid UTF-8 (要强系目 reads as "ҪǿϵĿ") is read as GB18030', () => {
    const bytes = encode('要强系目', 'gb18030');
    assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'ҪǿϵĿ', 'premise: valid UTF-8');
    assertDecodes(bytes, 'gb18030', '要强系目');
  });
});

describe('decodeBulletin: real legacy bytes in shared/corpus/real/raw-encodings', { skip: unlessShared('corpus', 'real', 'raw-encodings') }, () => {
  const pages = [
    ['eidors_checkResourcesFiles_hb-ws_detail-469.html', '娲石集团6200t/d新型绿色智能化熟料生产线和年产2000万吨绿色环保建材生产线项目开工仪式成功举行'],
    ['eidors_checkResourcesFiles_hb-ws_detail-474.html', '2021湖北武黄同城暨黄石（光谷）产业投资推介会在武汉举行'],
    ['eidors_checkResourcesFiles_hb-ws_detail-479.html', '纪念中国共产党成立100周年大会'],
  ] as const;
  for (const [name, phrase] of pages) {
    it(`GB2312 page ${name} decodes as gb18030`, () => {
      const decoded = decodeBulletin(readRaw(name), name);
      assert.equal(decoded.encoding, 'gb18030');
      assert.ok(decoded.text.includes(phrase), `contains ${phrase}`);
    });
  }

  it('the SogouCS file is under MAX_BYTES and holds the private-use paragraph mark at byte 494', () => {
    const bytes = readRaw(SOGOU_FILE);
    assert.ok(bytes.length <= MAX_BYTES, `${bytes.length} bytes`);
    assert.deepEqual([...bytes.subarray(494, 496)], [...SOGOU_PARAGRAPH_MARK]);
    assert.equal(new TextDecoder('gb18030').decode(bytes.subarray(494, 496)), '\uE40C');
  });

  it('the SogouCS file is read as gb18030, its U+E40C paragraph marks kept for normalise to make line breaks', () => {
    const decoded = decodeBulletin(readRaw(SOGOU_FILE), SOGOU_FILE);
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes('\uE40C'));
    const clean = normalise(decoded.text).text;
    assert.ok(!clean.includes('\uE40C'));
    const first = decoded.text.indexOf('\uE40C');
    const before = normalise(decoded.text.slice(0, first)).text.trimEnd();
    assert.ok(clean.startsWith(`${before}\n`), 'the first mark ends its paragraph');
  });

  it('any other private-use character is still refused, with its line: U+E000 from GB18030 AA A1', () => {
    const bytes = Uint8Array.from([...encode('7月18日，區長主持會議。\n', 'gb18030'), 0xaa, 0xa1]);
    assertRefused(bytes, 'private-use', /line 2, column 1/, /U\+E000/, /gb18030/);
  });

  it('the SogouCS file up to its first paragraph mark (a short real slice) decodes as gb18030', () => {
    const bytes = readRaw(SOGOU_FILE);
    const slice = bytes.subarray(0, bytes.lastIndexOf(0x0a, 494) + 1);
    const decoded = decodeBulletin(slice, SOGOU_FILE);
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes('<contenttitle>深圳地铁将设立ＶＩＰ头等车厢　买双倍票可享坐票</contenttitle>'));
  });

  it('a 100 KB prefix of the SogouCS file, cut at a line end and without paragraph marks, decodes as gb18030', () => {
    const bytes = readRaw(SOGOU_FILE);
    const prefix = bytes.subarray(0, bytes.lastIndexOf(0x0a, 100 * 1024) + 1);
    const decoded = decodeBulletin(withoutGb18030Char(prefix, SOGOU_PARAGRAPH_MARK), SOGOU_FILE);
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, new TextDecoder('gb18030').decode(prefix).replaceAll('\uE40C', ''));
    assert.ok(decoded.text.includes('在未来的１１号线上将增加特色服务'));
  });

  it('the whole SogouCS file without paragraph marks decodes as gb18030', () => {
    const decoded = decodeBulletin(withoutGb18030Char(readRaw(SOGOU_FILE), SOGOU_PARAGRAPH_MARK), SOGOU_FILE);
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes('登入搜狐试用频道，填写并完善您的个人资料'));
  });

  it('a file over MAX_BYTES (the SogouCS file repeated) is refused as too-large', () => {
    const bytes = readRaw(SOGOU_FILE);
    const big = new Uint8Array(MAX_BYTES + 1);
    for (let at = 0; at < big.length; at += bytes.length) big.set(bytes.subarray(0, big.length - at), at);
    assertRefused(big, 'too-large', /2 MiB/, /one bulletin per file/);
  });
});

describe('decodeBulletin: refused input', () => {
  it('empty file', () => {
    assertRefused(new Uint8Array(0), 'empty', /empty/, /add the bulletin text or remove the file/);
  });

  it('UTF-8 byte-order mark only', () => {
    assertRefused(Uint8Array.of(0xef, 0xbb, 0xbf), 'empty', /byte-order mark/);
  });

  it('UTF-16 byte-order mark only', () => {
    assertRefused(Uint8Array.of(0xff, 0xfe), 'empty', /byte-order mark/);
  });

  it('whitespace only, including U+3000', () => {
    assertRefused(encode(' \n\t\u3000\r\n', 'utf-8'), 'empty', /whitespace/);
  });

  it('binary: a PNG header and random bytes', () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(256, 1));
    assertRefused(png, 'binary', /PNG image/, /plain text/);
  });

  it('binary: a ZIP archive such as a .docx', () => {
    assertRefused(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...randomBytes(64, 2, 1)), 'binary', /\.docx/);
  });

  it('binary: a NUL byte in a file without a byte-order mark (UTF-16 without BOM, say)', () => {
    assertRefused(iconv.encode('Meeting 会议', 'utf16le'), 'binary', /byte 1 is NUL/, /UTF-16 without a byte-order mark/);
  });

  it('binary: mostly control characters', () => {
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 8)));
    assertRefused(controls, 'binary', /control characters/);
  });

  it('undecodable: random bytes that no decoder accepts', () => {
    const bytes = randomBytes(512, 3, 0x80, 0xff);
    for (const encoding of ['utf-8', 'gb18030', 'big5']) {
      assert.throws(() => new TextDecoder(encoding, { fatal: true }).decode(bytes), `premise: ${encoding} rejects`);
    }
    assert.ok(iconv.decode(bytes, 'big5hkscs').includes('\uFFFD'), 'premise: Big5-HKSCS rejects');
    assertRefused(bytes, 'undecodable', /not UTF-8 \(first bad byte \d+, line 1\)/, /GB18030/, /Big5/, /re-save it as UTF-8/);
  });

  it('undecodable: a UTF-8 byte-order mark before bytes that are not UTF-8', () => {
    const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, ...encode('会议\n', 'utf-8'), ...encode('会议', 'gb18030'));
    assertRefused(bytes, 'undecodable', /not valid UTF-8 at byte 10 \(line 2\)/);
  });

  it('undecodable: a UTF-16LE byte-order mark and an odd number of bytes', () => {
    assertRefused(Uint8Array.of(...encode('会议', 'utf-16le'), 0x41), 'undecodable', /UTF-16LE/, /odd number of bytes/);
  });

  it('undecodable: UTF-32', () => {
    assertRefused(Uint8Array.of(0xff, 0xfe, 0x00, 0x00, 0x1a, 0x4f, 0x00, 0x00), 'undecodable', /UTF-32LE/);
  });

  it('private-use: U+E000 in a UTF-8 file, with line and column', () => {
    const bytes = encode('区政府常务会议\n会议强调\uE000，\n', 'utf-8');
    const error = assertRefused(bytes, 'private-use', /line 2, column 5/, /U\+E000/, /read as utf-8/, /delete it or replace it/);
    assert.equal(error.line, 2);
  });

  it('private-use: GB18030 user-defined bytes AA A1 (U+E000) that no decoder maps', () => {
    const before = encode('区政府常务会议。\n会议强调，要加强统筹协调。\n部署', 'gb18030');
    const bytes = Uint8Array.of(...before, 0xaa, 0xa1, ...encode('工作。\n', 'gb18030'));
    const error = assertRefused(bytes, 'private-use', /line 3, column 3/, /U\+E000/, /read as gb18030/, /re-save the file as UTF-8/);
    assert.equal(error.line, 3);
  });
});

describe('decodeBulletin: property', () => {
  const chinese = [...new Set('区长廖海军主持召开政府今年第次常务会议通报项目攻坚落实专行动月考评情况部署我下一阶段工作的是會議強調區長對臺交流發展')];
  const ascii = [...' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;()-\n'];
  const text = fc.string({ unit: fc.oneof(fc.constantFrom(...chinese), fc.constantFrom(...ascii)), minLength: 1, maxLength: 80 });
  const chineseCount = (s: string): number => [...s].filter((ch) => chinese.includes(ch)).length;

  for (const encoding of ['utf-8', 'utf-16le'] as const) {
    it(`any non-blank CJK + ASCII string survives ${encoding}`, () => {
      fc.assert(
        fc.property(text, (s) => {
          fc.pre(/\S/.test(s));
          assertDecodes(encode(s, encoding), encoding, s);
        }),
        { numRuns: 200 },
      );
    });
  }

  // Fewer Chinese characters can be ambiguous: GB18030 "要强系目" is also valid UTF-8.
  it('any CJK + ASCII string with at least 4 Chinese characters survives gb18030', () => {
    fc.assert(
      fc.property(text, (s) => {
        fc.pre(chineseCount(s) >= 4);
        assertDecodes(encode(s, 'gb18030'), 'gb18030', s);
      }),
      { numRuns: 200 },
    );
  });
});
