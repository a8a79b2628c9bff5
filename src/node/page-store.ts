import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomUUID, createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusModel, GlossaryEntry } from '../corpus/model.ts';
import type { Mention } from '../corpus/mentions.ts';
import type { Stored } from './document-cache.ts';
import type { DocumentPage } from './document-page.ts';
import type { RenderedBody } from './entry-bodies.ts';
import { mentionPages } from '../site/page-model.ts';
import { sha256 } from '../text/hash.ts';
import { pipelineVersion } from './document-cache.ts';
import { type FileStamp, sameStamp, stampOf } from './file-stamps.ts';
import { pruneFolder } from './prune-folder.ts';

/**
 * What the corpus check prepares for the pages, on disk: each document's
 * rendered text and printed citations, and each entry's mentions page by page. Each page reads only
 * its own document or its own page of mentions, so no page holds more than it shows, however large the corpus.
 * The glossary entries are stored too, as one file, rather than in the code of
 * the page model (src/data/corpus.ts says why).
 *
 * A check writes the whole store, but a document's file that already holds
 * what it would be given is left as it is, and `finish` removes the files this
 * check did not write: a rebuild after one edit then rewrites a few of the
 * store's thousand document files, instead of deleting and writing them all.
 * The mentions are one file, each page of them a range of its bytes, with an
 * index of the ranges beside it: written by each check in one pass, rather
 * than a file for each page and a folder for each entry. Making a file
 * costs this machine's file system far more than writing its bytes: at 1,000
 * generated documents the 1,176 files and 500 folders took 1.4 to 2.3 s of
 * the check, after every page was checked, and the one file 0.4 s. Where the
 * mentions are the last check's, byte for byte (an edited note, a renamed
 * entry), the last check's file and index are kept instead. Where the check
 * says what they were made from, and the last check's were made from the same
 * by the same code, they are kept without being made or compared (0.9 s of a
 * rebuild at 1,000 generated documents), as long as the file is as the last
 * check left it: its size and modification time.
 */
export interface PageStore {
  /**
   * Stores what a document's page shows, for the page to read. `stored`:
   * where the document cache holds the page, if it does. A document's file
   * stored from the same place by the last check, and as that check left it
   * (its size and modification time), is left as it is, without being made
   * or compared again (0.3 s of a rebuild at 1,000 generated documents).
   */
  writeDocument(slug: string, page: DocumentPage, stored?: Stored): void;
  /**
   * Stores each entry's mentions, page by page, in place of the last check's.
   * `madeFrom`: where given, a digest of what the mentions were made from
   * (of src/corpus/mentions.ts `mentionInputs`), which the same mentions,
   * and only they, always have.
   */
  writeMentionPages(model: Pick<CorpusModel, 'mentionsByEntry'>, madeFrom?: string): void;
  /** Stores the glossary entries. */
  writeEntries(entries: readonly GlossaryEntry[]): void;
  /** The descriptions the last check stored, by id: none where it stored none, or they cannot be read. */
  lastEntryBodies(): Record<string, RenderedBody>;
  /** Stores each glossary entry's description, rendered, by id. */
  writeEntryBodies(bodies: Readonly<Record<string, RenderedBody>>): void;
  /** Stores the paragraphs each entry is mentioned in, as the views key them (src/corpus/paragraph-keys.ts), drawn from its mentions. */
  writeEntryParagraphs(paragraphs: Readonly<Record<string, readonly number[]>>): void;
  /** Removes what an earlier check stored and this one did not: a document that is no more, the last check's mentions. */
  finish(): void;
}

const entriesFile = 'entries.json';
const entryBodiesFile = 'entry-bodies.json';
const paragraphsFile = 'paragraphs.json';
const mentionsIndexFile = 'mentions.json';
const documentsIndexFile = 'documents.json';

/**
 * Each document's file, by slug: the SHA-256 of its bytes, its stamp as the
 * check left it, and where given, where the document cache held the page it
 * was made from; with the version of the code that stores them.
 */
interface DocumentIndex {
  version: string;
  documents: Record<string, DocumentRecord>;
}
type DocumentRecord = [digest: string, size: number, modified: number, stored?: Stored];

/**
 * The mentions file's name, and where each page of each entry's mentions lies
 * in it: entry id → [offset, length, SHA-256] of its bytes, of page 1 onwards.
 * Each check writes a file of another name, so that a page that read the last
 * index (under `astro dev`) never reads the ranges it gives in the new file.
 */
