/**
 * The paragraphs of a verbatim source: runs of non-blank lines between blank
 * ones. This is the one scanner of source text: the fidelity check compares
 * pages with its paragraphs, ingest drafts pages from their lines, and the
 * exports point into the source through their offset maps.
 */
import { normalizeWhitespace, whiteSpaceRun } from './normalize.ts';
import { OffsetMapBuilder, type OffsetMap } from './offset-map.ts';

export interface SourceParagraph {
  /** 1-based position among the source's paragraphs, as Block.number counts. */
  number: number;
  /** 1-based line of the source file on which the paragraph starts. */
  line: number;
  /** The paragraph's lines as written, without their line breaks. */
  lines: string[];
  /** Where the paragraph lies in the source: from its first character to the end of its last line, in UTF-16 units. */
  start: number;
  end: number;
  /** The paragraph with white space normalised (see NormalizedText): what a page's Block.text must equal. */
  text: string;
}

// A blank line holds only white space, as String.prototype.trim sees it.
const blankLine = /^\s*$/u;
const lineBreak = /\r\n|\r|\n/gu;

export function splitSourceParagraphs(source: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let current: Omit<SourceParagraph, 'text'> | undefined;
  const flush = () => {
    if (!current) return;
    paragraphs.push({ ...current, text: normalizeWhitespace(current.lines.join('\n')) });
    current = undefined;
  };
  let lineStart = 0;
  let lineNumber = 0;
  const visitLine = (lineEnd: number) => {
    lineNumber += 1;
    const line = source.slice(lineStart, lineEnd);
    if (blankLine.test(line)) {
      flush();
      return;
    }
    current ??= { number: paragraphs.length + 1, line: lineNumber, lines: [], start: lineStart, end: lineEnd };
    current.lines.push(line);
    current.end = lineEnd;
  };
  for (const match of source.matchAll(lineBreak)) {
    visitLine(match.index);
    lineStart = match.index + match[0].length;
  }
  visitLine(source.length);
  flush();
  return paragraphs;
}

/**
 * A paragraph's normalised text with the span of the source behind each of
 * its units: a space stands for the whole run of white space it replaces.
 * Its text equals the paragraph's `text`.
 */
export function mapParagraph(source: string, paragraph: Pick<SourceParagraph, 'start' | 'end'>): OffsetMap {
  const map = new OffsetMapBuilder();
  const text = source.slice(paragraph.start, paragraph.end);
  let wordStart = 0;
  for (const run of text.matchAll(whiteSpaceRun)) {
    map.copy(source, paragraph.start + wordStart, paragraph.start + run.index);
    wordStart = run.index + run[0].length;
    // A run of white space inside the paragraph becomes one space; runs at either end are dropped.
    if (map.text.length > 0 && wordStart < text.length) map.push(' ', paragraph.start + run.index, paragraph.start + wordStart);
  }
  map.copy(source, paragraph.start + wordStart, paragraph.end);
  return map.build();
}
