// Paths the site publishes: a content file as the archive names it, and whether a redirect's old URL can be a page of its own.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

/**
 * A content file's path relative to the content folder, with '/' (bulletins/2022/2022-07-18-x.txt):
 * what pages and record.json show, never the builder's own folders.
 */
export function contentPath(contentDir: string, file: string): string {
  return relative(contentDir, file).split(sep).join('/');
}

/** The longest URL segment a redirect may have, in UTF-8 bytes: it is a folder name in the output. */
export const MAX_SEGMENT_BYTES = 200;

// Folders the build fills with files of its own (styles, scripts, the search index).
const RESERVED_FOLDERS = new Set(['assets', 'pagefind', 'search']);
// A character no folder name of the output may hold: controls and the backslash.
const BAD_CHAR = /[\u0000-\u001f\u007f\\]/u;

/** What the site writes, for checking a redirect's old URL against it. */
export interface SiteOutput {
  /** Every page's site path, ending in '/'. */
  pages: ReadonlySet<string>;
  /** Every file's site path that is not a page (/feed.xml, …/record.json). */
  files: ReadonlySet<string>;
}

/**
 * Why a redirect's `from` (a site path ending in '/') cannot have a page of its own, or undefined
 * when it can: a `.` or `..` segment (also written %2E), an empty one (//), a control character or
 * backslash, a bad % escape, a segment too long for a folder name, a page the archive has, a path
 * below one of its files, or one of the build's own folders.
 */
export function redirectFromProblem(from: string, output: SiteOutput): string | undefined {
  const segments = from.slice(1, -1).split('/');
  if (from === '/') return 'is the home page; a redirect cannot replace it (remove the entry)';
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `has a part, '${segment}', with a % not followed by two hex digits; write the path as the address bar shows it`;
    }
    if (segment === '' || decoded === '.' || decoded === '..' || decoded.includes('/')) {
      return "is not a plain site path (it has an empty, '.' or '..' part, or an escaped '/'); write the old URL itself, e.g. /2022/07/18/old-name/";
    }
    if (BAD_CHAR.test(decoded)) return 'holds a control character or a backslash; write the old URL itself';
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
      return `has a part, '${segment.slice(0, 20)}…', over ${MAX_SEGMENT_BYTES} bytes, too long for a folder name; shorten it`;
    }
  }
  if (output.pages.has(from)) return 'is a page of the archive; a redirect cannot replace it (remove the entry or the page)';
  if (RESERVED_FOLDERS.has(segments[0]!)) return `is inside /${segments[0]}/, which holds the site's own files; a redirect cannot be written there (remove the entry)`;
  for (let i = 1; i <= segments.length; i++) {
    const path = `/${segments.slice(0, i).join('/')}`;
    if (output.files.has(path)) return `is inside ${path}, a file the site writes; a redirect cannot be written there (remove the entry)`;
  }
  return undefined;
}

/** 1-based line of the `from:` that names this old URL in redirects.yml (with or without its last '/'), when it is there. */
export function redirectLine(file: string | undefined, from: string): number | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const bare = from.replace(/\/$/, '');
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => {
    const m = /^[ \t]*(?:-[ \t]+)?(["']?)from\1[ \t]*:[ \t]*(?<value>.*?)[ \t]*(?:#.*)?$/u.exec(line);
    const value = m?.groups!.value!.replace(/^(["'])(.*)\1$/u, '$2').replace(/\/$/, '');
    return value === bare;
  });
  return index === -1 ? undefined : index + 1;
}
