// The settings the code runs with, read once: the editors' site.config.ts, and the environment
// variables the TypeScript reads (nothing else of it reads process.env). ARCHIVE_PARSE_CACHE is read
// by src/cache/caches.mjs, the table of caches, which scripts/run.mjs loads before anything is
// compiled. Commands take their defaults from here; the library takes what it needs as arguments
// or from `site`.
import { type SiteConfig, settings } from '../site.config.ts';

/** The environment variables the project reads, as read at start-up. */
export interface Environment {
  /** ARCHIVE_CONTENT: the content folder the commands default to ("content"). */
  contentDir: string;
  /** ARCHIVE_OUT: the site folder the commands default to ("_site"). */
  outDir: string;
  /** PORT: the port the servers default to (8080). */
  port: string;
  /** PAGEFIND_EXTENDED_BINARY_PATH: a Pagefind binary to run instead of the package's. */
  pagefindBinary?: string;
  /** PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: words per Pagefind index chunk (default 4000). */
  pagefindChunkSize: string;
  /** SITE_URL: where the site is published (overrides site.config.ts baseUrl). */
  siteUrl?: string;
  /** SITE_PATH_PREFIX: the folder the site is served from (overrides site.config.ts pathPrefix). */
  pathPrefix?: string;
}

/** Reads the environment variables of `from` (process.env). */
export function readEnvironment(from: NodeJS.ProcessEnv): Environment {
  return {
    contentDir: from.ARCHIVE_CONTENT || 'content',
    outDir: from.ARCHIVE_OUT || '_site',
    port: from.PORT || '8080',
    pagefindBinary: from.PAGEFIND_EXTENDED_BINARY_PATH || undefined,
    pagefindChunkSize: from.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || '4000',
    siteUrl: from.SITE_URL || undefined,
    pathPrefix: from.SITE_PATH_PREFIX || undefined,
  };
}

export const env: Readonly<Environment> = Object.freeze(readEnvironment(process.env));

/** "/" at a domain's root, else "/folder/" with one slash at each end. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The site's settings: site.config.ts with the environment's addresses. */
export const site: Readonly<SiteConfig> = Object.freeze({
  ...settings,
  baseUrl: (env.siteUrl ?? settings.baseUrl).replace(/\/+$/, ''),
  pathPrefix: normalisePrefix(env.pathPrefix ?? settings.pathPrefix),
});

export type { SiteConfig };
