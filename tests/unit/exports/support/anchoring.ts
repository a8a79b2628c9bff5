/**
 * Re-anchors exported selectors with Apache Annotator (`@apache-annotator/dom`),
 * a library written for Web Annotation selectors and independent of the
 * site's code, in the verbatim source and in the document page, and checks
 * that each lands on the words annotated. Needs a DOM: test files that use it
 * run in the jsdom environment.
 */
import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher, describeTextPosition } from '@apache-annotator/dom';
import { expect } from 'vitest';
import type { WebAnnotation } from '../../../../src/exports/web-annotation-model.ts';
import { corpusPageRenderer } from '../../../../src/markdown/render-page.ts';
import { normalizeWhitespace } from '../../../../src/text/normalize.ts';
import { indexSource, sliceCodePoints } from '../../../../src/text/source-offsets.ts';
import { paragraphOf, positionOf, quoteOf } from './annotations.ts';

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
 * Re-anchors each annotation in the verbatim source: the position selector
 * must select `exact`, the quote selector must match once, and Apache
 * Annotator's own description of that match must give back our
 * TextPositionSelector (so both count characters the same way).
 */
export async function expectAnchorsInSource(annotations: WebAnnotation[], sources: ReadonlyMap<string, string>): Promise<void> {
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
      expect(paragraphs, `${where}: an ambiguous quote spans its whole paragraph`).toContain(
        normalizeWhitespace(`${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`),
      );
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
export async function expectAnchorsInPage(page: Document, annotations: WebAnnotation[], options: { collapse: boolean }): Promise<void> {
  const sourceText = page.querySelector('.source-text');
  expect(sourceText, 'the page has its source text section').not.toBeNull();
  prepareRenderedPage(sourceText!);
  if (options.collapse) collapseWhiteSpace(sourceText!);
  for (const annotation of annotations) {
    const selector = quoteOf(annotation);
    const quote = options.collapse
      ? { ...selector, exact: collapse(selector.exact)!, prefix: collapse(selector.prefix), suffix: collapse(selector.suffix) }
      : selector;
    const where = `${annotation.id} (${JSON.stringify(quote.exact)})`;
    const paragraph = sourceText!.querySelector(`#p${paragraphOf(annotation)}`);
    const words = paragraph?.querySelector('.para-text');
    expect(words, `${where}: ¶ ${paragraphOf(annotation)} is on the page`).toBeTruthy();

    const matches = await all(createTextQuoteSelectorMatcher(quote)(words!));
    expect(
      matches.map((range) => range.toString()),
      where,
    ).toEqual([quote.exact]);
    const match = matches[0]!;

    if (annotation.motivation === 'identifying') {
      const entry = new URL(annotation.body[0]!).pathname.split('/').at(-2);
      const link = (match.startContainer.parentElement as Element).closest('a.mention');
      expect(link?.getAttribute('data-entry'), where).toBe(entry);
      expect(link?.contains(match.endContainer), where).toBe(true);
      expect(link?.textContent, where).toBe(quote.exact);
    } else if (annotation.motivation === 'linking') {
      // A reported claim: the register's words, found above, are all it targets.
      expect(annotation.body[0].source, where).toMatch(/\/claims\/[a-z0-9-]+\/$/u);
    } else {
      // The note's own reference: `fnref-label`, or `fnref-label-2` for its second reference on the page.
      const [label = '', occurrence = '1'] = (annotation.id.split('/note/')[1] ?? '').split('/').map(decodeURIComponent);
      const referenceId = occurrence === '1' ? `fnref-${label}` : `fnref-${label}-${occurrence}`;
      const marker = Array.from(words!.querySelectorAll<HTMLElement>('span[data-note-ref]')).find((candidate) => candidate.dataset.referenceId === referenceId);
      expect(marker, `${where}: the note's reference mark is in ¶ ${paragraphOf(annotation)}`).toBeTruthy();
      expect(
        match.endContainer.compareDocumentPosition(marker!) & Node.DOCUMENT_POSITION_FOLLOWING,
        `${where}: the quoted words come before the reference`,
      ).toBeTruthy();
      const between = page.createRange();
      between.setStart(match.endContainer, match.endOffset);
      between.setEndBefore(marker!);
      expect(between.toString(), `${where}: only punctuation between the quoted words and the note's reference`).toMatch(/^[\p{P}\s]*$/u);
    }
  }
}

/** A page rendered by the site's annotation pipeline, without the rest of the build. */
export function renderPage(mdx: string): Document {
  const html = corpusPageRenderer({ base: '/' })(mdx);
  return new DOMParser().parseFromString(`<section class="source-text">${html}</section>`, 'text/html');
}
