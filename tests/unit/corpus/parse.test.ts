import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Link, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/corpus/parse.ts';

/** MDX with the whole of remark-gfm: what `parseMdx` must give for any text. */
const gfm = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const reference = (text: string) => gfm.runSync(gfm.parse(text)) as Root;

const links = (tree: Root) => {
  const urls: string[] = [];
  visit(tree, 'link', (node: Link) => {
    urls.push(node.url);
  });
  return urls;
};

/** Every construct of GFM but its literal autolinks, and near misses of them. */
const rich = `---
title: A page
---

# A heading with <Mention entry="harbour-bridge">the bridge</Mention>

Text with *emphasis*, **strong**, ~struck~ and ~~struck twice~~, a [link](/glossary/portvale/), a ww. and htp:// near miss, a footnote[^1] and a [^missing] one.

| a | b |
| - | :-: |
| 1 | ~2~ |

Text with a pipe | alone, and a tilde ~ alone.

- [ ] a task
- [x] done
- an item

1. first
2. second

> A quote with a footnote.[^1]

[^1]: The note, with a [link](#p1).
`;

/** Every MDX page of the test fixtures, broken ones included, with what could begin a literal autolink (or be a character reference) taken out. */
const fixturePages = () =>
  readdirSync('tests/fixtures', { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.mdx'))
    .map((path) =>
      readFileSync(join('tests/fixtures', path), 'utf8')
        .replace(/https?:\/\//giu, '/')
        .replace(/www/giu, 'w-w-w')
        .replaceAll('@', ' at ')
        .replaceAll('&', ' and '),
    );

/** The tree, or the error a text gives. */
const outcome = (parse: (text: string) => Root, text: string) => {
  try {
    return parse(text);
  } catch (error) {
    return String(error);
  }
};

describe('parseMdx', () => {
  it('gives what remark-gfm gives, positions included, for a text that cannot hold a literal autolink', () => {
    const texts = [rich, ...fixturePages()];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(text).not.toMatch(/http|www|@|&(?:#|[a-z])/iu);
      expect(outcome(parseMdx, text)).toEqual(outcome(reference, text));
    }
  });

  it('gives what remark-gfm gives for a text that cannot hold a table, with or without an address, however near it comes to one', () => {
    // Dashes under a line with neither a pipe nor a colon beside a dash read as a setext heading or a rule; a pipe as a character
    // reference, or in the front matter, is none. Beside them, the tables a colon alone makes.
    const tableless = rich.replace(/\|/gu, '¦');
    const nearTables = 'a\n-\n\nb\n- -\n\n- x\n---\n\nc &#124; d\n- &#x7C; -\n\nTime: - at 5 - :\n--\n';
    const colonTables = 'b\n:-:\n\nc\n-:\n\n> d\n> :--\n';
    const withFrontMatterPipe = '---\ntitle: A page\ndescription: |\n  Two lines\n  of YAML.\n---\n\nText.\n';
    const pages = [tableless, nearTables, colonTables, withFrontMatterPipe, ...fixturePages().filter((page) => !/\||:-|-:/u.test(page))];
    const texts = pages.flatMap((text) => [text, `${text}\nSee https://example.org/a or press@example.org.\n`]);
    let tables = 0;
    visit(reference(colonTables), 'table', () => {
      tables += 1;
    });
    expect(tables).toBe(3);
    for (const text of texts) expect(outcome(parseMdx, text), text).toEqual(outcome(reference, text));
  });

  it('gives what remark-gfm gives for texts made at random of GFM, MDX, addresses, their near misses and character references', () => {
    // A seeded xorshift, so that every run tries the same texts.
    let seed = 20231220;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const pieces = [
      'word',
      'w',
      'ww',
      'W',
      'h',
      'ht',
      'htt',
      'tp',
      'p',
      's',
      ':',
      '//',
      '/',
      '.',
      '.org',
      'example',
      'mailto:',
      'xmpp:',
      '-',
      '_',
      '+',
      '~',
      '~~',
      '*',
      '**',
      '`',
      '[',
      ']',
      '[^1]',
      '(',
      ')',
      '|',
      '\n',
      '\n\n',
      '\\',
      '\\.',
      ' ',
      ' ',
      '<Mention entry="x">',
      '</Mention>',
      '{1}',
      '- ',
      '1. ',
      '> ',
      '\n---\n',
      '[ ] ',
      '\n[^1]: ',
      '\n| a | b |\n| - | - |\n',
      '\n:-:\n',
      '[t](/u)',
      '![i](/u)',
      'é',
      '😀',
      '\t',
      '\r\n',
      '@',
      '&#64;',
      '&#x40;',
      '&commat;',
      '&#104;',
      '&#116;',
      '&#119;',
      '&#x77;',
      '&amp;',
      '&',
      'www.',
      'http://',
      'https://',
    ];
    const frontMatters = [
      '',
      '---\ntitle: a\n---\n',
      '---\nurl: https://example.org\nby: a@example.org\n---\n\n',
      '---\n---\n',
      '---  \na: 1\n---\n',
      '---\na: 1\n',
    ];
    let withoutAutolinks = 0;
    let withoutTables = 0;
    for (let text = 0; text < 1500; text += 1) {
      let value = pick(frontMatters);
      for (let piece = 1 + Math.floor(random() * 30); piece > 0; piece -= 1) value += pick(pieces);
      const body = value.replace(/^---[\s\S]*?\n---/u, '');
      if (!/http|www|@|&/iu.test(body)) withoutAutolinks += 1;
      if (!/\||:-|-:/u.test(body)) withoutTables += 1;
      expect(outcome(parseMdx, value), value).toEqual(outcome(reference, value));
    }
    // Each parser is tried on hundreds of texts, and so is the whole of remark-gfm.
    for (const count of [withoutAutolinks, withoutTables]) {
      expect(count).toBeGreaterThan(150);
      expect(count).toBeLessThan(1350);
    }
  });

  it('gives what remark-gfm gives for a text whose front matter alone holds an address', () => {
    const text = '---\ntitle: A page\nurl: https://example.org/a\nby: press@example.org\n---\n\nText with no address.[^1]\n\n[^1]: A note.\n';
    expect(parseMdx(text)).toEqual(reference(text));
  });

  it('links a bare URL, a www address and an e-mail address, in any case, as remark-gfm does', () => {
    const texts = {
      '---\nurl: https://example.org/a\n---\n\nSee https://example.org/b for more.': ['https://example.org/b'],
      // No front matter (a fourth dash closes nothing; a fence never closed), and front matter that the first guess misses (spaces after its fence).
      '---\ntitle: a\n----\n\nSee https://example.org/c for more.': ['https://example.org/c'],
      '---  \ntitle: a\n---\n\nSee https://example.org/d for more.': ['https://example.org/d'],
      '---\ntitle: a\n\nSee https://example.org/e, never closed.': ['https://example.org/e'],
      // Empty front matter, which the first guess takes to run to the next thematic break: the parse corrects it.
      '---\n---\n\nSee https://example.org/f for more.\n\n---\n\nThe end.': ['https://example.org/f'],
      'See https://example.org/a for more.': ['https://example.org/a'],
      'See HTTP://EXAMPLE.ORG for more.': ['HTTP://EXAMPLE.ORG'],
      'See www.example.org for more.': ['http://www.example.org'],
      'See WWW.EXAMPLE.ORG for more.': ['http://WWW.EXAMPLE.ORG'],
      'Write to press@example.org today.': ['mailto:press@example.org'],
      // As character references, which the text decodes.
      'Write to press&#64;example.org today.': ['mailto:press@example.org'],
      'Write to press&commat;example.org today.': ['mailto:press@example.org'],
      'See &#x68;ttps://example.org/g for more.': ['https://example.org/g'],
      'See &#119;ww.example.org for more.': ['http://www.example.org'],
    };
    for (const [text, urls] of Object.entries(texts)) {
      expect(links(parseMdx(text)), text).toEqual(urls);
      expect(parseMdx(text)).toEqual(reference(text));
    }
  });
});
