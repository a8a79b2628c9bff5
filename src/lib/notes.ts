import type { Nodes, PhrasingContent, Root } from 'mdast';
import { forEachBlock, MENTION } from './blocks.ts';
import { parseMdx } from './parse.ts';
import { NormalizedText, normalizeWhitespace } from './text.ts';

// Editorial notes: where each reference stands, and what each note says.


/** A footnote reference in a paragraph of a page. */
export interface NoteReference {
  /** The footnote's identifier, as Block.footnoteLabels records it. */
  label: string;
  paragraph: number;
  /** Offset in Block.text (UTF-16 units) at which the reference stands. */
  offset: number;
  /** 1 for the first reference to this note on the page, 2 for the second… */
  occurrence: number;
}

/** An editorial note (GFM footnote definition) as plain text. */
export interface EditorialNote {
  label: string;
  /** Plain text: Markdown removed, white space normalised, paragraphs separated by a blank line. */
  text: string;
  /** Link targets in the note, as written, in order, without repeats. */
  links: string[];
}

export interface PageNotes {
  references: NoteReference[];
  notes: EditorialNote[];
  /** Each block's text, built as extractBlocks builds Block.text, to check the offsets against the model. */
  blockTexts: string[];
}

/**
 * Reads the note references and notes of an MDX page. Blocks are numbered and
 * their text accumulated exactly as extractBlocks does, so that a reference's
 * offset is an offset into Block.text.
 */
export function pageNotes(mdx: string): PageNotes {
  return pageNotesFromTree(parseMdx(mdx));
}

/** The same, from a page already parsed (the corpus check keeps them from its single parse). */
export function pageNotesFromTree(tree: Root): PageNotes {
  const references: NoteReference[] = [];
  const blockTexts: string[] = [];
  const seen = new Map<string, number>();
  forEachBlock(tree, ({ node }) => {
    const text = new NormalizedText();
    const paragraph = blockTexts.length + 1;
    const onReference = (label: string) => {
      const occurrence = (seen.get(label) ?? 0) + 1;
      seen.set(label, occurrence);
      // Where the text so far ends: a space pending before the reference is not part of the preceding words.
      references.push({ label, paragraph, offset: text.toString().length, occurrence });
    };
    for (const inline of node.children) accumulate(inline, text, onReference);
    blockTexts.push(text.toString());
  });
  return { references, notes: footnoteDefinitions(tree), blockTexts };
}

function accumulate(node: PhrasingContent, text: NormalizedText, onReference: (label: string) => void): void {
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
      if (node.name !== MENTION) return;
      for (const child of node.children) if (child.type === 'text') text.append(child.value);
      return;
    default:
    // Anything else is refused by the corpus check before an export is made.
  }
}

function footnoteDefinitions(tree: Root): EditorialNote[] {
  return tree.children.flatMap((child) => {
    if (child.type !== 'footnoteDefinition') return [];
    const links: string[] = [];
    collectLinks(child, links);
    return [
      {
        label: child.identifier,
        text: child.children
          .map((block) => normalizeWhitespace(plainText(block)))
          .filter((paragraph) => paragraph !== '')
          .join('\n\n'),
        links: [...new Set(links)],
      },
    ];
  });
}

const blockContainers = new Set(['blockquote', 'list', 'listItem', 'table', 'tableRow']);

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'image') return node.alt ?? '';
  // Blocks inside a container are separate runs of text; the caller normalises the spaces this adds.
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join(blockContainers.has(node.type) ? ' ' : '');
  return '';
}

function collectLinks(node: Nodes, links: string[]): void {
  if (node.type === 'link') links.push(node.url);
  if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, links);
}
