import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../../src/linking/candidates.ts';

const unmarked = (text: string, number = 1) => ({ number, text, mentions: [] });
const names = (...texts: string[]) => findCandidates(texts.map((text, index) => unmarked(text, index + 1))).map((candidate) => candidate.name);

describe('findCandidates', () => {
  it('lists capitalised names of two words or more, joined by lower-case connectors', () => {
    expect(findCandidates([unmarked('They heard Vice President Mike Pence and the National Council of Resistance of Iran.')])).toEqual([
      { name: 'National Council of Resistance of Iran', count: 1, paragraphs: [1] },
      { name: 'Vice President Mike Pence', count: 1, paragraphs: [1] },
    ]);
  });

  it('lists acronyms and single-word names ("AP", "Britain"), but not a month, a weekday or a place adjective', () => {
    expect(names('NATO, AP and Britain agreed on Tuesday in June; the Albanian side did not.')).toEqual(['AP', 'Britain', 'NATO']);
  });

  it('lists a single capitalised word that opens a sentence, unless it may be a common word that does not also stand inside one', () => {
    expect(names('Police entered; the police left. Several officials went. Officials spoke. Britain declined. Rama spoke.', 'Then Rama left.')).toEqual([
      'Rama',
      'Britain',
    ]);
  });

  it('leaves out a common word that opens a sentence', () => {
    expect(names('The Associated Press spoke. However, Associated Press staff did not.')).toEqual(['Associated Press']);
  });

  it('leaves out phrases made only of titles and adjectives of places', () => {
    expect(names('The Albanian Interior Minister and the Prime Minister met Interior Minister Rama.')).toEqual(['Interior Minister Rama']);
  });

  it('keeps a possessive inside a name, and leaves one that ends it out', () => {
    expect(names('The People’s Mujahedeen Organisation of Iran and Rama’s government.')).toEqual(['People’s Mujahedeen Organisation of Iran', 'Rama']);
  });

  it('leaves out photo credits and lines that link to other posts', () => {
    expect(
      names('They raided the camp. Photo: NICOLAS MAETERLINCK/Belga/AFP\nREAD: The Deal With Tehran, Explained', 'It ended. Related: Mike Pence Speaks'),
    ).toEqual([]);
  });

  it('leaves out words a mention covers, and what a title is left with', () => {
    const text = 'The MEK met the Interior Minister Bledi Cuci and NATO.';
    expect(
      findCandidates([
        {
          number: 1,
          text,
          mentions: [
            { start: 4, end: 7 },
            { start: 33, end: 43 },
          ],
        },
      ]),
    ).toEqual([{ name: 'NATO', count: 1, paragraphs: [1] }]);
  });

  it('leaves out debris', () => {
    expect(findCandidates([{ ...unmarked('Balkan Wire, News from the Balkans'), debris: true }])).toEqual([]);
  });

  it('groups spellings that fold alike under the most frequent, counts every occurrence and lists the ¶ numbers, most frequent first', () => {
    expect(findCandidates([unmarked('Edi Rama', 1), unmarked('NATO', 2), unmarked('EDI RAMA and Edi Rama, NATO', 4), unmarked('EU', 5)])).toEqual([
      { name: 'Edi Rama', count: 3, paragraphs: [1, 4] },
      { name: 'NATO', count: 2, paragraphs: [2, 4] },
      { name: 'EU', count: 1, paragraphs: [5] },
    ]);
  });
});
