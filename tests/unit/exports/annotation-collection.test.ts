/**
 * annotations.jsonld paged by document: the collection, the chain of pages
 * and the checks on each page (src/exports/annotation-collection.ts), on the
 * awkward fixture corpus (tests/fixtures/export/awkward-corpus): awkward.mdx
 * with 8 annotations, plain.mdx with none, later.mdx with 2.
 */
import { describe, expect, it } from 'vitest';
import { annotationCollection, annotationLayout, annotationPage, documentAnnotationCount } from '../../../src/exports/annotation-collection.ts';
import { exportAnnotations } from './support/annotations.ts';
import { awkwardCorpus, loadFixtureCorpus, site } from './support/corpora.ts';
import { documentReads } from './support/synthetic-corpus.ts';
import { expectChain } from './support/web-annotation-model.ts';

const { model, sources } = await loadFixtureCorpus(awkwardCorpus);
const label = 'Mentions, editorial notes and reported claims of the corpus documents, anchored in the verbatim sources';

describe('documentAnnotationCount', () => {
  it('counts one annotation per mention and one per note reference of a document', () => {
    expect(model.documents.map((document) => [document.slug, documentAnnotationCount(document)])).toEqual([
      ['awkward', 8],
      ['plain', 0],
      ['later', 2],
    ]);
  });
});

describe('annotationCollection', () => {
  it('gives the total of the corpus’s annotations and the first and last pages, no items', () => {
    expect(annotationCollection(annotationLayout(model, site))).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${site}/annotations.jsonld`,
      type: 'AnnotationCollection',
      label,
      total: 10,
      first: `${site}/annotations/awkward.jsonld`,
      last: `${site}/annotations/later.jsonld`,
    });
  });

  it('gives a corpus without annotations a collection of total 0 with neither first nor last', () => {
    const plain = { ...model, documents: model.documents.filter((document) => document.slug === 'plain') };
    expect(annotationCollection(annotationLayout(plain, site))).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${site}/annotations.jsonld`,
      type: 'AnnotationCollection',
      label,
      total: 0,
    });
  });

  it('places the collection and its pages under the site’s base path', () => {
    const collection = annotationCollection(annotationLayout(model, 'https://example.org/corpus/'));
    expect([collection.id, collection.first, collection.last]).toEqual([
      'https://example.org/corpus/annotations.jsonld',
      'https://example.org/corpus/annotations/awkward.jsonld',
      'https://example.org/corpus/annotations/later.jsonld',
    ]);
  });
});

describe('annotationLayout', () => {
  it('lays out one page per document with annotations, in the model’s order, chained across the document without any', () => {
    expect(annotationLayout(model, site).pages).toEqual([
      { slug: 'awkward', id: `${site}/annotations/awkward.jsonld`, startIndex: 0, count: 8, next: `${site}/annotations/later.jsonld` },
      { slug: 'later', id: `${site}/annotations/later.jsonld`, startIndex: 8, count: 2, prev: `${site}/annotations/awkward.jsonld` },
    ]);
  });

  it('gives a document without annotations no page', () => {
    expect([...annotationLayout(model, site).pageOf.keys()]).toEqual(['awkward', 'later']);
  });

  it('records the Wikidata item of each entry that has one', () => {
    expect([...annotationLayout(model, site).wikidata]).toEqual([
      ['math', 'Q395'],
      ['smile', 'Q11'],
    ]);
  });

  it('reads each document a fixed number of times, to lay out the collection: twice the documents, twice the reads', () => {
    const layOut = (corpus: typeof model) => annotationCollection(annotationLayout(corpus, site));
    expect(documentReads(model, 600, layOut)).toBe(2 * documentReads(model, 300, layOut));
  });
});

describe('annotationPage', () => {
  it('makes each document’s page from its items, with its place in the chain and the collection it is part of', () => {
    const { pages } = exportAnnotations(model, sources, site);
    const partOf = { id: `${site}/annotations.jsonld`, label, total: 10 };
    expect(pages.map(({ items, ...page }) => ({ ...page, items: items.length }))).toEqual([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `${site}/annotations/awkward.jsonld`,
        type: 'AnnotationPage',
        partOf,
        startIndex: 0,
        next: `${site}/annotations/later.jsonld`,
        items: 8,
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `${site}/annotations/later.jsonld`,
        type: 'AnnotationPage',
        partOf,
        startIndex: 8,
        prev: `${site}/annotations/awkward.jsonld`,
        items: 2,
      },
    ]);
  });

  it('makes pages that chain from first to last by next and back by prev, each startIndex the number of items before it', () => {
    const { collection, pages } = exportAnnotations(model, sources, site);
    expectChain(collection, pages);
  });

  it('refuses items that are not as many as the layout counted, since every later startIndex depends on them', () => {
    const layout = annotationLayout(model, site);
    const { items } = exportAnnotations(model, sources, site);
    expect(() => annotationPage(layout, 'awkward', items.slice(1, 8))).toThrow(
      'awkward: 7 annotations built where the corpus model counts 8 mentions and note references',
    );
  });

  it('refuses a page for a document without annotations', () => {
    expect(() => annotationPage(annotationLayout(model, site), 'plain', [])).toThrow(
      `the document plain has no annotations, and so no page of ${site}/annotations.jsonld`,
    );
  });
});
