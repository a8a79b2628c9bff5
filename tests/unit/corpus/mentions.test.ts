import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/corpus/blocks.ts';
import { closestIds, groupByDocument, mentionInputs, mentionsOfBlock, paginate, relatedEntries } from '../../../src/corpus/mentions.ts';

describe('mentionsOfBlock', () => {
  it('gives each mention the sentence around it, split around it', () => {
    const text = 'One person died. Interior Minister Bledi Cuci told media. Cuci said more.';
    const start = text.indexOf('Bledi Cuci');
    const block = {
      number: 4,
      kind: 'paragraph' as const,
      debris: false,
      text,
      line: 9,
      footnoteLabels: [],
      footnoteOffsets: [],
      mentions: [
        {
          entry: 'bledi-cuci',
          start,
          end: start + 10,
          sentence: [text.indexOf('Interior'), text.indexOf(' Cuci said')] as [number, number],
          line: 9,
          column: 1,
        },
      ],
    };
    expect(mentionsOfBlock('doc', block)).toEqual([
      {
        entry: 'bledi-cuci',
        document: 'doc',
        paragraph: 4,
        text: 'Bledi Cuci',
        context: { before: 'Interior Minister ', match: 'Bledi Cuci', after: ' told media.' },
      },
    ]);
  });
});

describe('mentionInputs', () => {
  const text = 'One person died. Interior Minister Bledi Cuci told media. Cuci said more.';
  const block = (changes: Partial<Block> = {}, span: Partial<Block['mentions'][number]> = {}): Block => ({
    number: 4,
    kind: 'paragraph',
    debris: false,
    text,
    line: 9,
    footnoteLabels: [],
    footnoteOffsets: [],
    mentions: [{ entry: 'bledi-cuci', start: 35, end: 45, sentence: [17, 57], line: 9, column: 1, ...span }],
    ...changes,
  });
  const digest = (...documents: { slug: string; blocks: Block[] }[]) => [...mentionInputs(documents)].join('');
  const base = digest({ slug: 'doc', blocks: [block(), block({ number: 5, mentions: [] })] });

  it('changes with everything the mentions are made from', () => {
    const variants = [
      digest({ slug: 'other', blocks: [block()] }),
      digest({ slug: 'doc', blocks: [block({ number: 3 })] }),
      digest({ slug: 'doc', blocks: [block({ text: text.replace('media', 'press') })] }),
      digest({ slug: 'doc', blocks: [block({}, { entry: 'cuci' })] }),
      digest({ slug: 'doc', blocks: [block({}, { start: 34 })] }),
      digest({ slug: 'doc', blocks: [block({}, { end: 44 })] }),
      digest({ slug: 'doc', blocks: [block({}, { sentence: [0, 57] })] }),
      digest({ slug: 'doc', blocks: [block({}, { sentence: [17, 73] })] }),
      digest({ slug: 'doc', blocks: [block()] }, { slug: 'next', blocks: [block()] }),
      digest({ slug: 'next', blocks: [block()] }, { slug: 'doc', blocks: [block()] }),
    ];
    // Each differs from the first and from every other.
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    // Two mentions of the same words in a block differ in their mentions from one.
    const twice = block();
    twice.mentions = [...twice.mentions, ...twice.mentions];
    expect(digest({ slug: 'doc', blocks: [twice] })).not.toBe(base);
  });

  it('stays the same where the mentions do: lines moved, notes, blocks without mentions', () => {
    const moved = block({ line: 12, footnoteLabels: ['1'], footnoteOffsets: [20], debris: true }, { line: 12, column: 4 });
    expect(digest({ slug: 'doc', blocks: [moved] })).toBe(base);
    expect(mentionsOfBlock('doc', moved)).toEqual(mentionsOfBlock('doc', block()));
  });
});

describe('closestIds', () => {
  it('suggests the nearest known ids for a misspelt one', () => {
    expect(closestIds('mekk', ['bledi-cuci', 'mek', 'ncri', 'muhamet-rrumbullaku'], 2)).toEqual(['mek', 'ncri']);
  });
});

describe('groupByDocument', () => {
  it('groups consecutive mentions (corpus order) under their documents, leaving out documents without mentions', () => {
    const mention = (document: string, paragraph: number) => ({
      entry: 'mek',
      document,
      paragraph,
      text: 'MEK',
      context: { before: '', match: 'MEK', after: '' },
    });
    const documents = new Map(['a', 'b', 'c'].map((slug) => [slug, { slug }]));
    const groups = groupByDocument([mention('a', 2), mention('b', 1), mention('b', 3)], documents);
    expect(groups.map((group) => [group.document.slug, group.mentions.map((m) => m.paragraph)])).toEqual([
      ['a', [2]],
      ['b', [1, 3]],
    ]);
  });
});

describe('paginate', () => {
  it('splits a list into pages of the given size, the last one shorter', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([]);
  });
});

describe('relatedEntries', () => {
  const mention = (entry: string, document: string, paragraph: number) => ({
    entry,
    document,
    paragraph,
    text: entry,
    context: { before: '', match: entry, after: '' },
  });

  it('ranks the entries mentioned in the same paragraphs by the number of paragraphs shared', () => {
    const related = relatedEntries([
      mention('mek', 'a', 1),
      mention('cuci', 'a', 1),
      mention('mek', 'a', 1),
      mention('mek', 'a', 2),
      mention('police', 'a', 2),
      mention('cuci', 'b', 5),
      mention('mek', 'b', 5),
    ]);
    expect(related.get('mek')).toEqual([
      { entry: 'cuci', sharedParagraphs: 2 },
      { entry: 'police', sharedParagraphs: 1 },
    ]);
    expect(related.get('police')).toEqual([{ entry: 'mek', sharedParagraphs: 1 }]);
  });

  it('lists every entry, one mentioned alone too, in the order met paragraph by paragraph, and keeps the top of each list', () => {
    // Paragraph a#1 is met again after b#5: its entries come before b#5's.
    const related = relatedEntries(
      [
        mention('albania', 'a', 1),
        mention('zeta', 'b', 5),
        mention('mek', 'b', 5),
        mention('cuci', 'a', 1),
        mention('ashraf', 'a', 1),
        mention('alone', 'c', 2),
        mention('mek', 'a', 1),
      ],
      2,
    );
    expect([...related.keys()]).toEqual(['albania', 'cuci', 'ashraf', 'mek', 'zeta', 'alone']);
    expect(related.get('alone')).toEqual([]);
    // Ties are ranked by name, and the list cut at two.
    expect(related.get('albania')).toEqual([
      { entry: 'ashraf', sharedParagraphs: 1 },
      { entry: 'cuci', sharedParagraphs: 1 },
    ]);
    expect(related.get('mek')).toEqual([
      { entry: 'albania', sharedParagraphs: 1 },
      { entry: 'ashraf', sharedParagraphs: 1 },
    ]);
  });
});
