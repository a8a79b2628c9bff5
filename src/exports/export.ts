/**
 * The open-data exports published beside the site, made document by document
 * so that their size is not bounded by memory or by the longest string V8
 * holds:
 *
 * - `annotations.jsonld`, a W3C AnnotationCollection whose pages,
 *   `annotations/<slug>.jsonld`, hold every mention and editorial note of one
 *   document as Web Annotations anchored in the verbatim source;
 * - `corpus.json`, the documents' metadata and the glossary, with each
 *   document's paragraphs in `corpus/<slug>.json`.
 *
 * Pure functions of the corpus model and the content files' text; the output
 * carries no timestamps, so the same content gives the same bytes.
 * src/node/write-exports.ts writes the files; docs/open-data.md documents
 * them for their readers.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { annotationPagePath, annotationsPath, corpusDocumentPath, documentPath, entryPath, paragraphAnchor, paragraphPath, sourcePath, wikidataEntityUri } from '../routes.ts';
import { forEachBlock, MENTION } from '../corpus/blocks.ts';
import type { CorpusDocument, CorpusModel } from '../corpus/model.ts';
import type { NoteReference, PageNotes } from '../corpus/notes.ts';
import type { DocumentMeta, EntryType } from '../corpus/schema.ts';
import type { Span } from '../text/offset-map.ts';
import { codePointCounter, indexSource, sourcePosition, type MappedParagraph, type SourceIndex } from '../text/source-offsets.ts';
import { NormalizedText, normalizeWhitespace } from '../text/normalize.ts';

export const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld';

/** Editorial notes are written in English, whatever the language of the source. */
const editorialLanguage = 'en';

/** The context a TextQuoteSelector carries on each side, in code points, unless the quote needs more to be unambiguous. */
export const quoteContext = 32;


