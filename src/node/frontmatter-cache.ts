import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { FrontmatterMemo } from '../corpus/frontmatter.ts';
import { sha256 } from '../text/hash.ts';
import { pipelineVersion } from './document-cache.ts';
import { putFileSync } from './file-stamps.ts';

/**
 * The valid front matter of the glossary's entries and the claims, as the
 * last check parsed it (src/corpus/frontmatter.ts `FrontmatterMemo`), in one
 * file: a check reads it, parses only the front matter it does not hold, and
 * writes what it used. Each value is kept under a digest of its schema's name
 * and its YAML's text, as `node:v8` bytes made when it was parsed, and given
 * out as a copy. The file holds the version of the code that parses and
 * validates (this module's, the schemas', the modules they import, among them
 * the document cache this one takes its versions from, and the lock file
 * pinning `yaml` and `zod`) and Node's, and is not read where either changed:
 * an edit of any of that code costs one check the parses.
 */
export interface FrontmatterCache extends FrontmatterMemo {
  /** Writes what this check parsed or reused, in place of the last check's. */
  finish(): void;
}

export interface FrontmatterCacheOptions {
  file: string;
  /** Parse everything again, and keep only that (`npm run build -- --clean`). */
  clean: boolean;
}

interface Stored {
  version: string;
  parsed: Map<string, Uint8Array>;
}

export function openFrontmatterCache({ file, clean }: FrontmatterCacheOptions): FrontmatterCache {
  const version = `${frontmatterVersion()}\n${process.version}`;
  const last = clean ? new Map<string, Uint8Array>() : lastParsed(file, version);
  const used = new Map<string, Uint8Array>();
  const keyOf = (schema: string, yaml: string) => sha256(`${schema}\n${yaml}`);
  return {
    get(schema, yaml) {
      const key = keyOf(schema, yaml);
      const bytes = used.get(key) ?? last.get(key);
      if (bytes === undefined) return undefined;
      let data: unknown;
      try {
        data = deserialize(bytes);
      } catch {
        // Damaged: parsed again, like front matter it does not hold.
        return undefined;
      }
      used.set(key, bytes);
      return data;
    },
    set(schema, yaml, data) {
      used.set(keyOf(schema, yaml), serialize(data));
    },
    finish() {
      try {
        mkdirSync(dirname(file), { recursive: true });
      } catch {
        // Then the file cannot be written either, which only costs the next check the parses it would have saved.
      }
      putFileSync(file, serialize({ version, parsed: used } satisfies Stored));
    },
  };
}

/** The last check's values, where it wrote them with this version; none where there is no file, or it cannot be read. */
function lastParsed(file: string, version: string): Map<string, Uint8Array> {
  try {
    const stored = deserialize(readFileSync(file)) as Partial<Stored> | null;
    return stored?.version === version && stored.parsed instanceof Map ? stored.parsed : new Map();
  } catch {
    return new Map();
  }
}

let version: string | undefined;

/** The version of the code that parses and validates front matter: src/corpus/frontmatter.ts, the schemas, the modules they import and the lock file. */
function frontmatterVersion(): string {
  version ??= pipelineVersion(
    ['../corpus/frontmatter.ts', '../corpus/schema.ts', './frontmatter-cache.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url))),
  );
  return version;
}
