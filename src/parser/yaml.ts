// YAML as the archive reads it (front matter, officials.yml, redirects.yml): one document, no anchors or aliases, no reserved keys.
import matter from 'gray-matter';

/** Why a YAML text was refused, and the 1-based line in that text where the problem is, when known. */
export class YamlError extends Error {
  constructor(
    /** What is wrong and how to fix it. */
    readonly reason: string,
    /** 1-based line in the YAML text given to loadYaml. */
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${reason}` : reason);
  }
}

/**
 * Keys that would reach an object's prototype when copied with `obj[key] = value`
 * (`__proto__`), or shadow what every object inherits (`constructor`, `prototype`).
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The part of js-yaml's loader state its `listener` option is shown (js-yaml 3, gray-matter's engine). */
interface LoaderState {
  anchorMap: Record<string, unknown>;
  /** 0-based line of the loader's position. */
  line: number;
}
type Listener = (event: 'open' | 'close', state: LoaderState) => void;
type SafeLoad = (text: string, options: { listener: Listener }) => unknown;

// gray-matter's own YAML engine (js-yaml's safeLoad: no functions, no custom types); typed here
// because gray-matter's typings do not declare `engines`.
const safeLoad = (matter as unknown as { engines: { yaml: { parse: SafeLoad } } }).engines.yaml.parse;

// A document marker at the start of a line: `---` opens a document, `...` ends one (e.g. "--- # second").
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t]|$)/;
// A line with nothing for YAML in it: blank, or a comment.
const EMPTY_LINE = /^[ \t]*(?:#.*)?$/;

/**
 * Parses `text` as one YAML document with js-yaml's safe schema. Refuses, with the line:
 * - a second document (a `---` or `...` line after content), which would otherwise drop what follows;
 * - anchors (`&name`) and so aliases (`*name`): an alias shares one node, and nine lines of aliases
 *   to aliases stand for a billion values once anything walks them ("billion laughs");
 * - the keys `__proto__`, `constructor` and `prototype` at any depth.
 * Throws a YamlError; the result is a tree (no node is reached twice), so walking it is linear.
 */
export function loadYaml(text: string): unknown {
  checkDocumentMarkers(text);
  const listener: Listener = (event, state) => {
    // js-yaml records an anchor before it reads the anchored node's children: the first node that
    // closes after an anchor is refused, long before any alias can be read.
    if (event !== 'close') return;
    for (const name in state.anchorMap) {
      throw new YamlError(`the anchor '&${name}' is not allowed (anchors and aliases such as *${name} can make a few lines stand for millions of values); write each value out in full`,
        anchorLine(text, name) ?? state.line + 1);
    }
  };
  let data: unknown;
  try {
    data = safeLoad(text, { listener });
  } catch (error) {
    if (error instanceof YamlError) throw error;
    const { mark, reason } = error as { mark?: { line?: number }; reason?: string };
    let why = reason ?? (error instanceof Error ? error.message : String(error));
    if (/unidentified alias/.test(why)) why += '; aliases (*name) are not allowed: write the value out in full';
    throw new YamlError(`not valid YAML (${why})`, mark?.line !== undefined ? mark.line + 1 : undefined);
  }
  checkKeys(data, text);
  return data;
}

/** Refuses a `---` or `...` line after the first line with content: it would start a second document. */
function checkDocumentMarkers(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (DOCUMENT_MARKER.test(line)) {
      // A `---` before any content only opens the one document; any other marker ends it.
      if (content || line.startsWith('...')) {
        throw new YamlError(`a '${line.slice(0, 3)}' line ends the YAML document here, and everything after it would be lost; remove the line (one file holds one list)`, i + 1);
      }
      content = !EMPTY_LINE.test(line.slice(3));
    } else if (!EMPTY_LINE.test(line) && !line.startsWith('%')) {
      content = true;
    }
  }
}

/** Refuses a reserved key anywhere in the tree (walked without recursion). */
function checkKeys(data: unknown, text: string): void {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      for (const key of Object.keys(node)) {
        if (RESERVED_KEYS.has(key)) {
          throw new YamlError(`the key '${key}' is not allowed (it is reserved in JavaScript objects); rename it`, keyLine(text, key));
        }
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
}

/** 1-based line of `&name` in the text, when it is there. */
function anchorLine(text: string, name: string): number | undefined {
  const at = new RegExp(`&${escapeRegExp(name)}(?=[\\s,\\[\\]{}]|$)`).exec(text);
  return at ? lineAt(text, at.index) : undefined;
}

/** 1-based line where `key` is written as a key (`key:`, `"key":`), when it is there. */
function keyLine(text: string, key: string): number | undefined {
  const at = new RegExp(`(["']?)${escapeRegExp(key)}\\1[ \\t]*:`).exec(text);
  return at ? lineAt(text, at.index) : undefined;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
