// @vitest-environment jsdom
/**
 * The open-data exports: annotations.jsonld (a W3C AnnotationCollection paged
 * by document, annotations/<slug>.jsonld) and corpus.json (with each
 * document's paragraphs in corpus/<slug>.json).
 *
 * Every exported selector is re-anchored with Apache Annotator, a library
 * written for Web Annotation selectors and independent of our code, against
 * the verbatim source (in a DOM, as a browser would hold the text file) and
 * against the rendered page text, and must land on the words annotated.
 */
import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher, describeTextPosition } from '@apache-annotator/dom';
import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { paragraphPath } from '../../src/routes.ts';
import { buildCorpus } from '../../src/corpus/build.ts';
import type { CorpusDocument, CorpusModel } from '../../src/corpus/model.ts';
import { annotationCollection, annotationLayout, annotationPage } from '../../src/exports/annotation-collection.ts';
import { corpusDocument, corpusIndex } from '../../src/exports/corpus-json.ts';
import { documentAnnotations, type DocumentTexts } from '../../src/exports/document-annotations.ts';
import { noteMotivation, noteTarget } from '../../src/exports/note-targets.ts';
import type { AnnotationCollection, AnnotationPage, WebAnnotation } from '../../src/exports/web-annotation-model.ts';
import { extractBlocks } from '../../src/corpus/blocks.ts';
import { pageNotes as notesOfBlocks } from '../../src/corpus/notes.ts';
import { parseMdx } from '../../src/corpus/parse.ts';
import { originalSpan } from '../../src/text/offset-map.ts';
import { codePointCounter, indexSource, sliceCodePoints, sourcePosition } from '../../src/text/source-offsets.ts';
import { sha256 } from '../../src/text/hash.ts';
import { splitSourceParagraphs } from '../../src/text/paragraphs.ts';
import { normalizeWhitespace } from '../../src/text/normalize.ts';
import { corpusPageRenderer } from '../../src/markdown/render-page.ts';
import { writeExports } from '../../src/node/write-exports.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';

const site = 'https://corpus.example.org';

/** The notes of an MDX page, read as the corpus check reads them. */
function pageNotes(mdx: string) {
  const tree = parseMdx(mdx);
  return notesOfBlocks(extractBlocks(tree).blocks, tree);
}

// ---------------------------------------------------------------------------
// Source offsets

