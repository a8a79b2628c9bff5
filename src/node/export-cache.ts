import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import type { CorpusDocument } from '../corpus/model.ts';
import { pipelineVersion } from './document-cache.ts';

/**
 * Each document's export files (its corpus JSON and its page of Web
 * Annotations), kept between builds in Astro's cache folder under a key of
 * everything they are made from: the document as the model has it (its text,
 * mentions and notes), the bytes of its source, what every document's files
 * share (the site URL and the collection's layout: each page's place in the
 * chain, the entries' Wikidata items, the claims), and the versions of Node
 * (with its ICU) and of the code that writes them. An edited note changes one
 * document's key; a mention added or removed moves the place of every later
 * page in the chain, and so changes every key. Each file is kept as it is published and
 * copied by the file system, so that a reused document costs its key and two
 * copies.
 */
export interface ExportCacheOptions {
  dir: string;
  /** Makes every document's files again, and keeps only those. */
  clean: boolean;
}

export interface ExportCache {
  /**
   * Writes a document's files to `paths`: copied from an earlier build's where
   * it made them from the same inputs, otherwise as `make` gives them, one
   * text a path (and keeps those).
   */
  write(document: CorpusDocument, source: Uint8Array, paths: readonly string[], make: () => string[]): Promise<void>;
  /** Removes what this build did not use; says how many documents' files were reused and how many made. */
  finish(): Promise<{ reused: number; made: number }>;
}

export async function openExportCache({ dir, clean }: ExportCacheOptions, shared: unknown): Promise<ExportCache> {
  // Where the folder cannot be made, every copy and keep fails as a miss: the exports are made as without a cache.
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  // Node's versions, ICU's among them: the exports segment text with Intl.
  const common = serialize([exportsVersion(), process.versions, shared]);
  // `<key>.<n>.<bytes>`: the nth of the document's files and its length, checked after each copy, since a file renamed
  // just before a crash can be left short. The paths are the document's and the layout's, both in the key.
  const kept = new Map<string, number>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const [, file, bytes] = /^([0-9a-f]{64}\.\d+)\.(\d+)$/u.exec(name) ?? [];
    if (file && bytes) kept.set(file, Number(bytes));
  }
  const cached = (key: string, index: number, bytes: number) => join(dir, `${key}.${index}.${bytes}`);
  const copied = async (key: string, paths: readonly string[]) => {
    const sizes = paths.map((_, index) => kept.get(`${key}.${index}`));
    if (sizes.some((size) => size === undefined)) return false;
    const copies = await Promise.allSettled(
      paths.map(async (path, index) => {
        await copyFile(cached(key, index, sizes[index] ?? 0), path);
        return (await stat(path)).size === sizes[index];
      }),
    );
    // Otherwise made again, over whatever was copied.
    return copies.every((copy) => copy.status === 'fulfilled' && copy.value);
  };
  const keep = async (key: string, texts: readonly string[]) => {
    // Written whole under a name of its own, then renamed: a stopped build leaves no half file. A failed write only costs
    // the next build this document's files.
    await Promise.all(
      texts.map(async (text, index) => {
        const temporary = join(dir, `${randomUUID()}.tmp`);
        try {
          await writeFile(temporary, text, { flag: 'wx' });
          await rename(temporary, cached(key, index, Buffer.byteLength(text)));
        } catch {
          await rm(temporary, { force: true }).catch(() => undefined);
        }
      }),
    );
  };
  const used = new Set<string>();
  const stats = { reused: 0, made: 0 };
  return {
    async write(document, source, paths, make) {
      const key = createHash('sha256').update(common).update(serialize(document)).update(source).digest('hex');
      used.add(key);
      if (!clean && (await copied(key, paths))) {
        stats.reused += 1;
        return;
      }
      const texts = make();
      await Promise.all(paths.map((path, index) => writeFile(path, texts[index] ?? '')));
      await keep(key, texts);
      stats.made += 1;
    },
    async finish() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const stale = (name: string) => name.endsWith('.tmp') || !used.has(name.split('.')[0] ?? '');
      await Promise.all(names.filter(stale).map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)));
      return { ...stats };
    },
  };
}

let version: string | undefined;

/** The version of the code that writes the exports: a hash of src/node/write-exports.ts, the modules it imports and the lock file. */
function exportsVersion(): string {
  version ??= pipelineVersion([fileURLToPath(new URL('./write-exports.ts', import.meta.url))]);
  return version;
}
