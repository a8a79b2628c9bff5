/**
 * corpus.json, the documents' metadata and counts and the glossary, and
 * corpus/<slug>.json, each document's paragraphs with their permanent
 * anchors and mentions: the corpus as plain JSON, for readers who want the
 * text and its links rather than Web Annotations (docs/open-data.md).
 */
import type { CorpusDocument, CorpusModel } from '../corpus/model.ts';
import type { ClaimMeta, ClaimRelation, ClaimStatus, CorrectionRecord, DocumentMeta, EntryType } from '../corpus/schema.ts';
import {
  absoluteUrl,
  annotationPagePath,
  annotationsPath,
  claimPath,
  corpusDocumentPath,
  editorialTextPath,
  documentPath,
  entryPath,
  paragraphAnchor,
  paragraphPath,
  sourcePath,
} from '../routes.ts';
import { codePointCounter } from '../text/source-offsets.ts';
import { claimAppearancesByDocument, documentAnnotationCount } from './annotation-collection.ts';

export interface MentionExport {
  entry: string;
  /** Code point offsets into the paragraph's `text`. */
  start: number;
  end: number;
  text: string;
}

export interface ParagraphExport {
  number: number;
  /** The fragment id on the document page: `p7`. */
  id: string;
  /** The site-relative permanent URL: `/documents/<slug>/#p7`, as content/anchors.lock.json records it. */
  anchor: string;
  url: string;
  kind: 'paragraph' | 'heading';
  debris: boolean;
  /** The source paragraph with white space normalised, annotations stripped. */
  text: string;
  mentions: MentionExport[];
  /** Labels of the editorial notes referred to in the paragraph, in order; the notes are in the document's page of annotations.jsonld. */
  notes: string[];
}

/** A document as corpus.json lists it: everything but its paragraphs, which are in its own file. */
export interface DocumentSummary {
  slug: string;
  url: string;
  /** The verbatim source as published, with its SHA-256. */
  sourceUrl: string;
  sha256: string;
  meta: DocumentMeta;
  paragraphCount: number;
  debrisCount: number;
  wordCount: number;
  noteCount: number;
  /** Mentions of glossary entries in the document. */
  mentionCount: number;
  /** Web Annotations of the document: its mentions, note references and reported claims. */
  annotationCount: number;
  /** The document's paragraphs: `/corpus/<slug>.json`. */
  paragraphsUrl: string;
  /** The document's page of annotations.jsonld, absent when the document has no annotations. */
  annotationsUrl?: string;
}

/** `corpus/<slug>.json`: one document's paragraphs. */
export interface DocumentParagraphs {
  /** As corpus.json's. */
  version: typeof corpusVersion;
  slug: string;
  /** The document page. */
  url: string;
  paragraphs: ParagraphExport[];
}

export interface EntryExport {
  id: string;
  url: string;
  name: string;
  type: EntryType;
  aliases: string[];
  summary: string;
  role?: string;
  wikidata?: string;
  wikipedia?: string;
  mentionCount: number;
}

/** A claim of the register, with the passages that report it and the claims that answer it. */
export interface ClaimExport {
  id: string;
  url: string;
  statement: string;
  /** The glossary entry that made the claim. */
  claimant: string;
  date?: string;
  about: string[];
  status: { kind: ClaimStatus; label: string };
  appearances: { document: string; paragraph: number; url: string; quote: string }[];
  responses: { claim: string; relation: ClaimRelation }[];
  review?: ClaimMeta['review'];
}

/** A change to published editorial text, with the wording it replaced (content/corrections.yaml). */
export type CorrectionExport = CorrectionRecord & {
  /** The corrected text's place on the site. */
  url: string;
};

/** Raised when a field changes meaning or disappears: 2 moved each document's paragraphs to their own file. */
export const corpusVersion = 2;

