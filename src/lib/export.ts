/**
 * The open-data exports published beside the site: `annotations.jsonld`, every
 * mention and editorial note as a W3C Web Annotation anchored in the verbatim
 * source, and `corpus.json`, the documents paragraph by paragraph with the
 * glossary. Pure functions of the corpus model and the content files' text;
 * the output carries no timestamps, so the same content gives the same bytes.
 * docs/open-data.md documents both files for their readers.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { documentPath, glossaryPath, paragraphAnchor, paragraphPath } from './anchors.ts';
import { forEachBlock, MENTION } from './blocks.ts';
import type { CorpusDocument, CorpusModel } from './corpus.ts';
import { parseMdx } from './parse.ts';
import type { DocumentMeta, EntryType } from './schema.ts';
import { codePointCounter, indexSource, sourcePosition, type MappedParagraph, type SourceIndex, type SourceSpan } from './source-offsets.ts';
import { NormalizedText, normalizeWhitespace } from './text.ts';

export const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld';
export const annotationsFile = 'annotations.jsonld';
export const corpusFile = 'corpus.json';

/** Editorial notes are written in English, whatever the language of the source. */
const editorialLanguage = 'en';

/** The context a TextQuoteSelector carries on each side, in code points, unless the quote needs more to be unambiguous. */
export const quoteContext = 32;

/** Where each verbatim source is published, byte for byte (src/pages/sources/[file].ts). */
export function sourcePath(file: string): string {
  return `/sources/${file}`;
}

export function wikidataUri(id: string): string {
  return `http://www.wikidata.org/entity/${id}`;
}

// ---------------------------------------------------------------------------
// Editorial notes: where each reference stands, and what each note says

/** A footnote reference in a paragraph of a page. */
export interface NoteReference {
  /** The footnote's identifier, as Block.footnoteLabels records it. */
  label: string;
  paragraph: number;
  /** Offset in Block.text (UTF-16 units) at which the reference stands. */
  offset: number;
  /** 1 for the first reference to this note on the page, 2 for the second… */
  occurrence: number;
}

/** An editorial note (GFM footnote definition) as plain text. */
export interface EditorialNote {
  label: string;
  /** Plain text: Markdown removed, white space normalised, paragraphs separated by a blank line. */
  text: string;
  /** Link targets in the note, as written, in order, without repeats. */
  links: string[];
}

export interface PageNotes {
  references: NoteReference[];
  notes: EditorialNote[];
  /** Each block's text, built as extractBlocks builds Block.text, to check the offsets against the model. */
  blockTexts: string[];
}

/**
 * Reads the note references and notes of an MDX page. Blocks are numbered and
 * their text accumulated exactly as extractBlocks does, so that a reference's
 * offset is an offset into Block.text.
 */
export function pageNotes(mdx: string): PageNotes {
  const tree = parseMdx(mdx);
  const references: NoteReference[] = [];
  const blockTexts: string[] = [];
  const seen = new Map<string, number>();
  forEachBlock(tree, ({ node }) => {
    const text = new NormalizedText();
    const paragraph = blockTexts.length + 1;
    const onReference = (label: string) => {
      const occurrence = (seen.get(label) ?? 0) + 1;
      seen.set(label, occurrence);
      // Where the text so far ends: a space pending before the reference is not part of the preceding words.
      references.push({ label, paragraph, offset: text.toString().length, occurrence });
    };
    for (const inline of node.children) accumulate(inline, text, onReference);
    blockTexts.push(text.toString());
  });
  return { references, notes: footnoteDefinitions(tree), blockTexts };
}

function accumulate(node: PhrasingContent, text: NormalizedText, onReference: (label: string) => void): void {
  switch (node.type) {
    case 'text':
      text.append(node.value);
      return;
    case 'break':
      text.append('\n');
      return;
    case 'footnoteReference':
      onReference(node.identifier);
      return;
    case 'mdxJsxTextElement':
      if (node.name !== MENTION) return;
      for (const child of node.children) if (child.type === 'text') text.append(child.value);
      return;
    default:
    // Anything else is refused by the corpus check before an export is made.
  }
}

function footnoteDefinitions(tree: Root): EditorialNote[] {
  return tree.children.flatMap((child) => {
    if (child.type !== 'footnoteDefinition') return [];
    const links: string[] = [];
    collectLinks(child, links);
    return [
      {
        label: child.identifier,
        text: child.children
          .map((block) => normalizeWhitespace(plainText(block)))
          .filter((paragraph) => paragraph !== '')
          .join('\n\n'),
        links: [...new Set(links)],
      },
    ];
  });
}

const blockContainers = new Set(['blockquote', 'list', 'listItem', 'table', 'tableRow']);

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'image') return node.alt ?? '';
  // Blocks inside a container are separate runs of text; the caller normalises the spaces this adds.
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join(blockContainers.has(node.type) ? ' ' : '');
  return '';
}

function collectLinks(node: Nodes, links: string[]): void {
  if (node.type === 'link') links.push(node.url);
  if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, links);
}

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

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof webAnnotationContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: AnnotationPage;
  last: string;
}

