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
import { parsedAlike, parseMdx } from '../../../src/corpus/parse.ts';

/** MDX with the whole of remark-gfm: what `parseMdx` must give for any text. */
const gfm = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const reference = (text: string) => gfm.runSync(gfm.parse(text)) as Root;

/**
 * A tree as the corpus code reads it. Where satteri parses a page
 * (src/corpus/parse.ts), its JSX elements carry `data._mdxExplicitJsx` and
 * their attributes no position of their own: nothing reads either, and the
 * trees are compared without them.
 */
function comparable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(comparable);
  if (!node || typeof node !== 'object') return node;
  const { type, data, position, ...rest } = node as { type?: string; data?: Record<string, unknown>; position?: unknown };
  const kept: Record<string, unknown> = { ...(type === undefined ? {} : { type }) };
  if (data !== undefined) {
    const { _mdxExplicitJsx, ...otherData } = data;
    if (!type?.startsWith('mdxJsx') || Object.keys(otherData).length > 0) kept.data = type?.startsWith('mdxJsx') ? otherData : data;
  }
  if (position !== undefined && type !== 'mdxJsxAttribute' && type !== 'mdxJsxExpressionAttribute') kept.position = position;
  for (const [key, value] of Object.entries(rest)) kept[key] = comparable(value);
  return kept;
}

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
    return comparable(parse(text));
  } catch (error) {
    return String(error);
  }
};

