import { describe, expect, it } from 'vitest';
import { byDocument, paragraphKeys, paragraphsByEntry, sharedKeys, sortedKeys } from '../../../src/corpus/paragraph-keys.ts';

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

describe('paragraphsByEntry', () => {
  it("gives each entry its mentions' paragraphs as sorted keys, an entry of any name its own", () => {
    const mentionsByEntry = Object.fromEntries([
      [
        'mek',
        [
          { document: 'first', paragraph: 4 },
          { document: 'first', paragraph: 4 },
          { document: 'second', paragraph: 1 },
        ],
      ],
      ['__proto__', [{ document: 'second', paragraph: 2 }]],
    ]);
    const paragraphs = paragraphsByEntry(mentionsByEntry, keys);
    expect(paragraphs.mek).toEqual([4, 1_000_001]);
    expect(Object.hasOwn(paragraphs, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(paragraphs))).toEqual(paragraphs);
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
