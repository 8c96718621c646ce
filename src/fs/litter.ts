// What a killed run leaves behind, found by the pid in its name and removed only when that process
// is gone: `add`'s hidden temp files (.NAME.<pid>.<hex>.tmp) and the build's temp folders (<out>.build-<pid>).
import { readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processIsAlive } from './process-alive.mjs';
import { removeDetached } from './remove-detached.ts';

// A temp file of writeNewFile (atomic-write.ts): ".2023-03-05-changwu.txt.4711.c4ebab10.tmp".
const TEMP_FILE = /^\..*\.(?<pid>\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Deletes the temp files of dead writers in the content folder (the lock's), bulletins/ and its
 * folders one level down (where `add` writes: bulletins/YYYY/). A live writer's temp file is left
 * alone, and nothing is followed through a link. Returns what was deleted.
 */
export function removeDeadTempFiles(contentDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, below: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && below > 0 && (dir !== contentDir || entry.name === 'bulletins')) sweep(path, below - 1);
      const pid = entry.isFile() ? TEMP_FILE.exec(entry.name)?.groups?.pid : undefined;
      if (pid === undefined || processIsAlive(Number(pid))) continue;
      try {
        unlinkSync(path);
        removed.push(path);
      } catch { /* gone already */ }
    }
  };
  sweep(contentDir, 2);
  return removed;
}

/** The build's temp folder for `outDir`, named for the building process: `_site.build-4711`. */
export function buildFolderFor(outDir: string, pid = process.pid): string {
  return join(dirname(outDir), `${basename(outDir)}.build-${pid}`);
}

/** Deletes (in the background) the temp folders that dead builds of `outDir` left; returns them. */
export function removeDeadBuildFolders(outDir: string): string[] {
  const prefix = `${basename(outDir)}.build-`;
  let names: string[];
  try {
    names = readdirSync(dirname(outDir));
  } catch {
    return [];
  }
  const dead = names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .filter((name) => !processIsAlive(Number(name.slice(prefix.length))))
    .map((name) => join(dirname(outDir), name));
  removeDetached(dead);
  return dead;
}
