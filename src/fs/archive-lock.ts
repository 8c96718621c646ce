// One `bulletin add` at a time per archive: a lock file in the content folder names the holder's pid.
// A lock whose process is gone (a killed add) is taken over; a live one makes the next add stop.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processIsAlive } from './process-alive.mjs';

/** The lock's file name in the content folder (hidden: no build or watcher takes it for content). */
export const LOCK_NAME = '.bulletin-add.lock';

/** Another live process holds the archive's lock. */
export class ArchiveLockedError extends Error {
  constructor(readonly file: string, readonly pid: number, readonly host: string) {
    super(`another add is running (pid ${pid}${host === hostname() ? '' : ` on ${host}`}); wait for it to finish and run this again` +
      ` (if no add is running, delete ${file})`);
    this.name = 'ArchiveLockedError';
  }
}

/** What a lock file says: its holder's pid and host. */
interface Holder {
  pid: number;
  host: string;
}

/** A held lock; release() gives it up (and only ever deletes this process's own lock). */
export interface ArchiveLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the lock of the archive in `contentDir`, or throws ArchiveLockedError naming the live
 * holder. The lock file is made whole (temp file, then link), so it never exists half-written.
 */
export function lockArchive(contentDir: string): ArchiveLock {
  const file = join(contentDir, LOCK_NAME);
  const mine = `pid: ${process.pid}\nhost: ${hostname()}\nsince: ${new Date().toISOString()}\n`;
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, mine, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        linkSync(temp, file);
        return { file, release: () => release(file, mine) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder === 'gone') continue; // released just now
      if (holder && (holder.host !== hostname() || (holder.pid !== process.pid && processIsAlive(holder.pid)))) {
        throw new ArchiveLockedError(file, holder.pid, holder.host);
      }
      takeOverStale(file, holder);
    }
    throw new Error(`could not take the lock ${file}: it changed hands ten times; run add again`);
  } finally {
    try {
      unlinkSync(temp);
    } catch { /* gone */ }
  }
}

/** The holder a lock file names; undefined when it names none (not a lock of ours); 'gone' when there is no file. */
function readHolder(file: string): Holder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const pid = /^pid: (\d+)$/m.exec(text)?.[1];
  const host = /^host: (.*)$/m.exec(text)?.[1];
  return pid && host !== undefined ? { pid: Number(pid), host } : undefined;
}

/**
 * Removes a lock left by a dead process. It is moved aside first and read again there: when two
 * runs recover at once, the second may have moved the first's fresh lock, which it then puts back.
 */
function takeOverStale(file: string, stale: Holder | undefined): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  const sameStale = moved === stale || (typeof moved === 'object' && typeof stale === 'object' && moved.pid === stale.pid && moved.host === stale.host);
  if (!sameStale) {
    try {
      linkSync(aside, file); // a live lock taken by mistake: back in place
    } catch { /* another lock is there now: this run will see it */ }
  }
  try {
    unlinkSync(aside);
  } catch { /* gone */ }
}

/** Deletes the lock file if it is still this process's own. */
function release(file: string, mine: string): void {
  try {
    if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
  } catch { /* gone already */ }
}
