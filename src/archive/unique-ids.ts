// Bulletin ids are unique across the archive: feeds, fingerprints and caches key bulletins by id.
import { readFileSync } from 'node:fs';
import type { BulletinRecord, Message } from '../record.ts';

// `id: x` at the start of a front-matter line.
const ID_LINE = /^id[ \t]*:/;

/**
 * Every bulletin whose id an earlier one (in the order given) has, as a fatal message (rule
 * archive): the file to fix, its `id:` line when front matter set it, and why. The one whose front
 * matter set the id is named, so the editor changes that `id:`. `show` turns a path into what
 * messages print.
 */
export function duplicateIds(records: readonly { record: BulletinRecord; file: string }[], show: (file: string) => string): Message[] {
  const byId = new Map<string, { record: BulletinRecord; file: string }>();
  const found: Message[] = [];
  for (const entry of records) {
    const first = byId.get(entry.record.id);
    if (!first) {
      byId.set(entry.record.id, entry);
      continue;
    }
    // Blame the file whose front matter chose the id; the other keeps it.
    const [fix, keep] = entry.record.origin.id !== 'front-matter' && first.record.origin.id === 'front-matter' ? [first, entry] : [entry, first];
    const set = fix.record.origin.id === 'front-matter';
    found.push({
      file: fix.file,
      line: set ? idLine(fix.file) : undefined,
      reason: `its id '${entry.record.id}' is already the id of ${show(keep.file)}; ` +
        (set ? "give this bulletin another 'id:' in its front matter, or remove the line" : "give one of the two bulletins another 'id:' in its front matter"),
      rule: 'archive',
      fatal: true,
    });
  }
  return found;
}

/** 1-based line of `id:` in the file's front matter (UTF-8 files; undefined when not found). */
function idLine(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length && !/^---[ \t]*$/.test(lines[i]!); i++) {
    if (ID_LINE.test(lines[i]!)) return i + 1;
  }
  return undefined;
}
