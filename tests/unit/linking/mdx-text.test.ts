import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/corpus/parse.ts';
import { alignRaw, plainText } from '../../../src/linking/mdx-text.ts';

const map = (text: string, from: number[], to: number[]) => ({ text, from: Uint32Array.from(from), to: Uint32Array.from(to) });

describe('alignRaw', () => {
  it('maps a value character to its backslash escape or character reference in the file', () => {
    expect(alignRaw('a\\*b &amp; c', 'a*b & c')).toEqual(map('a*b & c', [0, 1, 3, 4, 5, 10, 11], [1, 3, 4, 5, 10, 11, 12]));
  });

  it('maps every character a reference stands for to the whole reference', () => {
    expect(alignRaw('&#128270;', '🔎')).toEqual(map('🔎', [0, 0], [9, 9]));
  });

  it('skips white space the parser dropped at line starts', () => {
    expect(alignRaw('a\n   b', 'a\nb')).toEqual(map('a\nb', [0, 1, 5], [1, 2, 6]));
  });

  it('gives up on text that is not the value', () => {
    expect(alignRaw('abc', 'xyz')).toBeNull();
  });
});

describe('plainText', () => {
  it('reads the text of a node and its children', () => {
    const paragraph = parseMdx('The <Mention entry="mek">MEK</Mention> left.').children[0];
    if (!paragraph) throw new Error('no paragraph');
    expect(plainText(paragraph)).toBe('The MEK left.');
  });
});
