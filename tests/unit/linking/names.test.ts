import { describe, expect, it } from 'vitest';
import { glossaryNames, isAcronym } from '../../../src/linking/names.ts';
import { fixtureGlossary } from '../ingest/fixture-glossary.ts';

describe('glossaryNames', () => {
  it('reads the id, name, aliases and context of each entry from its file', () => {
    const files = fixtureGlossary().filter((file) => /\/(ashraf-3|durres)\.md$/u.test(file.path));
    expect(glossaryNames(files)).toEqual({
      names: [
        { id: 'ashraf-3', name: 'Ashraf 3', aliases: ['“Ashraf” camp', 'Ashraf', 'MEK camp', 'camp', 'compound'], context: ['mek'] },
        { id: 'durres', name: 'Durrës', aliases: ['Durres'], context: [] },
      ],
      problems: [],
    });
  });

  it('reports an entry the build would refuse, and reads no name from it', () => {
    const result = glossaryNames([{ path: 'content/glossary/bad.md', text: '---\nname: Bad\ntype: place\n---\n' }]);
    expect(result.names).toEqual([]);
    expect(result.problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
      ['content/glossary/bad.md', 2, 'front matter `summary`: is required'],
    ]);
  });
});

describe('isAcronym', () => {
  it('takes two or more letters, all capitals, for an acronym, dots and digits allowed', () => {
    expect(['MEK', 'U.S.', 'PMOI/MEK', 'G7S'].map(isAcronym)).toEqual([true, true, true, true]);
  });

  it('takes a single letter or a word with a lower-case letter for no acronym', () => {
    expect(['A', 'Mek', 'MEKs', '3'].map(isAcronym)).toEqual([false, false, false, false]);
  });
});
