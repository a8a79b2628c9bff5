import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../../src/linking/candidates.ts';

const unmarked = (text: string) => ({ text, mentions: [] });

describe('findCandidates', () => {
  it('lists capitalised names of two words or more, joined by lower-case connectors', () => {
    expect(findCandidates([unmarked('They heard Vice President Mike Pence and the National Council of Resistance of Iran.')])).toEqual([
      { name: 'National Council of Resistance of Iran', count: 1 },
      { name: 'Vice President Mike Pence', count: 1 },
    ]);
  });

  it('lists acronyms, but not single capitalised words', () => {
    expect(findCandidates([unmarked('NATO and Tirana agreed.')])).toEqual([{ name: 'NATO', count: 1 }]);
  });

  it('leaves out a common word that opens a sentence', () => {
    expect(findCandidates([unmarked('The Interior Minister spoke. However, Interior Minister Rama did not.')])).toEqual([
      { name: 'Interior Minister', count: 1 },
      { name: 'Interior Minister Rama', count: 1 },
    ]);
  });

  it('leaves out words a mention covers', () => {
    const text = 'The MEK met the Interior Minister.';
    expect(findCandidates([{ text, mentions: [{ start: 4, end: 7 }] }])).toEqual([{ name: 'Interior Minister', count: 1 }]);
  });

  it('counts a name once per paragraph it appears in, most frequent first, then alphabetically', () => {
    expect(findCandidates([unmarked('Interior Minister'), unmarked('NATO'), unmarked('Interior Minister, NATO'), unmarked('EU')])).toEqual([
      { name: 'Interior Minister', count: 2 },
      { name: 'NATO', count: 2 },
      { name: 'EU', count: 1 },
    ]);
  });
});