describe('source offsets: from a paragraph’s normalised text back to the verbatim source', () => {
  const tricky = [
    'Title  with\ttwo runs 😀',
    '',
    '  Indented first line,   three spaces,',
    'a line break inside the paragraph,\tand trailing spaces   ',
    '   \t ',
    'After a blank line of spaces: 𝔘nicode 😀 here.',
  ].join('\r\n');

  it('splits paragraphs and normalises their text exactly as splitSourceParagraphs does', () => {
    expect(indexSource(tricky).paragraphs.map((paragraph) => paragraph.text)).toEqual(splitSourceParagraphs(tricky).map((paragraph) => paragraph.text));
    expect(indexSource(tricky).paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2, 3]);
  });

  it('maps every word of the normalised text to the same word in the source', () => {
    for (const paragraph of indexSource(tricky).paragraphs) {
      for (const word of paragraph.text.matchAll(/\S+/gu)) {
        const span = originalSpan(paragraph.map, word.index, word.index + word[0].length);
        expect(tricky.slice(span.start, span.end)).toBe(word[0]);
      }
    }
  });

  it('maps a range over a normalised space to the whole run of white space it stands for, line break included', () => {
    const [, second] = indexSource(tricky).paragraphs;
    const text = second?.text ?? '';
    expect(text).toBe('Indented first line, three spaces, a line break inside the paragraph, and trailing spaces');
    const from = text.indexOf('spaces, a line');
    const span = originalSpan(second!.map, from, from + 'spaces, a line'.length);
    expect(tricky.slice(span.start, span.end)).toBe('spaces,\r\na line');
    // Leading and trailing white space of the paragraph belongs to no range.
    const whole = originalSpan(second!.map, 0, text.length);
    expect(tricky.slice(whole.start, whole.end)).toBe('Indented first line,   three spaces,\r\na line break inside the paragraph,\tand trailing spaces');
  });

  it('handles CR-only and LF line ends, and a source without a final line end', () => {
    const source = 'one\rtwo\r\rthree\n\nfour';
    expect(indexSource(source).paragraphs.map((paragraph) => paragraph.text)).toEqual(['one two', 'three', 'four']);
    const [first] = indexSource(source).paragraphs;
    const span = originalSpan(first!.map, 0, 7);
    expect(source.slice(span.start, span.end)).toBe('one\rtwo');
  });

  it('counts positions in code points, so an emoji or a mathematical letter is one character', () => {
    const count = codePointCounter('a😀b𝔘c');
    expect([0, 1, 3, 4, 6, 7].map(count)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(() => count(2)).toThrow(/surrogate pair/u);
    expect(() => count(8)).toThrow(RangeError);
  });

  it('gives each span of a paragraph in both measures, which slice the same words', () => {
    const index = indexSource(tricky);
    const text = index.paragraphs[2]?.text ?? '';
    const start = text.indexOf('𝔘nicode 😀');
    const position = sourcePosition(index, 3, start, start + '𝔘nicode 😀'.length);
    expect(tricky.slice(position.units.start, position.units.end)).toBe('𝔘nicode 😀');
    expect(sliceCodePoints(tricky, position.codePoints.start, position.codePoints.end)).toBe('𝔘nicode 😀');
    expect(position.codePoints.start).toBe(position.units.start - 1); // the emoji of the title paragraph is one code point, two units
    expect(() => sourcePosition(index, 4, 0, 1)).toThrow(/has 3 paragraphs/u);
    expect(() => originalSpan(index.paragraphs[0]!.map, 3, 99)).toThrow(RangeError);
  });

  it('maps every unit of the normalised text back to its source on random texts of awkward white space', () => {
    const alphabet = ['a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\ufeff', '😀', 'é', '\n\n', ' \n \n'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round += 1) {
      const source = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const mapped = indexSource(source).paragraphs;
      for (const { text, map } of mapped) {
        expect(map.text).toBe(text);
        for (let unit = 0; unit < text.length; unit += 1) {
          const raw = source.slice(map.from[unit], map.to[unit]);
          if (text[unit] === ' ') expect(raw).toMatch(/^\s+$/u);
          else expect(raw).toBe(text[unit]);
        }
      }
    }
  });

  it('is linear in the size of the source: a 2 MB source with 50,000 paragraphs maps in well under the time a quadratic pass would take', () => {
    const source = Array.from({ length: 50_000 }, (_, index) => `Paragraph ${index}  with\r\nsome   words 😀.`).join('\r\n\r\n');
    const started = performance.now();
    const index = indexSource(source);
    const last = index.paragraphs.at(-1)!;
    const position = sourcePosition(index, last.number, 0, last.text.length);
    expect(index.paragraphs).toHaveLength(50_000);
    expect(source.slice(position.units.start, position.units.end)).toBe('Paragraph 49999  with\r\nsome   words 😀.');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

// ---------------------------------------------------------------------------
// Editorial notes

describe('editorial notes: which words a note annotates', () => {
  it('targets the word before the reference, without punctuation at its ends', () => {
    const text = 'Police raided the camp in Mezez near Durres, following orders from SPAK and GJKKO, received support.';
    const quoted = (offset: number) => {
      const target = noteTarget(text, offset);
      return [text.slice(target.start, target.end), target.rule];
    };
    expect(quoted(text.indexOf(' near'))).toEqual(['Mezez', 'word']);
    expect(quoted(text.indexOf(' received'))).toEqual(['GJKKO', 'word']);
    expect(quoted(text.indexOf(' following'))).toEqual(['Durres', 'word']);
  });

  it('quotes a word of punctuation alone as it is', () => {
    const text = 'He paused — then spoke.';
    const target = noteTarget(text, text.indexOf(' then'));
    expect(text.slice(target.start, target.end)).toBe('—');
  });

  it('targets the sentence a reference closes inside a paragraph', () => {
    const text = 'It renounced violence. By Fjori Sinoruka – Balkaninsight';
    const target = noteTarget(text, 'It renounced violence.'.length);
    expect([text.slice(target.start, target.end), target.rule]).toEqual(['It renounced violence.', 'sentence']);
    const quoted = '“We support it,” he said. Then he left.';
    const afterQuote = noteTarget(quoted, '“We support it,” he said.'.length);
    expect(quoted.slice(afterQuote.start, afterQuote.end)).toBe('“We support it,” he said.');
  });

  it('targets the whole paragraph when the reference closes or opens it', () => {
    const text = 'MEK’s compound after the police raid.';
    expect(noteTarget(text, text.length)).toEqual({ start: 0, end: text.length, rule: 'paragraph' });
    expect(noteTarget(text, 0)).toEqual({ start: 0, end: text.length, rule: 'paragraph' });
  });

  it('reads "[sic]" notes as editing, all others as commenting', () => {
    expect(noteMotivation('[sic] “of of”: a word repeated in the source.')).toBe('editing');
    expect(noteMotivation('Tuesday 20 June 2023.')).toBe('commenting');
  });

  it('finds each reference’s offset in the paragraph text and each note as plain text with its links', () => {
    const { references, notes } = pageNotes(`---
title: t
---

# Title[^t]

Minister <Mention entry="bledi-cuci">Bledi Cuci</Mention>[^cuci] said
on no account.[^end] Then   more.[^t]

[^cuci]: Bledi Çuçi, see [A2 CNN, ¶ 10](/documents/a2/#p10) and
    [the glossary](/glossary/bledi-cuci/).

    A second paragraph with \`code\`.

[^t]: A [link](https://example.org/x) and the [same](https://example.org/x).

[^end]: End.
`);
    expect(references).toEqual([
      { label: 't', paragraph: 1, offset: 5, occurrence: 1 },
      { label: 'cuci', paragraph: 2, offset: 'Minister Bledi Cuci'.length, occurrence: 1 },
      { label: 'end', paragraph: 2, offset: 'Minister Bledi Cuci said on no account.'.length, occurrence: 1 },
      { label: 't', paragraph: 2, offset: 'Minister Bledi Cuci said on no account. Then more.'.length, occurrence: 2 },
    ]);
    expect(notes).toEqual([
      {
        label: 'cuci',
        text: 'Bledi Çuçi, see A2 CNN, ¶ 10 and the glossary.\n\nA second paragraph with code.',
        links: ['/documents/a2/#p10', '/glossary/bledi-cuci/'],
      },
      { label: 't', text: 'A link and the same.', links: ['https://example.org/x'] },
      { label: 'end', text: 'End.', links: [] },
    ]);
  });
});

// ---------------------------------------------------------------------------
// Helpers: the corpus, the texts, anchoring

/** The text of every content file the annotations are computed from. */
interface CorpusTexts {
  /** Source file name (front matter `source`) → its text, decoded as UTF-8 with any BOM dropped. */
  sources: ReadonlyMap<string, string>;
  /** Document slug → the text of its MDX page. */
  pages: ReadonlyMap<string, string>;
}

/** The texts the export reads, as the build reads them: sources decoded as the corpus check decodes them. */
function readTexts(model: CorpusModel, root: string, sourcesDir = 'content/sources'): CorpusTexts {
  return {
    sources: new Map(model.documents.map((document) => [document.meta.source, new TextDecoder('utf-8').decode(readFileSync(join(root, sourcesDir, document.meta.source)))])),
    pages: new Map(model.documents.map((document) => [document.slug, readFileSync(join(root, document.file), 'utf8')])),
  };
}

function textsOf(texts: CorpusTexts, document: CorpusDocument): DocumentTexts {
  return { source: texts.sources.get(document.meta.source) ?? '', notes: pageNotes(texts.pages.get(document.slug) ?? '') };
}

interface Exported {
  collection: AnnotationCollection;
  pages: AnnotationPage[];
  /** Every page's items, in the order of the pages. */
  items: WebAnnotation[];
}

/** The annotations as writeExports publishes them: the layout first, then a page per document with annotations, one document at a time. */
function exportAnnotations(model: CorpusModel, texts: CorpusTexts, siteUrl: string): Exported {
  const layout = annotationLayout(model, siteUrl);
  const pages: AnnotationPage[] = [];
  for (const document of model.documents) {
    const items = documentAnnotations(layout, document, textsOf(texts, document));
    if (layout.pageOf.has(document.slug)) pages.push(annotationPage(layout, document.slug, items));
    else expect(items, `${document.slug} has no page, and no annotations`).toEqual([]);
  }
  return { collection: annotationCollection(layout), pages, items: pages.flatMap((page) => page.items) };
}

/**
 * The pages form one chain: from the collection's `first`, `next` after
 * `next` visits every page once, in order, and ends at `last`; `prev` walks
 * it back. Each page's startIndex is the number of items before it, no page
 * is empty, and the pages' sizes add up to the collection's total.
 */
function expectChain(collection: AnnotationCollection, pages: AnnotationPage[]): void {
  const byId = new Map(pages.map((page) => [page.id, page]));
  expect(byId.size, 'each page has its own id').toBe(pages.length);
  const walk = (from: string | undefined, step: (page: AnnotationPage) => string | undefined): string[] => {
    const visited: string[] = [];
    for (let id = from; id !== undefined; id = step(byId.get(id)!)) {
      expect(byId.has(id), `${id} is a page of the collection`).toBe(true);
      expect(visited, `${id} is visited once`).not.toContain(id);
      visited.push(id);
    }
    return visited;
  };
  const ids = pages.map((page) => page.id);
  expect(walk(collection.first, (page) => page.next), 'first → next → … → last').toEqual(ids);
  expect(walk(collection.last, (page) => page.prev), 'last → prev → … → first').toEqual([...ids].reverse());
  expect(collection.first).toBe(ids[0]);
  expect(collection.last).toBe(ids.at(-1));
  let before = 0;
  for (const page of pages) {
    expect(page.startIndex, `${page.id}: startIndex is the number of items before the page`).toBe(before);
    expect(page.items.length, `${page.id} is not empty`).toBeGreaterThan(0);
    expect(page.partOf).toEqual({ id: collection.id, label: collection.label, total: collection.total });
    before += page.items.length;
  }
  expect(before, 'the pages add up to the total').toBe(collection.total);
}

function quoteOf(annotation: WebAnnotation) {
  return annotation.target.selector[0];
}

function positionOf(annotation: WebAnnotation) {
  return annotation.target.selector[1];
}

function slugOf(annotation: WebAnnotation): string {
  return new URL(annotation.target.scope).pathname.split('/')[2] ?? '';
}

function paragraphOf(annotation: WebAnnotation): number {
  return Number(new URL(annotation.target.scope).hash.replace('#p', ''));
}

async function all(matches: AsyncIterable<Range>): Promise<Range[]> {
  const ranges: Range[] = [];
  for await (const range of matches) ranges.push(range);
  return ranges;
}

/** The verbatim source in a DOM, character for character: set as text, so no HTML parsing touches its line ends. */
function sourceElement(text: string): HTMLElement {
  const pre = document.createElement('pre');
  pre.textContent = text;
  return pre;
}

/**
 * Re-anchors each annotation in the verbatim source with Apache Annotator: the
 * position selector must select `exact`, the quote selector must match once,
 * and Apache Annotator's own description of that match must give back our
 * TextPositionSelector (so both count characters the same way).
 */
async function expectAnchorsInSource(annotations: WebAnnotation[], sources: ReadonlyMap<string, string>): Promise<void> {
  for (const annotation of annotations) {
    const sourceUrl = annotation.target.source.id;
    const text = sources.get(sourceUrl.split('/').pop() ?? '') ?? '';
    const pre = sourceElement(text);
    const quote = quoteOf(annotation);
    const position = positionOf(annotation);
    const where = `${annotation.id} (${JSON.stringify(quote.exact)})`;

    expect(sliceCodePoints(text, position.start, position.end), where).toBe(quote.exact);
    const [byPosition] = await all(createTextPositionSelectorMatcher(position)(pre));
    expect(byPosition?.toString(), where).toBe(quote.exact);

    // The quote finds the words on its own: it matches once, unless its context already spans its whole paragraph
    // and that paragraph recurs word for word, when one of its matches is at the position given.
    const byQuote = await all(createTextQuoteSelectorMatcher(quote)(pre));
    const found = await Promise.all(byQuote.map(async (range) => ({ text: range.toString(), ...(await describeTextPosition(range, pre)) })));
    const expected = { text: quote.exact, type: 'TextPositionSelector', start: position.start, end: position.end };
    if (found.length === 1) expect(found[0], where).toEqual(expected);
    else {
      const paragraphs = indexSource(text).paragraphs.map((paragraph) => paragraph.text);
      expect(paragraphs, `${where}: an ambiguous quote spans its whole paragraph`).toContain(normalizeWhitespace(`${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`));
      expect(found, where).toContainEqual(expected);
    }
  }
}

/** The rendered page's source text with each footnote reference replaced by an empty marker, so quotes match the words alone. */
function prepareRenderedPage(root: ParentNode): void {
  for (const link of Array.from(root.querySelectorAll('a[data-footnote-ref]'))) {
    const marker = link.ownerDocument.createElement('span');
    marker.dataset.noteRef = (link.getAttribute('href') ?? '').replace(/^#(?:sn|fn)-/u, '');
    marker.dataset.referenceId = link.id;
    (link.closest('sup') ?? link).replaceWith(marker);
  }
}

function collapseWhiteSpace(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = (node.nodeValue ?? '').replace(/\s+/gu, ' ');
}

const collapse = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\s+/gu, ' '));

/**
 * Re-anchors each annotation's quote in the rendered page, inside the
 * paragraph its scope names (`#p7`), and checks it lands on the right words: a
 * mention on the whole of the link to its glossary entry, a note on words
 * followed by nothing but punctuation up to the note's own reference mark.
 * Where the page renders a source's line breaks and runs of spaces differently
 * (`collapse`), both sides are compared with white space collapsed.
 */
async function expectAnchorsInPage(page: Document, annotations: WebAnnotation[], options: { collapse: boolean }): Promise<void> {
  const sourceText = page.querySelector('.source-text');
  expect(sourceText, 'the page has its source text section').not.toBeNull();
  prepareRenderedPage(sourceText!);
  if (options.collapse) collapseWhiteSpace(sourceText!);
  for (const annotation of annotations) {
    const selector = quoteOf(annotation);
    const quote = options.collapse ? { ...selector, exact: collapse(selector.exact)!, prefix: collapse(selector.prefix), suffix: collapse(selector.suffix) } : selector;
    const where = `${annotation.id} (${JSON.stringify(quote.exact)})`;
    const paragraph = sourceText!.querySelector(`#p${paragraphOf(annotation)}`);
    const words = paragraph?.querySelector('.para-text');
    expect(words, `${where}: ¶ ${paragraphOf(annotation)} is on the page`).toBeTruthy();

    const matches = await all(createTextQuoteSelectorMatcher(quote)(words!));
    expect(matches.map((range) => range.toString()), where).toEqual([quote.exact]);
    const match = matches[0]!;

    if (annotation.motivation === 'identifying') {
      const entry = new URL(annotation.body[0]!).pathname.split('/')[2];
      const link = (match.startContainer.parentElement as Element).closest('a.mention');
      expect(link?.getAttribute('data-entry'), where).toBe(entry);
      expect(link?.contains(match.endContainer), where).toBe(true);
      expect(link?.textContent, where).toBe(quote.exact);
    } else {
      // The note's own reference: `fnref-label`, or `fnref-label-2` for its second reference on the page.
      const [label = '', occurrence = '1'] = (annotation.id.split('/note/')[1] ?? '').split('/').map(decodeURIComponent);
      const referenceId = occurrence === '1' ? `fnref-${label}` : `fnref-${label}-${occurrence}`;
      const marker = Array.from(words!.querySelectorAll<HTMLElement>('span[data-note-ref]')).find((candidate) => candidate.dataset.referenceId === referenceId);
      expect(marker, `${where}: the note's reference mark is in ¶ ${paragraphOf(annotation)}`).toBeTruthy();
      expect(match.endContainer.compareDocumentPosition(marker!) & Node.DOCUMENT_POSITION_FOLLOWING, `${where}: the quoted words come before the reference`).toBeTruthy();
      const between = page.createRange();
      between.setStart(match.endContainer, match.endOffset);
      between.setEndBefore(marker!);
      expect(between.toString(), `${where}: only punctuation between the quoted words and the note's reference`).toMatch(/^[\p{P}\s]*$/u);
    }
  }
}

/** A page rendered by the site's annotation pipeline, without the rest of the build. */
function renderPage(mdx: string): Document {
  const html = corpusPageRenderer({ base: '/' })(mdx);
  return new DOMParser().parseFromString(`<section class="source-text">${html}</section>`, 'text/html');
}

// ---------------------------------------------------------------------------
// Validation against the Web Annotation model

const contextTerms = JSON.parse(readFileSync('tests/fixtures/export/anno-context-terms.json', 'utf8')) as { '@context': Record<string, unknown> };

/** Serves the Web Annotation context from the test fixture; any other document is refused, as the tests have no network. */
const documentLoader = async (url: string) => {
  if (url !== 'http://www.w3.org/ns/anno.jsonld' && url !== 'https://www.w3.org/ns/anno.jsonld') throw new Error(`no network in tests: refused to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': contextTerms['@context'] } };
};

async function expandSafely(document: object): Promise<unknown[]> {
  // Safe mode refuses anything the context cannot map: an unknown or misspelt term fails instead of being dropped.
  // (@types/jsonld predates safe mode and types the loader for callbacks, hence the cast.)
  return jsonld.expand(document as JsonLdDocument, { documentLoader, safe: true } as unknown as Options.Expand);
}

const oa = (term: string) => `http://www.w3.org/ns/oa#${term}`;
const as = (term: string) => `http://www.w3.org/ns/activitystreams#${term}`;
const iri = z.url().regex(/^https?:\/\//u);

/** The Web Annotation Data Model's requirements on what the export emits, as a strict schema: no property outside the model. */
const textQuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().min(1).optional(), suffix: z.string().min(1).optional() }).strict();
const textPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((selector) => selector.start < selector.end, 'start must come before end');
const target = z
  .object({
    type: z.literal('SpecificResource'),
    source: z.object({ id: iri, type: z.literal('Text'), format: z.literal('text/plain'), language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/u) }).strict(),
    scope: iri,
    selector: z.tuple([textQuoteSelector, textPositionSelector]),
  })
  .strict();
const annotationSchema = z.discriminatedUnion('motivation', [
  z.object({ id: iri, type: z.literal('Annotation'), motivation: z.literal('identifying'), body: z.array(iri).min(1), target }).strict(),
  ...(['commenting', 'editing'] as const).map((motivation) =>
    z
      .object({
        id: iri,
        type: z.literal('Annotation'),
        motivation: z.literal(motivation),
        body: z.tuple(
          [z.object({ type: z.literal('TextualBody'), value: z.string().min(1), format: z.literal('text/plain'), language: z.literal('en'), purpose: z.literal(motivation) }).strict()],
          z.object({ type: z.literal('SpecificResource'), source: iri, purpose: z.literal('linking') }).strict(),
        ),
        target,
      })
      .strict(),
  ),
]);
const collectionSchema = z
  .object({
    '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
    id: iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int().nonnegative(),
    first: iri.optional(),
    last: iri.optional(),
  })
  .strict()
  .refine((collection) => (collection.total > 0) === (collection.first !== undefined && collection.last !== undefined), 'first and last are given when, and only when, there are annotations');
const pageSchema = z
  .object({
    '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
    id: iri,
    type: z.literal('AnnotationPage'),
    partOf: z.object({ id: iri, label: z.string().min(1), total: z.number().int().positive() }).strict(),
    startIndex: z.number().int().nonnegative(),
    prev: iri.optional(),
    next: iri.optional(),
    // The model: "Each Page MUST have an array of 1 or more Annotations as the value of items".
    items: z.array(annotationSchema).min(1),
  })
  .strict();

type Expanded = Record<string, unknown[] | undefined> & { '@id'?: string; '@type'?: string[] };
const ids = (values: unknown[] | undefined) => (values ?? []).map((value) => (value as { '@id'?: string })['@id']);
const nodes = (values: unknown[] | undefined) => (values ?? []) as Expanded[];
/** The context gives counts and offsets no datatype: they expand to plain JSON numbers. */
const number = (value: number) => [{ '@value': value }];
const rdfsLabel = 'http://www.w3.org/2000/01/rdf-schema#label';

/** Every node and link is an absolute IRI: nothing in the export depends on where the file is read from. */
function expectAbsoluteIris(expanded: unknown[]): void {
  for (const [, value] of JSON.stringify(expanded).matchAll(/"@id":"([^"]*)"/gu)) expect(value).toMatch(/^https?:\/\//u);
}

/** Checks the expanded collection says, in the model's own terms, what the compact one says: a size and the ends of a chain of pages, no items. */
function expectExpandedCollection(expanded: unknown[], collection: AnnotationCollection): void {
  const [root, ...rest] = expanded as unknown as Expanded[];
  expect(rest).toEqual([]);
  expect(root?.['@id']).toBe(collection.id);
  expect(root?.['@type']).toEqual([as('OrderedCollection')]);
  expect(root?.[rdfsLabel]).toEqual([{ '@value': collection.label }]);
  expect(root?.[as('totalItems')]).toEqual(number(collection.total));
  expect(ids(root?.[as('first')])).toEqual(collection.first ? [collection.first] : []);
  expect(ids(root?.[as('last')])).toEqual(collection.last ? [collection.last] : []);
  expect(root?.[as('items')]).toBeUndefined();
  expectAbsoluteIris(expanded);
}

/** Checks the expanded page says, in the model's own terms, what the compact page says. */
function expectExpandedPage(expanded: unknown[], page: AnnotationPage): void {
  const [root, ...rest] = expanded as unknown as Expanded[];
  expect(rest).toEqual([]);
  expect(root?.['@id']).toBe(page.id);
  expect(root?.['@type']).toEqual([as('OrderedCollectionPage')]);
  const [partOf] = nodes(root?.[as('partOf')]);
  expect(partOf?.['@id']).toBe(page.partOf.id);
  expect(partOf?.[as('totalItems')]).toEqual(number(page.partOf.total));
  expect(partOf?.[rdfsLabel]).toEqual([{ '@value': page.partOf.label }]);
  expect(root?.[as('startIndex')]).toEqual(number(page.startIndex));
  expect(ids(root?.[as('next')])).toEqual(page.next ? [page.next] : []);
  expect(ids(root?.[as('prev')])).toEqual(page.prev ? [page.prev] : []);
  const items = nodes((root?.[as('items')]?.[0] as { '@list': unknown[] })['@list']);
  expect(items).toHaveLength(page.items.length);
  items.forEach((item, index) => {
    const compact = page.items[index]!;
    expect(item['@id']).toBe(compact.id);
    expect(item['@type']).toEqual([oa('Annotation')]);
    expect(ids(item[oa('motivatedBy')])).toEqual([oa(compact.motivation)]);
    expect(item[oa('hasBody')]?.length).toBe(compact.body.length);
    const [expandedTarget] = nodes(item[oa('hasTarget')]);
    expect(expandedTarget?.['@type']).toEqual([oa('SpecificResource')]);
    expect(ids(expandedTarget?.[oa('hasSource')])).toEqual([compact.target.source.id]);
    expect(ids(expandedTarget?.[oa('hasScope')])).toEqual([compact.target.scope]);
    const selectors = nodes(expandedTarget?.[oa('hasSelector')]);
    expect(selectors.map((selector) => selector['@type'])).toEqual([[oa('TextQuoteSelector')], [oa('TextPositionSelector')]]);
    expect(selectors[0]?.[oa('exact')]).toEqual([{ '@value': quoteOf(compact).exact }]);
    expect(selectors[1]?.[oa('start')]).toEqual(number(positionOf(compact).start));
  });
  expectAbsoluteIris(expanded);
}

// ---------------------------------------------------------------------------
// A small corpus of awkward text: CRLF, a paragraph over three lines, runs of spaces, characters outside the BMP,
// then a document without annotations and one more with some, so that the chain of pages has a gap to step over

describe('exports of a corpus whose source has awkward white space and characters outside the BMP', () => {
  const source = [
    'Title  with\ttwo runs 😀',
    '',
    'A 😀 paragraph that runs',
    'over three lines,   with runs of spaces,',
    '\tand a tab before 𝔘nicode math.  ',
    ' ',
    'One sentence.  Last one: “quoted” — and a final word.',
    '',
  ].join('\r\n');
  const page = `---
title: An awkward source
publisher: Test
published: 2024-01-02
language: en
source: awkward.txt
sha256: ${sha256(source)}
---

# Title with two runs <Mention entry="smile">😀</Mention>

A 😀[^emoji] paragraph that runs
over three lines, with <Mention entry="runs">runs of spaces</Mention>,
and a tab before <Mention entry="math">𝔘nicode math</Mention>.[^math]

One sentence.[^one] Last one: “quoted”[^quoted] — and a final word.[^end]

[^emoji]: [sic] A note with a [link](/documents/awkward/#p2) and an [external one](https://example.org/a?b=c).

[^math]: On the whole paragraph, which it closes.

[^one]: On the sentence it closes.

[^quoted]: On the word before it.

[^end]: On the whole paragraph.
`;
  const plainSource = 'Nothing\n\nNothing in this source is annotated.\n';
  const plainPage = `---
title: A plain source
publisher: Test
published: 2024-01-03
language: en
source: plain.txt
sha256: ${sha256(plainSource)}
---

# Nothing

Nothing in this source is annotated.
`;
  const laterSource = 'Later\n\nMath again, 😀 says the later source.\n';
  const laterPage = `---
title: A later source
publisher: Test
published: 2024-01-04
language: en
source: later.txt
sha256: ${sha256(laterSource)}
---

# Later

<Mention entry="math">Math</Mention> again, 😀 says the later source.[^again]

[^again]: A note.
`;
  const entry = (name: string, wikidata?: string) => `---\nname: ${name}\ntype: publication\nsummary: A test entry.\n${wikidata ? `wikidata: ${wikidata}\n` : ''}---\n`;
  const sources = new Map([
    ['awkward.txt', source],
    ['plain.txt', plainSource],
    ['later.txt', laterSource],
  ]);
  const { model, problems } = buildCorpus({
    // Out of order on purpose: the model orders documents by date.
    documents: [
      { path: 'content/corpus/later.mdx', text: laterPage },
      { path: 'content/corpus/awkward.mdx', text: page },
      { path: 'content/corpus/plain.mdx', text: plainPage },
    ],
    entries: [
      { path: 'content/glossary/smile.md', text: entry('Smile', 'Q11') },
      { path: 'content/glossary/runs.md', text: entry('Runs') },
      { path: 'content/glossary/math.md', text: entry('Math', 'Q395') },
    ],
    comparisons: [],
    sources: new Map([...sources].map(([name, text]) => [name, new TextEncoder().encode(text)])),
    sourcesDir: 'content/sources',
    glossaryDir: 'content/glossary',
  });
  const texts: CorpusTexts = {
    sources,
    pages: new Map([
      ['awkward', page],
      ['plain', plainPage],
      ['later', laterPage],
    ]),
  };
  const { collection, pages } = exportAnnotations(model, texts, `${site}/`);
  const items = pages[0]?.items ?? [];

  it('is a valid corpus to begin with', () => {
    expect(problems).toEqual([]);
    expect(model.documents.map((document) => document.slug)).toEqual(['awkward', 'plain', 'later']);
  });

  it('exports each mention and each note reference once: paragraph by paragraph, mentions then notes', () => {
    expect(items.map((item) => [item.motivation, quoteOf(item).exact])).toEqual([
      ['identifying', '😀'],
      ['identifying', 'runs of spaces'],
      ['identifying', '𝔘nicode math'],
      ['editing', '😀'],
      ['commenting', 'A 😀 paragraph that runs\r\nover three lines,   with runs of spaces,\r\n\tand a tab before 𝔘nicode math.'],
      ['commenting', 'One sentence.'],
      ['commenting', 'quoted'],
      ['commenting', 'One sentence.  Last one: “quoted” — and a final word.'],
    ]);
    expect(pages[1]?.items.map((item) => [item.motivation, quoteOf(item).exact])).toEqual([
      ['identifying', 'Math'],
      ['commenting', 'Math again, 😀 says the later source.'],
    ]);
    expect(collection.total).toBe(10);
  });

  it('gives each document with annotations a page, and skips the document without any, chaining the others across it', () => {
    expect(collection).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${site}/annotations.jsonld`,
      type: 'AnnotationCollection',
      label: 'Mentions and editorial notes of the corpus documents, anchored in the verbatim sources',
      total: 10,
      first: `${site}/annotations/awkward.jsonld`,
      last: `${site}/annotations/later.jsonld`,
    });
    const partOf = { id: `${site}/annotations.jsonld`, label: collection.label, total: 10 };
    expect(pages.map(({ items: pageItems, ...rest }) => ({ ...rest, items: pageItems.length }))).toEqual([
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${site}/annotations/awkward.jsonld`, type: 'AnnotationPage', partOf, startIndex: 0, next: `${site}/annotations/later.jsonld`, items: 8 },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${site}/annotations/later.jsonld`, type: 'AnnotationPage', partOf, startIndex: 8, prev: `${site}/annotations/awkward.jsonld`, items: 2 },
    ]);
    expectChain(collection, pages);
    expect(annotationLayout(model, site).pageOf.has('plain')).toBe(false);
  });

  it('keeps annotation ids fragments of the collection’s URL, whichever page holds them', () => {
    expect(pages.flatMap((onePage) => onePage.items.map((item) => item.id))).toEqual([
      `${site}/annotations.jsonld#awkward/mention/21-22`,
      `${site}/annotations.jsonld#awkward/mention/76-90`,
      `${site}/annotations.jsonld#awkward/mention/111-123`,
      `${site}/annotations.jsonld#awkward/note/emoji`,
      `${site}/annotations.jsonld#awkward/note/math`,
      `${site}/annotations.jsonld#awkward/note/one`,
      `${site}/annotations.jsonld#awkward/note/quoted`,
      `${site}/annotations.jsonld#awkward/note/end`,
      `${site}/annotations.jsonld#later/mention/7-11`,
      `${site}/annotations.jsonld#later/note/again`,
    ]);
  });

  it('follows the model’s schema and expands in safe mode, the collection and every page', async () => {
    expect(collectionSchema.safeParse(collection).error?.issues ?? []).toEqual([]);
    expectExpandedCollection(await expandSafely(collection), collection);
    for (const onePage of pages) {
      expect(pageSchema.safeParse(onePage).error?.issues ?? []).toEqual([]);
      expectExpandedPage(await expandSafely(onePage), onePage);
    }
  });

  it('publishes a collection of no pages, total 0 and neither first nor last, for a corpus without annotations', async () => {
    const plain = { ...model, documents: model.documents.filter((document) => document.slug === 'plain') };
    const layout = annotationLayout(plain, site);
    const empty = annotationCollection(layout);
    expect(empty).toEqual({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${site}/annotations.jsonld`, type: 'AnnotationCollection', label: collection.label, total: 0 });
    expect(layout.pages).toEqual([]);
    expect(collectionSchema.safeParse(empty).error?.issues ?? []).toEqual([]);
    expectExpandedCollection(await expandSafely(empty), empty);
  });

  it('quotes the verbatim source, line ends and runs of spaces included, with context that stays inside the paragraph', () => {
    const [smile, runs, math] = items;
    expect(quoteOf(smile!)).toEqual({ type: 'TextQuoteSelector', exact: '😀', prefix: 'Title  with\ttwo runs ' });
    expect(quoteOf(runs!)).toEqual({ type: 'TextQuoteSelector', exact: 'runs of spaces', prefix: ' runs\r\nover three lines,   with ', suffix: ',\r\n\tand a tab before 𝔘nicode mat' });
    expect([...(quoteOf(runs!).prefix ?? '')]).toHaveLength(32);
    expect([...(quoteOf(runs!).suffix ?? '')]).toHaveLength(32);
    expect(quoteOf(math!)).toEqual({ type: 'TextQuoteSelector', exact: '𝔘nicode math', prefix: 's of spaces,\r\n\tand a tab before ', suffix: '.' });
  });

  it('counts positions in code points of the source: the title emoji and 𝔘 are one character each', () => {
    const math = items[2]!;
    const unitStart = source.indexOf('𝔘nicode');
    expect(positionOf(math)).toEqual({ type: 'TextPositionSelector', start: unitStart - 2, end: unitStart - 2 + 12 });
  });

  it('re-anchors every selector of every page in the verbatim source with Apache Annotator', async () => {
    for (const onePage of pages) await expectAnchorsInSource(onePage.items, texts.sources);
  });

  it('re-anchors every quote in the page rendered from the MDX, white space compared collapsed', async () => {
    await expectAnchorsInPage(renderPage(page), items, { collapse: true });
    await expectAnchorsInPage(renderPage(laterPage), pages[1]?.items ?? [], { collapse: true });
  });

  it('gives note bodies as plain text with their links made absolute', () => {
    expect(items[3]?.motivation).toBe('editing');
    expect(items[3]?.body).toEqual([
      { type: 'TextualBody', value: '[sic] A note with a link and an external one.', format: 'text/plain', language: 'en', purpose: 'editing' },
      { type: 'SpecificResource', source: `${site}/documents/awkward/#p2`, purpose: 'linking' },
      { type: 'SpecificResource', source: 'https://example.org/a?b=c', purpose: 'linking' },
    ]);
  });

  it('gives mention bodies as the glossary page, then the Wikidata item where there is one', () => {
    expect(items.slice(0, 3).map((item) => item.body)).toEqual([
      [`${site}/glossary/smile/`, 'http://www.wikidata.org/entity/Q11'],
      [`${site}/glossary/runs/`],
      [`${site}/glossary/math/`, 'http://www.wikidata.org/entity/Q395'],
    ]);
  });

  it('lists every document in corpus.json with the URL of its paragraphs, and of its annotations when it has any', () => {
    const index = corpusIndex(model, site);
    expect(index.version).toBe(2);
    expect(index.documents.map(({ slug, mentionCount, annotationCount, paragraphsUrl, annotationsUrl }) => ({ slug, mentionCount, annotationCount, paragraphsUrl, annotationsUrl }))).toEqual([
      { slug: 'awkward', mentionCount: 3, annotationCount: 8, paragraphsUrl: `${site}/corpus/awkward.json`, annotationsUrl: `${site}/annotations/awkward.jsonld` },
      { slug: 'plain', mentionCount: 0, annotationCount: 0, paragraphsUrl: `${site}/corpus/plain.json`, annotationsUrl: undefined },
      { slug: 'later', mentionCount: 1, annotationCount: 2, paragraphsUrl: `${site}/corpus/later.json`, annotationsUrl: `${site}/annotations/later.jsonld` },
    ]);
    expect('annotationsUrl' in index.documents[1]!).toBe(false);
    expect(corpusDocument(model.documents[1]!, site)).toEqual({
      version: 2,
      slug: 'plain',
      url: `${site}/documents/plain/`,
      paragraphs: [
        { number: 1, id: 'p1', anchor: '/documents/plain/#p1', url: `${site}/documents/plain/#p1`, kind: 'heading', debris: false, text: 'Nothing', mentions: [], notes: [] },
        { number: 2, id: 'p2', anchor: '/documents/plain/#p2', url: `${site}/documents/plain/#p2`, kind: 'paragraph', debris: false, text: 'Nothing in this source is annotated.', mentions: [], notes: [] },
      ],
    });
  });

  it('gives corpus mention offsets in code points of the paragraph text', () => {
    const [, second] = corpusDocument(model.documents[0]!, site).paragraphs;
    expect(second?.mentions.map(({ entry, start, end, text }) => [entry, start, end, text, sliceCodePoints(second.text, start, end)])).toEqual([
      ['runs', 47, 61, 'runs of spaces', 'runs of spaces'],
      ['math', 80, 92, '𝔘nicode math', '𝔘nicode math'],
    ]);
  });

  it('refuses to export when the source given is not the one the model was built from', () => {
    const layout = annotationLayout(model, site);
    const awkward = model.documents[0]!;
    expect(() => documentAnnotations(layout, awkward, { source: source.replace('final', 'last'), notes: pageNotes(page) })).toThrow(/¶ 3 differs from the source awkward\.txt/u);
  });

  it('refuses a page whose items are not those the layout counted, since every later startIndex depends on them', () => {
    const layout = annotationLayout(model, site);
    expect(() => annotationPage(layout, 'awkward', items.slice(1))).toThrow(/7 annotations built where the corpus model counts 8/u);
    expect(() => annotationPage(layout, 'plain', [])).toThrow(/has no annotations, and so no page/u);
  });
});

