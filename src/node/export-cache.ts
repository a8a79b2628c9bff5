import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { CorpusDocument } from '../corpus/model.ts';
import { sha256 } from '../text/hash.ts';
import { pipelineVersion } from './document-cache.ts';

/**
 * Each document's export files (its corpus JSON and its page of Web
 * Annotations), kept between builds in Astro's cache folder under a key of
 * everything they are made from: the document as the model has it (its text,
 * mentions and notes), the bytes of its source, what every document's files
 * share (the site URL and the collection's layout: each page's place in the
 * chain, the entries' Wikidata items, the claims), and the versions of Node
 * and of the code that writes them. An edited note changes one document's
 * key; a mention added or removed moves the place of every later page in the
 * chain, and so changes every key.
 */
export interface ExportCacheOptions {
  dir: string;
  /** Makes every document's files again, and keeps only those. */
  clean: boolean;
}

export interface ExportCache {
  /** A document's files as an earlier build made them from the same inputs, or undefined. */
  reuse(document: CorpusDocument, source: Uint8Array): string[] | undefined;
  keep(document: CorpusDocument, source: Uint8Array, files: string[]): void;
  /** Removes what this build did not use; says how many documents' files were reused and how many made. */
  finish(): { reused: number; made: number };
}

export function openExportCache({ dir, clean }: ExportCacheOptions, shared: unknown): ExportCache {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Then every read and write fails as a miss: the exports are made as without a cache.
  }
  const common = serialize([exportsVersion(), process.version, shared]);
  const keys = new WeakMap<CorpusDocument, string>();
  const keyOf = (document: CorpusDocument, source: Uint8Array) => {
    let key = keys.get(document);
    if (key === undefined) {
      key = sha256(Buffer.concat([common, serialize(document), source]));
      keys.set(document, key);
    }
    return key;
  };
  const pathOf = (key: string) => join(dir, `${key}.bin`);
  const used = new Set<string>();
  const stats = { reused: 0, made: 0 };
  return {
    reuse(document, source) {
      if (clean) return undefined;
      const key = keyOf(document, source);
      const files = readFiles(pathOf(key), key);
      if (files) {
        used.add(key);
        stats.reused += 1;
      }
      return files;
    },
    keep(document, source, files) {
      stats.made += 1;
      const key = keyOf(document, source);
      // Written whole, then renamed, as the document cache does; a failed write only costs the next build this document's files.
      const temporary = `${pathOf(key)}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, serialize({ key, files }));
        renameSync(temporary, pathOf(key));
        used.add(key);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
    finish() {
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

/** A stored entry's files, or undefined where there is none, it cannot be read, or it is another key's. */
function readFiles(path: string, key: string): string[] | undefined {
  try {
    const entry = deserialize(readFileSync(path)) as { key?: unknown; files?: unknown } | null;
    return entry?.key === key && Array.isArray(entry.files) && entry.files.every((file) => typeof file === 'string') ? entry.files : undefined;
  } catch {
    return undefined;
  }
}

let version: string | undefined;

/** The version of the code that writes the exports: a hash of src/node/write-exports.ts, the modules it imports and the lock file. */
function exportsVersion(): string {
  version ??= pipelineVersion([fileURLToPath(new URL('./write-exports.ts', import.meta.url))]);
  return version;
}
