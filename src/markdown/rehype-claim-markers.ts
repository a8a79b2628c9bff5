import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { claimPath, paragraphAnchor } from '../routes.ts';
import type { PageData } from './page-data.ts';

/** How much of a claim's statement a marker shows. */
const markerLength = 90;

/**
 * Marks each paragraph that reports a registered claim with a quiet link to
 * the claim, in the paragraph's notes column: added to the sidenotes aside
 * that follows the paragraph (rehype-sidenotes), or in an aside of its own.
 */
export default function rehypeClaimMarkers() {
  return (tree: Root, file: VFile) => {
    const claims = (file.data as { page?: PageData }).page?.claims;
    if (!claims || claims.size === 0) return;
    const byAnchor = new Map([...claims].map(([number, references]) => [paragraphAnchor(number), references]));
    const children: RootContent[] = [];
    tree.children.forEach((node, index) => {
      children.push(node);
      const references = node.type === 'element' ? byAnchor.get(String(node.properties.id ?? '')) : undefined;
      if (!references) return;
      const markers = references.map(({ id, statement }) =>
        h('p', { className: ['claim-marker'] }, [
          h('a', { href: claimPath(id) }, [h('span', { className: ['claim-marker-label'] }, 'Claim'), ` ${shorten(statement)}`]),
        ]),
      );
      const next = tree.children[index + 1];
      if (isSidenotes(next)) next.children.push(...markers);
      else {
        const label = String((node as Element).properties.dataPagefindTitle ?? 'this paragraph');
        children.push(h('aside', { className: ['sidenotes'], ariaLabel: `Notes to ${label}`, dataPagefindIgnore: '' }, markers));
      }
    });
    tree.children = children;
  };
}

function isSidenotes(node: RootContent | undefined): node is Element {
  return node?.type === 'element' && node.tagName === 'aside' && (node.properties.className as string[] | undefined)?.includes('sidenotes') === true;
}

function shorten(statement: string): string {
  if (statement.length <= markerLength) return statement;
  return `${statement.slice(0, statement.lastIndexOf(' ', markerLength))}…`;
}
