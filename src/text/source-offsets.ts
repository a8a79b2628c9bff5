/**
 * Where the words of an edition lie in its verbatim source.
 *
 * A page's paragraph text (Block.text) is its source paragraph with white
 * space normalised: runs of white space become one space, none at either end
 * (see NormalizedText). Exports that point into the source file itself, such
 * as Web Annotation selectors, need the offsets of the raw file, so this module
 * splits a source into paragraphs exactly as splitSourceParagraphs does and
 * records, for every UTF-16 unit of the normalised text, the raw span it
 * stands for. Everything is linear in the size of the source.
 *
 * Positions in exports are counted in Unicode code points, not UTF-16 code
 * units: the Web Annotation Data Model requires it for TextPositionSelector
 * ("in terms of unicode code points … not in terms of code units", §4.2.4 and
 * §4.2.5), Apache Annotator, the selector library the tests anchor with,
 * counts code points, and so does string indexing in Python and most other
 * languages that will read the files. JavaScript strings index UTF-16 units,
 * so offsets are computed in units first and converted at the end.
 */

/** A half-open range [start, end) of UTF-16 code units in a source string. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** A paragraph of a source with the raw span behind each unit of its normalised text. */
export interface MappedParagraph {
  /** 1-based, as splitSourceParagraphs and Block.number count. */
  number: number;
  /** The normalised text: equal to SourceParagraph.text, and to Block.text when the page is faithful. */
  text: string;
  /** For unit i of `text`, where its raw span starts in the source. A space stands for a whole run of white space. */
  from: Uint32Array;
  /** For unit i of `text`, where its raw span ends in the source. */
  to: Uint32Array;
}

// The same white space as NormalizedText's /\s/u and String.prototype.trim, which splitSourceParagraphs uses for blank lines.
const whiteSpace = /^\s$/u;
const blankLine = /^\s*$/u;
const lineBreak = /\r\n|\r|\n/gu;

/** Splits `source` into paragraphs as splitSourceParagraphs does: runs of non-blank lines between blank ones. */
export function mapSourceParagraphs(source: string): MappedParagraph[] {
  const paragraphs: MappedParagraph[] = [];
  let first = -1;
  let last = -1;
  const flush = () => {
    if (first === -1) return;
    paragraphs.push(mapParagraph(source, paragraphs.length + 1, first, last));
    first = -1;
  };
  let lineStart = 0;
  const visitLine = (lineEnd: number) => {
    if (blankLine.test(source.slice(lineStart, lineEnd))) {
      flush();
      return;
    }
    if (first === -1) first = lineStart;
    last = lineEnd;
  };
  for (const match of source.matchAll(lineBreak)) {
    visitLine(match.index);
    lineStart = match.index + match[0].length;
  }
  visitLine(source.length);
  flush();
  return paragraphs;
}

/** Normalises source[start, end) as NormalizedText does, recording each unit's raw span. */
function mapParagraph(source: string, number: number, start: number, end: number): MappedParagraph {
  const from = new Uint32Array(end - start);
  const to = new Uint32Array(end - start);
  const pieces: string[] = [];
  let length = 0;
  let runStart = -1;
  let index = start;
  while (index < end) {
    const width = (source.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    const char = source.slice(index, index + width);
    if (whiteSpace.test(char)) {
      if (runStart === -1) runStart = index;
    } else {
      // A run of white space inside the paragraph becomes one space that stands for the whole run; runs at the ends are dropped.
      if (runStart !== -1 && length > 0) {
        pieces.push(' ');
        from[length] = runStart;
        to[length] = index;
        length += 1;
      }
      runStart = -1;
      for (let unit = 0; unit < width; unit += 1) {
        from[length] = index + unit;
        to[length] = index + unit + 1;
        length += 1;
      }
      pieces.push(char);
    }
    index += width;
  }
  return { number, text: pieces.join(''), from: from.subarray(0, length), to: to.subarray(0, length) };
}

/**
 * The raw span of [start, end) of a paragraph's normalised text, in UTF-16
 * units of the source. A range that begins or ends on a normalised space takes
 * in the whole run of white space it stands for.
 */
export function toSourceSpan(paragraph: MappedParagraph, start: number, end: number): SourceSpan {
  const length = paragraph.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(`[${start}, ${end}) is not a range of ¶ ${paragraph.number}, which has ${length} characters`);
  }
  const at = (array: Uint32Array, index: number) => array[index] ?? 0;
  const rawStart = start < length ? at(paragraph.from, start) : at(paragraph.to, length - 1);
  if (start === end) return { start: rawStart, end: rawStart };
  return { start: rawStart, end: at(paragraph.to, end - 1) };
}

/**
 * Converts UTF-16 offsets of `text` to code point offsets. Built once per
 * source, each conversion is then constant time. An offset between the two
 * halves of a surrogate pair names no character boundary and is refused.
 */
export function codePointCounter(text: string): (offset: number) => number {
  const check = (offset: number) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) throw new RangeError(`${offset} is not an offset into a text of ${text.length} UTF-16 units`);
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

/** A source with its paragraphs mapped, ready to turn paragraph offsets into source positions. */
export interface SourceIndex {
  text: string;
  paragraphs: MappedParagraph[];
  /** UTF-16 offset of the source → code points before it. */
  codePoints: (offset: number) => number;
}

export function indexSource(text: string): SourceIndex {
  return { text, paragraphs: mapSourceParagraphs(text), codePoints: codePointCounter(text) };
}

/** Both measures of a span of the source: UTF-16 units to slice it in JavaScript, code points to publish. */
export interface SourcePosition {
  units: SourceSpan;
  codePoints: SourceSpan;
}

/**
 * Where [start, end) of paragraph `number`'s normalised text lies in the source.
 * Offsets are UTF-16 units of Block.text, as MentionSpan records them.
 */
export function sourcePosition(index: SourceIndex, number: number, start: number, end: number): SourcePosition {
  const paragraph = index.paragraphs[number - 1];
  if (!paragraph) throw new RangeError(`the source has no ¶ ${number}: it has ${index.paragraphs.length} paragraphs`);
  const units = toSourceSpan(paragraph, start, end);
  return { units, codePoints: { start: index.codePoints(units.start), end: index.codePoints(units.end) } };
}
