import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CorpusModel } from '../corpus/model.ts';
import { annotationCollection, annotationLayout, annotationPage } from '../exports/annotation-collection.ts';
import { corpusDocument, corpusIndex } from '../exports/corpus-json.ts';
import { documentAnnotations } from '../exports/document-annotations.ts';
import { annotationPagePath, annotationsPath, corpusDocumentPath, corpusIndexPath, outputFile } from '../routes.ts';
import { contentDirs } from '../config.ts';

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
  // Each document's files share a folder with every other document's: made once, from the first document's paths.
  const output = (path: string) => join(outDir, outputFile(path));
  await Promise.all([annotationPagePath(''), corpusDocumentPath('')].map((path) => mkdir(dirname(output(path)), { recursive: true })));
  await writeFile(output(annotationsPath), `${JSON.stringify(annotationCollection(layout), null, 2)}\n`);
  await writeFile(output(corpusIndexPath), `${JSON.stringify(corpusIndex(model, siteUrl), null, 2)}\n`);

  const decoder = new TextDecoder('utf-8');
  for (const document of model.documents) {
    const writes = [writeFile(output(corpusDocumentPath(document.slug)), `${JSON.stringify(corpusDocument(document, siteUrl))}\n`)];
    // A document without annotations has no page: its texts are not read.
    if (layout.pageOf.has(document.slug)) {
      const source = decoder.decode(await readFile(resolve(root, contentDirs.sources, document.meta.source)));
      const items = documentAnnotations(layout, document, { source, notes: document.notes });
      writes.push(writeFile(output(annotationPagePath(document.slug)), `${JSON.stringify(annotationPage(layout, document.slug, items))}\n`));
    }
    await Promise.all(writes);
  }
  return { annotations: layout.collection.total };
}