/** A seeded xorshift, so that every run tries the same texts, and a pick among items with it. */
function seeded(start: number) {
  let seed = start;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return { random, pick };
}

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
    const { random, pick } = seeded(20231220);
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

  it('gives what remark-gfm gives for pages made at random of the corpus syntax, hundreds of which satteri parses', () => {
    const { random, pick } = seeded(20261202);
    const mention = () =>
      `<Mention entry="e${Math.floor(random() * 9)}">${pick(['Name', 'Two Words', 'X', 'é', 'a. b', '1.', '# h', '- a', 'Name', 'Two Words', 'Two\nLines'])}</Mention>`;
    const words = [
      'word',
      'Word',
      ' ',
      ' ',
      ' ',
      '. ',
      ', ',
      ':',
      ';',
      '"',
      "'",
      '“',
      '’',
      '—',
      '«',
      'é',
      '😀',
      '\u00a0',
      '(',
      ')',
      '[',
      ']',
      '[^n1]',
      '[^n2]:',
      '[x](y)',
      '=',
      '-',
      '---',
      '/',
      '>',
      '#',
      '1.',
      '9)',
      '!',
      '?',
      '%',
      '$',
      '+',
      '^',
      '&',
      ' & ',
      ':-',
      '-:',
      '  ',
      '\n',
      '\n\n',
    ];
    const openings = [...Array<string>(24).fill(''), '# ', '## ', '[^n3]: ', '[^n4]: [^n5]: ', '> ', '>> ', '- ', '1. ', '  ', '    '];
    const line = () => {
      const kind = random();
      if (kind < 0.03) return pick(['<Debris reason="r">', '</Debris>', '<Mention entry="a">', '</Mention>', '<Debris/>', '  </Debris>']);
      if (kind < 0.06) return `${pick(openings)}${mention()}${random() < 0.5 ? mention() : ''}`;
      let text = pick(openings);
      for (let piece = 1 + Math.floor(random() * 8); piece > 0; piece -= 1)
        text += random() < 0.3 ? mention() : random() < 0.02 ? pick(['<', '</', '/>', '<br/>', '<!-- c -->']) : pick(words);
      return text;
    };
    const frontMatters = [
      '---\ntitle: a\n---\n\n',
      '---\ntitle: "a*b_c&d|e@f"\nurl: https://example.org/a_b\n---\n',
      '',
      '---\n---\n',
      '---\ntitle: a\n',
      '+++\ntitle = "a"\n+++\n',
    ];
    let native = 0;
    for (let page = 0; page < 4000; page += 1) {
      const lines: string[] = [];
      for (let count = 1 + Math.floor(random() * 6); count > 0; count -= 1) lines.push(line(), ...(random() < 0.5 ? [''] : []));
      const text = `${pick(frontMatters)}${lines.join('\n')}${random() < 0.3 ? '\n\n[^n1]: A note.' : ''}\n`;
      const expected = outcome(reference, text);
      if (typeof expected !== 'string' && parsedAlike(text.replace(/^---\n[\s\S]*?\n---[ \t]*(?:\n|$)/u, ''))) native += 1;
      expect(outcome(parseMdx, text), text).toEqual(expected);
    }
    // Hundreds of the pages are satteri's to parse (the rest try the guard).
    expect(native).toBeGreaterThan(150);
  });

  it('leaves to remark the pages satteri was found to parse otherwise', () => {
    const pages = [
      // A line of nothing but elements: a paragraph to remark, a block to satteri.
      'Text.\n\n<Mention entry="a">MEK</Mention>\n',
      '# <Mention entry="a">MEK</Mention><Mention entry="b">camp</Mention>\n',
      '[^n1]: <Mention entry="a">MEK</Mention>\n',
      // An element over a line break.
      'The <Mention entry="a">Two\nWords</Mention> said.\n',
      // A literal autolink after a dash.
      'See—www.example.org today.\n',
      // Emphasis, a quote in a quote, a footnote opening with another.
      'A *word* and _another_.\n',
      '>> ]x\n>  \n     y\n---\n',
      '[^n4]: [^n3]: b\n',
      // A line opening with a bracket but for a footnote: a link's definition, to satteri even inside an element.
      '<B>\n[^]:[<Debris></Debris>\n</B>',
      '<Debris reason="r">\n\n[x]: /u\n\n</Debris>\n',
      // Found by a second read: control characters and white space but the space, in the text or the front matter.
      'a\u0000b\n',
      '---\na\u0000b\n---\nText\n',
      'a\ud800b\n',
      '[x](a\u007fb)\n',
      '[^a\u00a0]\n\n[^a\u00a0]: x\n',
      'x <a b\u00a0="c">y</a>\n',
      // Spaces in a footnote's label, a link around a footnote, an element across a link's brackets, an image.
      'a [^ x] b\n\n[^x]: a\n',
      'a [[^x]](y)\n\n[^x]: n\n',
      'x <a>[</a>](y)\n',
      '![<a b/>d</a>](y)\n',
      // A tag that is none, a closing tag with attributes, a quote that runs over a line.
      '# < ',
      '<$a/><a>b</a>\n',
      '[x]:\n</a b>\n',
      '[^n]: x\n<a b=">\n">\n</a>\n',
      // Past micromark's limits: 32 nested parentheses, 999 characters of a label.
      `[x](${'('.repeat(33)}a${')'.repeat(33)})\n`,
      `x\n\n[^${'a'.repeat(1000)}]: x\n`,
      // TOML front matter, and code.
      '+++\ntitle = "a"\n+++\n\nText.\n',
      'export const a = 1\n\nText.\n',
    ];
    for (const text of pages) {
      expect(parsedAlike(text), text).toBe(false);
      expect(outcome(parseMdx, text), text).toEqual(outcome(reference, text));
    }
    expect(
      parsedAlike(
        '# The <Mention entry="a">MEK</Mention> and the <Mention entry="b">camp</Mention>\n\n<Debris reason="r">\nA line.\n</Debris>\n\nText.[^n1]\n\n[^n1]: A note.\n',
      ),
    ).toBe(true);
  });

  it('gives what remark-gfm gives for a text whose front matter alone holds an address', () => {
    const text = '---\ntitle: A page\nurl: https://example.org/a\nby: press@example.org\n---\n\nText with no address.[^1]\n\n[^1]: A note.\n';
    expect(outcome(parseMdx, text)).toEqual(outcome(reference, text));
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
      expect(outcome(parseMdx, text)).toEqual(outcome(reference, text));
    }
  });
});
