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
  return [quoteSelector(windowsOf(index), paragraph, units), { type: 'TextPositionSelector', ...codePoints }];
}

/**
 * A quote of the source span with 32 code points of context either side, or
 * more where that leaves the quote ambiguous: the context then grows until
 * prefix, quote and suffix occur only once in the source, so that the quote
 * alone finds the words. It never reaches beyond the paragraph, so that it
 * matches the paragraph as the page shows it too; a quote whose paragraph
 * recurs word for word elsewhere stays ambiguous, and its position decides.
 */
function quoteSelector(windows: Windows, paragraph: MappedParagraph, span: Span): TextQuoteSelector {
  const source = windows.text;
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
    if (wholeParagraph || occursOnlyAt(windows, prefix + exact + suffix, span.start - prefix.length)) {
      return { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
    }
  }
}

/** Whether `needle`, which the source holds at `at`, occurs there only. */
function occursOnlyAt(windows: Windows, needle: string, at: number): boolean {
  if (needle.length >= windowLength && windowOccursOnce(windows, at)) return true;
  return windows.text.indexOf(needle) === at && windows.text.indexOf(needle, at + 1) === -1;
}

/*
 * Each quote is checked against the whole source, and a document's quotes
 * scanned its source twice each: a third of the time its annotations took.
 * A quote whose first 16 code units occur nowhere else in the source occurs
 * nowhere else either, so each source's windows of 16 units are counted
 * once, by a hash of each; a window whose hash another shares (the same
 * words, or two hashes alike) leaves the quote to the scans, so the answer
 * is always the scans' answer.
 */
const windowLength = 16;
const base = 31;
/** What the unit leaving a window weighs in its hash: base ** (windowLength - 1), modulo 2 ** 32 as all the hashes. */
const leaving = Array.from({ length: windowLength - 1 }).reduce<number>((power) => Math.imul(power, base), 1);

/** A source's windows of `windowLength` units, counted by hash in a table of open addressing. */
interface Windows {
  text: string;
  /** The hash of the window that begins at each unit of the text (where a whole window begins). */
  starts: Int32Array;
  /** The hash of the windows counted in each slot. */
  hashes: Int32Array;
  /** How many windows have that hash, counted to 2; 0 for an empty slot. */
  counts: Uint8Array;
  /** The slots are 2 ** (32 - shift). */
  shift: number;
}

/*
 * One table, counted again for each source, since a document's quotes are
 * made one after the other: a table for each document (160 KB for a source of
 * 13,000 units) would be 160 MB made and dropped at 1,000 generated documents.
 */
let counted: { index: SourceIndex; windows: Windows } | undefined;

function windowsOf(index: SourceIndex): Windows {
  if (counted?.index === index) return counted.windows;
  const { text } = index;
  // At most half the slots taken, so that few windows look past their own; the table only grows.
  let size = Math.max(16, counted?.windows.counts.length ?? 0);
  while (size < 2 * text.length) size *= 2;
  const reused = counted?.windows.counts.length === size ? counted.windows : undefined;
  reused?.counts.fill(0);
  const windows: Windows = {
    text,
    starts: reused?.starts ?? new Int32Array(size / 2),
    hashes: reused?.hashes ?? new Int32Array(size),
    counts: reused?.counts ?? new Uint8Array(size),
    shift: Math.clz32(size) + 1,
  };
  let hash = 0;
  for (let at = 0; at < text.length; at += 1) {
    if (at >= windowLength) hash = (hash - Math.imul(text.charCodeAt(at - windowLength), leaving)) | 0;
    hash = (Math.imul(hash, base) + text.charCodeAt(at)) | 0;
    if (at >= windowLength - 1) {
      windows.starts[at - windowLength + 1] = hash;
      count(windows, hash);
    }
  }
  counted = { index, windows };
  return windows;
}

/** The slot of a hash: where it is counted, or the empty slot where it would be. Fibonacci hashing spreads hashes that differ in few bits. */
function slotOf({ hashes, counts, shift }: Windows, hash: number): number {
  const last = counts.length - 1;
  let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
  while (counts[slot] !== 0 && hashes[slot] !== hash) slot = (slot + 1) & last;
  return slot;
}

function count(windows: Windows, hash: number): void {
  const slot = slotOf(windows, hash);
  windows.hashes[slot] = hash;
  windows.counts[slot] = Math.min(2, (windows.counts[slot] ?? 0) + 1);
}

/** Whether the window that begins at `at` (a whole window of the text) is the only one with its hash. */
function windowOccursOnce(windows: Windows, at: number): boolean {
  return windows.counts[slotOf(windows, windows.starts[at] ?? 0)] === 1;
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
