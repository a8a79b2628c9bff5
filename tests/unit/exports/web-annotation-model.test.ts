/**
 * The exports follow the W3C Web Annotation Data Model whose shapes
 * src/exports/web-annotation-model.ts declares: checked on the awkward
 * fixture corpus by a strict schema and by JSON-LD expansion in safe mode
 * (tests/unit/exports/support/web-annotation-model.ts).
 */
import { describe, expect, it } from 'vitest';
import { annotationCollection, annotationLayout } from '../../../src/exports/annotation-collection.ts';
import { exportAnnotations } from './support/annotations.ts';
import { awkwardCorpus, loadFixtureCorpus, site } from './support/corpora.ts';
import { collectionSchema, expandSafely, expectExpandedCollection, expectExpandedPage, pageSchema } from './support/web-annotation-model.ts';

const { model, sources } = await loadFixtureCorpus(awkwardCorpus);
const { collection, pages } = exportAnnotations(model, sources, site);
const empty = annotationCollection(annotationLayout({ ...model, documents: [] }, site));

describe('the Web Annotation model of the exports', () => {
  it('is met by the collection, as a strict schema of the model checks it', () => {
    expect(collectionSchema.safeParse(collection).error?.issues ?? []).toEqual([]);
  });

  it('is met by every page and its annotations, as a strict schema of the model checks them', () => {
    for (const page of pages) expect(pageSchema.safeParse(page).error?.issues ?? [], page.id).toEqual([]);
  });

  it('is met by the collection of a corpus without annotations', () => {
    expect(collectionSchema.safeParse(empty).error?.issues ?? []).toEqual([]);
  });

  it('expands the collection in safe mode to an as:OrderedCollection with its size and the ends of its chain', async () => {
    expectExpandedCollection(await expandSafely(collection), collection);
  });

  it('expands the collection of a corpus without annotations in safe mode, with neither first nor last', async () => {
    expectExpandedCollection(await expandSafely(empty), empty);
  });

  it('expands every page in safe mode to an as:OrderedCollectionPage of oa:Annotations with bodies, targets and selectors', async () => {
    for (const page of pages) expectExpandedPage(await expandSafely(page), page);
  });

  it.each([
    ['an annotation', () => ({ ...pages[0], items: [{ ...pages[0]?.items[0], note: 'not a term of the model' }] })],
    ['a page', () => ({ ...pages[0], pageSize: 3 })],
    ['the collection', () => ({ ...collection, generated: 'today' })],
  ])('would not be met by %s with a term the Web Annotation context does not define: safe mode refuses it', async (_, withUnknownTerm) => {
    await expect(expandSafely(withUnknownTerm())).rejects.toThrow(/Safe mode validation error/u);
  });
});
