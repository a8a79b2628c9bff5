import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import rehypeBaseLinks from '../../../src/markdown/rehype-base-links.ts';

/** A fragment with the kinds of link a page can hold, each in a nested element. */
function page(): Root {
  return h(null, [
    h('p', [h('a', { href: '/glossary/mek/' }, 'MEK'), h('a', { href: '/documents/my-article/#p7' }, '¶ 7'), h('img', { src: '/favicon.svg', alt: '' })]),
    h('p', [
      h('a', { href: '#p7' }, '¶ 7'),
      h('a', { href: '//cdn.example.org/x.js' }, 'protocol-relative'),
      h('a', { href: 'https://example.org/' }, 'absolute'),
      h('a', { href: 'mailto:press@example.org' }, 'mail'),
      h('a', { href: 'notes/' }, 'relative'),
    ]),
  ]);
}

function links(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'element') {
      const link = node.properties.href ?? node.properties.src;
      if (typeof link === 'string') found.push(link);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

describe('rehypeBaseLinks', () => {
  it('puts every route path, in href or src, under the base path', () => {
    const tree = page();
    rehypeBaseLinks({ base: '/corpus/' })(tree);
    expect(links(tree).slice(0, 3)).toEqual(['/corpus/glossary/mek/', '/corpus/documents/my-article/#p7', '/corpus/favicon.svg']);
  });

  it('leaves fragments, protocol-relative, absolute, mail and relative links alone', () => {
    const tree = page();
    rehypeBaseLinks({ base: '/corpus/' })(tree);
    expect(links(tree).slice(3)).toEqual(['#p7', '//cdn.example.org/x.js', 'https://example.org/', 'mailto:press@example.org', 'notes/']);
  });

  it('changes nothing on a site served from the root', () => {
    const tree = page();
    rehypeBaseLinks({ base: '/' })(tree);
    expect(tree).toEqual(page());
  });
});