// ---------------------------------------------------------------------------
// Time: what spans the whole corpus is computed in one linear pass

describe('the exports’ work across documents', () => {
  it('lays out the collection and lists the corpus of 50,000 documents in well under the time a quadratic pass would take', () => {
    const meta = { title: 'T', publisher: 'P', published: '2024-01-01', language: 'en', source: 's.txt', sha256: '0'.repeat(64) } as CorpusDocument['meta'];
    const blocks: CorpusDocument['blocks'] = [
      { number: 1, kind: 'paragraph', debris: false, text: 'A b c.', line: 1, mentions: [{ entry: 'a', start: 0, end: 1, line: 1, column: 1 }], footnoteLabels: ['n'], footnoteOffsets: [6] },
      { number: 2, kind: 'paragraph', debris: false, text: 'No annotations.', line: 3, mentions: [], footnoteLabels: [], footnoteOffsets: [] },
    ];
    const documents: CorpusDocument[] = Array.from({ length: 50_000 }, (_, index) => ({
      slug: `d${index}`,
      file: `content/corpus/d${index}.mdx`,
      notes: { references: [], notes: [] },
      meta,
      // Every third document has nothing to annotate, and so no page.
      blocks: index % 3 === 2 ? blocks.slice(1) : blocks,
      paragraphCount: 2,
      debrisCount: 0,
      wordCount: 5,
      noteCount: 1,
    }));
    const large: CorpusModel = { documents, entries: [], mentionsByEntry: {}, relatedEntries: {}, anchors: [], comparisons: [] };
    const started = performance.now();
    const layout = annotationLayout(large, site);
    const collection = annotationCollection(layout);
    const index = corpusIndex(large, site);
    const elapsed = performance.now() - started;
    expect(layout.pages).toHaveLength(33_334);
    expect(collection.total).toBe(2 * 33_334);
    expect(layout.pageOf.get('d49999')).toMatchObject({ startIndex: 2 * 33_333, prev: `${site}/annotations/d49998.jsonld` });
    expect(layout.pageOf.get('d49999')?.next).toBeUndefined();
    expect(layout.pageOf.get('d1')?.next).toBe(`${site}/annotations/d3.jsonld`);
    expect(index.documents).toHaveLength(50_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});

// ---------------------------------------------------------------------------
// The published corpus

const root = process.cwd();
const { model, problems } = await loadCorpus(root);
const texts = readTexts(model, root);
const { collection, pages, items: annotations } = exportAnnotations(model, texts, site);
const corpus = corpusIndex(model, site);
const details = model.documents.map((document) => corpusDocument(document, site));

/** writeExports run into a directory of its own, as the build runs it. */
const written: string[] = [];
async function writeToTemporaryDirectory(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'corpus-exports-'));
  written.push(outDir);
  await writeExports(model, root, outDir, site);
  return outDir;
}
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, path relative to it → its bytes as text. */
function filesUnder(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [path.slice(dir.length + 1), readFileSync(path, 'utf8')]),
  );
}

