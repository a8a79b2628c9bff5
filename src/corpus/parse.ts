import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ContentFile } from './model.ts';
import type { Problem } from './problems.ts';

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

/** Markdown passes raw HTML through to the page, so an entry or claim could carry a script: each is refused. */
export function rawHtmlProblems(file: ContentFile, what: string): Problem[] {
  // Raw HTML, in a block or inline, begins with "<": a file without one has none, and is not parsed (0.7 s of a build's 500 entries).
  if (!file.text.includes('<')) return [];
  const problems: Problem[] = [];
  visit(parseMarkdown(file.text), 'html', (node) => {
    problems.push({
      file: file.path,
      line: node.position?.start.line ?? 1,
      message: `raw HTML is not allowed in ${what} (found ${node.value.slice(0, 30)}): write Markdown, and escape a literal < as \\<`,
    });
  });
  return problems;
}
