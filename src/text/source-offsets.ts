/**
 * Where the words of an edition lie in its verbatim source.
 *
 * A page's paragraph text (Block.text) is its source paragraph with white
 * space normalised: runs of white space become one space, none at either end
 * (see NormalizedText). Exports that point into the source file itself, such
 * as Web Annotation selectors, need the offsets of the raw file: this module
 * maps each paragraph (paragraphs.ts) and counts code points. Everything is
 * linear in the size of the source.
 *
 * Positions in exports are counted in Unicode code points, not UTF-16 code
 * units: the Web Annotation Data Model requires it for TextPositionSelector
 * ("in terms of unicode code points … not in terms of code units", §4.2.4 and
 * §4.2.5), Apache Annotator, the selector library the tests anchor with,
 * counts code points, and so does string indexing in Python and most other
 * languages that will read the files. JavaScript strings index UTF-16 units,
 * so offsets are computed in units first and converted at the end.
 */
import { type OffsetMap, originalSpan, type Span } from './offset-map.ts';
import { mapParagraph, type SourceParagraph, splitSourceParagraphs } from './paragraphs.ts';

/**
 * Converts UTF-16 offsets of `text` to code point offsets. Built once per
 * source, each conversion is then constant time. An offset between the two
 * halves of a surrogate pair names no character boundary and is refused.
 */
export function codePointCounter(text: string): (offset: number) => number {
  const check = (offset: number) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length)
      throw new RangeError(`${offset} is not an offset into a text of ${text.length} UTF-16 units`);
  };
  // Only characters outside the BMP take two units; a lone surrogate counts as one character, as it takes one unit.
  if (!/[\u{10000}-\u{10FFFF}]/u.test(text)) {
    return (offset) => {
      check(offset);
      return offset;
    };
  }
  // counts[i]: code points in text[0, i), or -1 where i falls inside a surrogate pair.
  const counts = new Int32Array(text.length + 1);
  let points = 0;
  let index = 0;
  while (index < text.length) {
    counts[index] = points;
    const width = (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    if (width === 2) counts[index + 1] = -1;
    points += 1;
    index += width;
  }
  counts[text.length] = points;
  return (offset) => {
    check(offset);
    const count = counts[offset] ?? -1;
    if (count === -1) throw new RangeError(`offset ${offset} falls inside a surrogate pair`);
    return count;
  };
}

/** `text` sliced by code point offsets, as a reader of the exports slices it. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** A paragraph of a source with the source's span behind each unit of its normalised text. */
export interface MappedParagraph extends SourceParagraph {
  map: OffsetMap;
}

/** A source with its paragraphs mapped, ready to turn paragraph offsets into source positions. */
export interface SourceIndex {
  text: string;
  paragraphs: MappedParagraph[];
  /** UTF-16 offset of the source → code points before it. */
  codePoints: (offset: number) => number;
}

export function indexSource(text: string): SourceIndex {
  const paragraphs = splitSourceParagraphs(text).map((paragraph) => ({ ...paragraph, map: mapParagraph(text, paragraph) }));
  return { text, paragraphs, codePoints: codePointCounter(text) };
}

/** Both measures of a span of the source: UTF-16 units to slice it in JavaScript, code points to publish. */
export interface SourcePosition {
  units: Span;
  codePoints: Span;
}

/**
 * Where [start, end) of paragraph `number`'s normalised text lies in the source.
 * Offsets are UTF-16 units of Block.text, as MentionSpan records them.
 */
export function sourcePosition(index: SourceIndex, number: number, start: number, end: number): SourcePosition {
  const paragraph = index.paragraphs[number - 1];
  if (!paragraph) throw new RangeError(`the source has no ¶ ${number}: it has ${index.paragraphs.length} paragraphs`);
  const units = originalSpan(paragraph.map, start, end);
  return { units, codePoints: { start: index.codePoints(units.start), end: index.codePoints(units.end) } };
}
