import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { sha256 } from '../text/hash.ts';

/*
 * Astro's incremental build (astro.config.mjs) keeps a copy of each page it
 * renders and, in its manifest, the key each copy was rendered under; the
 * manifest is written once every page is done. A build that stops half way
 * has replaced some copies while the manifest still names the old keys, so
 * the next build could publish a copy that does not match its key. A build
 * marks itself unfinished before it renders and clears the mark once it is
 * done; a build that finds the mark, or is asked to clean, first removes the
 * manifest, and so renders every page.
 */

/** Astro's manifest of the pages it rendered (astro/dist/core/build/incremental.js). */
const manifestName = 'incremental-build.json';
const unfinishedName = 'corpus-render-unfinished';

/** Before Astro reads its manifest: forgets the previous build's pages where it did not finish, or where `clean`. Returns whether it did. */
export function forgetUnfinishedRender(cacheDir: URL, clean: boolean): boolean {
  const forget = clean || existsSync(new URL(unfinishedName, cacheDir));
  if (forget) rmSync(new URL(manifestName, cacheDir), { force: true });
  return forget;
}

/** As rendering starts: a build that stops before {@link finishRender} leaves the mark. */
export function startRender(cacheDir: URL): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(new URL(unfinishedName, cacheDir), '');
}

export function finishRender(cacheDir: URL): void {
  rmSync(new URL(unfinishedName, cacheDir), { force: true });
}

/**
 * The digest of the names of the scripts and styles the build wrote for the
 * pages, which name them by their content: Astro's dependency hash of a page
 * covers the code of its scripts but not how the bundler splits and names
 * them, which an edit of another page can change. "none" before there are any
 * (under `astro dev`, which renders every page anyway).
 */
export function assetNamesDigest(assetsDir: string): string {
  try {
    return sha256(readdirSync(assetsDir, { recursive: true, encoding: 'utf8' }).sort().join('\n'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}
