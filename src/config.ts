/**
 * The site's settings, in one place, for Node code (the build, its
 * integration and the command-line scripts); browser code reads what it needs
 * from the page.
 */
import { join } from 'node:path';
import { basePathOf } from './routes.ts';

/**
 * The public URL of the site, set once for every permanent URL, citation and
 * canonical link. Override with SITE_URL when deploying; a URL with a path
 * (`https://example.org/corpus/`) serves the site from that path.
 */
export const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';

/** The path the site is served from: `/` unless SITE_URL has one. Every href is under it (src/routes.ts). */
export const basePath = basePathOf(siteUrl);

/**
 * The content directory (corpus/, glossary/, sources/, comparisons/, the
 * locks and corrections.yaml). Tests and the benchmark point it elsewhere to build
 * other corpora with the real build.
 */
export const contentRoot = process.env.CORPUS_CONTENT ?? 'content';

/** Where the content lives, relative to the project root. */
export const contentDirs = {
  corpus: join(contentRoot, 'corpus'),
  glossary: join(contentRoot, 'glossary'),
  sources: join(contentRoot, 'sources'),
  comparisons: join(contentRoot, 'comparisons'),
  claims: join(contentRoot, 'claims'),
  anchorLock: join(contentRoot, 'anchors.lock.json'),
  editorialLock: join(contentRoot, 'editorial.lock.json'),
  corrections: join(contentRoot, 'corrections.yaml'),
};

export type ContentDirs = typeof contentDirs;

/**
 * Astro's cache folder, where the build keeps what it reuses:
 * `node_modules/.astro`, or the folder CORPUS_TEST_CACHE_DIR names for a test
 * build or the benchmark (tests/integration/isolated-cache.config.mjs). The
 * search-index step, which runs after Astro, keeps its last index there too.
 */
export function buildCacheDir(): string {
  return process.env.CORPUS_TEST_CACHE_DIR ?? join('node_modules', '.astro');
}

/**
 * The most documents one part of the search index holds
 * (src/site/search-indexes.ts says why it comes in parts): 4,000 unless
 * SEARCH_DOCUMENTS_PER_INDEX says otherwise. Each part needs about 0.7 MiB of
 * memory a document while it is written, so a build on a machine with less
 * memory sets it lower; the fixture site served under a base path sets it to
 * 1 to test a search across parts.
 */
export function searchDocumentsPerIndex(): number {
  return positiveInteger('SEARCH_DOCUMENTS_PER_INDEX', 4000);
}

/** Read when used, so that a wrong value stops only what uses it, with this message. */
function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9][0-9]*$/u.test(value)) throw new Error(`${name} is "${value}": set it to a whole number of 1 or more, or leave it unset for ${fallback}.`);
  return Number(value);
}

/**
 * Where readers report an error: a `mailto:` or web address, set with
 * SITE_CONTACT when deploying. The editorial policy page shows it.
 */
export const siteContact = process.env.SITE_CONTACT;

export const siteName = 'Annotated Source Corpus';
export const siteDescription = 'Source documents on the 2023 Albanian police operation at the MEK camp, published verbatim with editorial annotations.';
