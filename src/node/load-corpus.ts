import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildCorpus } from '../corpus/build.ts';
import type { ContentFile, CorpusBuild, CorpusFiles } from '../corpus/model.ts';
import { contentDirs, type ContentDirs } from '../config.ts';

async function listFiles(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((name) => name.endsWith(extension)).sort().map((name) => join(dir, name));
}

async function readTextFiles(root: string, paths: string[]): Promise<ContentFile[]> {
  return Promise.all(paths.map(async (path) => ({ path: relative(root, path), text: await readFile(path, 'utf8') })));
}

/** Reads the content directories under `root` and builds the corpus model: the file-system edge of src/corpus/build.ts. */
export async function loadCorpus(
  root: string,
  dirs: ContentDirs = contentDirs,
  options: Pick<CorpusFiles, 'onParsed' | 'drafts'> = {},
): Promise<CorpusBuild> {
  // resolve, not join: CORPUS_CONTENT may be absolute.
  const abs = (dir: string) => resolve(root, dir);
  const sourcePaths = await listFiles(abs(dirs.sources), '.txt');
  const sources = new Map<string, Uint8Array>(
    await Promise.all(sourcePaths.map(async (path) => [path.split('/').pop() ?? path, await readFile(path)] as [string, Uint8Array])),
  );
  return buildCorpus({
    documents: await readTextFiles(root, await listFiles(abs(dirs.corpus), '.mdx')),
    entries: await readTextFiles(root, await listFiles(abs(dirs.glossary), '.md')),
    comparisons: await readTextFiles(root, await listFiles(abs(dirs.comparisons), '.yaml')),
    claims: await readTextFiles(root, await listFiles(abs(dirs.claims), '.md')),
    sources,
    sourcesDir: dirs.sources,
    glossaryDir: dirs.glossary,
    corrections: await readOptionalFile(root, abs(dirs.corrections)),
    editorialLock: await readOptionalFile(root, abs(dirs.editorialLock)),
    ...options,
  });
}

/** A content file that a corpus may do without: empty when it does not exist. */
async function readOptionalFile(root: string, path: string): Promise<ContentFile> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return { path: relative(root, path), text };
}
