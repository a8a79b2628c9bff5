/**
 * The body of a new page: the source's paragraphs written as MDX that reads
 * back as the same text (see mdx-escape.ts), the headline as the `#` heading.
 */
import { extractBlocks, type Block } from '../corpus/blocks.ts';
import { parseMdx } from '../corpus/parse.ts';
import { splitSourceParagraphs } from '../text/paragraphs.ts';
import { normalizeWhitespace } from '../text/normalize.ts';
import { escapeHeading, escapeParagraph } from './mdx-escape.ts';

export interface SourceParagraphLines {
  /** 1-based line of the source file on which the paragraph starts. */
  line: number;
  lines: string[];
}

/** The source's paragraphs with their lines as written: the same split as splitSourceParagraphs. */
export function sourceParagraphLines(source: string): SourceParagraphLines[] {
  const paragraphs: SourceParagraphLines[] = [];
  let current: SourceParagraphLines | undefined;
  source.split(/\r\n|\r|\n/u).forEach((line, index) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      paragraphs.push(current);
    }
    current.lines.push(line);
  });
  return paragraphs;
}

/** The MDX of one source paragraph; the first is the page's `#` heading when it is the headline. */
function draftBlock(paragraph: SourceParagraphLines, index: number, title: string): string {
  const isHeadline = index === 0 && normalizeWhitespace(paragraph.lines.join('\n')) === normalizeWhitespace(title);
  return isHeadline ? escapeHeading(paragraph.lines) : escapeParagraph(paragraph.lines);
}

/** The page body: the source's paragraphs, escaped, separated by blank lines. */
export function draftBody(source: string, title: string): string {
  return `${sourceParagraphLines(source)
    .map((paragraph, index) => draftBlock(paragraph, index, title))
    .join('\n\n')}\n`;
}

/**
 * Paragraphs of `source` that no escaping can write as plain MDX text, with a
 * message each. In practice these are web and e-mail addresses: GFM turns
 * them into links after escapes are resolved, and the build refuses links in
 * the source text.
 */
export function unrepresentableParagraphs(source: string, sourcePath: string, title: string): string[] {
  const errors: string[] = [];
  const expected = splitSourceParagraphs(source);
  sourceParagraphLines(source).forEach((paragraph, index) => {
    const mdx = draftBlock(paragraph, index, title);
    const where = `${sourcePath}:${paragraph.line}: ¶ ${index + 1}`;
    let blocks: Block[] = [];
    let issues: string[] = [];
    try {
      const extracted = extractBlocks(parseMdx(mdx));
      blocks = extracted.blocks;
      issues = extracted.issues.map((issue) => issue.message);
    } catch (error) {
      issues = [(error as Error).message];
    }
    if (issues.length > 0 || blocks.length !== 1 || blocks[0]?.text !== expected[index]?.text) {
      errors.push(`${where} cannot be written as plain MDX (${issues[0] ?? `it reads back as "${blocks.map((block) => block.text).join(' / ')}"`}): please report this as a bug of src/ingest/mdx-escape.ts`);
    }
  });
  return errors;
}