describe('annotations.jsonld of the published corpus', () => {
  it('is built from a corpus without problems', () => {
    expect(problems).toEqual([]);
  });

  it('holds one annotation per mention and one per note reference, each with its own id', () => {
    const mentions = model.documents.flatMap((document) => document.blocks.flatMap((block) => block.mentions));
    const references = model.documents.flatMap((document) => document.blocks.flatMap((block) => block.footnoteLabels));
    expect(annotations.filter((item) => item.motivation === 'identifying')).toHaveLength(mentions.length);
    expect(annotations.filter((item) => item.motivation !== 'identifying')).toHaveLength(references.length);
    expect(collection.total).toBe(mentions.length + references.length);
    expect(new Set(annotations.map((item) => item.id)).size).toBe(annotations.length);
  });

  it('pages the collection by document: one page per document with annotations, in the model’s order, holding that document’s annotations', () => {
    const annotated = model.documents.filter((document) => document.blocks.some((block) => block.mentions.length + block.footnoteLabels.length > 0));
    expect(pages.map((page) => page.id)).toEqual(annotated.map((document) => `${site}/annotations/${document.slug}.jsonld`));
    for (const [index, page] of pages.entries()) {
      for (const item of page.items) expect(slugOf(item), item.id).toBe(annotated[index]?.slug);
    }
  });

  it('chains the pages: first → next → … → last and back by prev, each startIndex the number of items before, the pages adding up to the total', () => {
    expect(pages.length).toBeGreaterThan(1);
    expectChain(collection, pages);
  });

  it('follows the Web Annotation Data Model: a strict schema of what the model allows accepts the collection and every page', () => {
    expect(collectionSchema.safeParse(collection).error?.issues ?? []).toEqual([]);
    for (const page of pages) expect(pageSchema.safeParse(page).error?.issues ?? [], page.id).toEqual([]);
  });

  it('expands under the Web Annotation JSON-LD context in safe mode: the collection, and every page to oa:Annotations with bodies, targets and selectors', async () => {
    expectExpandedCollection(await expandSafely(collection), collection);
    for (const page of pages) expectExpandedPage(await expandSafely(page), page);
  });

  it('fails that validation when a term is not in the Web Annotation context', async () => {
    const [page] = pages;
    const [first] = page!.items;
    await expect(expandSafely({ ...page, items: [{ ...first, note: 'not a term of the model' }] })).rejects.toThrow(/Safe mode validation error/u);
    await expect(expandSafely({ ...page, pageSize: 3 })).rejects.toThrow(/Safe mode validation error/u);
    await expect(expandSafely({ ...collection, generated: 'today' })).rejects.toThrow(/Safe mode validation error/u);
  });

  it('re-anchors every selector in the verbatim source with Apache Annotator, at the position given', async () => {
    await expectAnchorsInSource(annotations, texts.sources);
  });

  it('quotes exactly the words of the mention, and for notes the words the targeting rule picks', () => {
    for (const document of model.documents) {
      const notes = pageNotes(texts.pages.get(document.slug) ?? '');
      const expected = document.blocks.flatMap((block) => [
        ...block.mentions.map((mention) => block.text.slice(mention.start, mention.end)),
        ...notes.references
          .filter((reference) => reference.paragraph === block.number)
          .map((reference) => {
            const target = noteTarget(block.text, reference.offset);
            return block.text.slice(target.start, target.end);
          }),
      ]);
      const exported = annotations.filter((item) => slugOf(item) === document.slug).map((item) => normalizeWhitespace(quoteOf(item).exact));
      expect(exported).toEqual(expected);
    }
  });

  it('targets notes as the rules say on the real pages', () => {
    const note = (label: string) => annotations.find((item) => item.id.endsWith(`/note/${label}`));
    expect(quoteOf(note('mezez')!).exact).toBe('Mezez');
    expect(note('mezez')?.motivation).toBe('editing');
    expect(quoteOf(note('orders')!).exact).toBe('GJKKO');
    expect(quoteOf(note('delisting')!).exact).toBe('The US listed it as a terrorist organisation in 1997 but removed it from the blacklist in 2012 after it renounced violence.');
    expect(quoteOf(note('caption')!).exact).toBe('MEK members protest at their compound near Durres after the police raid on Tuesday. Photo: LSA');
    expect(note('man')?.body.slice(1)).toEqual([{ type: 'SpecificResource', source: `${site}/glossary/ali-mostashari/`, purpose: 'linking' }]);
  });

  it('re-anchors every quote in the page rendered from the MDX by the site’s annotation pipeline, white space exact', async () => {
    for (const document of model.documents) {
      await expectAnchorsInPage(renderPage(texts.pages.get(document.slug) ?? ''), annotations.filter((item) => slugOf(item) === document.slug), { collapse: false });
    }
  });

  const built = model.documents.map((document) => join(root, 'dist', 'documents', document.slug, 'index.html'));
  const newestContent = Math.max(...['content/corpus', 'content/sources'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => statSync(join(root, dir, name)).mtimeMs)));
  const distIsCurrent = built.every((path) => existsSync(path) && statSync(path).mtimeMs >= newestContent);
  it.skipIf(!distIsCurrent)('re-anchors every quote in the built pages in dist/ (skipped when dist/ is missing or older than content/: run `npm run build`)', async () => {
    for (const [index, document] of model.documents.entries()) {
      const page = new DOMParser().parseFromString(readFileSync(built[index]!, 'utf8'), 'text/html');
      await expectAnchorsInPage(page, annotations.filter((item) => slugOf(item) === document.slug), { collapse: false });
    }
  });

  it('is deterministic: the same content gives the same bytes', () => {
    const again = exportAnnotations(model, readTexts(model, root), `${site}/`);
    expect(JSON.stringify(again.collection)).toBe(JSON.stringify(collection));
    expect(JSON.stringify(again.pages)).toBe(JSON.stringify(pages));
  });
});

