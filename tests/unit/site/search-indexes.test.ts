import { describe, expect, it } from 'vitest';
import { searchIndexPaths, searchIndexParts } from '../../../src/site/search-indexes.ts';

const documents = (count: number) => Array.from({ length: count }, (_, index) => `document-${index + 1}`);

describe('the parts of the search index', () => {
  it('is one index, in Pagefind’s own folder, up to the most documents a part holds', () => {
    expect(searchIndexParts(documents(4000), 4000)).toEqual([documents(4000)]);
    expect(searchIndexPaths(4000, 4000)).toEqual(['/pagefind/']);
  });

  it('is one index for an empty corpus, which still has its glossary and claims to search', () => {
    expect(searchIndexParts([], 4000)).toEqual([[]]);
    expect(searchIndexPaths(0, 4000)).toEqual(['/pagefind/']);
  });

  it('splits a larger corpus into parts of near-equal size, in order, each document in exactly one', () => {
    const parts = searchIndexParts(documents(10000), 4000);
    expect(parts.map((part) => part.length)).toEqual([3334, 3334, 3332]);
    expect(parts.flat()).toEqual(documents(10000));
    expect(searchIndexPaths(10000, 4000)).toEqual(['/pagefind/', '/pagefind/part-2/', '/pagefind/part-3/']);
  });

  it('gives the search page as many parts as the index is written in', () => {
    for (const count of [1, 2, 3999, 4001, 8000, 8001, 12345])
      expect(searchIndexPaths(count, 4000)).toHaveLength(searchIndexParts(documents(count), 4000).length);
  });

  it('never leaves a part empty or over-full, whatever the numbers', () => {
    const wrong: string[] = [];
    for (let count = 1; count <= 300; count += 1) {
      for (let perIndex = 1; perIndex <= 50; perIndex += 1) {
        const sizes = searchIndexParts(documents(count), perIndex).map((part) => part.length);
        if (sizes.some((size) => size === 0 || size > perIndex) || sizes.length !== searchIndexPaths(count, perIndex).length) {
          wrong.push(`${count} documents, ${perIndex} a part: ${sizes.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts a document in a part of its own when a part holds one', () => {
    expect(searchIndexParts(['a', 'b'], 1)).toEqual([['a'], ['b']]);
    expect(searchIndexPaths(2, 1)).toEqual(['/pagefind/', '/pagefind/part-2/']);
  });
});
