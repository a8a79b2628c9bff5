import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/corpus/blocks.ts';
import { compareToSource, wordDiff } from '../../../src/corpus/fidelity.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

const block = (number: number, text: string, line = number * 2): Block => ({
  number,
  kind: 'paragraph',
  debris: false,
  text,
  line,
  mentions: [],
  footnoteLabels: [],
  footnoteOffsets: [],
});

describe('compareToSource', () => {
  const source = splitSourceParagraphs('One two.\n\nThe head of of the State Police.\n\nLast.');

  it('accepts a page whose paragraphs equal the source', () => {
    expect(compareToSource([block(1, 'One two.'), block(2, 'The head of of the State Police.'), block(3, 'Last.')], source)).toEqual([]);
  });

  it('reports a changed paragraph with its number, both lines and a word diff', () => {
    expect(compareToSource([block(1, 'One two.'), block(2, 'The head of the State Police.', 9), block(3, 'Last.')], source)).toEqual([
      { paragraph: 2, pageLine: 9, sourceLine: 3, message: '¶ 2 differs from the source (source line 3): The head of [-of -]the State Police.' },
    ]);
  });

  it('reports a paragraph missing from the page', () => {
    expect(compareToSource([block(1, 'One two.'), block(2, 'The head of of the State Police.')], source)).toEqual([
      { paragraph: 3, sourceLine: 5, message: '¶ 3 of the source (line 5) is missing from the page: "Last."' },
    ]);
  });

  it('reports a paragraph the source does not have', () => {
    const problems = compareToSource([block(1, 'One two.'), block(2, 'The head of of the State Police.'), block(3, 'Last.'), block(4, 'Added.', 12)], source);
    expect(problems).toEqual([{ paragraph: 4, pageLine: 12, message: '¶ 4 is not in the source, which has 3 paragraphs: "Added."' }]);
  });
});

describe('wordDiff', () => {
  it('marks removed and added words and elides long unchanged stretches', () => {
    const before = 'Interior Minister Bledi Çuçi told media that the police were enforcing a court order to seize devices';
    const after = before.replace('Çuçi', 'Cuci');
    expect(wordDiff(before, after)).toBe('Interior Minister Bledi [-Çuçi-]{+Cuci+} told media that the police we…');
  });
});
