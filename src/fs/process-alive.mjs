// Whether a process is running, by pid: how a temp file or folder named for its writer's pid is
// known to be left over (src/fs/litter.ts, src/cache/caches.mjs, src/fs/archive-lock.ts). Plain
// JavaScript, so scripts/run.mjs can use it before anything is compiled; types in process-alive.d.mts.

/**
 * Whether a process with this pid is running (one of another user's counts: it cannot be signalled, but it is there).
 * @param {number} pid
 * @returns {boolean}
 */
export function processIsAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}
