// Step 2: split an optional YAML front-matter block (gray-matter) from the bulletin body.
import matter from 'gray-matter';
import { BulletinError } from './errors.ts';
import { loadYaml, YamlError } from './yaml.ts';

export interface FrontMatter {
  /** The YAML fields, as parsed; {} when the file has no block. */
  data: Record<string, unknown>;
  /** The text after the block. */
  body: string;
  /** Index in the decoded file where `body` starts, to map positions back to lines. */
  bodyOffset: number;
}

// "---\n" at the very start opens a block; gray-matter finds the closing "---".
const OPENING_FENCE = /^---[ \t]*\r?\n/;

export function splitFrontMatter(text: string, file: string): FrontMatter {
  if (!OPENING_FENCE.test(text)) return { data: {}, body: text, bodyOffset: 0 };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache, which would share one object between files.
    // loadYaml refuses a second document, anchors and aliases, and keys such as __proto__.
    parsed = matter(text, { engines: { yaml: (block: string) => loadYaml(block) as object } });
  } catch (error) {
    // The block handed to the engine starts with the rest of the opening fence line: its line N is file line N.
    if (error instanceof YamlError) {
      throw new BulletinError('front-matter', file, `front matter: ${error.reason}`, error.line);
    }
    const mark = (error as { mark?: { line?: number }; reason?: string }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // gray-matter parses the block without its opening fence line: its line 0 is file line 2.
    const line = mark?.line !== undefined ? mark.line + 1 : undefined;
    throw new BulletinError('front-matter', file,
      `the front-matter block is not valid YAML (${reason}); fix the block between the two '---' lines`, line);
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const bodyOffset = text.length - parsed.content.length;
  return { data, body: parsed.content, bodyOffset };
}