describe('corpus.json of the published corpus', () => {
  it('lists every document with its metadata, source, counts and the URLs of its paragraphs and annotations', () => {
    expect(corpus.version).toBe(2);
    expect(corpus.annotations).toBe(`${site}/annotations.jsonld`);
    expect(corpus.documents.map((document) => [document.slug, document.sourceUrl, document.paragraphsUrl, document.annotationsUrl])).toEqual(
      model.documents.map((document) => [
        document.slug,
        `${site}/sources/${document.meta.source}`,
        `${site}/corpus/${document.slug}.json`,
        document.blocks.some((block) => block.mentions.length + block.footnoteLabels.length > 0) ? `${site}/annotations/${document.slug}.jsonld` : undefined,
      ]),
    );
    for (const [index, document] of corpus.documents.entries()) {
      const source = model.documents[index]!;
      expect(document.meta).toEqual(source.meta);
      expect(document.sha256).toBe(sha256(readFileSync(join(root, 'content/sources', document.meta.source))));
      expect(document).toMatchObject({ paragraphCount: source.paragraphCount, debrisCount: source.debrisCount, wordCount: source.wordCount, noteCount: source.noteCount });
      expect(document.mentionCount).toBe(annotations.filter((item) => slugOf(item) === source.slug && item.motivation === 'identifying').length);
      expect(document.annotationCount).toBe(pages.find((page) => page.id === document.annotationsUrl)?.items.length ?? 0);
      expect('paragraphs' in document, 'the paragraphs are in the document’s own file').toBe(false);
    }
  });

  it('gives every document a file of paragraphs that matches the model, block for block', () => {
    expect(details.map((detail) => [detail.version, detail.slug, detail.url])).toEqual(model.documents.map((document) => [2, document.slug, `${site}/documents/${document.slug}/`]));
    for (const [index, document] of model.documents.entries()) {
      const detail = details[index]!;
      expect(detail.paragraphs).toHaveLength(document.blocks.length);
      expect(document.paragraphCount + document.debrisCount).toBe(detail.paragraphs.length);
      for (const [number, block] of document.blocks.entries()) {
        const paragraph = detail.paragraphs[number]!;
        const anchor = paragraphPath(document.slug, block.number);
        expect(paragraph).toEqual({
          number: block.number,
          id: `p${block.number}`,
          anchor,
          url: `${site}${anchor}`,
          kind: block.kind,
          debris: block.debris,
          text: block.text,
          mentions: block.mentions.map((mention) => ({ entry: mention.entry, start: [...block.text.slice(0, mention.start)].length, end: [...block.text.slice(0, mention.end)].length, text: block.text.slice(mention.start, mention.end) })),
          notes: block.footnoteLabels,
        });
      }
    }
  });

  it('gives each paragraph the permanent anchor the site publishes and the lock file records', () => {
    const anchors = details.flatMap((detail) => detail.paragraphs.map((paragraph) => paragraph.anchor));
    expect(anchors).toEqual(model.anchors);
    const lock = JSON.parse(readFileSync(join(root, 'content/anchors.lock.json'), 'utf8')) as { anchors: string[] };
    for (const anchor of anchors) expect(lock.anchors).toContain(anchor);
    const slug = details[0]?.slug ?? '';
    expect(details[0]?.paragraphs[6]).toMatchObject({ number: 7, id: 'p7', anchor: paragraphPath(slug, 7), url: `${site}${paragraphPath(slug, 7)}` });
  });

  it('gives each mention offsets whose slice of the paragraph text is the mention’s words', () => {
    let count = 0;
    for (const detail of details) {
      for (const paragraph of detail.paragraphs) {
        for (const mention of paragraph.mentions) {
          expect(sliceCodePoints(paragraph.text, mention.start, mention.end)).toBe(mention.text);
          count += 1;
        }
      }
    }
    expect(count).toBe(annotations.filter((item) => item.motivation === 'identifying').length);
  });

  it('lists the glossary entries in the model’s order, each mentioned entry with its count', () => {
    expect(corpus.glossary.map((entry) => entry.id)).toEqual(model.entries.map((entry) => entry.id));
    const mentioned = new Set(details.flatMap((detail) => detail.paragraphs.flatMap((paragraph) => paragraph.mentions.map((mention) => mention.entry))));
    for (const id of mentioned) expect(corpus.glossary.find((entry) => entry.id === id)?.mentionCount).toBeGreaterThan(0);
    const bledi = corpus.glossary.find((entry) => entry.id === 'bledi-cuci');
    expect(bledi).toMatchObject({ url: `${site}/glossary/bledi-cuci/`, type: 'person' });
  });

  it('survives a JSON round trip unchanged and carries nothing that changes from build to build', () => {
    expect(JSON.parse(JSON.stringify(corpus))).toEqual(corpus);
    expect(JSON.parse(JSON.stringify(details))).toEqual(details);
    expect(JSON.stringify(corpusIndex(model, `${site}/`))).toBe(JSON.stringify(corpus));
    expect(JSON.stringify(model.documents.map((document) => corpusDocument(document, `${site}/`)))).toBe(JSON.stringify(details));
  });
});

