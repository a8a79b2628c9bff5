/**
 * annotations.jsonld as a W3C AnnotationCollection paged by document: one
 * AnnotationPage, /annotations/<slug>.jsonld, per document with at least one
 * annotation, chained by `next` and `prev` in the model's order.
 *
 * Everything about the chain (the total, each page's place and size) comes
 * from the corpus model alone, in one pass, before any document's texts are
 * read; each page is then filled with the items document-annotations.ts
 * builds, document by document, in any order.
 */
import type { CorpusDocument, CorpusModel } from '../corpus/model.ts';
import { absoluteUrl, annotationPagePath, annotationsPath } from '../routes.ts';
import { type AnnotationCollection, type AnnotationPage, type CollectionSummary, type WebAnnotation, webAnnotationContext } from './web-annotation-model.ts';

export const collectionLabel = 'Mentions, editorial notes and reported claims of the corpus documents, anchored in the verbatim sources';

/** A passage of a document that reports a claim of the register. */
export interface ClaimAppearanceRef {
  claim: string;
  paragraph: number;
  quote: string;
}

/** Document slug → the claim appearances it holds, in register order. */
export function claimAppearancesByDocument(model: Pick<CorpusModel, 'claims'>): Map<string, ClaimAppearanceRef[]> {
  const bySlug = new Map<string, ClaimAppearanceRef[]>();
  for (const claim of model.claims) {
    for (const { document, paragraph, quote } of claim.meta.appearances) {
      bySlug.set(document, [...(bySlug.get(document) ?? []), { claim: claim.id, paragraph, quote }]);
    }
  }
  return bySlug;
}

/** Where a page of the collection sits in the chain. */
export interface PageLayout {
  slug: string;
  /** The page's URL, its id. */
  id: string;
  /** The number of items on the pages before this one. */
  startIndex: number;
  /** The number of items on this page: the document's mentions and note references. */
  count: number;
  prev?: string;
  next?: string;
}

/**
 * Everything about the collection that does not need the documents' texts,
 * computed from the corpus model in one pass before any page is built: the
 * total, and each page's id, place in the chain and size. Pages are then built
 * document by document in any order, each knowing its neighbours.
 */
export interface AnnotationLayout {
  /** The site's public URL, base path included, as absoluteUrl takes it. */
  siteUrl: string;
  collection: CollectionSummary;
  /** The chain of pages: one per document with at least one annotation, in the model's order. */
  pages: readonly PageLayout[];
  /** Document slug → its page; a document without annotations has none. */
  pageOf: ReadonlyMap<string, PageLayout>;
  /** Glossary entry id → its Wikidata item, for the bodies of mentions. */
  wikidata: ReadonlyMap<string, string>;
  /** Document slug → the claims its passages report. */
  claimsOf: ReadonlyMap<string, readonly ClaimAppearanceRef[]>;
}

/**
 * How many annotations a document has: one per mention, one per note
 * reference, one per reported claim. Read from the model alone, so that it
 * can be known before the texts are read.
 */
export function documentAnnotationCount(document: CorpusDocument, claims: readonly ClaimAppearanceRef[] = []): number {
  let count = claims.length;
  for (const block of document.blocks) count += block.mentions.length + block.footnoteLabels.length;
  return count;
}

/** The collection's layout, in one pass over the model's documents (see AnnotationLayout). */
export function annotationLayout(model: CorpusModel, siteUrl: string): AnnotationLayout {
  const pages: PageLayout[] = [];
  const claimsOf = claimAppearancesByDocument(model);
  let total = 0;
  for (const document of model.documents) {
    const count = documentAnnotationCount(document, claimsOf.get(document.slug));
    if (count === 0) continue;
    const page: PageLayout = { slug: document.slug, id: absoluteUrl(annotationPagePath(document.slug), siteUrl), startIndex: total, count };
    const previous = pages.at(-1);
    if (previous) {
      previous.next = page.id;
      page.prev = previous.id;
    }
    pages.push(page);
    total += count;
  }
  const wikidata = new Map<string, string>();
  for (const entry of model.entries) if (entry.meta.wikidata) wikidata.set(entry.id, entry.meta.wikidata);
  return {
    siteUrl,
    collection: { id: absoluteUrl(annotationsPath, siteUrl), label: collectionLabel, total },
    pages,
    pageOf: new Map(pages.map((page) => [page.slug, page])),
    wikidata,
    claimsOf,
  };
}

/** The collection document: its size and the first and last pages of the chain. */
export function annotationCollection(layout: AnnotationLayout): AnnotationCollection {
  const first = layout.pages[0];
  const last = layout.pages.at(-1);
  return {
    '@context': webAnnotationContext,
    id: layout.collection.id,
    type: 'AnnotationCollection',
    label: layout.collection.label,
    total: layout.collection.total,
    ...(first && last ? { first: first.id, last: last.id } : {}),
  };
}

/**
 * A document's page of the collection, from the items documentAnnotations
 * built for it. Refuses items whose number is not the one the layout counted,
 * since every later page's startIndex depends on it.
 */
export function annotationPage(layout: AnnotationLayout, slug: string, items: WebAnnotation[]): AnnotationPage {
  const page = layout.pageOf.get(slug);
  if (!page) throw new Error(`the document ${slug} has no annotations, and so no page of ${layout.collection.id}`);
  if (items.length !== page.count)
    throw new Error(`${slug}: ${items.length} annotations built where the corpus model counts ${page.count} mentions and note references`);
  return {
    '@context': webAnnotationContext,
    id: page.id,
    type: 'AnnotationPage',
    partOf: layout.collection,
    startIndex: page.startIndex,
    ...(page.prev ? { prev: page.prev } : {}),
    ...(page.next ? { next: page.next } : {}),
    items,
  };
}
