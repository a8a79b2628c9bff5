import { describe, expect, it } from 'vitest';
import { closestIds, contextReach, groupByDocument, mentionsOfBlock, paginate, relatedEntries } from '../../../src/corpus/mentions.ts';

describe('mentionsOfBlock', () => {
  it('gives each mention the sentence containing it, split around it', () => {
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
      mentions: [{ entry: 'bledi-cuci', start, end: start + 10, line: 9, column: 1 }],
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

describe('mentionsOfBlock on a long sentence', () => {
  const block = (text: string, start: number, end: number) => ({
    number: 1,
    kind: 'paragraph' as const,
    debris: false,
    text,
    line: 1,
    footnoteLabels: [],
    footnoteOffsets: [],
    mentions: [{ entry: 'e', start, end, line: 1, column: 1 }],
  });
  const contextOf = (text: string, name: string) => {
    const start = text.indexOf(name);
    return mentionsOfBlock('doc', block(text, start, start + name.length))[0]?.context;
  };

  it('cuts the words either side to the reach, at whole words, and flags each cut', () => {
    const words = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');
    const text = `${words('a', 40)} Bledi Cuci ${words('b', 40)}.`;
    const context = contextOf(text, 'Bledi Cuci');
    expect(context?.match).toBe('Bledi Cuci');
    expect(context?.cutBefore).toBe(true);
    expect(context?.cutAfter).toBe(true);
    expect(context?.before.length).toBeLessThanOrEqual(contextReach);
    expect(context?.after.length).toBeLessThanOrEqual(contextReach);
    // Verbatim slices of the sentence, beginning and ending with whole words.
    expect(text).toContain(`${context?.before}Bledi Cuci${context?.after}`);
    expect(context?.before).toMatch(/^a\d+ .* $/u);
    expect(context?.after).toMatch(/^ b\d+ .*b\d+$/u);
    expect(text.split(' ')).toContain(context?.before.split(' ')[0]);
    expect(text.split(' ')).toContain(context?.after.split(' ').at(-1));
    // As much as the reach holds: one word more would not fit.
    const left = text.slice(0, text.indexOf('Bledi Cuci') - (context?.before.length ?? 0)).trimEnd();
    const wordLeft = left.slice(left.lastIndexOf(' ') + 1);
    expect(`${wordLeft} ${context?.before}`.length).toBeGreaterThan(contextReach);
  });

  it('keeps a sentence within the reach whole, unflagged', () => {
    const context = contextOf('One person died. Interior Minister Bledi Cuci told media. Cuci said more.', 'Bledi Cuci');
    expect(context).toEqual({ before: 'Interior Minister ', match: 'Bledi Cuci', after: ' told media.' });
  });

  it('cuts a text without spaces at a character, never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(80);
    const context = contextOf(`${emoji}X${emoji}`, 'X');
    expect(context?.cutBefore).toBe(true);
    expect(context?.cutAfter).toBe(true);
    expect(context?.before).toBe('😀'.repeat(50));
    expect(context?.after).toBe('😀'.repeat(50));
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
  it('ranks the entries mentioned in the same paragraphs by the number of paragraphs shared', () => {
    const mention = (entry: string, document: string, paragraph: number) => ({
      entry,
      document,
      paragraph,
      text: entry,
      context: { before: '', match: entry, after: '' },
    });
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
});