describe('the files writeExports publishes', () => {
  it('are the collection, the corpus index, and one file per document of each kind, as the functions give them', async () => {
    const files = filesUnder(await writeToTemporaryDirectory());
    expect([...files.keys()]).toEqual(
      [
        'annotations.jsonld',
        'corpus.json',
        ...pages.map((page) => `annotations/${page.id.split('/').pop()}`),
        ...model.documents.map((document) => `corpus/${document.slug}.json`),
      ].sort(),
    );
    expect(JSON.parse(files.get('annotations.jsonld')!)).toEqual(collection);
    expect(JSON.parse(files.get('corpus.json')!)).toEqual(corpus);
    for (const page of pages) expect(JSON.parse(files.get(`annotations/${page.id.split('/').pop()}`)!)).toEqual(page);
    for (const detail of details) expect(JSON.parse(files.get(`corpus/${detail.slug}.json`)!)).toEqual(detail);
  });

  it('write the two index files indented and each document’s files compact, one line each', async () => {
    const files = filesUnder(await writeToTemporaryDirectory());
    for (const [path, text] of files) {
      expect(text.endsWith('\n'), path).toBe(true);
      if (path.includes('/')) expect(text.trimEnd(), path).not.toContain('\n');
      else expect(text, path).toContain('\n  "');
    }
  });

  it('are the same bytes from one run to the next', async () => {
    const first = filesUnder(await writeToTemporaryDirectory());
    const second = filesUnder(await writeToTemporaryDirectory());
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(second.get(path) === text, path).toBe(true);
  });
});
