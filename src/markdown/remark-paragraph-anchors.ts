import type { Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { paragraphAnchor } from '../routes.ts';
import { attributeValue, forEachBlock, MENTION } from '../corpus/blocks.ts';
import { paragraphSearchTitle } from '../site/search-records.ts';

/**
 * Gives every block of the source text its permanent number and anchor:
 * `<p id="p7" class="para"><a class="para-num" href="#p7">¶ 7</a><span class="para-text">…</span></p>`.
 * The source's own headings become h2, since the page's h1 is the edition's title.
 * Given each entry's type label, the search title also names the types of
 * entity the paragraph mentions.
 */
export default function remarkParagraphAnchors({ typeLabels }: { typeLabels?: ReadonlyMap<string, string> } = {}) {
  return (tree: Root) => {
    let number = 0;
    forEachBlock(tree, ({ node }) => {
      number += 1;
      const id = paragraphAnchor(number);
      node.data = {
        ...node.data,
        hName: node.type === 'heading' ? 'h2' : 'p',
        hProperties: { id, className: ['para'], dataPagefindTitle: paragraphSearchTitle(number, typeLabels ? mentionedTypes(node, typeLabels) : []) },
      };
      const text = { type: 'paragraphText', children: node.children, data: { hName: 'span', hProperties: { className: ['para-text'] } } };
      const numberLink = {
        type: 'link',
        url: `#${id}`,
        children: [{ type: 'text', value: `¶ ${number}` }],
        data: { hProperties: { className: ['para-num'], ariaLabel: `Paragraph ${number}, permanent link`, dataPagefindIgnore: '' } },
      };
      node.children = [numberLink, text] as unknown as typeof node.children;
    });
  };
}

/**
 * The type labels of the entries a block mentions, in the order met. A loop
 * rather than unist-util-visit, which makes a list of a node's ancestors at
 * every node it passes: run for every block of every page, that walk cost
 * about 3% of a page's check and rendering.
 */
function mentionedTypes(node: Paragraph | Heading, typeLabels: ReadonlyMap<string, string>): string[] {
  const types = new Set<string>();
  const walk = (children: readonly PhrasingContent[]) => {
    for (const child of children) {
      if (child.type === 'mdxJsxTextElement' && child.name === MENTION) {
        const label = typeLabels.get(attributeValue(child, 'entry') ?? '');
        if (label) types.add(label);
      }
      if ('children' in child) walk(child.children);
    }
  };
  walk(node.children);
  return [...types];
}
