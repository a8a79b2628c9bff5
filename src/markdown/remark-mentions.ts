import type { Nodes, Root } from 'mdast';
import { entryPath } from '../routes.ts';
import { attributeValue, MENTION } from '../corpus/blocks.ts';

/**
 * Turns `<Mention entry="id">words</Mention>` into a link to the entry's page.
 * Unknown ids never reach here: the corpus check refuses them first. A loop
 * rather than unist-util-visit, which makes a list of a node's ancestors at
 * every node it passes (about 3% of a page's check and rendering).
 */
export default function remarkMentions() {
  const replace = (node: Nodes) => {
    if (!('children' in node)) return;
    const { children } = node;
    for (const [index, child] of children.entries()) {
      if (child.type === 'mdxJsxTextElement' && child.name === MENTION) {
        const entry = attributeValue(child, 'entry') ?? '';
        children[index] = {
          type: 'link',
          url: entryPath(entry),
          children: child.children,
          data: { hProperties: { className: ['mention'], dataEntry: entry } },
        } as (typeof children)[number];
      }
      // The words of a mention replaced are the link's: a mention within them is replaced there.
      replace(child);
    }
  };
  return (tree: Root) => replace(tree);
}
