import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { NormalizedText } from '../text/normalize.ts';
import { withSentences } from '../text/sentences.ts';

/**
 * The annotation components an editor may use in a corpus page. Everything
 * else that is not plain Markdown text is refused, so that MDX cannot run code
 * and the source text cannot be hidden behind markup.
 */
export const MENTION = 'Mention';
export const DEBRIS = 'Debris';

/** A paragraph or heading of the source text, as written in a corpus page. */
export interface Block {
  /** 1-based number, the ¶ number readers cite. */
  number: number;
  kind: 'paragraph' | 'heading';
  /** Marked as scraping debris: present in the source, not part of the article. */
  debris: boolean;
  /** The source text of the block, annotations stripped, white space normalised. */
  text: string;
  /** 1-based line in the MDX body. */
  line: number;
  mentions: MentionSpan[];
  footnoteLabels: string[];
  /** Where each note reference stands in Block.text: the length of the text before it. */
  footnoteOffsets: number[];
}

export interface MentionSpan {
  entry: string;
  /** Offsets into Block.text. */
  start: number;
  end: number;
  /** The sentences the mention lies in, as offsets into Block.text: its context on its entry's page. */
  sentence: [start: number, end: number];
  line: number;
  column: number;
}

/** A mention as the block's text is collected, before its sentence is known. */
type PendingSpan = Omit<MentionSpan, 'sentence'>;

export interface BlockIssue {
  line: number;
  column: number;
  message: string;
}

export interface BlockNode {
  node: Paragraph | Heading;
  debris: boolean;
}

/**
 * Visits the numbered blocks of a page in reading order: top-level paragraphs
 * and headings, and those inside `<Debris>`. Footnote definitions are the
 * editors' apparatus, not source text, and are skipped.
 */
export function forEachBlock(tree: Root, visit: (block: BlockNode) => void): void {
  for (const child of tree.children) {
    if (child.type === 'paragraph' || child.type === 'heading') visit({ node: child, debris: false });
    if (child.type === 'mdxJsxFlowElement' && child.name === DEBRIS) {
      for (const inner of child.children) {
        if (inner.type === 'paragraph' || inner.type === 'heading') visit({ node: inner, debris: true });
      }
    }
  }
}

export interface ExtractedBlocks {
  blocks: Block[];
  issues: BlockIssue[];
  footnoteDefinitions: { label: string; line: number }[];
}

export function extractBlocks(tree: Root): ExtractedBlocks {
  const issues: BlockIssue[] = [];
  const report = (node: { position?: { start: { line: number; column: number } } }, message: string) =>
    issues.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });

  const footnoteDefinitions: ExtractedBlocks['footnoteDefinitions'] = [];
  for (const child of tree.children) checkFlow(child, false, report, footnoteDefinitions);

  const blocks: Block[] = [];
  forEachBlock(tree, ({ node, debris }) => {
    const text = new NormalizedText();
    const spans: PendingSpan[] = [];
    const footnoteLabels: string[] = [];
    const footnoteOffsets: number[] = [];
    const onReference = (label: string) => {
      footnoteLabels.push(label);
      // A space pending before the reference is not part of the words it follows.
      footnoteOffsets.push(text.toString().length);
    };
    for (const inline of node.children) collectInline(inline, text, spans, onReference, report);
    const blockText = text.toString();
    blocks.push({
      number: blocks.length + 1,
      kind: node.type,
      debris,
      text: blockText,
      line: node.position?.start.line ?? 1,
      // Found here, page by page, rather than for every page whenever the model is assembled: in the check's threads, and kept with its result.
      mentions: withSentences(blockText, spans),
      footnoteLabels,
      footnoteOffsets,
    });
  });
  return { blocks, issues, footnoteDefinitions };
}

type Report = (node: { position?: { start: { line: number; column: number } } }, message: string) => void;

const escapeHint = 'the source text must stay plain paragraphs: escape Markdown syntax in it with a backslash';

