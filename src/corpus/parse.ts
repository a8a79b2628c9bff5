import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses an MDX page into mdast, as the site build does, positions included. */
export function parseMdx(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}

/** Parses a Markdown file (a glossary entry) into mdast. */
export function parseMarkdown(text: string): Root {
  return markdownParser.runSync(markdownParser.parse(text)) as Root;
}
