import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CorpusModel } from '../lib/corpus.ts';
import { annotationsFile, corpusFile, corpusJson, webAnnotations } from '../lib/export.ts';
import { contentDirs } from './load-corpus.ts';

/**
 * Publishes the annotations as open data beside the site: every mention and
 * note as a W3C Web Annotation, and the corpus as plain JSON (docs/open-data.md).
 */
export async function writeExports(model: CorpusModel, root: string, outDir: string, siteUrl: string): Promise<{ annotations: number }> {
  const decoder = new TextDecoder('utf-8');
  const sources = new Map(
    await Promise.all(
      model.documents.map(async (document) => [document.meta.source, decoder.decode(await readFile(resolve(root, contentDirs.sources, document.meta.source)))] as const),
    ),
  );
  const pages = new Map(await Promise.all(model.documents.map(async (document) => [document.slug, await readFile(resolve(root, document.file), 'utf8')] as const)));
  const annotations = webAnnotations(model, { sources, pages }, siteUrl);
  await writeFile(join(outDir, annotationsFile), `${JSON.stringify(annotations, null, 2)}\n`);
  await writeFile(join(outDir, corpusFile), `${JSON.stringify(corpusJson(model, siteUrl), null, 2)}\n`);
  return { annotations: annotations.total };
}