interface MentionIndex {
  file: string;
  /** What the mentions were made from and by which code, where the check said; with the file's stamp as it was written. */
  madeFrom?: { key: string; stamp: FileStamp };
  pages: Record<string, [offset: number, length: number, digest: string][]>;
}

/**
 * Opens the store for a check. Asked to `clean` (`npm run build -- --clean`),
 * it trusts nothing of the last check's: every document's file is compared.
 */
export function openPageStore(dir: string, { clean = false }: { clean?: boolean } = {}): PageStore {
  // Paths relative to `dir`, as `pruneFolder` gives them.
  const written = new Set<string>();
  const write = (path: string, text: string) => {
    written.add(path);
    const bytes = Buffer.from(text);
    if (!sameBytes(join(dir, path), bytes)) writeFileSync(join(dir, path), bytes);
    return bytes;
  };
  /** Writes a file whole under a name of its own, then renames it: a page never reads half of one. */
  const replace = (path: string, fill: (fd: number) => void) => {
    written.add(path);
    const temporary = join(dir, `${path}.${process.pid}.tmp`);
    const fd = openSync(temporary, 'w');
    try {
      fill(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(dir, path));
  };
  mkdirSync(join(dir, 'documents'), { recursive: true });
  const last = clean ? undefined : lastIndexOf<DocumentIndex>(dir, documentsIndexFile);
  // Stored by other code, a file may not be what this code would store.
  const lastDocuments = last?.version === storeVersion() ? last.documents : {};
  const documents = new Map<string, DocumentRecord>();
  return {
    writeDocument: (slug, page, stored) => {
      const path = join('documents', `${slug}.json`);
      // An own property only: a document may be called "constructor".
      const kept = Object.hasOwn(lastDocuments, slug) ? lastDocuments[slug] : undefined;
      if (stored !== undefined && kept?.[3] === stored && sameStamp([kept[1], kept[2]], statIfThere(join(dir, path)))) {
        written.add(path);
        documents.set(slug, kept);
        return;
      }
      const bytes = write(path, JSON.stringify(page));
      const { size, mtimeMs } = statSync(join(dir, path));
      const digest = sha256(bytes);
      documents.set(slug, stored === undefined ? [digest, size, mtimeMs] : [digest, size, mtimeMs, stored]);
    },
    writeMentionPages: (model, madeFrom) => {
      const key = madeFrom === undefined ? undefined : sha256(`${storeVersion()}\n${madeFrom}`);
      const { index, kept } = writeMentions(dir, model, key);
      written.add(index.file);
      written.add(mentionsIndexFile);
      // After the mentions it points into, so that a page never finds ranges of a file not yet there.
      if (!kept) replace(mentionsIndexFile, (fd) => writeAll(fd, Buffer.from(JSON.stringify(index))));
    },
    writeEntries: (entries) => write(entriesFile, JSON.stringify(entries)),
    lastEntryBodies: () => {
      try {
        return readEntryBodies(dir);
      } catch {
        // None yet, or half written: every description is rendered.
        return {};
      }
    },
    writeEntryBodies: (bodies) => write(entryBodiesFile, JSON.stringify(bodies)),
    writeEntryParagraphs: (paragraphs) => write(paragraphsFile, JSON.stringify(paragraphs)),
    finish: () => {
      const index: DocumentIndex = { version: storeVersion(), documents: Object.fromEntries(documents) };
      replace(documentsIndexFile, (fd) => writeAll(fd, Buffer.from(JSON.stringify(index))));
      // Files of an older layout (a folder of mentions for each entry) go too, with the folders they leave empty.
      pruneFolder(dir, (path) => written.has(path));
    },
  };
}

let version: string | undefined;

/**
 * The version of the code that makes the store's files: this module and
 * those it imports (the pages of mentions, the mentions), and the assembly of
 * the model, which makes each document's mentions.
 */
function storeVersion(): string {
  version ??= pipelineVersion(['./page-store.ts', '../corpus/build.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url))));
  return version;
}

/**
 * Writes each entry's mentions, page by page, into a file of a new name, and
 * gives the index of it; or, where every page is the last check's, byte for
 * byte and at the same place, gives the last check's index, kept with its file
 * (its `madeFrom` brought up to date). The pages are compared as
 * they are made, and written from the first that differs, after the bytes of
 * those before it, copied from the last file. Where the last index was made
 * from the same `key`, and its file has the stamp it had then, nothing is made.
 */
function writeMentions(dir: string, model: Pick<CorpusModel, 'mentionsByEntry'>, key: string | undefined): { index: MentionIndex; kept: boolean } {
  const last = lastIndexOf<MentionIndex>(dir, mentionsIndexFile);
  if (key !== undefined && last?.madeFrom?.key === key && sameStamp(last.madeFrom.stamp, statIfThere(join(dir, last.file)))) return { index: last, kept: true };
  const madeFrom = (file: string) => (key === undefined ? {} : { madeFrom: { key, stamp: stampOf(statSync(join(dir, file))) } });
  const lastPages = last ? Object.entries(last.pages).flatMap(([entry, ranges]) => ranges.map((range, page) => ({ entry, page, range }))) : [];
  const lastFd = last ? openIfThere(join(dir, last.file)) : undefined;
  const pages = new Map<string, MentionIndex['pages'][string]>();
  let fresh: { file: string; fd: number } | undefined;
  const start = (copied: number) => {
    const file = `mentions.${randomUUID()}.data`;
    // Named as the index will name it only once it is whole.
    const fd = openSync(join(dir, `${file}.${process.pid}.tmp`), 'w');
    fresh = { file, fd };
    if (lastFd !== undefined) copyRange(lastFd, fd, copied);
    return fresh;
  };
  let kept = 0;
  let offset = 0;
  try {
    for (const { entry, mentions } of mentionPages(model)) {
      const bytes = Buffer.from(JSON.stringify(mentions));
      const ranges = pages.get(entry) ?? [];
      pages.set(entry, ranges);
      const previous = fresh ? undefined : lastPages[kept];
      const same =
        lastFd !== undefined &&
        previous?.entry === entry &&
        previous.page === ranges.length &&
        previous.range[0] === offset &&
        previous.range[1] === bytes.length &&
        typeof previous.range[2] === 'string' &&
        readRange(lastFd, offset, bytes.length)?.equals(bytes) === true;
      if (same) {
        ranges.push(previous.range);
        kept += 1;
      } else {
        writeAll((fresh ?? start(offset)).fd, bytes);
        ranges.push([offset, bytes.length, sha256(bytes)]);
      }
      offset += bytes.length;
    }
    if (last && !fresh && kept === lastPages.length) {
      if (key === undefined) return { index: last, kept: true };
      // Made from something else, or the file touched since: the index says what they are made from now, and the file's stamp.
      return { index: { ...last, ...madeFrom(last.file) }, kept: false };
    }
    // Fewer pages than the last check's, the same as its first ones.
    fresh ??= start(offset);
  } catch (error) {
    if (fresh) closeSync(fresh.fd);
    throw error;
  } finally {
    if (lastFd !== undefined) closeSync(lastFd);
  }
  closeSync(fresh.fd);
  renameSync(join(dir, `${fresh.file}.${process.pid}.tmp`), join(dir, fresh.file));
  return { index: { file: fresh.file, ...madeFrom(fresh.file), pages: Object.fromEntries(pages) }, kept: false };
}

/** An index the last check wrote, as {@link indexOf} reads it, or undefined where there is none or it cannot be read. */
function lastIndexOf<T>(dir: string, name: string): T | undefined {
  try {
    return indexOf<T>(dir, name);
  } catch {
    // Half written, or of another layout: what it indexes is written afresh.
    return undefined;
  }
}

function statIfThere(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function openIfThere(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The `length` bytes of a file from `offset`, or undefined where it ends before them. */
function readRange(fd: number, offset: number, length: number): Buffer | undefined {
  const bytes = Buffer.alloc(length);
  for (let done = 0; done < length; ) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) return undefined;
    done += read;
  }
  return bytes;
}

/** Copies the first `length` bytes of one file to another, a few megabytes at a time. */
function copyRange(from: number, to: number, length: number): void {
  const chunk = Buffer.alloc(Math.min(length, 4 << 20));
  for (let done = 0; done < length; ) {
    const read = readSync(from, chunk, 0, Math.min(chunk.length, length - done), done);
    if (read === 0) throw new Error('the mentions file of the last check ends before the pages it has in common with this one');
    writeAll(to, chunk.subarray(0, read));
    done += read;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
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

/** Each glossary entry's description, rendered, by id. */
export function readEntryBodies(dir: string): Record<string, RenderedBody> {
  return JSON.parse(readFileSync(join(dir, entryBodiesFile), 'utf8')) as Record<string, RenderedBody>;
}

/**
 * The paragraphs each entry is mentioned in, as sorted keys: what the views
 * need of the mentions, without reading every entry's pages of them (112 MB
 * at 1,000 generated documents, a third of a second of every build).
 */
export function readEntryParagraphs(dir: string): Record<string, number[]> {
  return JSON.parse(readFileSync(join(dir, paragraphsFile), 'utf8')) as Record<string, number[]>;
}

/** Page `page` (from 1) of an entry's mentions: none where the entry has no such page. */
export function readMentionPage(dir: string, entry: string, page: number): Mention[] {
  const bytes = mentionPageBytes(dir, entry, page);
  return bytes ? (JSON.parse(bytes.toString('utf8')) as Mention[]) : [];
}

/** The bytes of a page of an entry's mentions, or undefined where there is none. */
function mentionPageBytes(dir: string, entry: string, page: number): Buffer | undefined {
  const index = mentionIndex(dir);
  const range = mentionRange(index, entry, page);
  if (!index || !range) return undefined;
  const [offset, length] = range;
  const path = join(dir, index.file);
  const fd = openSync(path, 'r');
  try {
    const bytes = readRange(fd, offset, length);
    if (!bytes) throw new Error(`${path} ends before the mentions its index ${join(dir, mentionsIndexFile)} places there`);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Where page `page` (from 1) of an entry's mentions lies, or undefined where there is none. */
function mentionRange(index: MentionIndex | undefined, entry: string, page: number): MentionIndex['pages'][string][number] | undefined {
  // An own property only: an entry may be called "constructor".
  return index && Object.hasOwn(index.pages, entry) ? index.pages[entry]?.[page - 1] : undefined;
}

/*
 * Every page of mentions and every document's page reads an index: read once
 * per version of its file, which each check replaces by a rename, so that
 * `astro dev` reads the index of its last check, not of its first.
 */
const indexesRead = new Map<string, { version: string; index: unknown }>();

/** An index of the store (`name`), or undefined where the store has none. */
function indexOf<T>(dir: string, name: string): T | undefined {
  const path = join(dir, name);
  let version: string;
  try {
    const { ino, size, mtimeMs, ctimeMs } = statSync(path);
    version = `${ino} ${size} ${mtimeMs} ${ctimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const read = indexesRead.get(path);
  if (read?.version === version) return read.index as T;
  const index = JSON.parse(readFileSync(path, 'utf8')) as T;
  indexesRead.set(path, { version, index });
  return index;
}

/** The index of the mentions file, or undefined where the store has none. */
function mentionIndex(dir: string): MentionIndex | undefined {
  return indexOf<MentionIndex>(dir, mentionsIndexFile);
}

/*
 * What a page reads of the store, as a digest of the bytes it reads: with its
 * props, the key under which Astro's incremental build reuses the page
 * (src/data/corpus.ts `cacheKeys`). Each has the digest an index records: of
 * the very bytes the check wrote, or found, in a document's file; of the
 * bytes written to the mentions' file, which is written once, under a name of
 * its own, and then only read. Hashing them again for every page cost a
 * rebuild at 1,000 generated documents 224 MB read and hashed for the pages
 * of mentions, a third of a second, and 38 MB for the documents, a tenth.
 */

/** The digest of a document's stored page ("none" where there is none). */
export function documentPageDigest(dir: string, slug: string): string {
  const documents = indexOf<DocumentIndex>(dir, documentsIndexFile)?.documents;
  // An own property only: a document may be called "constructor".
  return (documents && Object.hasOwn(documents, slug) ? documents[slug]?.[0] : undefined) ?? 'none';
}

/** The digest of one page of an entry's mentions ("none" where there is none). */
export function mentionPageDigest(dir: string, entry: string, page: number): string {
  return mentionRange(mentionIndex(dir), entry, page)?.[2] ?? 'none';
}

/**
 * The digest of every entry's mentions, for the pages that read other
 * entries' mentions ("none" where there are none): of each entry's pages in
 * the index's order, each with the entry's id, so that neither the name of
 * each check's file nor where a page lies in it counts.
 */
export function mentionStoreDigest(dir: string): string {
  const index = mentionIndex(dir);
  if (!index) return 'none';
  const hash = createHash('sha256');
  for (const [entry, ranges] of Object.entries(index.pages)) {
    for (const [page, [, , digest]] of ranges.entries()) hash.update(`${entry}\n${page + 1}\n${digest}\n`);
  }
  return hash.digest('hex');
}
