import type { Nodes, Root } from 'mdast';
import type { Block } from './blocks.ts';
import { normalizeWhitespace } from '../text/normalize.ts';

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
}

/**
 * The note references and notes of a page the corpus check has parsed and
 * split into blocks: reference offsets are offsets into Block.text, as
 * extractBlocks recorded them.
 */
export function pageNotes(blocks: readonly Block[], tree: Root): PageNotes {
  const references: NoteReference[] = [];
  const seen = new Map<string, number>();
  for (const block of blocks) {
    block.footnoteLabels.forEach((label, index) => {
      const occurrence = (seen.get(label) ?? 0) + 1;
      seen.set(label, occurrence);
      references.push({ label, paragraph: block.number, offset: block.footnoteOffsets[index] ?? block.text.length, occurrence });
    });
  }
  return { references, notes: footnoteDefinitions(tree) };
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
