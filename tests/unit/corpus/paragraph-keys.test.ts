import { describe, expect, it } from 'vitest';
import { byDocument, paragraphKeys, sharedKeys, sortedKeys } from '../../../src/views/paragraphs.ts';

const keys = paragraphKeys(['first', 'second']);

describe('paragraphKeys', () => {
  it('numbers paragraphs in corpus order, document by document', () => {
    expect([keys.key({ document: 'first', paragraph: 7 }), keys.key({ document: 'second', paragraph: 2 })]).toEqual([7, 1_000_002]);
  });

  it('reads a key back as its document and paragraph', () => expect(keys.place(1_000_002)).toEqual({ document: 'second', paragraph: 2 }));

  it('refuses a document the corpus does not have', () => {
    expect(() => keys.key({ document: 'third', paragraph: 1 })).toThrow('no document "third" in the corpus');
  });
});

describe('sortedKeys', () => {
  it('keeps each paragraph once, in corpus order', () => {
    const places = [
      { document: 'second', paragraph: 3 },
      { document: 'first', paragraph: 4 },
      { document: 'first', paragraph: 4 },
    ];
    expect(sortedKeys(places, keys)).toEqual([4, 1_000_003]);
  });
});

describe('sharedKeys', () => {
  it('gives the keys in both lists, in order', () => expect(sharedKeys([1, 3, 5, 7, 9], [2, 3, 4, 7, 9, 11])).toEqual([3, 7, 9]));
  it('stops at the limit', () => expect(sharedKeys([1, 3, 5, 7, 9], [3, 7, 9], 2)).toEqual([3, 7]));
  it('gives none when nothing is shared', () => expect(sharedKeys([1, 2], [3, 4])).toEqual([]));
});

describe('byDocument', () => {
  it('groups paragraphs under their documents', () => {
    expect(byDocument([3, 4, 1_000_002], keys)).toEqual([
      { document: 'first', paragraphs: [3, 4] },
      { document: 'second', paragraphs: [2] },
    ]);
  });
});
