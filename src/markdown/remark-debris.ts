import type { Root, RootContent } from 'mdast';
import { attributeValue, DEBRIS } from '../corpus/blocks.ts';

/**
 * Renders `<Debris reason="…">` (text the scraper kept that is not part of the
 * article) as a muted block that search leaves out. The paragraphs stay, as
 * the source is published whole.
 */
export default function remarkDebris() {
  return (tree: Root) => {
    tree.children = tree.children.map((node) => {
      if (node.type !== 'mdxJsxFlowElement' || node.name !== DEBRIS) return node;
      const reason = attributeValue(node, 'reason');
      const label = {
        type: 'debrisLabel',
        children: [{ type: 'text', value: reason ? `Not part of the article: ${reason}` : 'Not part of the article' }],
        data: { hName: 'p', hProperties: { className: ['debris-label'] } },
      };
      return {
        type: 'debris',
        children: [label, ...node.children],
        data: { hName: 'div', hProperties: { className: ['debris'], dataPagefindIgnore: '' } },
      } as unknown as RootContent;
    });
  };
}
