import { readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

/** Removes the folders under `path`, and `path` itself, that hold no file once their own empty folders are gone. */
export function removeEmptyFolders(path: string): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) if (entry.isDirectory()) removeEmptyFolders(join(path, entry.name));
  if (readdirSync(path).length === 0) rmdirSync(path);
}
