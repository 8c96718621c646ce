// Finding the bulletin files of a content folder: regular .txt files only, nothing followed out of it.
import { type Dirent, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { displayPath } from '../fs/display-path.ts';
import { kindOf, notRegularReason } from '../fs/regular-file.ts';
import type { Message } from '../record.ts';

/** Every .txt file below `dir`, sorted, as absolute paths: regular files only (see scanBulletinFiles). */
export function findBulletinFiles(dir: string): string[] {
  return scanBulletinFiles(dir).files;
}

/**
 * The regular .txt files below `dir` (sorted, absolute), and what is refused by name: a .txt that is
 * a symbolic link, FIFO, socket or device, and a link to a folder (never walked). Nothing is
 * followed, so nothing from outside the folder is read; `dir` itself may be reached through a link
 * only when it is the content folder's own (a bulletins/ that is a link is refused).
 */
export function scanBulletinFiles(dir: string): { files: string[]; refused: Message[] } {
  const files: string[] = [];
  const refused: Message[] = [];
  const refuse = (path: string, stats: Parameters<typeof kindOf>[0]) => refused.push(notRegular(path, stats));
  try {
    const top = lstatSync(dir);
    if (!top.isDirectory()) {
      refuse(dir, top);
      return { files, refused };
    }
  } catch {
    return { files, refused };
  }
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const isTxt = entry.name.toLowerCase().endsWith('.txt');
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) { if (isTxt) files.push(path); }
      else if (isTxt || (entry.isSymbolicLink() && pointsToFolder(path))) refuse(path, entry);
    }
  };
  walk(dir);
  return { files: files.sort(), refused: refused.sort((a, b) => (a.file! < b.file! ? -1 : 1)) };
}

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The editor files that are there but are not regular files (a link to /etc/passwd, a FIFO), refused by name. */
export function irregularEditorFiles(contentDir: string): Message[] {
  const refused: Message[] = [];
  for (const name of ['officials.yml', 'officials.yaml', 'redirects.yml', 'redirects.yaml']) {
    const path = join(contentDir, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile()) refused.push(notRegular(path, stats));
    } catch { /* not there */ }
  }
  return refused;
}

export function inYears(file: string, bulletinsDir: string, years: number[] | undefined): boolean {
  if (!years) return true;
  const rel = relative(bulletinsDir, file).split(sep);
  const year = /^\d{4}$/.test(rel[0]!) ? Number(rel[0]) : Number(rel.at(-1)!.slice(0, 4));
  return years.includes(year);
}


/** A file refused by name, never read: a link, FIFO, socket or device. */
function notRegular(file: string, stats: Parameters<typeof kindOf>[0]): Message {
  return { reason: notRegularReason(kindOf(stats)), rule: 'error/not-regular', file: displayPath(file), fatal: true };
}
