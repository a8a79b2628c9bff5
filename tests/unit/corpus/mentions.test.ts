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
    const context = mentionsOfBlock('doc', block(text, start, start + name.length))[0]?.context;
    if (!context) throw new Error('no mention');
    return context;
  };
  // Words of 1 to 9 letters, so that the reach ends inside a word on both sides.
  const words = (letter: string, count: number) => Array.from({ length: count }, (_, index) => letter.repeat((index % 9) + 1)).join(' ');

  it('cuts the words either side to at most the reach, at whole words, keeping every word that fits, and flags each cut', () => {
    const left = `${words('a', 40)} `;
    const right = ` ${words('b', 40)}`;
    const context = contextOf(`${left}Bledi Cuci${right}.`, 'Bledi Cuci');
    expect(context).toMatchObject({ match: 'Bledi Cuci', cutBefore: true, cutAfter: true });
    // Verbatim: the end of what came before, the start of what follows.
    expect(left.endsWith(context.before)).toBe(true);
    expect(right.startsWith(context.after)).toBe(true);
    expect(context.before.length).toBeLessThanOrEqual(contextReach);
    expect(context.after.length).toBeLessThanOrEqual(contextReach);
    // The reach falls inside a word, which is left out whole.
    expect(context.before).not.toBe(left.slice(-contextReach));
    expect(context.after).not.toBe(right.slice(0, contextReach));
    expect(left[left.length - context.before.length - 1]).toBe(' ');
    expect(right[context.after.length]).toBe(' ');
    // As many words as fit: the next word out would not.
    const nextBefore =
      left
        .slice(0, left.length - context.before.length - 1)
        .split(' ')
        .at(-1) ?? '';
    const nextAfter = right.slice(context.after.length + 1).split(' ')[0] ?? '';
    expect(nextBefore.length + 1 + context.before.length).toBeGreaterThan(contextReach);
    expect(context.after.length + 1 + nextAfter.length).toBeGreaterThan(contextReach);
  });

  it('keeps a side of exactly the reach whole, and cuts one a character longer', () => {
    const exactly = 'x'.repeat(contextReach - 1);
    expect(contextOf(`${exactly} Name ${exactly}`, 'Name')).toEqual({ before: `${exactly} `, match: 'Name', after: ` ${exactly}` });
    const shorter = 'x'.repeat(contextReach - 2);
    expect(contextOf(`y ${shorter} Name ${shorter} y`, 'Name')).toEqual({
      before: `${shorter} `,
      match: 'Name',
      after: ` ${shorter}`,
      cutBefore: true,
      cutAfter: true,
    });
  });

  it('keeps a sentence within the reach whole, unflagged', () => {
    const context = contextOf('One person died. Interior Minister Bledi Cuci told media. Cuci said more.', 'Bledi Cuci');
    expect(context).toEqual({ before: 'Interior Minister ', match: 'Bledi Cuci', after: ' told media.' });
  });

  it('never cuts at a no-break space', () => {
    // Cut at the no-break spaces, each side would keep only the run of m; not cut there, it keeps all it can.
    const before = `12345\u00a0${'m'.repeat(contextReach - 6)} `;
    const after = ` ${'m'.repeat(contextReach - 6)}\u00a012345`;
    const context = contextOf(`${before}Name${after}`, 'Name');
    expect(context.before).toBe(before.slice(1));
    expect(context.after).toBe(after.slice(0, contextReach));
  });

  it('cuts a text without spaces at a whole character, never inside a surrogate pair', () => {
    for (const pad of ['', 'x']) {
      const emoji = '😀'.repeat(80);
      const context = contextOf(`${emoji}${pad}N${pad}${emoji}`, 'N');
      expect(context).toMatchObject({ cutBefore: true, cutAfter: true });
      for (const side of [context.before, context.after]) {
        expect(side.isWellFormed()).toBe(true);
        expect(side.length).toBeLessThanOrEqual(contextReach);
        expect(side.length).toBeGreaterThanOrEqual(contextReach - 1);
      }
    }
  });

  it('starts at a word that begins with a character outside the basic plane, within the reach', () => {
    const text = `aaaa 𝐀b${'x'.repeat(97)} Name`;
    const context = contextOf(text, 'Name');
    expect(context.before.length).toBeLessThanOrEqual(contextReach);
    expect(context.before.isWellFormed()).toBe(true);
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
