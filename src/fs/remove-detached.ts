// Deleting folders in the background, shared by the build (src/build/publish.ts) and the Pagefind
// runner process (src/search/pagefind-runner.ts), which loads nothing else of the project's so that
// it stays small.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Deletes folders in a detached `rm -rf` that outlives this process (unlinking tens of thousands
 * of files costs seconds, and nothing in the build needs to wait for it); here, if that cannot start.
 * Starting `rm` forks the calling process: from the build's own process (hundreds of MB) that holds
 * its main thread 60-80 ms, so frequent deletions go through the small runner process.
 */
export function removeDetached(folders: string[]): void {
  if (folders.length === 0) return;
  const removeHere = () => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  };
  try {
    const child = spawn('rm', ['-rf', '--', ...folders], { detached: true, stdio: 'ignore' });
    child.on('error', removeHere);
    child.unref();
  } catch {
    removeHere();
  }
}
