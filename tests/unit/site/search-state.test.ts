import { describe, expect, it } from 'vitest';
import { arrivalUrl, highlightTerms, readSearchState, suggestEntries, writeSearchState } from '../../../src/site/search-state.ts';

describe('search state in the URL', () => {
  it('reads the query and known filters, ignoring other parameters', () => {
    expect(readSearchState(new URLSearchParams('q=+cuci+&type=People&type=Places&outlet=A2+CNN&utm=x'))).toEqual({
      query: 'cuci',
      filters: { outlet: ['A2 CNN'], type: ['People', 'Places'] },
    });
  });

  it('writes what it reads', () => {
    const state = { query: '"head of of"', filters: { document: ['MEK has not respected the 2014 agreement, Albania Says'], type: ['People'] } };
    expect(readSearchState(new URLSearchParams(writeSearchState(state)))).toEqual(state);
  });

  it('writes nothing for an empty search', () => {
    expect(writeSearchState({ query: '', filters: {} })).toBe('');
  });
});

describe('arrival links', () => {
  it('split a query into phrases and words', () => {
    expect(highlightTerms('"head of of" Rrumbullaku  police')).toEqual(['head of of', 'Rrumbullaku', 'police']);
  });

  it('put the searched words before the paragraph fragment', () => {
    expect(arrivalUrl('/documents/a/#p5', 'Bledi Çuçi')).toBe('/documents/a/?highlight=Bledi&highlight=%C3%87u%C3%A7i#p5');
    expect(arrivalUrl('/glossary/mek/', '')).toBe('/glossary/mek/');
  });
});

describe('suggestEntries', () => {
  const entries = [
    { id: 'bledi-cuci', name: 'Bledi Çuçi', type: 'Person', aliases: ['Bledi Cuci'] },
    { id: 'muhamet-rrumbullaku', name: 'Muhamet Rrumbullaku', type: 'Person', aliases: [] },
    { id: 'mek', name: "People's Mojahedin Organization of Iran", type: 'Organisation', aliases: ['MEK', 'PMOI'] },
  ];

  it('suggests entries whose names are close to a misspelt query', () => {
    expect(suggestEntries('Rrumbulaku', entries).map((entry) => entry.id)).toEqual(['muhamet-rrumbullaku']);
    expect(suggestEntries('chuchi', entries).map((entry) => entry.id)).toEqual(['bledi-cuci']);
  });

  it('suggests nothing when no name is close', () => {
    expect(suggestEntries('xylophone', entries)).toEqual([]);
  });
});
