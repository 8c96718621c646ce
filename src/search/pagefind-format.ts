// Pagefind's index files, read directly, by the index build (Node) and the search page (bundled
// into /assets/search.js). The build reads each bundle's pf_meta (the order of its
// pages and the words each index chunk starts with) into the shard's catalog; the search page
// reads only the index chunks of the words it looks for, so it needs neither pagefind.js, its
// worker and wasm, nor the pf_meta files (docs/search.md says why). This is Pagefind 1.6's format
// (package.json pins the version); tests/search/index-stage.e2e.test.ts reads every chunk of a built
// site and checks it against the tokens of its bulletins.

const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** Where one word occurs in one page of a Pagefind index chunk. */
export interface PagefindPosting {
  /** The page's number in the bundle (its place in pf_meta's list of pages). */
  page: number;
  /** Positions in the page's sequence of tokens. */
  positions: number[];
  /** The weight of each position: 24 for body text, more in headings. */
  weights: number[];
}

/** An index chunk of a Pagefind bundle, read lazily. */
export interface PagefindChunk {
  /** Its words, in Pagefind's order. */
  words(): string[];
  /** Where a word occurs, by page; none when the chunk does not hold it. */
  postings(word: string): PagefindPosting[];
}

/** A value of a Pagefind file: an integer, a text, or a list of them. */
export type PagefindValue = number | string | PagefindValue[];

/**
 * A reader of the CBOR value after the signature of one of Pagefind's index files (pf_meta,
 * pf_index) once un-gzipped: arrays, integers and text, which is all these files hold.
 */
function pagefindReader(bytes: Uint8Array) {
  for (let i = 0; i < PAGEFIND_SIGNATURE.length; i++) {
    if (bytes[i] !== PAGEFIND_SIGNATURE.charCodeAt(i)) throw new Error('not a Pagefind index file');
  }
  const utf8 = new TextDecoder();
  const reader = {
    at: PAGEFIND_SIGNATURE.length,
    /** The major type of the last item whose head was read: 0 unsigned, 1 negative, 3 text, 4 array. */
    major: 0,
    /** Reads an item's head: sets `major`, returns its argument (a length, or the integer). */
    head(): number {
      const byte = bytes[reader.at++]!;
      reader.major = byte >> 5;
      const n = byte & 31;
      const at = reader.at;
      if (n < 24) return n;
      if (n === 24) { reader.at += 1; return bytes[at]!; }
      if (n === 25) { reader.at += 2; return bytes[at]! * 0x100 + bytes[at + 1]!; }
      if (n === 26) { reader.at += 4; return ((bytes[at]! * 0x100 + bytes[at + 1]!) * 0x100 + bytes[at + 2]!) * 0x100 + bytes[at + 3]!; }
      throw new Error(`Pagefind file: unsupported CBOR item 0x${byte.toString(16)} at ${at - 1}`);
    },
    text(): string {
      const n = reader.head();
      if (reader.major !== 3) throw new Error(`Pagefind file: text expected at ${reader.at}`);
      reader.at += n;
      return utf8.decode(bytes.subarray(reader.at - n, reader.at));
    },
    read(): PagefindValue {
      const n = reader.head();
      if (reader.major === 0) return n;
      if (reader.major === 1) return -1 - n;
      if (reader.major === 3) {
        reader.at += n;
        return utf8.decode(bytes.subarray(reader.at - n, reader.at));
      }
      if (reader.major === 4) {
        const list: PagefindValue[] = new Array(n);
        for (let i = 0; i < n; i++) list[i] = reader.read();
        return list;
      }
      throw new Error(`Pagefind file: unsupported CBOR major type ${reader.major} at ${reader.at}`);
    },
    skip(): void {
      const n = reader.head();
      if (reader.major === 2 || reader.major === 3) reader.at += n;
      else if (reader.major === 4) for (let i = 0; i < n; i++) reader.skip();
      else if (reader.major > 1) throw new Error(`Pagefind file: unsupported CBOR major type ${reader.major} at ${reader.at}`);
    },
  };
  return reader;
}

/**
 * The whole value of one of Pagefind's index files once un-gzipped (the build reads pf_meta so).
 */
export function decodePagefind(bytes: Uint8Array): PagefindValue {
  return pagefindReader(bytes).read();
}

/**
 * An index chunk once un-gzipped (`[[[word, [[page, [locations], …], …]], …]]`): its words, and
 * for a word the pages that hold it and where, decoded only when asked (a chunk holds hundreds of
 * words; a query needs one or two). Page numbers are stored as differences from the previous
 * page; a negative location −(w + 1) sets the weight w of the locations after it, each stored as
 * the difference from the previous location of the same run.
 */
export function pagefindChunk(bytes: Uint8Array): PagefindChunk {
  const reader = pagefindReader(bytes);
  const offsets = new Map<string, number>();
  reader.head();
  const count = reader.head();
  for (let i = 0; i < count; i++) {
    const fields = reader.head();
    offsets.set(reader.text(), reader.at);
    for (let f = 1; f < fields; f++) reader.skip();
  }
  return {
    words: () => [...offsets.keys()],
    postings(word) {
      const offset = offsets.get(word);
      if (offset === undefined) return [];
      reader.at = offset;
      const out: PagefindPosting[] = [];
      let page = 0;
      const pages = reader.head();
      for (let p = 0; p < pages; p++) {
        const fields = reader.head();
        page += reader.head();
        const positions: number[] = [];
        const weights: number[] = [];
        let weight = 24;
        let position = 0;
        const locations = reader.head();
        for (let l = 0; l < locations; l++) {
          const n = reader.head();
          if (reader.major === 1) {
            weight = n;
            position = 0;
          } else {
            position += n;
            positions.push(position);
            weights.push(weight);
          }
        }
        for (let f = 2; f < fields; f++) reader.skip();
        out.push({ page, positions, weights });
      }
      return out;
    },
  };
}

/**
 * A token as Pagefind stores and looks it up: without diacritics, except the kana voicing marks
 * (the same rule as pagefind.js's normalizeDiacritics).
 */
export function pagefindWord(token: string): string {
  const stripped = token.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * Orders words as Pagefind sorts them (by code point, as Rust compares strings).
 */
function compareWords(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The index chunks that can hold a word, or with `prefix` every word starting with it, given
 * the first word of each chunk in Pagefind's order: the last chunk starting at or before the
 * word (a word is in that one or in none), and for a prefix the chunks after it that start with it.
 * @returns indexes into `starts`
 */
export function chunksHolding(starts: string[], word: string, prefix: boolean): number[] {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareWords(starts[mid]!, word) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const found = lo === 0 ? [] : [lo - 1];
  if (prefix) for (let i = lo; i < starts.length && starts[i]!.startsWith(word); i++) found.push(i);
  return found;
}