/** How a note's target was chosen. */
export type NoteTargetRule = 'word' | 'sentence' | 'paragraph';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const closingMarks = /[”’"')\]»]/u;
const sentenceEnd = /[.!?…]/u;
const punctuation = /\p{P}/u;

/**
 * The words of a paragraph that a note reference at `offset` (in the
 * paragraph's normalised text) comments on. Editors set a reference right
 * after what it explains, so:
 *
 * - a reference that closes the paragraph (nothing but other references after
 *   it), or opens it, explains the whole paragraph: a caption, a byline, a
 *   quotation with its attribution;
 * - a reference right after the full stop of a sentence, inside the
 *   paragraph, explains that sentence;
 * - any other reference explains the word before it ("Mezez[^mezez]",
 *   "GJKKO,[^orders]"): the run of non-space characters, less punctuation at
 *   either end, so that the quote is the word itself.
 */
export function noteTarget(text: string, offset: number): { start: number; end: number; rule: NoteTargetRule } {
  let end = Math.min(offset, text.length);
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  if (end === 0 || offset >= text.length) return { start: 0, end: text.length, rule: 'paragraph' };

  let mark = end;
  while (mark > 0 && closingMarks.test(text[mark - 1] ?? '')) mark -= 1;
  if (mark > 0 && sentenceEnd.test(text[mark - 1] ?? '')) {
    const sentence = sentences.segment(text).containing(mark - 1);
    if (sentence) return { start: sentence.index, end, rule: 'sentence' };
  }

  const wordStart = text.lastIndexOf(' ', end - 1) + 1;
  let start = wordStart;
  let trimmedEnd = end;
  while (start < trimmedEnd && punctuation.test(text[start] ?? '')) start += 1;
  while (trimmedEnd > start && punctuation.test(text[trimmedEnd - 1] ?? '')) trimmedEnd -= 1;
  // A "word" of punctuation alone (a dash, a quotation mark) is quoted as it is.
  return start < trimmedEnd ? { start, end: trimmedEnd, rule: 'word' } : { start: wordStart, end, rule: 'word' };
}

// ---------------------------------------------------------------------------
// Web Annotations

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

export type NoteMotivation = 'commenting' | 'editing';

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

export type WebAnnotation = MentionAnnotation | NoteAnnotation;

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

/** What one document's annotations are computed from, beside the model. */
export interface DocumentTexts {
  /** The source file's text, decoded as UTF-8 with any BOM dropped, as the corpus check reads it. */
  source: string;
  /** The page's note references and notes, as the corpus check read them. */
  notes: PageNotes;
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
  /** The site's URL without a trailing slash. */
  site: string;
  collection: CollectionSummary;
  /** The chain of pages: one per document with at least one annotation, in the model's order. */
  pages: readonly PageLayout[];
  /** Document slug → its page; a document without annotations has none. */
  pageOf: ReadonlyMap<string, PageLayout>;
  /** Glossary entry id → its Wikidata item, for the bodies of mentions. */
  wikidata: ReadonlyMap<string, string>;
}

export const collectionLabel = 'Mentions and editorial notes of the corpus documents, anchored in the verbatim sources';

/** How many annotations a document has: one per mention, one per note reference. Read from the model alone, so that it can be known before the texts are read. */
export function documentAnnotationCount(document: CorpusDocument): number {
  let count = 0;
  for (const block of document.blocks) count += block.mentions.length + block.footnoteLabels.length;
  return count;
}

/** The collection's layout, in one pass over the model's documents (see AnnotationLayout). */
export function annotationLayout(model: CorpusModel, siteUrl: string): AnnotationLayout {
  const site = trimSlash(siteUrl);
  const pages: PageLayout[] = [];
  let total = 0;
  for (const document of model.documents) {
    const count = documentAnnotationCount(document);
    if (count === 0) continue;
    const page: PageLayout = { slug: document.slug, id: `${site}${annotationPagePath(document.slug)}`, startIndex: total, count };
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
    site,
    collection: { id: `${site}${annotationsPath}`, label: collectionLabel, total },
    pages,
    pageOf: new Map(pages.map((page) => [page.slug, page])),
    wikidata,
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
  if (items.length !== page.count) throw new Error(`${slug}: ${items.length} annotations built where the corpus model counts ${page.count} mentions and note references`);
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

/**
 * Every mention and editorial note of one document as a Web Annotation:
 * paragraph by paragraph, mentions then notes, each in reading order. Reads
 * nothing but this document and its texts, so that documents can be exported
 * one at a time.
 */
export function documentAnnotations(layout: AnnotationLayout, document: CorpusDocument, texts: DocumentTexts): WebAnnotation[] {
  const index = indexSource(texts.source);
  const { notes } = texts;
  checkAlignment(document, index);
  const { site } = layout;
  const noteText = new Map(notes.notes.map((note) => [note.label, note]));
  const referencesOf = new Map<number, NoteReference[]>();
  for (const reference of notes.references) {
    const list = referencesOf.get(reference.paragraph);
    if (list) list.push(reference);
    else referencesOf.set(reference.paragraph, [reference]);
  }
  const pageUrl = `${site}${documentPath(document.slug)}`;
  const source = { id: `${site}${sourcePath(document.meta.source)}`, type: 'Text' as const, format: 'text/plain' as const, language: document.meta.language };
  // Annotation ids are fragments of the collection's URL, so that they do not depend on how the collection is paged.
  const idBase = `${layout.collection.id}#${encodeURIComponent(document.slug)}`;

  return document.blocks.flatMap((block) => {
    const paragraph = index.paragraphs[block.number - 1] as MappedParagraph;
    const target = (start: number, end: number): { target: AnnotationTarget; position: TextPositionSelector } => {
      const { units, codePoints } = sourcePosition(index, block.number, start, end);
      const position: TextPositionSelector = { type: 'TextPositionSelector', ...codePoints };
      return {
        target: { type: 'SpecificResource', source, scope: `${site}${paragraphPath(document.slug, block.number)}`, selector: [quoteSelector(index.text, paragraph, units), position] },
        position,
      };
    };

    const mentions = block.mentions.map((mention): MentionAnnotation => {
      const { target: mentionTarget, position } = target(mention.start, mention.end);
      const wikidata = layout.wikidata.get(mention.entry);
      return {
        id: `${idBase}/mention/${position.start}-${position.end}`,
        type: 'Annotation',
        motivation: 'identifying',
        body: [`${site}${entryPath(mention.entry)}`, ...(wikidata ? [wikidataEntityUri(wikidata)] : [])],
        target: mentionTarget,
      };
    });

    const noteAnnotations = (referencesOf.get(block.number) ?? []).map((reference): NoteAnnotation => {
      const note = noteText.get(reference.label);
      if (!note) throw new Error(`${document.file}: ¶ ${block.number} refers to footnote [^${reference.label}], which is not defined`);
      const span = noteTarget(block.text, reference.offset);
      const motivation = noteMotivation(note.text);
      return {
        id: `${idBase}/note/${encodeURIComponent(reference.label)}${reference.occurrence > 1 ? `/${reference.occurrence}` : ''}`,
        type: 'Annotation',
        motivation,
        body: [
          { type: 'TextualBody', value: note.text, format: 'text/plain', language: editorialLanguage, purpose: motivation },
          ...note.links.map((href): LinkBody => ({ type: 'SpecificResource', source: absoluteUrl(href, site, pageUrl), purpose: 'linking' })),
        ],
        target: target(span.start, span.end).target,
      };
    });
    return [...mentions, ...noteAnnotations];
  });
}

/**
 * A note that opens with "[sic]" marks an error of the source, kept as
 * received, and usually gives the correct form: the model's "editing"
 * (a change the target calls for). Every other note comments.
 */
export function noteMotivation(noteText: string): NoteMotivation {
  return /^\[sic\]/iu.test(noteText.trimStart()) ? 'editing' : 'commenting';
}

/**
 * The export computes offsets from two readings of the same text (the
 * model's blocks and the source file). The build has already checked that
 * they agree; this refuses to publish offsets if they do not.
 */
function checkAlignment(document: CorpusDocument, index: SourceIndex): void {
  for (const block of document.blocks) {
    const fromSource = index.paragraphs[block.number - 1]?.text;
    if (fromSource !== block.text) throw new Error(`${document.file}: ¶ ${block.number} differs from the source ${document.meta.source}; run the corpus check`);
  }
}

/**
 * A quote of the source span with 32 code points of context either side, or
 * more where that leaves the quote ambiguous: the context then grows until
 * prefix, quote and suffix occur only once in the source, so that the quote
 * alone finds the words. It never reaches beyond the paragraph, so that it
 * matches the paragraph as the page shows it too; a quote whose paragraph
 * recurs word for word elsewhere stays ambiguous, and its position decides.
 */
function quoteSelector(source: string, paragraph: MappedParagraph, span: Span): TextQuoteSelector {
  const paragraphStart = paragraph.map.from[0] ?? 0;
  const paragraphEnd = paragraph.map.to[paragraph.map.to.length - 1] ?? source.length;
  const exact = source.slice(span.start, span.end);
  for (let context = quoteContext; ; context *= 2) {
    // 2 × context units hold at least `context` code points; the window is widened so as not to cut a surrogate pair.
    const before = source.slice(pairStart(source, Math.max(paragraphStart, span.start - 2 * context)), span.start);
    const after = source.slice(span.end, pairEnd(source, Math.min(paragraphEnd, span.end + 2 * context)));
    const prefix = Array.from(before).slice(-context).join('');
    const suffix = Array.from(after).slice(0, context).join('');
    const wholeParagraph = span.start - prefix.length <= paragraphStart && span.end + suffix.length >= paragraphEnd;
    if (wholeParagraph || occursOnlyAt(source, prefix + exact + suffix, span.start - prefix.length)) {
      return { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
    }
  }
}

function occursOnlyAt(text: string, needle: string, at: number): boolean {
  return text.indexOf(needle) === at && text.indexOf(needle, at + 1) === -1;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `index`, or one unit earlier if it falls between the halves of a surrogate pair. */
function pairStart(text: string, index: number): number {
  return index > 0 && isLow(text.charCodeAt(index)) && isHigh(text.charCodeAt(index - 1)) ? index - 1 : index;
}

/** `index`, or one unit later if it falls between the halves of a surrogate pair. */
function pairEnd(text: string, index: number): number {
  return index < text.length && isLow(text.charCodeAt(index)) && isHigh(text.charCodeAt(index - 1)) ? index + 1 : index;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/u, '');
}

/** Site paths in notes (`/glossary/x/`) resolve against the site; anything else against the document page. */
function absoluteUrl(href: string, site: string, pageUrl: string): string {
  if (href.startsWith('/') && !href.startsWith('//')) return `${site}${href}`;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    throw new Error(`an editorial note links to "${href}", which is not a URL`);
  }
}

// ---------------------------------------------------------------------------
// corpus.json and corpus/<slug>.json

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
  /** Web Annotations of the document: its mentions and note references. */
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

/** Raised when a field changes meaning or disappears: 2 moved each document's paragraphs to their own file. */
export const corpusVersion = 2;

/** corpus.json. */
export interface CorpusIndex {
  version: typeof corpusVersion;
  site: string;
  annotations: string;
  documents: DocumentSummary[];
  glossary: EntryExport[];
}

/** corpus.json: each document's metadata and counts with the URL of its paragraphs, and the glossary. Linear in the documents and entries. */
export function corpusIndex(model: CorpusModel, siteUrl: string): CorpusIndex {
  const site = trimSlash(siteUrl);
  return {
    version: corpusVersion,
    site,
    annotations: `${site}${annotationsPath}`,
    documents: model.documents.map((document): DocumentSummary => {
      const annotationCount = documentAnnotationCount(document);
      return {
        slug: document.slug,
        url: `${site}${documentPath(document.slug)}`,
        sourceUrl: `${site}${sourcePath(document.meta.source)}`,
        sha256: document.meta.sha256,
        meta: document.meta,
        paragraphCount: document.paragraphCount,
        debrisCount: document.debrisCount,
        wordCount: document.wordCount,
        noteCount: document.noteCount,
        mentionCount: document.blocks.reduce((sum, block) => sum + block.mentions.length, 0),
        annotationCount,
        paragraphsUrl: `${site}${corpusDocumentPath(document.slug)}`,
        ...(annotationCount > 0 ? { annotationsUrl: `${site}${annotationPagePath(document.slug)}` } : {}),
      };
    }),
    glossary: model.entries.map(({ id, meta }) => ({
      id,
      url: `${site}${entryPath(id)}`,
      name: meta.name,
      type: meta.type,
      aliases: meta.aliases,
      summary: meta.summary,
      ...(meta.role ? { role: meta.role } : {}),
      ...(meta.wikidata ? { wikidata: meta.wikidata } : {}),
      ...(meta.wikipedia ? { wikipedia: meta.wikipedia } : {}),
      mentionCount: model.mentionsByEntry[id]?.length ?? 0,
    })),
  };
}

/** `corpus/<slug>.json`: every paragraph and heading of one document, debris included, in order. */
export function corpusDocument(document: CorpusDocument, siteUrl: string): DocumentParagraphs {
  const site = trimSlash(siteUrl);
  return {
    version: corpusVersion,
    slug: document.slug,
    url: `${site}${documentPath(document.slug)}`,
    paragraphs: document.blocks.map((block) => {
      const codePoints = codePointCounter(block.text);
      const anchor = paragraphPath(document.slug, block.number);
      return {
        number: block.number,
        id: paragraphAnchor(block.number),
        anchor,
        url: `${site}${anchor}`,
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
