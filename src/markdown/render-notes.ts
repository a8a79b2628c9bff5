import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { footnoteOptions } from './pipeline.ts';
import rehypeBaseLinks from './rehype-base-links.ts';

/**
 * Renders editorial notes written in Markdown (a claim's notes) as glossary
 * entries are rendered: GFM, footnotes as "Notes", site links under the base
 * path. Raw HTML stays escaped: notes are text, never markup.
 */
export function notesRenderer(base: string): (markdown: string) => string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, footnoteOptions).use(rehypeBaseLinks, { base }).use(rehypeStringify);
  return (markdown) => String(processor.processSync(markdown));
}
