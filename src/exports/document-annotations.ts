/**
 * One document's Web Annotations: each mention of a glossary entry
 * ("identifying" the words), each reference to an editorial note
 * ("commenting" on them, or "editing" for a [sic]) and each passage that
 * reports a claim of the register ("linking" it to the claim), anchored in the verbatim
 * source. Reads nothing but this document and its texts, so that documents
 * can be exported each on its own, several at once (src/node/write-exports.ts).
 */
import type { CorpusDocument } from '../corpus/model.ts';
import type { NoteReference, PageNotes } from '../corpus/notes.ts';
import { absoluteUrl, claimPath, documentPath, entryPath, paragraphPath, sourcePath, wikidataEntityUri } from '../routes.ts';
import { normalizeWhitespace } from '../text/normalize.ts';
import { indexSource, type SourceIndex } from '../text/source-offsets.ts';
import type { AnnotationLayout } from './annotation-collection.ts';
import { noteMotivation, noteTarget } from './note-targets.ts';
import { sourceSelectors } from './selectors.ts';
import type { AnnotationTarget, ClaimAnnotation, LinkBody, MentionAnnotation, NoteAnnotation, WebAnnotation } from './web-annotation-model.ts';

/** Editorial notes are written in English, whatever the language of the source. */
const editorialLanguage = 'en';

/** What one document's annotations are computed from, beside the model. */
export interface DocumentTexts {
  /** The source file's text, decoded as UTF-8 with any BOM dropped, as the corpus check reads it. */
  source: string;
  /** The page's note references and notes, as the corpus check read them. */
  notes: PageNotes;
}

/**
 * Every mention and editorial note of one document as a Web Annotation:
 * paragraph by paragraph, mentions then notes, each in reading order.
 */
export function documentAnnotations(layout: AnnotationLayout, document: CorpusDocument, texts: DocumentTexts): WebAnnotation[] {
  const index = indexSource(texts.source);
  const { notes } = texts;
  checkAlignment(document, index);
  const { siteUrl } = layout;
  const noteText = new Map(notes.notes.map((note) => [note.label, note]));
  const referencesOf = new Map<number, NoteReference[]>();
  for (const reference of notes.references) {
    const list = referencesOf.get(reference.paragraph);
    if (list) list.push(reference);
    else referencesOf.set(reference.paragraph, [reference]);
  }
  const pageUrl = absoluteUrl(documentPath(document.slug), siteUrl);
  const source = {
    id: absoluteUrl(sourcePath(document.meta.source), siteUrl),
    type: 'Text' as const,
    format: 'text/plain' as const,
    language: document.meta.language,
  };
  // Annotation ids are fragments of the collection's URL, so that they do not depend on how the collection is paged.
  const idBase = `${layout.collection.id}#${encodeURIComponent(document.slug)}`;

  return document.blocks.flatMap((block) => {
    const scope = absoluteUrl(paragraphPath(document.slug, block.number), siteUrl);
    const target = (start: number, end: number): AnnotationTarget => ({
      type: 'SpecificResource',
      source,
      scope,
      selector: sourceSelectors(index, block.number, start, end),
    });

    const mentions = block.mentions.map((mention): MentionAnnotation => {
      const mentionTarget = target(mention.start, mention.end);
      const position = mentionTarget.selector[1];
      const wikidata = layout.wikidata.get(mention.entry);
      return {
        id: `${idBase}/mention/${position.start}-${position.end}`,
        type: 'Annotation',
        motivation: 'identifying',
        body: [absoluteUrl(entryPath(mention.entry), siteUrl), ...(wikidata ? [wikidataEntityUri(wikidata)] : [])],
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
          ...note.links.map((href): LinkBody => ({ type: 'SpecificResource', source: noteLinkUrl(href, siteUrl, pageUrl), purpose: 'linking' })),
        ],
        target: target(span.start, span.end),
      };
    });
    const claimAnnotations = (layout.claimsOf.get(document.slug) ?? [])
      .filter((appearance) => appearance.paragraph === block.number)
      .map((appearance): ClaimAnnotation => {
        // The corpus check has found each quote in its paragraph, white space aside.
        const start = block.text.indexOf(normalizeWhitespace(appearance.quote));
        const claimTarget = target(start, start + normalizeWhitespace(appearance.quote).length);
        const position = claimTarget.selector[1];
        return {
          id: `${idBase}/claim/${encodeURIComponent(appearance.claim)}/${position.start}-${position.end}`,
          type: 'Annotation',
          motivation: 'linking',
          body: [{ type: 'SpecificResource', source: absoluteUrl(claimPath(appearance.claim), siteUrl), purpose: 'linking' }],
          target: claimTarget,
        };
      });
    return [...mentions, ...noteAnnotations, ...claimAnnotations];
  });
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
 * A link of a note, made absolute: a route path (`/glossary/x/`) on the site,
 * as the pages link it under their base path; anything else (`#p3`,
 * `../x/`, `//host/`, a full URL) against the document page it is read on.
 */
function noteLinkUrl(href: string, siteUrl: string, pageUrl: string): string {
  if (href.startsWith('/') && !href.startsWith('//')) return absoluteUrl(href, siteUrl);
  try {
    return new URL(href, pageUrl).href;
  } catch {
    throw new Error(`an editorial note links to "${href}", which is not a URL`);
  }
}
