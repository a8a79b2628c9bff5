/** The annotations of a corpus as writeExports publishes them, and the parts of an annotation the tests look at. */
import { expect } from 'vitest';
import type { CorpusModel } from '../../../../src/corpus/model.ts';
import { annotationCollection, annotationLayout, annotationPage } from '../../../../src/exports/annotation-collection.ts';
import { documentAnnotations } from '../../../../src/exports/document-annotations.ts';
import type { AnnotationCollection, AnnotationPage, WebAnnotation } from '../../../../src/exports/web-annotation-model.ts';

export interface ExportedAnnotations {
  collection: AnnotationCollection;
  pages: AnnotationPage[];
  /** Every page's items, in the order of the pages. */
  items: WebAnnotation[];
}

/** The layout first, then a page per document with annotations, one document at a time, as src/node/write-exports.ts does. */
export function exportAnnotations(model: CorpusModel, sources: ReadonlyMap<string, string>, siteUrl: string): ExportedAnnotations {
  const layout = annotationLayout(model, siteUrl);
  const pages: AnnotationPage[] = [];
  for (const document of model.documents) {
    const items = documentAnnotations(layout, document, { source: sources.get(document.meta.source) ?? '', notes: document.notes });
    if (layout.pageOf.has(document.slug)) pages.push(annotationPage(layout, document.slug, items));
    else expect(items, `${document.slug} has no page, and no annotations`).toEqual([]);
  }
  return { collection: annotationCollection(layout), pages, items: pages.flatMap((page) => page.items) };
}

export function quoteOf(annotation: WebAnnotation) {
  return annotation.target.selector[0];
}

export function positionOf(annotation: WebAnnotation) {
  return annotation.target.selector[1];
}

/** The slug of the document an annotation's scope points into. */
export function slugOf(annotation: WebAnnotation): string {
  return new URL(annotation.target.scope).pathname.split('/').at(-2) ?? '';
}

/** The ¶ number an annotation's scope names. */
export function paragraphOf(annotation: WebAnnotation): number {
  return Number(new URL(annotation.target.scope).hash.replace('#p', ''));
}
