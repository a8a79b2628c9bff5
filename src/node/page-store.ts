import { type Dirent, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CorpusModel, GlossaryEntry } from '../corpus/model.ts';
import type { Mention } from '../corpus/mentions.ts';
import type { DocumentPage } from './document-page.ts';
import { mentionPages } from '../site/page-model.ts';
import { sha256 } from '../text/hash.ts';
import { pruneFolder } from './prune-folder.ts';

/**
 * What the corpus check prepares for the pages, on disk: each document's
 * rendered text and printed citations, and each entry's mentions page by page. Each page reads only
 * its own file, so no page holds more than it shows, however large the corpus.
 * The glossary entries are stored too, as one file, rather than in the code of
 * the page model (src/data/corpus.ts says why).
 *
 * A check writes the whole store, but a file that already holds what it would
 * be given is left as it is, and `finish` removes the files this check did not
 * write: a rebuild after one edit then rewrites a few files of the store's
 * thousands (150 MB at 1,000 generated documents), instead of deleting and
 * writing them all.
 */
export interface PageStore {
  /** Stores what a document's page shows, for the page to read. */
  writeDocument(slug: string, page: DocumentPage): void;
  /** Stores each entry's mentions, page by page. */
  writeMentionPages(model: Pick<CorpusModel, 'mentionsByEntry'>): void;
  /** Stores the glossary entries. */
  writeEntries(entries: readonly GlossaryEntry[]): void;
  /** Removes what an earlier check stored and this one did not: a document or a page of mentions that is no more. */
  finish(): void;
}

const entriesFile = 'entries.json';

export function openPageStore(dir: string): PageStore {
  // Paths relative to `dir`, as `pruneFolder` gives them.
  const written = new Set<string>();
  const write = (path: string, text: string) => {
    written.add(path);
    const bytes = Buffer.from(text);
    if (!sameBytes(join(dir, path), bytes)) writeFileSync(join(dir, path), bytes);
  };
  mkdirSync(join(dir, 'documents'), { recursive: true });
  return {
    writeDocument: (slug, page) => write(join('documents', `${slug}.json`), JSON.stringify(page)),
    writeMentionPages: (model) => {
      for (const { entry, page, mentions } of mentionPages(model)) {
        mkdirSync(join(dir, 'mentions', entry), { recursive: true });
        write(join('mentions', entry, `${page}.json`), JSON.stringify(mentions));
      }
    },
    writeEntries: (entries) => write(entriesFile, JSON.stringify(entries)),
    // An entry no longer mentioned leaves an empty folder, which goes too.
    finish: () => pruneFolder(dir, (path) => written.has(path)),
  };
}

/** Whether the file at `path` holds these bytes: its size first, so that most changed files are not read. */
function sameBytes(path: string, bytes: Buffer): boolean {
  try {
    return statSync(path).size === bytes.length && readFileSync(path).equals(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * What a document's page shows, or undefined where there is no such document.
 * Its `html` is undefined where the check refused the page (only under
 * `astro dev`, which keeps running).
 */
export function readDocumentPage(dir: string, slug: string): DocumentPage | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'documents', `${slug}.json`), 'utf8')) as DocumentPage;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The glossary entries, in the model's order. */
export function readEntries(dir: string): GlossaryEntry[] {
  return JSON.parse(readFileSync(join(dir, entriesFile), 'utf8')) as GlossaryEntry[];
}

export function readMentionPage(dir: string, entry: string, page: number): Mention[] {
  try {
    return JSON.parse(readFileSync(join(dir, 'mentions', entry, `${page}.json`), 'utf8')) as Mention[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/*
 * What a page reads of the store, as a digest of the bytes it reads: with its
 * props, the key under which Astro's incremental build reuses the page
 * (src/data/corpus.ts `cacheKeys`). Read back from disk rather than recorded as the
 * store is written, so that the key is of what the page will read.
 */

/** The digest of a document's stored page ("none" where there is none). */
export function documentPageDigest(dir: string, slug: string): string {
  return fileDigest(join(dir, 'documents', `${slug}.json`));
}

/** The digest of one page of an entry's mentions ("none" where there is none). */
export function mentionPageDigest(dir: string, entry: string, page: number): string {
  return fileDigest(join(dir, 'mentions', entry, `${page}.json`));
}

/** The digest of every entry's mentions, each file by its path: for the pages that read other entries' mentions. */
export function mentionStoreDigest(dir: string): string {
  const root = join(dir, 'mentions');
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    // A corpus that mentions no entry has no mentions folder.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return sha256(files.map((file) => `${relative(root, file)}\n${fileDigest(file)}`).join('\n'));
}

function fileDigest(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}
