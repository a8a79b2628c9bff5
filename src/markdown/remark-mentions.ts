import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { glossaryPath } from '../corpus/anchors.ts';
import { attributeValue, MENTION } from '../corpus/blocks.ts';
import { isCorpusPage } from './corpus-file.ts';

/**
 * Turns `<Mention entry="id">words</Mention>` into a link to the entry's page.
 * Unknown ids never reach here: the corpus check refuses them first.
 */
export default function remarkMentions({ corpusDir }: { corpusDir: string }) {
  return (tree: Root, file: VFile) => {
    if (!isCorpusPage(file, corpusDir)) return;
    visit(tree, 'mdxJsxTextElement', (node, index, parent) => {
      if (node.name !== MENTION || !parent || index === undefined) return;
      const entry = attributeValue(node, 'entry') ?? '';
      parent.children[index] = {
        type: 'link',
        url: glossaryPath(entry),
        children: node.children,
        data: { hProperties: { className: ['mention'], dataEntry: entry } },
      } as typeof parent.children[number];
    });
  };
}
