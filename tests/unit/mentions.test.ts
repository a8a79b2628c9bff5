import { describe, expect, it } from 'vitest';
import { closestIds, groupByDocument, sentenceAround } from '../../src/lib/mentions.ts';

describe('sentenceAround', () => {
  it('returns the sentence containing the match, split around it', () => {
    const text = 'One person died. Interior Minister Bledi Cuci told media. Cuci said more.';
    const start = text.indexOf('Bledi Cuci');
    expect(sentenceAround(text, start, start + 10)).toEqual({ before: 'Interior Minister ', match: 'Bledi Cuci', after: ' told media.' });
  });
});

describe('closestIds', () => {
  it('suggests the nearest known ids for a misspelt one', () => {
    expect(closestIds('mekk', ['bledi-cuci', 'mek', 'ncri', 'muhamet-rrumbullaku'], 2)).toEqual(['mek', 'ncri']);
  });
});

describe('groupByDocument', () => {
  it('groups mentions under documents in document order, leaving out documents without mentions', () => {
    const mention = (document: string, paragraph: number) => ({ entry: 'mek', document, paragraph, text: 'MEK', context: { before: '', match: 'MEK', after: '' } });
    const groups = groupByDocument([mention('b', 1), mention('a', 2), mention('b', 3)], [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }]);
    expect(groups.map((group) => [group.document.slug, group.mentions.map((m) => m.paragraph)])).toEqual([
      ['a', [2]],
      ['b', [1, 3]],
    ]);
  });
});
