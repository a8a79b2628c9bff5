import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { CorpusDocument, CorpusModel } from '../corpus/model.ts';
import { annotationCollection, annotationLayout, annotationPage } from '../exports/annotation-collection.ts';
import { corpusDocument, corpusIndex } from '../exports/corpus-json.ts';
import { documentAnnotations } from '../exports/document-annotations.ts';
import { annotationPagePath, annotationsPath, corpusDocumentPath, corpusIndexPath, outputFile } from '../routes.ts';
import { contentDirs } from '../config.ts';
import { type ExportCacheOptions, openExportCache } from './export-cache.ts';

/** How many documents' exports are made at once. */
const exportLanes = 8;

/**
 * Publishes the annotations as open data beside the site: every mention and
 * note as a W3C Web Annotation, in an AnnotationCollection paged by document,
 * and the corpus as plain JSON, split the same way (docs/open-data.md).
 *
 * The collection's numbers (its total, each page's startIndex and neighbours)
 * come from the model in one pass; then each document has its source read,
 * its annotations and paragraphs built and written, and is let go, a few
 * documents at a time, so that memory holds a few documents' texts and output
 * and the time grows with the size of the corpus, not its square. With a
 * `cache`, a document whose files an earlier build made from the same inputs
 * gets them again (src/node/export-cache.ts).
 */
export async function writeExports(
  model: CorpusModel,
  root: string,
  outDir: string,
  siteUrl: string,
  cacheOptions?: ExportCacheOptions,
): Promise<{ annotations: number; reused: number; made: number }> {
  const layout = annotationLayout(model, siteUrl);
  const cache = cacheOptions && (await openExportCache(cacheOptions, [siteUrl, layout]));
  // Each document's files share a folder with every other document's: made once, from the first document's paths.
  const output = (path: string) => join(outDir, outputFile(path));
  await Promise.all([annotationPagePath(''), corpusDocumentPath('')].map((path) => mkdir(dirname(output(path)), { recursive: true })));
  await writeFile(output(annotationsPath), `${JSON.stringify(annotationCollection(layout), null, 2)}\n`);
  await writeFile(output(corpusIndexPath), `${JSON.stringify(corpusIndex(model, siteUrl), null, 2)}\n`);

  const decoder = new TextDecoder('utf-8');
  const writeDocument = async (document: CorpusDocument) => {
    // A document without annotations has no page: its source is read only for the cache's key.
    const hasPage = layout.pageOf.has(document.slug);
    const source = hasPage || cache ? await readFile(resolve(root, contentDirs.sources, document.meta.source)) : new Uint8Array();
    const paths = [corpusDocumentPath(document.slug), ...(hasPage ? [annotationPagePath(document.slug)] : [])].map(output);
    const make = () => [
      `${JSON.stringify(corpusDocument(document, siteUrl))}\n`,
      ...(hasPage
        ? [
            `${JSON.stringify(annotationPage(layout, document.slug, documentAnnotations(layout, document, { source: decoder.decode(source), notes: document.notes })))}\n`,
          ]
        : []),
    ];
    if (cache) await cache.write(document, source, paths, make);
    else await Promise.all(make().map((text, index) => writeFile(paths[index] ?? '', text)));
  };
  // A few documents at a time: each waits mostly on its files being read, written and kept, which one at a time
  // left this thread idle for much of the stage, while memory holds a few documents' texts and output, not the corpus's.
  await pLimit(exportLanes).map(model.documents, writeDocument);
  const counts = (await cache?.finish()) ?? { reused: 0, made: model.documents.length };
  return { annotations: layout.collection.total, ...counts };
}

/**
 * Moves the exports written before rendering into the built site: renamed,
 * not copied, where both folders are on one file system (the exports are
 * hundreds of megabytes at a thousand documents), copied where they are not.
 */
export async function publishExports(from: string, to: string): Promise<void> {
  for (const name of await readdir(from)) {
    await rename(join(from, name), join(to, name)).catch(() => cp(join(from, name), join(to, name), { recursive: true }));
  }
}
