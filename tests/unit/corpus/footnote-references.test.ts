/**
 * A footnote reference whose label has no definition (issue #14: a misspelt
 * label was reported as a text difference plus an unused definition). The
 * corpus check must report it once, as a missing definition, naming the
 * closest label. The same corpus, built for real, is tests/fixtures/broken/misspelt-footnote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../src/corpus/build.ts';

const fixture = 'tests/fixtures/broken/misspelt-footnote';
const read = (path: string) => readFileSync(join(fixture, path), 'utf8');
const sourceBytes = readFileSync(join(fixture, 'sources', 'note.txt'));

function problemsOf(page: string) {
  return buildCorpus({
    documents: [{ path: 'content/corpus/note.mdx', text: page }],
    entries: [{ path: 'content/glossary/bledi-cuci.md', text: read('glossary/bledi-cuci.md') }],
    comparisons: [],
    sources: new Map([['note.txt', sourceBytes]]),
    sourcesDir: 'content/sources',
    glossaryDir: 'content/glossary',
  }).problems;
}

describe('a footnote reference without a definition', () => {
  it('is the only problem reported for a misspelt label, naming the closest defined label and its line: no text difference, no unused definition', () => {
    expect(problemsOf(read('corpus/note.mdx'))).toEqual([
      {
        file: 'content/corpus/note.mdx',
        line: 12,
        message: '¶ 2 refers to footnote [^minsiter], which is not defined; did you mean [^minister], defined on line 16?',
      },
    ]);
  });

  it('says how to add the definition when the page defines no note', () => {
    const page = read('corpus/note.mdx').replace('\n[^minister]: The Minister of the Interior.\n', '');
    expect(problemsOf(page)).toEqual([
      {
        file: 'content/corpus/note.mdx',
        line: 12,
        message: '¶ 2 refers to footnote [^minsiter], which is not defined: add its definition, [^minsiter]: …, at the end of the page',
      },
    ]);
  });
});
