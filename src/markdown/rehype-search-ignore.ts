import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Keeps the marks that call editorial notes (the `<sup>` around a footnote
 * reference) out of the search index, so that an excerpt reads as the text
 * ("Bledi Cuci told media…"), not "Bledi Cuci 5 told media…". The notes
 * themselves are indexed, or not, where they stand.
 */
export default function rehypeSearchIgnore() {
  return (tree: Root) => {
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'sup') return;
      const callsNote = element.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined);
      if (callsNote) element.properties.dataPagefindIgnore = '';
    });
  };
}
