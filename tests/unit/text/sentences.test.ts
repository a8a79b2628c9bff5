import { describe, expect, it } from 'vitest';
import { withSentences } from '../../../src/text/sentences.ts';

describe('withSentences', () => {
  const text = 'One person died. Interior Minister Bledi Cuci told media. Cuci said more.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const sentence = (words: string) => text.slice(...(withSentences(text, [at(words)])[0]?.sentence ?? [0, 0]));

  it('gives a range the sentence it lies in, with the space that follows it', () => {
    expect(sentence('Bledi Cuci')).toBe('Interior Minister Bledi Cuci told media. ');
    expect(sentence('One')).toBe('One person died. ');
    expect(sentence('more')).toBe('Cuci said more.');
  });

  it('gives a range across sentences all the sentences it touches', () => {
    expect(sentence('died. Interior')).toBe('One person died. Interior Minister Bledi Cuci told media. ');
  });

  it('ends the sentence a range ends with at that range, not at the next', () => {
    expect(sentence('One person died.')).toBe('One person died. ');
  });

  it('keeps what else each range carries, in order, and gives none for none', () => {
    const ranges = [
      { ...at('Cuci said'), entry: 'b' },
      { ...at('One'), entry: 'a' },
    ];
    expect(withSentences(text, ranges).map(({ entry, sentence }) => [entry, sentence])).toEqual([
      ['b', [58, 73]],
      ['a', [0, 17]],
    ]);
    expect(withSentences(text, [])).toEqual([]);
  });
});
