import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../text/hash.ts';
import { type FileStamp, sameStamp, stampOf } from './file-stamps.ts';
import { pruneFolder } from './prune-folder.ts';

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

/*
 * Astro empties the output folder before it builds, and then copies back
 * from its cache each page it can reuse: at 1,000 generated documents, 3,400
 * files deleted and copied again, a quarter of a rebuild's rendering. Where
 * the output folder already holds a page it can reuse, Astro leaves it as it
 * is ("cached" in its log), but only if the folder was not emptied
 * (`vite.build.emptyOutDir: false`), which would also keep whatever else is
 * there. So the corpus integration empties it itself: it keeps only the pages
 * that the last build, finished, wrote into this folder and that are as that
 * build left them (their size and modification time as it recorded them),
 * which are what Astro's cache holds for them. After the build it removes the
 * pages it kept that this build did not write (a document removed), and
 * records the pages this one wrote.
 */

/**
 * The pages the last finished build wrote into an output folder, each path
 * with its size and modification time, and the digest of the manifest Astro
 * wrote with them: Astro leaves a page in the folder where the key its
 * manifest gives the page matches, so the pages are kept only with that same
 * manifest (not after a build that wrote none, with the incremental build
 * switched off, nor after another build rewrote it).
 */
interface OutputRecord {
  outDir: string;
  manifest: string;
  pages: Record<string, FileStamp>;
}

const outputRecordName = 'corpus-output-pages.json';

function manifestDigest(cacheDir: URL): string | undefined {
  try {
    return sha256(readFileSync(new URL(manifestName, cacheDir)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function readOutputRecord(cacheDir: URL, outDir: string): OutputRecord | undefined {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(new URL(outputRecordName, cacheDir), 'utf8'));
  } catch (error) {
    // No record, or one a build stopped while writing: the folder is emptied.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
  const { outDir: recordedOutDir, manifest, pages } = (record ?? {}) as Partial<OutputRecord>;
  const valid = recordedOutDir === outDir && manifest !== undefined && manifest === manifestDigest(cacheDir) && typeof pages === 'object' && pages !== null;
  return valid ? { outDir, manifest, pages } : undefined;
}

/**
 * Before Astro builds: empties the output folder but for the pages the last
 * finished build wrote there, unchanged since, where `keepPages` (not after a
 * build that did not finish, nor when asked to clean). Returns the pages
 * kept, as paths relative to the folder.
 */
export function prepareOutput(cacheDir: URL, outDir: URL, keepPages: boolean): Set<string> {
  const root = resolve(fileURLToPath(outDir));
  const record = keepPages ? readOutputRecord(cacheDir, root) : undefined;
  // Until this build finishes, the folder is not what any record says.
  rmSync(new URL(outputRecordName, cacheDir), { force: true });
  const kept = new Set<string>();
  pruneFolder(root, (path) => {
    const unchanged = record !== undefined && keep(record, root, path);
    if (unchanged) kept.add(path);
    return unchanged;
  });
  return kept;
}

function keep(record: OutputRecord, root: string, path: string): boolean {
  const recorded = record.pages[path];
  if (!recorded) return false;
  const stats = lstatSync(join(root, path), { throwIfNoEntry: false });
  return stats?.isFile() === true && sameStamp(recorded, stats);
}

function removeEmptyParents(root: string, folder: string): void {
  for (let path = folder; path !== root && readdirSync(path).length === 0; path = dirname(path)) rmdirSync(path);
}

/**
 * Once Astro has built: removes the pages kept from the last build that this
 * one did not write, and records the pages it wrote (every output file of
 * every route, as Astro lists them) with the manifest Astro wrote, if it
 * wrote one. Returns how many pages it removed.
 */
export function recordOutput(cacheDir: URL, outDir: URL, pages: readonly URL[], kept: ReadonlySet<string>): number {
  const root = resolve(fileURLToPath(outDir));
  const written = new Set(pages.map((page) => relative(root, fileURLToPath(page))));
  const stale = [...kept].filter((path) => !written.has(path));
  for (const path of stale) {
    rmSync(join(root, path), { force: true });
    removeEmptyParents(root, dirname(join(root, path)));
  }
  const manifest = manifestDigest(cacheDir);
  if (manifest === undefined) return stale.length;
  const record: OutputRecord = { outDir: root, manifest, pages: {} };
  for (const path of [...written].sort()) {
    const stats = lstatSync(join(root, path), { throwIfNoEntry: false });
    if (stats?.isFile()) record.pages[path] = stampOf(stats);
  }
  writeFileSync(new URL(outputRecordName, cacheDir), JSON.stringify(record));
  return stale.length;
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