/** The text of the content files the annotations are computed from. */
export interface ExportTexts {
  /** Source file name (front matter `source`) → its text, decoded as UTF-8 with any BOM dropped, as the corpus check reads it. */
  sources: ReadonlyMap<string, string>;
  /** Document slug → the text of its MDX page (content/corpus/<slug>.mdx). */
  pages: ReadonlyMap<string, string>;
}

/**
 * Every mention and editorial note of the corpus as a Web Annotation, in one
 * AnnotationCollection of a single page. Documents come in the model's order;
 * within a document, paragraph by paragraph, mentions then notes, each in
 * reading order.
 */
export function webAnnotations(model: CorpusModel, texts: ExportTexts, siteUrl: string): AnnotationCollection {
  const site = trimSlash(siteUrl);
  const entries = new Map(model.entries.map((entry) => [entry.id, entry]));
  const collectionId = `${site}/${annotationsFile}`;
  const items = model.documents.flatMap((document) => {
    const source = texts.sources.get(document.meta.source);
    if (source === undefined) throw new Error(`no text given for the source ${document.meta.source} of ${document.slug}`);
    const page = texts.pages.get(document.slug);
    if (page === undefined) throw new Error(`no MDX text given for the document ${document.slug}`);
    return documentAnnotations(document, indexSource(source), pageNotes(page), (id) => entries.get(id)?.meta.wikidata, site, collectionId);
  });
  const pageId = `${collectionId}#page-1`;
  return {
    '@context': webAnnotationContext,
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Mentions and editorial notes of the corpus documents, anchored in the verbatim sources',
    total: items.length,
    first: { id: pageId, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    last: pageId,
  };
}

function documentAnnotations(
  document: CorpusDocument,
  index: SourceIndex,
  notes: PageNotes,
  wikidataOf: (entry: string) => string | undefined,
  site: string,
  collectionId: string,
): WebAnnotation[] {
  checkAlignment(document, index, notes);
  const noteText = new Map(notes.notes.map((note) => [note.label, note]));
  const pageUrl = `${site}${documentPath(document.slug)}`;
  const source = { id: `${site}${sourcePath(document.meta.source)}`, type: 'Text' as const, format: 'text/plain' as const, language: document.meta.language };
  const idBase = `${collectionId}#${encodeURIComponent(document.slug)}`;

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
      const wikidata = wikidataOf(mention.entry);
      return {
        id: `${idBase}/mention/${position.start}-${position.end}`,
        type: 'Annotation',
        motivation: 'identifying',
        body: [`${site}${glossaryPath(mention.entry)}`, ...(wikidata ? [wikidataUri(wikidata)] : [])],
        target: mentionTarget,
      };
    });

    const references = notes.references.filter((reference) => reference.paragraph === block.number);
    const noteAnnotations = references.map((reference): NoteAnnotation => {
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
 * The export computes offsets from three readings of the same text (the
 * model's blocks, the MDX page, the source file). The build has already
 * checked that they agree; this refuses to publish offsets if they do not.
 */
function checkAlignment(document: CorpusDocument, index: SourceIndex, notes: PageNotes): void {
  for (const block of document.blocks) {
    const fromSource = index.paragraphs[block.number - 1]?.text;
    if (fromSource !== block.text) throw new Error(`${document.file}: ¶ ${block.number} differs from the source ${document.meta.source}; run the corpus check`);
    if (notes.blockTexts[block.number - 1] !== block.text) throw new Error(`${document.file}: ¶ ${block.number} of the MDX text given differs from the corpus model`);
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
function quoteSelector(source: string, paragraph: MappedParagraph, span: SourceSpan): TextQuoteSelector {
  const paragraphStart = paragraph.from[0] ?? 0;
  const paragraphEnd = paragraph.to[paragraph.to.length - 1] ?? source.length;
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
// corpus.json

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
  /** Labels of the editorial notes referred to in the paragraph, in order; the notes are in annotations.jsonld. */
  notes: string[];
}

export interface DocumentExport {
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

export interface CorpusExport {
  /** Raised when a field changes meaning or disappears. */
  version: 1;
  site: string;
  annotations: string;
  documents: DocumentExport[];
  glossary: EntryExport[];
}

/** The corpus as plain JSON: documents with their metadata and paragraphs, and the glossary. */
export function corpusJson(model: CorpusModel, siteUrl: string): CorpusExport {
  const site = trimSlash(siteUrl);
  return {
    version: 1,
    site,
    annotations: `${site}/${annotationsFile}`,
    documents: model.documents.map((document) => ({
      slug: document.slug,
      url: `${site}${documentPath(document.slug)}`,
      sourceUrl: `${site}${sourcePath(document.meta.source)}`,
      sha256: document.meta.sha256,
      meta: document.meta,
      paragraphCount: document.paragraphCount,
      debrisCount: document.debrisCount,
      wordCount: document.wordCount,
      noteCount: document.noteCount,
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
    })),
    glossary: model.entries.map(({ id, meta }) => ({
      id,
      url: `${site}${glossaryPath(id)}`,
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
