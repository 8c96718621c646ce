// The editor's redirects (redirects.yml), checked against the archive: an old URL must be free, and
// a site-path target must be a page of the archive (or another redirect).
import { join } from 'node:path';
import type { RedirectRule } from './editor-files.ts';
import type { Message } from '../record.ts';
import { type Archive, ArchiveError, archiveProblem, type Redirect } from './model.ts';
import { redirectFromProblem, redirectLine } from './site-paths.ts';
import { fileUrls, pageUrls } from './urls.ts';

/** The redirects to publish; throws ArchiveError naming every rule at fault. */
export function checkedRedirects(archive: Archive, redirects: { file?: string; rules: RedirectRule[] }, contentDir: string): Redirect[] {
  const pages = pageUrls(archive);
  const files = fileUrls(archive);
  const problems: Message[] = [];
  const out: Redirect[] = [];
  const file = redirects.file ?? join(contentDir, 'redirects.yml');
  const froms = new Set(redirects.rules.map((r) => r.from));
  for (const rule of redirects.rules) {
    const fromProblem = redirectFromProblem(rule.from, { pages, files });
    if (fromProblem) {
      problems.push(archiveProblem(file, `${rule.from} ${fromProblem}`, redirectLine(redirects.file, rule.from)));
      continue;
    }
    if (rule.to?.startsWith('/')) {
      const target = rule.to.endsWith('/') || /\.[a-z0-9]+$/i.test(rule.to) ? rule.to : `${rule.to}/`;
      if (!pages.has(target) && !froms.has(target)) {
        problems.push(archiveProblem(file, `${rule.from} points to ${rule.to}, which is not a page of the archive`));
        continue;
      }
      out.push({ ...rule, to: target, target });
    } else {
      out.push({ ...rule, target: rule.to });
    }
  }
  if (problems.length > 0) throw new ArchiveError(problems);
  return out;
}
