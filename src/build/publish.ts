// The publish stage: the finished build folder takes the site's place (swapped whole, or its files
// moved in one by one for an in-place subset build), and the old site is deleted in the background.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeDetached } from '../fs/remove-detached.ts';

/**
 * Puts the build folder `temp` in the place of `outDir`. A full build swaps the folders (the
 * Pagefind bundles `reused` in place are copied over first); an in-place subset build moves its
 * files in. The old site goes to a trash folder deleted in the background: the new site is live
 * already, and unlinking 40,000 files takes seconds.
 */
export function publish(o: { temp: string; outDir: string; inPlace: boolean; reusedBundles: readonly string[] }): void {
  const old = join(dirname(o.outDir), `${basename(o.outDir)}.trash-${process.pid}-${Date.now()}`);
  if (o.inPlace) {
    moveInto(o.temp, o.outDir, old);
  } else {
    for (const name of o.reusedBundles) cpSync(join(o.outDir, 'pagefind', name), join(o.temp, 'pagefind', name), { recursive: true });
    if (existsSync(o.outDir)) renameSync(o.outDir, old);
    renameSync(o.temp, o.outDir);
  }
  removeInBackground(old);
}

/**
 * An in-place subset build's last step: every file of `temp` renamed over its path in `outDir`,
 * except each Pagefind bundle (pagefind/<shard>/), which is swapped whole, the old one into
 * `trash`. `temp` ends up in `trash` too, to be deleted in the background.
 */
function moveInto(temp: string, outDir: string, trash: string): void {
  mkdirSync(join(trash, 'pagefind'), { recursive: true });
  const bundles = join(temp, 'pagefind');
  if (existsSync(bundles)) {
    mkdirSync(join(outDir, 'pagefind'), { recursive: true });
    for (const shard of readdirSync(bundles)) {
      const live = join(outDir, 'pagefind', shard);
      if (existsSync(live)) renameSync(live, join(trash, 'pagefind', shard));
      renameSync(join(bundles, shard), live);
    }
  }
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const from = join(dir, entry.name);
      const path = join(rel, entry.name);
      if (entry.isDirectory()) {
        if (path !== 'pagefind') walk(from, path);
        continue;
      }
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      renameSync(from, join(outDir, path));
    }
  };
  walk(temp, '');
  renameSync(temp, join(trash, 'staging'));
}

/**
 * Deletes a folder in a detached `rm -rf` that outlives this process, along with any earlier
 * trash of the same site that a killed build left behind.
 */
function removeInBackground(folder: string): void {
  const prefix = `${basename(folder).replace(/\.trash-.*$/, '')}.trash-`;
  const parent = dirname(folder);
  removeDetached(readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name)));
}
