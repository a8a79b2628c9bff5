import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/**
 * A file's size and modification time, as a build records them of a file it
 * wrote or checked: a later build that finds both the same takes the file to
 * be as it was, without reading it (a write in place changes the time).
 */
export type FileStamp = [size: number, modified: number];

export function stampOf({ size, mtimeMs }: { size: number; mtimeMs: number }): FileStamp {
  return [size, mtimeMs];
}

/** Whether a file's stats (undefined where it is gone) are those recorded. */
export function sameStamp(recorded: FileStamp | undefined, stats: { size: number; mtimeMs: number } | undefined): boolean {
  return recorded !== undefined && stats !== undefined && recorded[0] === stats.size && recorded[1] === stats.mtimeMs;
}

export function isStamp(value: unknown): value is FileStamp {
  return Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'number');
}

/**
 * The record of stamps the last finished build left at `path`, parsed, or
 * undefined where there is none or it cannot be read. The record is removed:
 * until this build finishes, no record says what the files are, so that a
 * build that stops leaves none.
 */
export async function takeRecord(path: string): Promise<unknown> {
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    // None (the first build, or one after a build that stopped) or half written.
  }
  await rm(path, { force: true }).catch(() => undefined);
  return record;
}

/** Writes a record whole, then renames it into place; one that cannot be written only costs the next build the reads it would have saved. */
export async function putRecord(path: string, record: unknown): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(record))
    .then(() => rename(temporary, path))
    .catch(() => rm(temporary, { force: true }).catch(() => undefined));
}

/**
 * Writes a file whole under a name of its own, then renames it into place, so
 * that a build that stops leaves no half file. Says whether it could: a cache
 * file that cannot be written (a full disk, a read-only folder, a folder that
 * is not there) only costs the next build what it would have saved.
 */
export function putFileSync(path: string, bytes: Uint8Array): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written where there is no folder.
    }
    return false;
  }
}
