import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { contentDirs } from '../config.ts';
import type { EditorialLock } from '../corpus/model.ts';

/** Writes the editorial lock; the corpus check reads it with the rest of the content (load-corpus.ts). */
export async function writeEditorialLock(root: string, lock: EditorialLock): Promise<void> {
  await writeFile(resolve(root, contentDirs.editorialLock), `${JSON.stringify(lock, null, 2)}\n`);
}
