import type { Heading, Paragraph, Root } from 'mdast';
import { paragraphAnchor } from '../routes.ts';
import { attributeValue, forEachBlock, MENTION } from '../corpus/blocks.ts';
import { paragraphSearchTitle } from '../site/search-records.ts';
import { visit } from 'unist-util-visit';

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

function mentionedTypes(node: Paragraph | Heading, typeLabels: ReadonlyMap<string, string>): string[] {
  const types = new Set<string>();
  visit(node, 'mdxJsxTextElement', (element) => {
    if (element.name !== MENTION) return;
    const label = typeLabels.get(attributeValue(element, 'entry') ?? '');
    if (label) types.add(label);
  });
  return [...types];
}
