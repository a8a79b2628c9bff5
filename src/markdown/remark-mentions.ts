import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { entryPath } from '../routes.ts';
import { attributeValue, MENTION } from '../corpus/blocks.ts';

/**
 * Turns `<Mention entry="id">words</Mention>` into a link to the entry's page.
 * Unknown ids never reach here: the corpus check refuses them first.
 */
export default function remarkMentions() {
  return (tree: Root) => {
    visit(tree, 'mdxJsxTextElement', (node, index, parent) => {
      if (node.name !== MENTION || !parent || index === undefined) return;
      const entry = attributeValue(node, 'entry') ?? '';
      parent.children[index] = {
        type: 'link',
        url: entryPath(entry),
        children: node.children,
        data: { hProperties: { className: ['mention'], dataEntry: entry } },
      } as (typeof parent.children)[number];
    });
  };
}
