import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';

/**
 * Sets each editorial note beside the paragraph that calls it: after every
 * top-level block with note references comes an `<aside class="sidenotes">`
 * holding copies of those notes. CSS puts the aside in the margin on wide
 * screens and shows a note in place when its reference is followed (`:target`)
 * on narrow ones; the GFM endnotes stay for print and for reading without CSS.
 */
export default function rehypeSidenotes() {
  return (tree: Root) => {
    const notes = endnotesById(tree);
    if (notes.size === 0) return;
    let number = 0;
    const numbers = new Map<string, number>();
    tree.children = tree.children.flatMap((block): RootContent[] => {
      if (block.type !== 'element' || notes.size === 0) return [block];
      const references: { noteId: string; referenceId: string }[] = [];
      // A loop rather than unist-util-visit, which makes a list of a node's ancestors at every node it passes.
      const findReferences = (element: Element) => {
        if (element.tagName === 'a' && element.properties.dataFootnoteRef !== undefined) {
          const noteId = String(element.properties.href ?? '').replace(/^#/u, '');
          const referenceId = String(element.properties.id ?? '');
          if (notes.has(noteId)) {
            if (!numbers.has(noteId)) numbers.set(noteId, (number += 1));
            element.properties.href = `#${sidenoteId(noteId)}`;
            references.push({ noteId, referenceId });
          }
        }
        for (const child of element.children) if (child.type === 'element') findReferences(child);
      };
      findReferences(block);
      if (references.length === 0) return [block];
      const paragraphLabel = block.properties.dataPagefindTitle ?? 'this paragraph';
      const aside = h(
        'aside',
        { className: ['sidenotes'], ariaLabel: `Notes to ${String(paragraphLabel)}`, dataPagefindIgnore: '' },
        references.map(({ noteId, referenceId }) => sidenote(noteId, referenceId, numbers.get(noteId) ?? 0, notes.get(noteId) ?? [])),
      );
      return [block, aside];
    });
  };
}

function sidenoteId(noteId: string): string {
  return noteId.replace(/^fn-/u, 'sn-');
}

/**
 * The content of each endnote (`<li id="fn-x">`), its back-links removed.
 * The endnotes are all in the notes section remark-rehype appends to the page
 * (`<section data-footnotes>`): only that section is searched, not the whole
 * page, which the build would otherwise walk once more for every document.
 */
function endnotesById(tree: Root): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  // A loop, as above.
  const findNotes = (element: Element) => {
    if (element.tagName === 'li' && String(element.properties.id ?? '').startsWith('fn-')) {
      const content = structuredClone(element.children);
      for (const child of content) {
        if (child.type === 'element')
          child.children = child.children.filter((node) => !(node.type === 'element' && node.properties.dataFootnoteBackref !== undefined));
      }
      notes.set(String(element.properties.id), content);
    }
    for (const child of element.children) if (child.type === 'element') findNotes(child);
  };
  for (const child of tree.children) if (child.type === 'element' && child.properties.dataFootnotes !== undefined) findNotes(child);
  return notes;
}

function sidenote(noteId: string, referenceId: string, number: number, content: ElementContent[]): Element {
  return h('div', { className: ['sidenote'], id: sidenoteId(noteId) }, [
    h('span', { className: ['sidenote-number'] }, `${number}`),
    ...content,
    h('a', { href: `#${referenceId}`, className: ['sidenote-back'], ariaLabel: `Back to reference ${number}` }, '↩'),
  ]);
}
