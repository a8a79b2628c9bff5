import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/corpus/blocks.ts';
import { parseMdx } from '../../../src/corpus/parse.ts';

describe('extractBlocks', () => {
  it('numbers headings, paragraphs and debris paragraphs in reading order and strips annotations', () => {
    const { blocks, issues, footnoteDefinitions } = extractBlocks(
      parseMdx(`# <Mention entry="mek">MEK</Mention> title

<Debris reason="image size">
s8 1280x720
</Debris>

Minister <Mention entry="bledi-cuci">Bledi Çuçi</Mention> said.[^1]

[^1]: A note.
`),
    );
    expect(issues).toEqual([]);
    expect(footnoteDefinitions).toEqual([{ label: '1', line: 9 }]);
    expect(blocks.map(({ number, kind, debris, text, line }) => ({ number, kind, debris, text, line }))).toEqual([
      { number: 1, kind: 'heading', debris: false, text: 'MEK title', line: 1 },
      { number: 2, kind: 'paragraph', debris: true, text: 's8 1280x720', line: 4 },
      { number: 3, kind: 'paragraph', debris: false, text: 'Minister Bledi Çuçi said.', line: 7 },
    ]);
    expect(blocks[2]?.mentions).toEqual([{ entry: 'bledi-cuci', start: 9, end: 19, sentence: [0, 25], line: 7, column: 10 }]);
    expect(blocks[2]?.footnoteLabels).toEqual(['1']);
  });

  it('refuses imports, exports and expressions: MDX content must not run code', () => {
    const { issues } = extractBlocks(parseMdx('import X from "x"\n\nText {1 + 1} here.\n\n{alert(1)}\n'));
    expect(issues.map((issue) => [issue.line, issue.message.split(':')[0]])).toEqual([
      [1, '`import` and `export` are not allowed in corpus pages'],
      [5, 'JavaScript expressions (`{…}`) are not allowed in corpus pages'],
      [3, 'JavaScript expressions (`{…}`) are not allowed in corpus pages'],
    ]);
  });

  it('refuses unknown components and expression attributes', () => {
    const { issues } = extractBlocks(parseMdx('A <Script>x</Script> and <Mention entry={id}>y</Mention>.'));
    expect(issues.map((issue) => issue.message)).toEqual([
      'unknown component <Script>: corpus pages may use only <Mention entry="…"> around words and <Debris> around whole paragraphs',
      '<Mention entry> must be a quoted string, not an expression: MDX content must not run code',
      '<Mention> needs an `entry` attribute naming a glossary entry, e.g. <Mention entry="mek">MEK</Mention>',
    ]);
  });

  it('refuses Markdown structure the source text cannot have, such as a list', () => {
    const { issues } = extractBlocks(parseMdx('Text.\n\n1. Looks like a list\n'));
    expect(issues).toEqual([
      { line: 3, column: 1, message: 'unexpected list: the source text must stay plain paragraphs: escape Markdown syntax in it with a backslash' },
    ]);
  });
});

describe('addresses in the source text', () => {
  it('keeps web and e-mail addresses, which GFM links, as source text', () => {
    const { blocks, issues } = extractBlocks(parseMdx('See www.example.com, https://example.org/a?b=1 and press@example.org for more.'));
    expect(issues).toEqual([]);
    expect(blocks[0]?.text).toBe('See www.example.com, https://example.org/a?b=1 and press@example.org for more.');
  });

  it('still refuses a link an editor wrote into the text', () => {
    const { issues } = extractBlocks(parseMdx('See [the site](https://example.org).'));
    expect(issues.map((issue) => issue.message)).toEqual([
      'unexpected link in the source text: the source text must stay plain paragraphs: escape Markdown syntax in it with a backslash',
    ]);
  });
});
