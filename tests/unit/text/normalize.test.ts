import { describe, expect, it } from 'vitest';
import { countWords, NormalizedText, normalizeWhitespace } from '../../../src/text/normalize.ts';

describe('normalizeWhitespace', () => {
  it('collapses every run of white space to one space and trims the ends', () => {
    expect(normalizeWhitespace('  a \n\t b\u00a0 c  ')).toBe('a b c');
  });
});

describe('NormalizedText', () => {
  it('keeps offsets exact when pieces are appended with white space at their edges', () => {
    const text = new NormalizedText().append('The ');
    const start = text.offset;
    text.append(' MEK').append(' members');
    expect(text.toString()).toBe('The MEK members');
    expect(text.toString().slice(start, start + 3)).toBe('MEK');
  });
});

/** NormalizedText's rule, a character at a time: what it must give, however it is computed. */
function normalizedOneByOne(pieces: readonly string[]): { text: string; offsets: number[] } {
  let text = '';
  let pending = false;
  const offsets: number[] = [];
  for (const piece of pieces) {
    for (const char of piece) {
      if (/\s/u.test(char)) pending = text.length > 0;
      else {
        if (pending) text += ' ';
        pending = false;
        text += char;
      }
    }
    offsets.push(text.length + (pending ? 1 : 0));
  }
  return { text, offsets };
}

describe('NormalizedText, piece by piece', () => {
  const cases: string[][] = [
    ['', ' ', '\t\n', 'a'],
    [' lead', 'trail ', ' both ', 'none'],
    ['\u00a0no-break\u00a0space', '\u2028line\u2029separators', '\r\n'],
    ['😀 emoji', ' 𝔘nicode ', '\ud800 lone \udc00 halves'],
    ['   ', 'word', '   ', '   ', 'after blanks', ''],
    ['a', 'b', ' ', 'c', ' d e  f ', '\u3000ideographic\u3000'],
  ];
  it.each(cases.map((pieces) => [pieces]))('gives the text and offsets of the rule for %j', (pieces) => {
    const text = new NormalizedText();
    const offsets = pieces.map((piece) => text.append(piece).offset);
    expect({ text: text.toString(), offsets }).toEqual(normalizedOneByOne(pieces));
  });
});

describe('countWords', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Fjori Sinoruka – Balkaninsight, 3,000 members')).toBe(5);
  });
});
