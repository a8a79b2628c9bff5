import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { sha256 } from '../text/hash.ts';
import { type FileStamp, isStamp } from './file-stamps.ts';

/** What the last search index was written from, and what it wrote. */
export interface SearchIndexRecord<Stats> {
  /** The digest of everything the index is a function of (scripts/search-index.ts `fingerprint`). */
  fingerprint: string;
  /** What decided how the pages were read (scripts/search-index.ts `readingRules`). */
  rules: string;
  /** What the search-index step reports of the index. */
  stats: Stats;
  /** Each page the index read, by its path relative to the output folder. */
  pages: Record<string, PageRead>;
  /** Each file of the index, relative to the output folder, and its SHA-256. */
  files: Record<string, string>;
}

/** What the index read of a page, and when. */
export interface PageRead {
  /** The SHA-256 of its bytes. */
  bytes: string;
  /** The digest of what Pagefind reads of it (scripts/search-index.ts). */
  read: string;
  /** Its size and modification time as it was read: a page found with the same is taken to be as it was, and not read again. */
  stamp: FileStamp;
  /** Whether it has a body to index (`data-pagefind-body`). */
  body: boolean;
}

function isPageRead(value: unknown): value is PageRead {
  const { bytes, read, stamp, body } = (value ?? {}) as Partial<PageRead>;
  return typeof bytes === 'string' && typeof read === 'string' && isStamp(stamp) && typeof body === 'boolean';
}

/**
 * The last search index written into an output folder, kept in the build's
 * cache folder so that a rebuild whose pages give the same index copies it
 * rather than having Pagefind write it again (about 10 s at 1,000
 * documents). The index is kept outside the output folder, which each build
 * empties (src/node/render-cache.ts). Its files are hard links to the
 * published ones where the file system allows (copying 1,900 files took
 * half a second): Pagefind writes a new index into an emptied folder, never
 * over a file, and every kept file is checked against its digest when it is
 * published again, so a published file altered in place only costs the next
 * build a fresh index.
 */
export interface SearchIndexCache<Stats> {
  /** The record of the index kept, if there is a whole one. */
  read(): SearchIndexRecord<Stats> | undefined;
  /**
   * Copies the kept index's `folder` into the output folder, in place of
   * what is there, and checks every file against the record: false, and the
   * folder removed, where the copy does not match it.
   */
  restore(record: SearchIndexRecord<Stats>, folder: string): boolean;
  /** Keeps the index now in the output folder's `folder`, with its record. */
  save(record: Omit<SearchIndexRecord<Stats>, 'files'>, folder: string): void;
  /** Replaces the record of the index kept, its files unchanged. */
  remember(record: SearchIndexRecord<Stats>): void;
}

const recordName = 'record.json';

/** The cache of the search index written into `outDir`: a folder of `cacheDir` for each output folder. */
export function openSearchIndexCache<Stats>(cacheDir: string, outDir: string): SearchIndexCache<Stats> {
  const dir = join(cacheDir, 'search-index', sha256(resolve(outDir)).slice(0, 16));
  const kept = join(dir, 'files');
  return {
    read() {
      let record: unknown;
      try {
        record = JSON.parse(readFileSync(join(dir, recordName), 'utf8'));
      } catch {
        // None, or one cut short: the index is written again.
        return undefined;
      }
      const { fingerprint, rules, pages, files } = (record ?? {}) as Partial<SearchIndexRecord<Stats>>;
      const whole =
        typeof fingerprint === 'string' &&
        typeof rules === 'string' &&
        typeof pages === 'object' &&
        pages !== null &&
        Object.values(pages).every(isPageRead) &&
        typeof files === 'object' &&
        files !== null;
      return whole ? (record as SearchIndexRecord<Stats>) : undefined;
    },
    restore(record, folder) {
      const target = join(outDir, folder);
      rmSync(target, { recursive: true, force: true });
      try {
        linkTree(join(kept, folder), target);
        const published = fileDigests(outDir, folder);
        const expected = Object.entries(record.files);
        if (published.size === expected.length && expected.every(([path, digest]) => published.get(path) === digest)) return true;
      } catch {
        // A kept index with a file missing is written again.
      }
      rmSync(target, { recursive: true, force: true });
      return false;
    },
    save(record, folder) {
      // The record goes last: a save cut short leaves no record, and the next build writes the index again.
      rmSync(dir, { recursive: true, force: true });
      linkTree(join(outDir, folder), join(kept, folder));
      const files = Object.fromEntries(fileDigests(kept, folder));
      writeFileSync(join(dir, recordName), JSON.stringify({ ...record, files }));
    },
    remember(record) {
      // Written whole under a name of its own, then renamed: a stopped build leaves the record it had, or this one.
      const temporary = join(dir, `${recordName}.${process.pid}`);
      writeFileSync(temporary, JSON.stringify(record));
      renameSync(temporary, join(dir, recordName));
    },
  };
}

/** Makes `to` a tree of the folders and files of `from`, each file a hard link to the one in `from`, or a copy across file systems. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const copy = join(to, relative(from, path));
    if (entry.isDirectory()) mkdirSync(copy, { recursive: true });
    else if (entry.isFile()) {
      mkdirSync(dirname(copy), { recursive: true });
      try {
        linkSync(path, copy);
      } catch {
        copyFileSync(path, copy);
      }
    }
  }
}

/** Every file under `root`'s `folder`, by its path relative to `root`, and its SHA-256. */
function fileDigests(root: string, folder: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    // A link or other special file is never part of an index Pagefind wrote.
    digests.set(relative(root, path), entry.isFile() ? sha256(readFileSync(path)) : 'not a file');
  }
  return digests;
}
