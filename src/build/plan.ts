// Subset builds: after a change that only adds or edits pages (one new bulletin), render only the
// pages whose data changed, on top of a hard-linked copy of the previous site, and swap as usual.
// Anything the fingerprint cannot vouch for (no previous site, code or editor files changed, a page
// gone, a new month) means a full build. See docs/incremental.md.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unlinkIfPresent } from '../fs/atomic-write.ts';
import { yearsOf } from '../archive/calendar.ts';
import { type Archive, countItems, type RenderLists } from '../archive/model.ts';
import { codeHash, editorFilesHash, FINGERPRINT_VERSION, fingerprintPath, globalHash, itemHashes, itemKey, type ListName, type SiteFingerprint } from './fingerprint.ts';

/** Top-level folders of the site a subset build does not carry over: written whole by every build. */
const REBUILT_WHOLE = new Set(['assets', 'pagefind', 'search']);

export interface BuildPlan {
  mode: 'full' | 'subset';
  /** Why a full build (or "subset"). */
  reason: string;
  /** Items rendered from the paginated lists (all of them in a full build). */
  items: number;
  /** Years whose bulletin pages changed: the search indexes a subset build would need to redo. */
  changedYears: number[];
  /** What the render stage renders from the paginated lists: every item, or the changed ones. */
  render: RenderLists;
  /**
   * The fingerprint to save once the new site is in place. Made when first asked for: a full build
   * with nothing to compare needs no item hashes until its pages are rendered (29 s at 100,000).
   */
  next: () => Omit<SiteFingerprint, 'ino' | 'search'>;
}

function readFingerprint(outDir: string): SiteFingerprint | undefined {
  try {
    return JSON.parse(readFileSync(fingerprintPath(outDir), 'utf8')) as SiteFingerprint;
  } catch {
    return undefined;
  }
}

/** The previous build as the next one sees it: its fingerprint when it vouches for `outDir` and was made by this code. */
export interface PreviousBuild {
  /** Undefined when nothing of the previous build can be trusted; `reason` says why. */
  fingerprint?: SiteFingerprint;
  reason: string;
  /** The current code's hash (src/build/fingerprint.ts codeHash). */
  code: string;
}

/**
 * Reads what the last build left beside `outDir`. The search stage starts from it before the page
 * plan is made (a year's index is reused when its pages' text is unchanged); `planBuild` goes on
 * from it. `root` is the project folder (for the code hash).
 */
export function readPrevious(outDir: string, root: string): PreviousBuild {
  const code = codeHash(root);
  const fingerprint = readFingerprint(outDir);
  const distrust = (reason: string): PreviousBuild => ({ reason, code });
  if (!fingerprint || !existsSync(outDir)) return distrust('no previous build to start from');
  if (fingerprint.version !== FINGERPRINT_VERSION) return distrust('the previous build is of another version');
  if (fingerprint.ino !== statSync(outDir).ino) return distrust('the output folder is not the one last built');
  if (fingerprint.code !== code) return distrust('templates, settings or packages changed');
  return { fingerprint, reason: '', code };
}

/**
 * Decides between a full and a subset build, and what the render stage renders. `previous` is
 * readPrevious's answer; `full` (the build's `--full`) forces a full build.
 */
export function planBuild(o: { archive: Archive; contentDir: string; previous: PreviousBuild; full?: boolean }): BuildPlan {
  const { archive } = o;
  const editorFiles = editorFilesHash(o.contentDir);
  const global = globalHash(archive);
  let hashes: ReturnType<typeof itemHashes> | undefined;
  const itemsNow = () => (hashes ??= itemHashes(archive));
  let made: ReturnType<BuildPlan['next']> | undefined;
  const next = () => (made ??= {
    version: FINGERPRINT_VERSION,
    code: o.previous.code,
    editorFiles,
    global,
    items: Object.fromEntries(Object.entries(itemsNow()).map(([list, m]) => [list, Object.fromEntries(m)])) as SiteFingerprint['items'],
  });
  const all = archive.everything();
  const full = (reason: string): BuildPlan => ({ mode: 'full', reason, items: countItems(all), changedYears: yearsOf(archive.bulletins), render: all, next });
  if (o.full) return full('a full build was asked for');
  const previous = o.previous.fingerprint;
  if (!previous) return full(o.previous.reason);
  if (previous.editorFiles !== editorFiles) return full('redirects.yml, officials.yml or another editor file changed');
  if (previous.global !== global) return full('the months with pages changed (charts link them)');

  const render = {} as Record<ListName, unknown[]>;
  for (const list of Object.keys(all) as ListName[]) {
    const before = previous.items[list] ?? {};
    const now = itemsNow()[list];
    for (const key of Object.keys(before)) if (!now.has(key)) return full(`${key} is gone (a removal, a rename or a changed date)`);
    render[list] = (all[list] as unknown[]).filter((item) => before[itemKey(list, item)] !== now.get(itemKey(list, item)));
  }
  const subset = render as unknown as RenderLists;
  const items = countItems(subset);
  // Past a third of the pages, one full run costs no more than copying the old site and patching it.
  if (items > countItems(all) / 3) return full(`${items} of ${countItems(all)} pages changed`);
  return { mode: 'subset', reason: 'subset', items, changedYears: yearsOf(subset.bulletins), render: subset, next };
}

function linkTree(from: string, to: string, top: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (top && REBUILT_WHOLE.has(entry.name)) continue;
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dst, false);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

/**
 * Fills `temp` with hard links to the previous site (assets/, pagefind/ and search/ left out: the
 * build writes them whole). Every writer into `temp` unlinks a path before writing it (see
 * `configureEleventy`), so the live site's files are never written in place.
 */
export function prepareSubsetFolder(outDir: string, temp: string): void {
  try {
    linkTree(outDir, temp, true);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Eleventy config for a subset run: unlink each output path before Eleventy writes it. */
export function configureEleventy(plan: BuildPlan, eleventyConfig: unknown): void {
  if (plan.mode !== 'subset') return;
  const c = eleventyConfig as { addTransform(name: string, f: (content: string, outputPath: string | false) => string): void };
  c.addTransform('subset-unlink', (content, outputPath) => {
    if (outputPath) unlinkIfPresent(resolve(outputPath));
    return content;
  });
}

/** Before the swap: a crash between swap and save must not leave a fingerprint of the old site. */
export function forgetFingerprint(outDir: string): void {
  rmSync(fingerprintPath(outDir), { force: true });
}

/** After the swap: what the site in `outDir` was built from. */
export function saveFingerprint(outDir: string, plan: BuildPlan, search: Record<string, string>): void {
  const fingerprint: SiteFingerprint = { ...plan.next(), search, ino: statSync(outDir).ino };
  const path = fingerprintPath(outDir);
  const temp = `${path}.${process.pid}`;
  writeFileSync(temp, JSON.stringify(fingerprint));
  renameSync(temp, path);
}

