// Only regular files are read as bulletins or editor files: a symbolic link, FIFO, socket or device
// is refused by name, never followed (it could publish a file from outside the archive) or opened
// for long (a FIFO blocks its reader until something writes to it).
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/** What a file that is not a regular file is, as a message says it: "a symbolic link", "a FIFO (named pipe)". */
export function kindOf(stats: Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}

/** The reason given for a file that is not a regular one, with what to do about it. */
export function notRegularReason(kind: string): string {
  return kind === 'a symbolic link'
    ? 'is a symbolic link; links are never followed: copy what it points to into place instead'
    : `is ${kind}, not a regular file; only regular files are read: replace it with a copy of the bulletin`;
}

/** A file that is not a regular one (or cannot be opened), with a reason for the message. */
export class NotRegularFileError extends Error {
  constructor(readonly path: string, readonly reason: string, readonly code?: string) {
    super(`${path}: ${reason}`);
    this.name = 'NotRegularFileError';
  }
}

/** Why `path` is not a regular file (looked at itself, a link not followed), or undefined when it is one. Throws on I/O errors. */
export function irregularReason(path: string): string | undefined {
  const stats = lstatSync(path);
  return stats.isFile() ? undefined : notRegularReason(kindOf(stats));
}

/**
 * Reads a regular file whole. The file is opened without following a link at its name and without
 * blocking on a FIFO, then checked on the open descriptor, so it cannot be swapped in between.
 * Throws NotRegularFileError for anything else; other I/O errors as they are (ENOENT …).
 */
export function readRegularFile(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // O_NOFOLLOW at a link: ELOOP on Linux, EMLINK on FreeBSD, EFTYPE on NetBSD.
    if (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE') throw new NotRegularFileError(path, notRegularReason('a symbolic link'), code);
    // A socket cannot be opened at all; say what it is.
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') throw new NotRegularFileError(path, notRegularReason(kindOf(lstatSync(path))), code);
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path, notRegularReason(kindOf(stats)));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
