import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ContentFile } from './model.ts';
import type { Problem } from './problems.ts';

/** The constructs of GFM that a page's parse can leave out, where its text cannot hold one (below). */
interface Omitted {
  literalAutolinks: boolean;
  tables: boolean;
}

/** remark-gfm's parts, in its order: each extension of micromark with the one of mdast that makes its nodes. */
const gfmParts: { omittedWith?: keyof Omitted; syntax: typeof gfmTable; tree: typeof gfmTableFromMarkdown }[] = [
  { omittedWith: 'literalAutolinks', syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown },
  { syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  { omittedWith: 'tables', syntax: gfmTable, tree: gfmTableFromMarkdown },
  { syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
];

/**
 * remark-gfm with some of its parts left out: the others, in remark-gfm's
 * order. remark-gfm itself where none is.
 */
function remarkGfmWithout(this: Processor, omitted: Omitted): void {
  const parts = gfmParts.filter(({ omittedWith }) => !(omittedWith && omitted[omittedWith]));
  if (parts.length === gfmParts.length) {
    remarkGfm.call(this);
    return;
  }
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...parts.map(({ syntax }) => syntax())];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), parts.map(({ tree }) => tree())];
}

function mdxParser(omitted: Omitted) {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfmWithout, omitted).use(remarkFrontmatter, ['yaml']);
}

type Parser = ReturnType<typeof mdxParser>;

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** A parser for each set of constructs left out, made at its first use. */
const parsers = new Map<string, Parser>();

function parserWithout(omitted: Omitted): Parser {
  const key = `${omitted.literalAutolinks} ${omitted.tables}`;
  let made = parsers.get(key);
  if (!made) {
    made = mdxParser(omitted);
    parsers.set(key, made);
  }
  return made;
}

const nothingOmitted: Omitted = { literalAutolinks: false, tables: false };

/*
 * Two of GFM's constructs cost most of a parse while few pages hold them.
 * Looking for literal autolinks costs more than the rest of the parse
 * together (16 ms of 36 for a benchmark document), since every word could
 * begin an e-mail address; looking for a table at the start of every line
 * cost another 7% of a benchmark document's check and rendering. A literal
 * autolink begins "http://", "https://" or "www." or holds an "@", as
 * written or as a character reference ("&#64;"). A table's delimiter row
 * holds a "|" or an alignment colon, which touches a dash (":-", "-:"):
 * without one, dashes under a line make a heading or a rule, and a character
 * reference never stands for either (the table is found before references
 * are decoded). So a text with none of "http", "www", "@" and a character
 * reference has no literal autolink, a text with none of "|", ":-" and "-:"
 * no table, and each is parsed without the extension it cannot use: the
 * same tree. The front matter holds neither, whatever it says (a document's
 * `url`, a YAML block scalar's "|").
 */
