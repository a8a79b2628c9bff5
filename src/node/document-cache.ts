import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { siteContact } from '../config.ts';
import { sha256 } from '../text/hash.ts';
import { putFileSync } from './file-stamps.ts';
import type { CorpusDocument } from '../corpus/model.ts';
import type { PreparedDocument } from './document-page.ts';
import type { DocumentGlossary, DocumentReads, DocumentTask } from './document-task.ts';

/**
 * The cache of each page's checked and rendered result (src/node/document-task.ts)
 * and printed citations (src/node/document-page.ts), so that a rebuild redoes
 * only the pages an edit touches. A result is kept under a key made of
 * everything the page is given: the page (path and text), the claims its
 * paragraphs report, the glossary's settings (base path, folders), the site's
 * settings (its URL and name, the contact address) and the pipeline's
 * version. The citations' access date is not in the key: a page kept on an
 * earlier day is reused, and only its citations are formatted again. What the task
 * looks up in the glossary and which source it reads depend on the page, so
 * they are recorded as it runs (`DocumentReads`) and checked again before a
 * result is reused: the same source bytes, the same answer for every entry id
 * looked up. Only pages without problems are kept: a page with problems is
 * checked again at every build, and stops it as before.
 */
export interface DocumentCache {
  /** The page's result of an earlier build, where every input is still the same, with where and how it is {@link Kept}. */
  reuse(task: DocumentTask): (PreparedDocument & { kept: Kept }) | undefined;
  /**
   * Keeps a page's result, where it has no problems: one checked afresh, or
   * one reused with its citations formatted again. Says where and how it is
   * {@link Kept}, unless it was not kept.
   */
  keep(task: DocumentTask, result: PreparedDocument): Kept | undefined;
  /** Removes the results this build neither reused nor kept, and says how many pages were reused and checked. */
  finish(): DocumentCacheStats;
}

export interface DocumentCacheStats {
  reused: number;
  checked: number;
}

export interface DocumentCacheOptions {
  /** The folder of the cache: one per corpus, since it keeps only what the last build used. */
  dir: string;
  /** Reuse nothing: check every page again and rewrite the cache (`npm run build -- --clean`). */
  clean?: boolean;
  /** The pipeline's version; {@link pipelineVersion} unless a test sets another. */
  version?: string;
}

/**
 * Which of the cache's results a page comes from: its key and a random name
 * the result is given each time it is kept. The same `Stored` twice is the
 * same result, byte for byte, so that what was made from it once (the page
 * store's file of the document) need not be made again. Not the file's size
 * and modification time: a result kept again under the same key (the next
 * day's citations, by a build and `astro dev` at once) can have both the same
 * and other bytes, since the time moves in steps of milliseconds.
 */
export type Stored = string;

/** A result the cache holds: where ({@link Stored}), and the digest of its document's `node:v8` bytes ({@link serializedDocument}). */
export interface Kept {
  stored: Stored;
  documentDigest: string;
}

/**
 * A document's `node:v8` bytes and their SHA-256, which the cache computes as
 * it keeps the document: the exports' cache keys each document's files by it
 * (src/node/export-cache.ts). Serializing every document again for those keys
 * cost each rebuild at 1,000 generated documents 0.3 s, and did not always
 * give the same bytes: a document read back from the cache, equal in every
 * value, can serialize to other bytes of the same length (V8 writes a value
 * as it holds it), and so miss the exports' cache.
 */
export function serializedDocument(document: CorpusDocument): { bytes: Buffer; digest: string } {
  const bytes = serialize(document);
  return { bytes, digest: sha256(bytes) };
}

/** A stored result, with what it was computed from. */
interface CacheEntry {
  key: string;
  reads: DocumentReads;
  /** The hash of each lookup the page read as a whole, at the time. */
  whole: [DocumentReads['whole'][number], string][];
  result: Omit<PreparedDocument, 'reads' | 'document'>;
  /** The document, as {@link serializedDocument} gives it. */
  document: Uint8Array;
  documentDigest: string;
  /** A random name given to the result each time it is kept ({@link Stored}). */
  made: string;
}

