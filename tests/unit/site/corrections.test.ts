import { describe, expect, it } from 'vitest';
import type { CorrectionRecord } from '../../../src/corpus/schema.ts';
import { correctionView } from '../../../src/site/corrections.ts';

const typo = (target: string): CorrectionRecord => ({ date: '2026-12-01', target, replaces: 'ab12cd34', kind: 'typo', what: 'w' });

describe('correctionView', () => {
  it('names the part of the page a record changed, and links to it', () => {
    expect(
      ['documents/a#note-cuci', 'documents/a#metadata', 'comparisons/c#point-3', 'glossary/ashraf-3#coordinates', 'glossary/raid#when', 'glossary/e'].map(
        (target) => {
          const { part, path } = correctionView(typo(target));
          return { part, path };
        },
      ),
    ).toEqual([
      { part: 'note [^cuci]', path: '/documents/a/#fn-cuci' },
      { part: 'the metadata', path: '/documents/a/' },
      { part: 'point 3', path: '/compare/c/#point-3' },
      { part: 'the coordinates', path: '/glossary/ashraf-3/' },
      { part: 'the date', path: '/glossary/raid/' },
      { part: undefined, path: '/glossary/e/' },
    ]);
  });
});
