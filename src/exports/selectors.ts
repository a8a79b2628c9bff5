/**
 * The two selectors of an annotated span, both pointing into the verbatim
 * source file rather than the HTML page, since the file never changes while
 * the page may be restyled: a TextQuoteSelector, whose quote alone finds the
 * words, and a TextPositionSelector, counted in code points as the model
 * requires (src/text/source-offsets.ts explains why).
 */
import type { Span } from '../text/offset-map.ts';
import { type MappedParagraph, type SourceIndex, sourcePosition } from '../text/source-offsets.ts';
import type { TextPositionSelector, TextQuoteSelector } from './web-annotation-model.ts';

/** The context a TextQuoteSelector carries on each side, in code points, unless the quote needs more to be unambiguous. */
export const quoteContext = 32;

/**
 * Both selectors of [start, end) of paragraph `number`'s normalised text
 * (UTF-16 units of Block.text, as mentions and note targets are found), in
 * the source the index was made from.
 */
export function sourceSelectors(index: SourceIndex, number: number, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  const { units, codePoints } = sourcePosition(index, number, start, end);
  // sourcePosition has refused a paragraph the source does not have.
  const paragraph = index.paragraphs[number - 1] as MappedParagraph;
  return [quoteSelector(index.text, paragraph, units), { type: 'TextPositionSelector', ...codePoints }];
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
