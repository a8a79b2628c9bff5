import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../src/corpus/build.ts';
import { sha256 } from '../../../src/text/hash.ts';

const source = 'A headline\n\nThe text.\n';
const page = (front: string) => ({
  path: 'content/corpus/draft.mdx',
  text: `---\ntitle: A headline\npublisher: An outlet\npublished: 2023-06-20\nlanguage: en\nsource: draft.txt\nsha256: ${sha256(source)}\n${front}---\n\n# A headline\n\nThe text.\n`,
});
const corpus = (front: string, drafts: 'include' | 'leave-out') =>
  buildCorpus({
    documents: [page(front)],
    entries: [],
    comparisons: [],
    sources: new Map([['draft.txt', new TextEncoder().encode(source)]]),
    sourcesDir: 'content/sources',
    glossaryDir: 'content/glossary',
    drafts,
  });

describe('drafts', () => {
  it('are left out of a production build, which says why', () => {
    const build = corpus('draft: true\nreview:\n  - "¶ 1: the headline was chosen by ingest"\n', 'leave-out');
    expect(build.model.documents).toEqual([]);
    expect(build.problems).toEqual([]);
    expect(build.leftOut).toEqual([
      {
        file: 'content/corpus/draft.mdx',
        reason: 'a draft with 1 review item open: check each in the page and delete it from review:, then npm run ingest -- --publish content/corpus/draft.mdx',
      },
    ]);
  });

  it('are checked and shown while editing, with their review list', () => {
    const build = corpus('draft: true\nreview:\n  - "¶ 1: the headline was chosen by ingest"\n', 'include');
    expect(build.leftOut).toEqual([]);
    expect(build.model.documents.map((document) => [document.slug, document.meta.draft, document.meta.review])).toEqual([
      ['draft', true, ['¶ 1: the headline was chosen by ingest']],
    ]);
  });

  it('cannot be published while review items remain open', () => {
    const build = corpus('review:\n  - "¶ 1: the headline was chosen by ingest"\n', 'leave-out');
    expect(build.problems).toEqual([
      {
        file: 'content/corpus/draft.mdx',
        line: 9,
        message:
          'front matter `review`: 1 review item remains open: check each and delete it from the list (or the whole review field) before publishing, or keep draft: true',
      },
    ]);
  });
});
