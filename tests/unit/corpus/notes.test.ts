/** Editorial notes of a page (src/corpus/notes.ts): where each reference stands, and what each note says. */
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/corpus/blocks.ts';
import { pageNotes } from '../../../src/corpus/notes.ts';
import { parseMdx } from '../../../src/corpus/parse.ts';

/** The notes of an MDX page, read as the corpus check reads them. */
function notesOf(mdx: string) {
  const tree = parseMdx(mdx);
  return pageNotes(extractBlocks(tree).blocks, tree);
}

const page = `---
title: t
---

# Title[^t]

Minister <Mention entry="bledi-cuci">Bledi Cuci</Mention>[^cuci] said
on no account.[^end] Then   more.[^t]

[^cuci]: Bledi Çuçi, see [A2 CNN, ¶ 10](/documents/a2/#p10) and
    [the glossary](/glossary/bledi-cuci/).

    A second paragraph with \`code\`.

[^t]: A [link](https://example.org/x) and the [same](https://example.org/x).

[^end]: End.
`;

describe('pageNotes', () => {
  it('finds each reference’s paragraph and offset in the paragraph’s normalised text, counting a note’s second reference', () => {
    expect(notesOf(page).references).toEqual([
      { label: 't', paragraph: 1, offset: 5, occurrence: 1 },
      { label: 'cuci', paragraph: 2, offset: 'Minister Bledi Cuci'.length, occurrence: 1 },
      { label: 'end', paragraph: 2, offset: 'Minister Bledi Cuci said on no account.'.length, occurrence: 1 },
      { label: 't', paragraph: 2, offset: 'Minister Bledi Cuci said on no account. Then more.'.length, occurrence: 2 },
    ]);
  });

  it('gives each note as plain text, paragraphs apart, with the links it makes, each once', () => {
    expect(notesOf(page).notes).toEqual([
      {
        label: 'cuci',
        text: 'Bledi Çuçi, see A2 CNN, ¶ 10 and the glossary.\n\nA second paragraph with code.',
        links: ['/documents/a2/#p10', '/glossary/bledi-cuci/'],
      },
      { label: 't', text: 'A link and the same.', links: ['https://example.org/x'] },
      { label: 'end', text: 'End.', links: [] },
    ]);
  });
});
