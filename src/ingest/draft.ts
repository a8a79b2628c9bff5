/**
 * The body of a new page: the source's paragraphs written as MDX that reads
 * back as the same text (see mdx-escape.ts), the headline as the `#` heading
 * and suggested debris inside `<Debris>` (see debris.ts for both).
 * The paragraphs are those of splitSourceParagraphs, the one scanner of
 * source text, so the page has the source's paragraphs by construction.
 */
import { extractBlocks, type Block } from '../corpus/blocks.ts';
import { parseMdx } from '../corpus/parse.ts';
import type { SourceParagraph } from '../text/paragraphs.ts';
import type { DraftLayout } from './debris.ts';
import { escapeHeading, escapeParagraph } from './mdx-escape.ts';

/** The MDX of one source paragraph: the `#` heading if it is the headline, else a paragraph. */
function draftBlock(paragraph: SourceParagraph, layout: DraftLayout): string {
  return paragraph.number === layout.headline ? escapeHeading(paragraph.lines) : escapeParagraph(paragraph.lines);
}

/** The `reason` of a `<Debris>` that ingest suggests: the attribute is written in double quotes, so none may occur in it. */
export const suggestedDebrisReason = (reason: string) => `suggested by ingest: ${reason.replaceAll('"', "'")}`;

/** The page body: the source's paragraphs, escaped, separated by blank lines, suggested debris wrapped in `<Debris>`. */
export function draftBody(paragraphs: readonly SourceParagraph[], layout: DraftLayout): string {
  const blocks = paragraphs.map((paragraph) => {
    const block = draftBlock(paragraph, layout);
    const reason = layout.debris.get(paragraph.number);
    return reason === undefined ? block : `<Debris reason="${suggestedDebrisReason(reason)}">\n${block}\n</Debris>`;
  });
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Paragraphs of the source that no escaping can write as plain MDX text, with
 * a message each. In practice these are web and e-mail addresses: GFM turns
 * them into links after escapes are resolved, and the build refuses links in
 * the source text.
 */
export function unrepresentableParagraphs(paragraphs: readonly SourceParagraph[], sourcePath: string, layout: DraftLayout): string[] {
  const errors: string[] = [];
  for (const paragraph of paragraphs) {
    const mdx = draftBlock(paragraph, layout);
    const where = `${sourcePath}:${paragraph.line}: ¶ ${paragraph.number}`;
    let blocks: Block[] = [];
    let issues: string[] = [];
    try {
      const extracted = extractBlocks(parseMdx(mdx));
      blocks = extracted.blocks;
      issues = extracted.issues.map((issue) => issue.message);
    } catch (error) {
      issues = [(error as Error).message];
    }
    if (issues.length > 0 || blocks.length !== 1 || blocks[0]?.text !== paragraph.text) {
      errors.push(
        `${where} cannot be written as plain MDX (${issues[0] ?? `it reads back as "${blocks.map((block) => block.text).join(' / ')}"`}): please report this as a bug of src/ingest/mdx-escape.ts`,
      );
    }
  }
  return errors;
}
