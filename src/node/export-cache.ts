import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import type { CorpusDocument } from '../corpus/model.ts';
import { sha256 } from '../text/hash.ts';
import { pipelineVersion, serializedDocument } from './document-cache.ts';
import { type FileStamp, isStamp, putRecord, sameStamp, stampOf, takeRecord } from './file-stamps.ts';

/**
 * Each document's export files (its corpus JSON and its page of Web
 * Annotations), kept between builds in Astro's cache folder under a key of
 * everything they are made from: the document as the model has it (its text,
 * mentions and notes: the digest of its `node:v8` bytes, as the document cache
 * computed it when it kept the document, or as computed here), the bytes of its source, what every document's files
 * share (the site URL and the collection's layout: each page's place in the
 * chain, the entries' Wikidata items, the claims), and the versions of Node
 * (with its ICU) and of the code that writes them. An edited note changes one
 * document's key; a mention added or removed moves the place of every later
 * page in the chain, and so changes every key. Each file is kept as it is
 * published, and published as a hard link to the kept file where the file
 * system allows, so that the build writes each file once (a copy each took
 * 142 MB and 2,000 new files at 1,000 generated documents) and a reused
 * document costs its key and a link for each file. Every kept file is
 * checked before it is published again: its size and modification time
 * against those the last finished build recorded of it, or, where it
 * recorded none (a build that stopped, a file it did not use), its bytes
 * against its digest. A published file altered in place (the kept file with
 * it) only costs the next build that document's files. Reading and hashing
 * every kept file took a rebuild at 1,000 generated documents 142 MB read and
 * about 0.3 s.
 */
export interface ExportCacheOptions {
  dir: string;
  /** Makes every document's files again, and keeps only those. */
  clean: boolean;
  /**
   * The digest of each document's `node:v8` bytes, by slug, where the
   * document cache computed it as it kept the document; the others are
   * serialized and hashed here (src/node/document-cache.ts `serializedDocument`).
   */
  documentDigests?: ReadonlyMap<string, string>;
}

export interface ExportCache {
  /**
   * Writes a document's files to `paths`, none of which may exist yet: an
   * earlier build's where it made them from the same inputs, otherwise as
   * `make` gives them, one text a path (and keeps those).
   */
  write(document: CorpusDocument, source: Uint8Array, paths: readonly string[], make: () => string[]): Promise<void>;
  /** Removes what this build did not use; says how many documents' files were reused and how many made. */
  finish(): Promise<{ reused: number; made: number }>;
}

export async function openExportCache({ dir, clean, documentDigests }: ExportCacheOptions, shared: unknown): Promise<ExportCache> {
  // Where the folder cannot be made, every reuse and keep fails as a miss: the exports are made as without a cache.
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  // Node's versions, ICU's among them: the exports segment text with Intl. Hashed once, not in every document's key: the
  // layout is 266 KB at 1,000 generated documents, and hashing it a document at a time was 0.4 s of every build.
  const common = createHash('sha256')
    .update(serialize([exportsVersion(), process.versions, shared]))
    .digest();
  // `<key>.<n>.<digest>`: the nth of the document's files and the SHA-256 of its bytes. The paths are the document's and the
  // layout's, both in the key.
  const kept = new Map<string, string>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const [, file, digest] = /^([0-9a-f]{64}\.\d+)\.([0-9a-f]{64})$/u.exec(name) ?? [];
    if (file && digest) kept.set(file, digest);
  }
  const lastVerified = verifiedStamps(await takeRecord(join(dir, verifiedName)));
  const verified = new Map<string, FileStamp>();
  const cached = (key: string, index: number, digest: string) => `${key}.${index}.${digest}`;
  /** Whether a kept file is as it was kept: short where a crash followed its rename, or altered in place through a published link. */
  const intact = async (name: string, digest: string) => {
    const stats = await stat(join(dir, name));
    if (!sameStamp(lastVerified.get(name), stats) && sha256(await readFile(join(dir, name))) !== digest) return false;
    verified.set(name, stampOf(stats));
    return true;
  };
  const reused = async (key: string, paths: readonly string[]) => {
    const digests = paths.map((_, index) => kept.get(`${key}.${index}`));
    if (digests.some((digest) => digest === undefined)) return false;
    const files = await Promise.allSettled(
      paths.map(async (path, index) => {
        const name = cached(key, index, digests[index] ?? '');
        if (!(await intact(name, digests[index] ?? ''))) return false;
        await publish(join(dir, name), path);
        return true;
      }),
    );
    if (files.every((file) => file.status === 'fulfilled' && file.value)) return true;
    // What was published is another name of a kept file: removed, so that the files made instead never write over it.
    await Promise.all(paths.map((path) => rm(path, { force: true })));
    return false;
  };
  /** Keeps a text under its name, or gives undefined where it cannot be written: a failed write only costs the next build this file. */
  const keep = async (key: string, index: number, text: string): Promise<string | undefined> => {
    // Written whole under a name of its own, then renamed: a stopped build leaves no half file.
    const temporary = join(dir, `${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, text, { flag: 'wx' });
      const name = cached(key, index, sha256(text));
      await rename(temporary, join(dir, name));
      verified.set(name, stampOf(await stat(join(dir, name))));
      return join(dir, name);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
      return undefined;
    }
  };
  const used = new Set<string>();
  const stats = { reused: 0, made: 0 };
  return {
    async write(document, source, paths, make) {
      const digest = documentDigests?.get(document.slug) ?? serializedDocument(document).digest;
      const key = createHash('sha256').update(common).update(digest).update(source).digest('hex');
      used.add(key);
      if (!clean && (await reused(key, paths))) {
        stats.reused += 1;
        return;
      }
      await Promise.all(
        make().map(async (text, index) => {
          const path = paths[index] ?? '';
          const from = await keep(key, index, text);
          await (from ? publish(from, path) : writeFile(path, text));
        }),
      );
      stats.made += 1;
    },
    async finish() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const stale = (name: string) => name.endsWith('.tmp') || !used.has(name.split('.')[0] ?? '');
      await Promise.all(names.filter(stale).map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)));
      await putRecord(join(dir, verifiedName), Object.fromEntries(verified));
      return { ...stats };
    },
  };
}

/** The record of the stamps of the kept files the last finished build used or made; in the cache's folder, never a kept file's name. */
const verifiedName = 'verified.json';

/** The stamps of a record, by kept file's name; none where it has none (every kept file is then read). */
function verifiedStamps(record: unknown): Map<string, FileStamp> {
  if (typeof record !== 'object' || record === null) return new Map();
  return new Map(Object.entries(record).filter((pair): pair is [string, FileStamp] => isStamp(pair[1])));
}

/**
 * Publishes a kept file at `path`: a hard link to it, or a copy where the file
 * system cannot link (another device, say). Neither writes over a file already
 * at `path`, which may be another kept file's other name: both fail there.
 */
async function publish(from: string, path: string): Promise<void> {
  await link(from, path).catch(() => copyFile(from, path, constants.COPYFILE_EXCL));
}

let version: string | undefined;

/** The version of the code that writes the exports: a hash of src/node/write-exports.ts, the modules it imports and the lock file. */
function exportsVersion(): string {
  version ??= pipelineVersion([fileURLToPath(new URL('./write-exports.ts', import.meta.url))]);
  return version;
}
