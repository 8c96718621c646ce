// Writes a new file whole or not at all, and never over an existing one: temp file, fsync, link.
// And the build's writes into a site folder that may hold hard links to the live site: each file
// written as a new file (what is there unlinked first), never through a link.
import { randomBytes } from 'node:crypto';
import { closeSync, constants as fsConstants, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';


/** Test hooks: called at the named moment; throwing there simulates a crash or a full disk. */
export interface WriteHooks {
  /** After the temp file is written and synced, before it gets its name. */
  afterTemp?: (temp: string) => void;
}

/** Bytes of the target's name kept in its temp file's name, so the temp name fits wherever the target does. */
const TEMP_STEM_BYTES = 100;

/**
 * The temp file's name: hidden, next to the target, never a .txt (so no reader takes it for a
 * bulletin), with the writer's pid (litter.ts deletes a dead writer's). A long target name is cut:
 * the pid and random suffix must not push the temp name past the file system's limit.
 */
function tempNameFor(target: string): string {
  let stem = basename(target);
  while (Buffer.byteLength(stem) > TEMP_STEM_BYTES) stem = Array.from(stem).slice(0, -1).join('');
  return join(dirname(target), `.${stem}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Creates `target` with `data`. Returns false, writing nothing, when `target` exists already
 * (checked atomically by link(), so two writers cannot both take one name). Throws on I/O errors;
 * in every case the temp file is gone when this returns.
 */
export function writeNewFile(target: string, data: Uint8Array, hooks: WriteHooks = {}): boolean {
  const temp = tempNameFor(target);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    try {
      for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.afterTemp?.(temp);
    try {
      linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      // File systems without hard links: rename, after a (racy) existence check.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      if (existsSync(target)) return false;
      renameSync(temp, target);
    }
    syncFolder(dirname(target));
    return true;
  } finally {
    try {
      unlinkSync(temp);
    } catch { /* renamed, or never made */ }
  }
}

/** Makes a new name in a folder durable; some systems cannot open folders, which is fine. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch { /* best effort */ } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Removes the file at `path` if there is one: a hard link there (a subset build's copy of the live
 * site) is unlinked, so what is written next is a new file. One unlink, where rmSync({ force })
 * costs an lstat and more (0.8 s for the 10,000 record files of a full build).
 */
export function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Writes `data` at `path` as a new file: a hard link there is replaced, never written through.
 * Created exclusively first: in a new folder (a full build) that is one system call, where an
 * unlink that fails first costs an error object per file (0.5 s for 20,000 files).
 */
export function writeFileFresh(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    unlinkSync(path);
    writeFileSync(path, data, { flag: 'wx' });
  }
}

/**
 * Copies a file as a new file: a hard link at the target (subset builds) is replaced, never written
 * through. The target's folder is made only when it is missing.
 */
export function copyFileFresh(from: string, to: string): void {
  // As writeFileFresh: exclusively, then replacing what is there.
  try {
    copyFileSync(from, to, fsConstants.COPYFILE_EXCL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') unlinkSync(to);
    // The target's folder is missing (or the source: then the copy below fails again).
    else if (code === 'ENOENT') mkdirSync(dirname(to), { recursive: true });
    else throw error;
    copyFileSync(from, to, fsConstants.COPYFILE_EXCL);
  }
}