function checkFlow(node: RootContent, insideDebris: boolean, report: Report, footnotes: ExtractedBlocks['footnoteDefinitions']): void {
  switch (node.type) {
    case 'yaml':
    case 'paragraph':
    case 'heading':
      return;
    case 'footnoteDefinition':
      if (insideDebris) report(node, 'a footnote definition cannot stand inside <Debris>');
      footnotes.push({ label: node.identifier, line: node.position?.start.line ?? 1 });
      checkNote(node, report);
      return;
    case 'mdxjsEsm':
      report(node, '`import` and `export` are not allowed in corpus pages: MDX content must not run code');
      return;
    case 'mdxFlowExpression':
      report(node, 'JavaScript expressions (`{…}`) are not allowed in corpus pages: MDX content must not run code');
      return;
    case 'mdxJsxFlowElement':
      if (node.name !== DEBRIS || insideDebris) {
        report(node, unknownComponent(node));
        return;
      }
      checkAttributes(node, ['reason'], report);
      for (const inner of node.children) checkFlow(inner, true, report, footnotes);
      return;
    default:
      report(node, `unexpected ${node.type}: ${escapeHint}`);
  }
}

/** Notes are free Markdown, but may not run code either. */
function checkNote(node: RootContent, report: Report): void {
  if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    report(node, 'JavaScript expressions are not allowed in editorial notes: MDX content must not run code');
    return;
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    report(node, `components are not allowed in editorial notes (found <${node.name ?? ''}>): link an entry with [name](/glossary/id/)`);
    return;
  }
  if ('children' in node) for (const child of node.children) checkNote(child as RootContent, report);
}

function collectInline(node: PhrasingContent, text: NormalizedText, mentions: PendingSpan[], onReference: (label: string) => void, report: Report): void {
  switch (node.type) {
    case 'text':
      text.append(node.value);
      return;
    case 'break':
      text.append('\n');
      return;
    case 'footnoteReference':
      onReference(node.identifier);
      return;
    case 'mdxJsxTextElement':
      collectMention(node, text, mentions, report);
      return;
    case 'link':
      // GFM turns web and e-mail addresses in the text into links, and no escape prevents it: they are source text.
      if (isAutolinkLiteral(node)) {
        text.append(node.children[0]?.type === 'text' ? node.children[0].value : '');
        return;
      }
      report(node, `unexpected link in the source text: ${escapeHint}`);
      return;
    case 'mdxTextExpression':
      report(node, 'JavaScript expressions (`{…}`) are not allowed in corpus pages: MDX content must not run code; write a literal brace as `\\{`');
      return;
    default:
      report(node, `unexpected ${node.type} in the source text: ${escapeHint}`);
  }
}

/** A link GFM made from a bare address (`www.x.org`, `https://x.org`, `a@b.org`), not one an editor wrote. */
function isAutolinkLiteral(node: Link): boolean {
  const [child, ...rest] = node.children;
  if (rest.length > 0 || child?.type !== 'text') return false;
  return [child.value, `http://${child.value}`, `mailto:${child.value}`].includes(node.url);
}

function collectMention(node: MdxJsxTextElement, text: NormalizedText, mentions: PendingSpan[], report: Report): void {
  if (node.name !== MENTION) {
    report(node, unknownComponent(node));
    return;
  }
  checkAttributes(node, ['entry'], report);
  const entry = attributeValue(node, 'entry');
  if (!entry) {
    report(node, '<Mention> needs an `entry` attribute naming a glossary entry, e.g. <Mention entry="mek">MEK</Mention>');
    return;
  }
  const start = text.offset;
  for (const child of node.children) {
    if (child.type === 'text') text.append(child.value);
    else report(child, '<Mention> may contain only the words of the source it marks');
  }
  if (text.toString().length === start) report(node, `<Mention entry="${entry}"> is empty: wrap the words that name the entry`);
  mentions.push({
    entry,
    start,
    end: text.toString().length,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
}

export function attributeValue(node: MdxJsxTextElement | MdxJsxFlowElement, name: string): string | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') return attribute.value;
  }
  return undefined;
}

function checkAttributes(node: MdxJsxTextElement | MdxJsxFlowElement, allowed: string[], report: Report): void {
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      report(node, `<${node.name}> takes no spread attributes: MDX content must not run code`);
    } else if (!allowed.includes(attribute.name)) {
      report(node, `<${node.name}> has no attribute \`${attribute.name}\` (allowed: ${allowed.join(', ')})`);
    } else if (typeof attribute.value !== 'string') {
      report(node, `<${node.name} ${attribute.name}> must be a quoted string, not an expression: MDX content must not run code`);
    }
  }
}

function unknownComponent(node: MdxJsxTextElement | MdxJsxFlowElement): string {
  const name = node.name ?? '(fragment)';
  return `unknown component <${name}>: corpus pages may use only <${MENTION} entry="…"> around words and <${DEBRIS}> around whole paragraphs`;
}
