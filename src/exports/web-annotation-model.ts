/**
 * The shapes of the W3C Web Annotation Data Model the exports publish
 * (https://www.w3.org/TR/annotation-model/), as far as they use it: plain
 * types that import nothing of ours, so that every module of the exports can
 * share them without an import circle. docs/open-data.md shows them to their
 * readers.
 */

export const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** The 32 code points before `exact` (more if needed to make the quote unique), never before its paragraph; absent when `exact` opens the paragraph. */
  prefix?: string;
  /** The 32 code points after `exact` (more if needed to make the quote unique), never beyond its paragraph; absent when `exact` closes the paragraph. */
  suffix?: string;
}

/** Code point offsets into the verbatim source file: [start, end). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationTarget {
  type: 'SpecificResource';
  /** The verbatim source as published at /sources/<file>. */
  source: { id: string; type: 'Text'; format: 'text/plain'; language: string };
  /** The permanent URL of the paragraph on the document page: where a reader sees the annotated words. */
  scope: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export type NoteMotivation = 'commenting' | 'editing';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  language: string;
  purpose: NoteMotivation;
}

export interface LinkBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'linking';
}

export interface MentionAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'identifying';
  /** The glossary entry's page, then the Wikidata item where the entry has one. */
  body: string[];
  target: AnnotationTarget;
}

export interface NoteAnnotation {
  id: string;
  type: 'Annotation';
  motivation: NoteMotivation;
  /** The note's text, then each page it links to. */
  body: [TextualBody, ...LinkBody[]];
  target: AnnotationTarget;
}

/** A passage that reports a claim of the register, linked to the claim's page. */
export interface ClaimAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  /** The claim's page. */
  body: [LinkBody];
  target: AnnotationTarget;
}

export type WebAnnotation = MentionAnnotation | NoteAnnotation | ClaimAnnotation;

/** The collection as each page names it (`partOf`): enough to know, from any page, what it is part of and how many annotations there are. */
export interface CollectionSummary {
  id: string;
  label: string;
  total: number;
}

/** One document's annotations: a page of the collection, published at /annotations/<slug>.jsonld. */
export interface AnnotationPage {
  '@context': typeof webAnnotationContext;
  id: string;
  type: 'AnnotationPage';
  partOf: CollectionSummary;
  /** The position in the whole collection of the page's first item: the number of items on the pages before it. */
  startIndex: number;
  /** The page before, absent on the first page. */
  prev?: string;
  /** The page after, absent on the last page. */
  next?: string;
  /** One or more annotations: a document without annotations has no page. */
  items: WebAnnotation[];
}

/** The collection, published at /annotations.jsonld: its size and the ends of its chain of pages, no items. */
export interface AnnotationCollection {
  '@context': typeof webAnnotationContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** The first page's id; absent, as is `last`, when the corpus has no annotation at all. */
  first?: string;
  last?: string;
}