const mayHoldLiteralAutolinks = /http|www|@|&(?:#|[a-z])/iu;
const mayHoldTables = /\||:-|-:/u;

function omittable(body: string): Omitted {
  return { literalAutolinks: !mayHoldLiteralAutolinks.test(body), tables: !mayHoldTables.test(body) };
}

/** A first guess at where the front matter ends: the parse says where it does. */
const frontMatterGuess = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u;

function parseWith(processor: Parser, text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Where the text after the front matter begins, as the parse found it: the end of its `yaml` node, or 0. */
function bodyStart(tree: Root): number {
  const [first] = tree.children;
  return first?.type === 'yaml' ? (first.position?.end.offset ?? 0) : 0;
}

/*
 * Satteri, the native parser that is Astro's default Markdown processor,
 * gives the tree this parse gives (remark-mdx, remark-gfm and YAML front
 * matter, positions included) in about a seventh of the time, but not for
 * every text. Compared on random pages built from the corpus's syntax, the
 * two differ where a line holds nothing but JSX elements with their words
 * (`<Mention entry="mek">MEK</Mention>`, after any marker or footnote label),
 * which remark reads as a paragraph and satteri as a block; where an
 * element's words run over a line break; at some literal autolinks
 * (`—www.example.org`); often where emphasis is written with `*` or `_`; in
 * nested quotes and in a footnote that opens with a list marker or another
 * footnote; at a link's definition (`[^]: …`, even inside an element); at
 * control characters and Unicode spaces, labels with spaces, images, tags
 * that are none or run over a line, and past micromark's limits; satteri
 * reads TOML front matter (`+++`); and it gives the code of
 * `import`, `export` and `{…}` another syntax tree. So satteri parses a page
 * whose text after its front matter keeps clear of those, of the characters
 * below (those that differ, and those the comparison left out) and of the
 * block syntax the corpus check refuses (lists, quotes, indented code, rules,
 * setext headings), where it does not refuse the page; remark parses the
 * rest, and gives a refused page its message. tests/unit/corpus/parse.test.ts
 * goes on comparing the two on random pages, and on what a second read's
 * fuzzing found (1.4 million pages). Satteri's trees differ from
 * remark's in two things nothing here reads: its JSX elements carry
 * `data._mdxExplicitJsx`, and their attributes no position of their own.
 */
/**
 * Characters and runs the two read otherwise, or that the comparison left out:
 * emphasis, code, escapes, tables, strikethrough, expressions; control
 * characters and every white space but the space and the line break (satteri
 * trims labels and splits attributes at Unicode spaces); a footnote label with
 * a space in it, a bracket opening a bracket, an image; what goes past
 * micromark's limits (a label of 999 characters, 33 parentheses on a line,
 * past its 32 nested ones); and code (`import`, `export`).
 */
const beyondParity = /[*_`\\|~{}\uFEFF]|(?!\n)\p{Cc}|[^\S \n]|\[\^[^\]]*\s|\[\[|!\[|\[[^\]]{998}|^(?:[^(\n]*\(){33}|^(?:import|export)\b/mu;
/**
 * A line that opens with a list, quote, rule or setext marker, indentation or a fence; with `[`, but for a
 * footnote (`[^label]: ` and its words), as a definition of a link would; or a footnote whose words open so.
 */
const blockSyntax = /^(?:[ >+=-]|\d+[.)](?:[ ]|$)|\[(?!\^[^\]\s]+\]:[ ][^ ])|\[\^[^\]\s]+\]:[ ](?:[>+=-]|\d+[.)](?:[ ]|$)|\[\^))/mu;
/** What may open a line before its words: heading markers, a footnote's label (and, kept wide, the markers above). */
const lineMarkers = /^(?:[ >*+\-\d.)#]|\[\^[^\]\s]*\]:)*/u;
/** A tag's attributes, each on the tag's line: a name, and a quoted value. */
const attributes = '(?:[ ]+[A-Za-z][\\w-]*(?:="[^"\\n]*"|=\'[^\'\\n]*\')?)*[ ]*';
/** A tag on a line of its own, as `<Debris reason="…">` and `</Debris>` stand: a block, to both. */
const tagLine = new RegExp(`^(?:<[A-Za-z][\\w-]*${attributes}>|</[A-Za-z][\\w-]*>)[ ]*$`, 'u');
/** An element whose words hold no tag and no bracket, on one line. */
const element = new RegExp(`<([A-Za-z][\\w-]*)${attributes}>[^<\\[\\]\\n]*</\\1>`, 'gu');

/** Whether satteri reads a line as remark does: without JSX, or with elements that close on it among other words. */
function lineParsedAlike(line: string): boolean {
  if (!line.includes('<') || tagLine.test(line)) return true;
  const rest = line.replace(lineMarkers, '').replace(element, '');
  return !rest.includes('<') && rest.trim() !== '';
}

/** Whether satteri was shown to parse text of this shape as remark does: a page's text after its front matter (above; shown by sampling, not proved). */
export function parsedAlike(body: string): boolean {
  return (
    body.isWellFormed() && !beyondParity.test(body) && !blockSyntax.test(body) && !mayHoldLiteralAutolinks.test(body) && body.split('\n').every(lineParsedAlike)
  );
}

/** Satteri's tree of a page, where it was shown to be remark's (above); `guessedStart` is where its front matter seems to end. */
function nativeTree(text: string, guessedStart: number): Root | undefined {
  // The front matter too must be text remark keeps as it is: no NUL, no half of a surrogate pair (the body's rules say so of the rest).
  const frontMatter = text.slice(0, guessedStart);
  if (frontMatter.includes('\u0000') || !frontMatter.isWellFormed() || !parsedAlike(text.slice(guessedStart))) return undefined;
  let tree: Root;
  try {
    tree = mdxToMdast(text) as unknown as Root;
  } catch {
    return undefined;
  }
  // Where the parse found less front matter than guessed, the text it left out must keep to the same.
  const start = Math.min(guessedStart, bodyStart(tree));
  return start === guessedStart || parsedAlike(text.slice(start)) ? tree : undefined;
}

/** Parses an MDX page into mdast, as the site build does, positions included. */
export function parseMdx(text: string): Root {
  const guessedStart = frontMatterGuess.exec(text)?.[0].length ?? 0;
  const native = nativeTree(text, guessedStart);
  if (native) return native;
  const guessed = omittable(text.slice(guessedStart));
  if (!guessed.literalAutolinks && !guessed.tables) return parseWith(parserWithout(nothingOmitted), text);
  let tree: Root;
  try {
    tree = parseWith(parserWithout(guessed), text);
  } catch {
    // A page that does not parse gets the error the whole of remark-gfm gives: the guess may have left out what it needs.
    return parseWith(parserWithout(nothingOmitted), text);
  }
  // The guess took too much for front matter where the parse found less: the body it left out may need what was left out.
  const found = omittable(text.slice(bodyStart(tree)));
  const enough = (!guessed.literalAutolinks || found.literalAutolinks) && (!guessed.tables || found.tables);
  return enough ? tree : parseWith(parserWithout(found), text);
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
