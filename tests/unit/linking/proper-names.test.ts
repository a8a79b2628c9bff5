import { describe, expect, it } from 'vitest';
import { properNames } from '../../../src/linking/proper-names.ts';

const names = (text: string) => properNames(text).map((name) => name.text);

describe('properNames', () => {
  it('joins capitalised words and the connectors between them, not a trailing connector', () => {
    expect(names('the National Council of Resistance of Iran and the Prime Minister of the day')).toEqual([
      'National Council of Resistance of Iran',
      'Prime Minister',
    ]);
  });

  it('keeps a possessive inside a name and leaves one that ends it out', () => {
    expect(names("The People’s Mujahedeen Organisation said that Rama’s government and Iran's")).toEqual(['People’s Mujahedeen Organisation', 'Rama', 'Iran']);
  });

  it('drops a common word that opens a sentence or a clause, and says which names open a sentence', () => {
    expect(properNames('However, Britain spoke. Rama said: The MEK').map(({ text, sentenceStart }) => [text, sentenceStart])).toEqual([
      ['Britain', false],
      ['Rama', true],
      ['MEK', false],
    ]);
  });

  it('finds no names in tags written out in the text', () => {
    expect(names('a <Mention entry="mek">fake</Mention> tag')).toEqual([]);
  });

  it('finds no names in photo credits and link lines', () => {
    expect(names('He left. NICOLAS MAETERLINCK/Belga/AFP\nREAD: How Albania Took In The MEK')).toEqual([]);
  });
});
