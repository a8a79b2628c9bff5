import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CorpusModel } from '../corpus/build.ts';
import {
  annotationCollection,
  annotationLayout,
  annotationPage,
  annotationPagePath,
  annotationsDir,
  annotationsFile,
  corpusDir,
  corpusDocument,
  corpusDocumentPath,
  corpusFile,
  corpusIndex,
  documentAnnotations,
} from '../exports/export.ts';
import { contentDirs } from './load-corpus.ts';

/**
 * Publishes the annotations as open data beside the site: every mention and
 * note as a W3C Web Annotation, in an AnnotationCollection paged by document,
 * and the corpus as plain JSON, split the same way (docs/open-data.md).
 *
 * The collection's numbers (its total, each page's startIndex and neighbours)
 * come from the model in one pass; then each document in turn has its source
 * and MDX page read, its annotations and paragraphs built and written, and
 * is let go, so that memory holds one document's texts and output at a time
 * and the time grows with the size of the corpus, not its square.
 */
export async function writeExports(model: CorpusModel, root: string, outDir: string, siteUrl: string): Promise<{ annotations: number }> {
  const layout = annotationLayout(model, siteUrl);
  await Promise.all([mkdir(join(outDir, annotationsDir), { recursive: true }), mkdir(join(outDir, corpusDir), { recursive: true })]);
  await writeFile(join(outDir, annotationsFile), `${JSON.stringify(annotationCollection(layout), null, 2)}\n`);
  await writeFile(join(outDir, corpusFile), `${JSON.stringify(corpusIndex(model, siteUrl), null, 2)}\n`);

  const decoder = new TextDecoder('utf-8');
  for (const document of model.documents) {
    const writes = [writeFile(join(outDir, corpusDocumentPath(document.slug)), `${JSON.stringify(corpusDocument(document, siteUrl))}\n`)];
    // A document without annotations has no page: its texts are not read.
    if (layout.pageOf.has(document.slug)) {
      const source = decoder.decode(await readFile(resolve(root, contentDirs.sources, document.meta.source)));
      const items = documentAnnotations(layout, document, { source, notes: document.notes });
      writes.push(writeFile(join(outDir, annotationPagePath(document.slug)), `${JSON.stringify(annotationPage(layout, document.slug, items))}\n`));
    }
    await Promise.all(writes);
  }
  return { annotations: layout.collection.total };
}
