import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/corpus/blocks.ts';
import { loadComparison } from '../../../src/corpus/comparisons.ts';
import type { CorpusDocument } from '../../../src/corpus/model.ts';
import type { Problem } from '../../../src/corpus/problems.ts';

const document = (slug: string, paragraphs: number) =>
  ({ slug, blocks: Array.from({ length: paragraphs }, (_, index) => ({ number: index + 1 }) as Block) }) as CorpusDocument;
const documents = [document('a', 5), document('b', 3)];

const yaml = (points: string) => `title: T
summary: S
documents: [a, b]
points:
${points}`;

function load(text: string) {
  const problems: Problem[] = [];
  const pages = loadComparison({ path: 'content/comparisons/x.yaml', text }, documents, new Set(['the-claim']), problems);
  return { pages, problems };
}

describe('loadComparison', () => {
  it('accepts points whose accounts cite existing paragraphs', () => {
    const { pages, problems } = load(
      yaml(`  - topic: Date
    verdict: agree
    summary: Both.
    accounts:
      a: { says: Tuesday, paragraphs: [1, 5] }
      b: { says: Tuesday, paragraphs: [2] }`),
    );
    expect(problems).toEqual([]);
    expect(pages.map((page) => [page.id, page.comparison.points.length])).toEqual([['x', 1]]);
  });

  it('reports a paragraph the document does not have, on its line', () => {
    const { pages, problems } = load(
      yaml(`  - topic: Date
    verdict: agree
    summary: Both.
    accounts:
      a: { says: Tuesday, paragraphs: [1] }
      b: { says: Tuesday, paragraphs: [4] }`),
    );
    expect(pages).toEqual([]);
    expect(problems).toEqual([{ file: 'content/comparisons/x.yaml', line: 10, message: 'b has no ¶ 4 (it has 3 paragraphs)' }]);
  });

  it('requires an account from every compared document and a verdict that fits the accounts', () => {
    const { problems } = load(
      yaml(`  - topic: Injuries
    verdict: agree
    summary: Only a.
    accounts:
      a: { says: Many, paragraphs: [2] }`),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'point "Injuries" gives no account for b; say what it reports, or that it does not',
      'point "Injuries" is marked agree, but only 1 document cites paragraphs: use only-one',
    ]);
  });

  it('reports a claim the register does not hold, on its line', () => {
    const { problems } = load(
      yaml(`  - topic: Date
    verdict: agree
    summary: Both.
    claims: [the-claim, a-claim-nobody-made]
    accounts:
      a: { says: Tuesday, paragraphs: [1] }
      b: { says: Tuesday, paragraphs: [2] }`),
    );
    expect(problems).toEqual([{ file: 'content/comparisons/x.yaml', line: 8, message: 'point "Date" names no claim "a-claim-nobody-made" of content/claims' }]);
  });
});