export function openDocumentCache(glossary: DocumentGlossary, options: DocumentCacheOptions): DocumentCache {
  const { dir, clean = false } = options;
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Then nothing is reused or kept (every read and write fails as a miss): the build goes on without a cache.
  }
  // What is the same for every page: the glossary but its three lookups and the source names, whose reads are recorded,
  // and the citations' access date, which changes every day and costs a page only its citations (src/node/worker-pool.ts).
  const {
    known,
    entryIds,
    typeLabels,
    sourceNames,
    citation: { accessed, ...citation },
    ...settings
  } = glossary;
  const shared = serialize([options.version ?? loadedPipelineVersion(), process.version, siteContact ?? null, { ...settings, citation }]);
  // A page checked afresh asks for its key twice, in reuse and then in keep: computed once per task.
  const keys = new WeakMap<DocumentTask, string>();
  const keyOf = (task: DocumentTask) => {
    const computed = keys.get(task);
    if (computed !== undefined) return computed;
    const key = sha256(Buffer.concat([shared, serialize(task)]));
    keys.set(task, key);
    return key;
  };
  const pathOf = (key: string) => join(dir, `${key}.bin`);

  const knownNow = new Set(known);
  const labelsNow = new Map(typeLabels);
  const wholeNow = { known, entryIds, typeLabels };
  const wholeHash = (lookup: DocumentReads['whole'][number]) => sha256(serialize(wholeNow[lookup]));
  const names = new Set(sourceNames);
  const sourceHashes = new Map<string, string | null>();
  const sourceHash = (name: string) => {
    if (!sourceHashes.has(name)) sourceHashes.set(name, names.has(name) ? sha256(readFileSync(join(glossary.sourcesPath, name))) : null);
    return sourceHashes.get(name);
  };
  const stillTrue = (entry: CacheEntry) =>
    entry.reads.sources.every(([name, hash]) => sourceHash(name) === hash) &&
    entry.reads.known.every(([id, found]) => knownNow.has(id) === found) &&
    entry.reads.typeLabels.every(([id, label]) => (labelsNow.get(id) ?? null) === label) &&
    entry.whole.every(([lookup, hash]) => wholeHash(lookup) === hash);

  const used = new Set<string>();
  const stats: DocumentCacheStats = { reused: 0, checked: 0 };
  return {
    reuse(task) {
      if (clean) return undefined;
      const key = keyOf(task);
      const read = readEntry(pathOf(key));
      if (!read || read.entry.key !== key || !stillTrue(read.entry)) return undefined;
      used.add(key);
      stats.reused += 1;
      const { entry, document } = read;
      return { ...entry.result, document, reads: entry.reads, kept: { stored: `${key} ${entry.made}`, documentDigest: entry.documentDigest } };
    },
    keep(task, { reads, document, ...result }) {
      const key = keyOf(task);
      // A page this build reused and keeps again, with the day's citations (src/node/worker-pool.ts), was not checked.
      if (!used.has(key)) stats.checked += 1;
      if (!document || result.problems.length > 0 || result.page?.html === undefined) return undefined;
      const { bytes, digest } = serializedDocument(document);
      const whole = reads.whole.map((lookup): CacheEntry['whole'][number] => [lookup, wholeHash(lookup)]);
      const entry: CacheEntry = { key, reads, whole, result, document: bytes, documentDigest: digest, made: randomUUID() };
      // An entry that cannot be written only costs the next build this page's check again: it never stops this one.
      if (!putFileSync(pathOf(key), serialize(entry))) return undefined;
      used.add(key);
      return { stored: `${key} ${entry.made}`, documentDigest: digest };
    },
    finish() {
      // What this build did not use, and what an interrupted build left half written.
      const stale = (name: string) => name.endsWith('.tmp') || (name.endsWith('.bin') && !used.has(name.slice(0, -'.bin'.length)));
      try {
        for (const name of readdirSync(dir)) if (stale(name)) rmSync(join(dir, name), { force: true });
      } catch {
        // Left for the next build to tidy.
      }
      return { ...stats };
    },
  };
}

/** A stored entry, with its document read back, or undefined where there is none or it cannot be read: the page is then checked again. */
function readEntry(path: string): { entry: CacheEntry; document: CorpusDocument } | undefined {
  try {
    const entry = deserialize(readFileSync(path)) as Partial<CacheEntry> | null;
    const complete =
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.key === 'string' &&
      entry.reads &&
      entry.whole &&
      entry.result &&
      entry.document instanceof Uint8Array &&
      typeof entry.documentDigest === 'string' &&
      typeof entry.made === 'string';
    return complete ? { entry: entry as CacheEntry, document: deserialize(entry.document as Uint8Array) as CorpusDocument } : undefined;
  } catch {
    // Missing, truncated or written by another Node's serializer: a miss like any other.
    return undefined;
  }
}

let loadedVersion: string | undefined;

/**
 * The pipeline's version as this process loaded it, computed once: a process
 * keeps the modules it loaded when their files change (`astro dev` does), so
 * results it formats after an edit of the code are the old code's, and are
 * kept under the old code's key, which a later build does not reuse.
 */
function loadedPipelineVersion(): string {
  loadedVersion ??= pipelineVersion();
  return loadedVersion;
}

/** Relative imports of a module: `from '…'`, `import '…'` and `import('…')`. */
const relativeImport = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/gu;

/**
 * The pipeline's version: a hash of the source of every module of the
 * project that makes a page's result (followed from the worker's module and
 * from the module that adds the citations, through their relative imports)
 * and of the lock file that pins the packages they import. Any change to the
 * code that checks, renders or cites a page changes it, and so every page's
 * key. Paths are named relative to the first entry's folder.
 */
export function pipelineVersion(
  entries: readonly string[] = ['./document-worker.ts', './document-page.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url))),
  lockFile: string = projectLockFile(),
): string {
  const modules = new Map<string, string>();
  const visit = (path: string) => {
    if (modules.has(path) || !existsSync(path)) return;
    const text = readFileSync(path, 'utf8');
    modules.set(path, text);
    for (const match of text.matchAll(relativeImport)) visit(resolve(dirname(path), match[1] ?? ''));
  };
  for (const entry of entries) visit(entry);
  const root = dirname(entries[0] ?? '.');
  const sources = [...modules].map(([path, text]) => [relative(root, path), text]).sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(serialize([sources, existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : null]));
}

function projectLockFile(): string {
  return fileURLToPath(new URL('../../package-lock.json', import.meta.url));
}
