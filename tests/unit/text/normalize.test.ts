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

describe('countWords', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Fjori Sinoruka – Balkaninsight, 3,000 members')).toBe(5);
  });
});
