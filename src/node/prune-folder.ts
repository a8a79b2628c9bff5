import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Removes every file under `root` that `keep` refuses (given its path relative
 * to `root`), then the folders under `root` that are left empty; `root`
 * itself stays. Nothing happens where `root` does not exist.
 */
export function pruneFolder(root: string, keep: (path: string) => boolean): void {
  if (!existsSync(root)) return;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    if (!keep(path)) rmSync(join(root, path), { force: true });
  }
  for (const entry of readdirSync(root, { withFileTypes: true })) if (entry.isDirectory()) removeEmptyFolders(join(root, entry.name));
}

/** Removes the folders under `path`, and `path` itself, that hold no file once their own empty folders are gone. */
function removeEmptyFolders(path: string): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) if (entry.isDirectory()) removeEmptyFolders(join(path, entry.name));
  if (readdirSync(path).length === 0) rmdirSync(path);
}
