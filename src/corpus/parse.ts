import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ContentFile } from './model.ts';
import type { Problem } from './problems.ts';

/**
 * remark-gfm but for its literal autolinks (a bare URL or e-mail address in
 * the text becomes a link): the other four extensions, in remark-gfm's order.
 */
function remarkGfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  ];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const parserWithoutLiteralAutolinks = unified().use(remarkParse).use(remarkMdx).use(remarkGfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml']);
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/*
 * Looking for literal autolinks costs more than the rest of the parse
 * together (16 ms of 36 for a benchmark document), since every word could
 * begin an e-mail address. A literal autolink begins "http://", "https://"
 * or "www." or holds an "@", as written or as a character reference
 * ("&#64;"), so a text with none of "http", "www", "@" and a character
 * reference has none, and is parsed without them: the same tree. The front
 * matter holds none either (a document's `url`, say), whatever it says.
 */
const mayHoldLiteralAutolinks = /http|www|@|&(?:#|[a-z])/iu;

/** A first guess at where the front matter ends: the parse says where it does. */
const frontMatterGuess = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u;

function parseWith(processor: typeof parser, text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Where the text after the front matter begins, as the parse found it: the end of its `yaml` node, or 0. */
function bodyStart(tree: Root): number {
  const [first] = tree.children;
  return first?.type === 'yaml' ? (first.position?.end.offset ?? 0) : 0;
}

/** Parses an MDX page into mdast, as the site build does, positions included. */
export function parseMdx(text: string): Root {
  if (mayHoldLiteralAutolinks.test(text.slice(frontMatterGuess.exec(text)?.[0].length ?? 0))) return parseWith(parser, text);
  const tree = parseWith(parserWithoutLiteralAutolinks, text);
  return mayHoldLiteralAutolinks.test(text.slice(bodyStart(tree))) ? parseWith(parser, text) : tree;
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