/** corpus.json. */
export interface CorpusIndex {
  version: typeof corpusVersion;
  site: string;
  annotations: string;
  documents: DocumentSummary[];
  glossary: EntryExport[];
  /** The claims register, earliest claim first. */
  claims: ClaimExport[];
  /** Every correction, in the order recorded. */
  corrections: CorrectionExport[];
}

/** corpus.json: each document's metadata and counts with the URL of its paragraphs, and the glossary. Linear in the documents and entries. */
export function corpusIndex(model: CorpusModel, siteUrl: string): CorpusIndex {
  const claimsOf = claimAppearancesByDocument(model);
  return {
    version: corpusVersion,
    // The address every other URL of the exports begins with: the site's URL without a trailing slash.
    site: absoluteUrl('', siteUrl),
    annotations: absoluteUrl(annotationsPath, siteUrl),
    documents: model.documents.map((document): DocumentSummary => {
      const annotationCount = documentAnnotationCount(document, claimsOf.get(document.slug));
      return {
        slug: document.slug,
        url: absoluteUrl(documentPath(document.slug), siteUrl),
        sourceUrl: absoluteUrl(sourcePath(document.meta.source), siteUrl),
        sha256: document.meta.sha256,
        meta: document.meta,
        paragraphCount: document.paragraphCount,
        debrisCount: document.debrisCount,
        wordCount: document.wordCount,
        noteCount: document.noteCount,
        mentionCount: document.blocks.reduce((sum, block) => sum + block.mentions.length, 0),
        annotationCount,
        paragraphsUrl: absoluteUrl(corpusDocumentPath(document.slug), siteUrl),
        ...(annotationCount > 0 ? { annotationsUrl: absoluteUrl(annotationPagePath(document.slug), siteUrl) } : {}),
      };
    }),
    glossary: model.entries.map(({ id, meta }) => ({
      id,
      url: absoluteUrl(entryPath(id), siteUrl),
      name: meta.name,
      type: meta.type,
      aliases: meta.aliases,
      summary: meta.summary,
      ...(meta.role ? { role: meta.role } : {}),
      ...(meta.wikidata ? { wikidata: meta.wikidata } : {}),
      ...(meta.wikipedia ? { wikipedia: meta.wikipedia } : {}),
      mentionCount: model.mentionsByEntry[id]?.length ?? 0,
    })),
    claims: model.claims.map(({ id, meta }) => ({
      id,
      url: absoluteUrl(claimPath(id), siteUrl),
      statement: meta.statement,
      claimant: meta.claimant,
      ...(meta.date ? { date: meta.date } : {}),
      about: meta.about,
      status: meta.status,
      appearances: meta.appearances.map(({ document, paragraph, quote }) => ({
        document,
        paragraph,
        url: absoluteUrl(paragraphPath(document, paragraph), siteUrl),
        quote,
      })),
      responses: meta.responses,
      ...(meta.review ? { review: meta.review } : {}),
    })),
    corrections: model.corrections.map((record) => ({ ...record, url: absoluteUrl(editorialTextPath(record.target), siteUrl) })),
  };
}

/** `corpus/<slug>.json`: every paragraph and heading of one document, debris included, in order. */
export function corpusDocument(document: CorpusDocument, siteUrl: string): DocumentParagraphs {
  return {
    version: corpusVersion,
    slug: document.slug,
    url: absoluteUrl(documentPath(document.slug), siteUrl),
    paragraphs: document.blocks.map((block) => {
      const codePoints = codePointCounter(block.text);
      const anchor = paragraphPath(document.slug, block.number);
      return {
        number: block.number,
        id: paragraphAnchor(block.number),
        anchor,
        url: absoluteUrl(anchor, siteUrl),
        kind: block.kind,
        debris: block.debris,
        text: block.text,
        mentions: block.mentions.map((mention) => ({
          entry: mention.entry,
          start: codePoints(mention.start),
          end: codePoints(mention.end),
          text: block.text.slice(mention.start, mention.end),
        })),
        notes: block.footnoteLabels,
      };
    }),
  };
}
