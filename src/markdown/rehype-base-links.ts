import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../routes.ts';

/**
 * Content links to the site's own pages with route paths (`/glossary/mek/`,
 * `/documents/x/#p7`), wherever the site is served; this puts each under the
 * base path, so that a site served from `/corpus/` links within itself.
 * Protocol-relative links (`//host/…`) and every other link are left alone.
 */
export default function rehypeBaseLinks({ base }: { base: string }) {
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (element) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = element.properties[attribute];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) element.properties[attribute] = withBase(value, base);
      }
    });
  };
}
