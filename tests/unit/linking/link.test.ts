import { describe, expect, it } from 'vitest';
import { draftLayout } from '../../../src/ingest/debris.ts';
import { draftBody } from '../../../src/ingest/draft.ts';
import { linkMentions } from '../../../src/linking/link.ts';
import { buildMatcher } from '../../../src/linking/match.ts';
import { glossaryNames } from '../../../src/linking/names.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';
import { fixtureGlossary } from '../ingest/fixture-glossary.ts';
import { random, readBackProblems, trickySource } from '../ingest/tricky-sources.ts';
import { testGlossary } from './test-glossary.ts';

const matcher = buildMatcher(testGlossary);

describe('linkMentions', () => {
  it('marks names written with escapes and references, and leaves notes, existing mentions, debris and other text alone', () => {
    const page = [
      '\\*MEK\\* met <Mention entry="united-states">the US</Mention> and B&#108;edi Cuci[^1] in \\[Tehran\\].',
      '',
      '<Debris reason="scraper">',
      'Related: State Police',
      '</Debris>',
      '',
      '[^1]: The MEK and Tehran are not marked in a note.',
      '',
    ].join('\n');
    expect(linkMentions(page, matcher)).toEqual({
      text: [
        '\\*<Mention entry="mek">MEK</Mention>\\* met <Mention entry="united-states">the US</Mention> and <Mention entry="bledi-cuci">B&#108;edi Cuci</Mention>[^1] in \\[<Mention entry="tehran">Tehran</Mention>\\].',
        '',
        '<Debris reason="scraper">',
        'Related: State Police',
        '</Debris>',
        '',
        '[^1]: The MEK and Tehran are not marked in a note.',
        '',
      ].join('\n'),
      added: [
        { entry: 'mek', paragraph: 1, text: 'MEK', description: false },
        { entry: 'bledi-cuci', paragraph: 1, text: 'Bledi Cuci', description: false },
        { entry: 'tehran', paragraph: 1, text: 'Tehran', description: false },
      ],
      warnings: [],
    });
  });

  it('marks a description where the page names its entry, and says it is one', () => {
    const named = linkMentions('The MEK left the compound.\n', matcher);
    expect(named.text).toBe('The <Mention entry="mek">MEK</Mention> left the <Mention entry="ashraf-3">compound</Mention>.\n');
    expect(named.added).toEqual([
      { entry: 'mek', paragraph: 1, text: 'MEK', description: false },
      { entry: 'ashraf-3', paragraph: 1, text: 'compound', description: true },
    ]);
  });

  it("marks a description where an editor's mention names its context", () => {
    const page = 'In <Mention entry="ashraf-3">the camp</Mention>, the operation began.\n';
    expect(linkMentions(page, matcher).text).toBe(
      'In <Mention entry="ashraf-3">the camp</Mention>, the <Mention entry="police-operation">operation</Mention> began.\n',
    );
  });

  it('marks no description in a page that names neither its entry nor its context', () => {
    expect(linkMentions('They left the compound.\n', matcher)).toEqual({ text: 'They left the compound.\n', added: [], warnings: [] });
  });

  it('does not mark words that run into an existing mention, and says why for a name that overlaps one', () => {
    const page = 'Bledi <Mention entry="bledi-cuci">Cuci</Mention> and Mr. <Mention entry="tehran">Tehran</Mention>s.\n';
    expect(linkMentions(page, matcher)).toEqual({
      text: page,
      added: [],
      warnings: [
        'line 1, ¶ 1: "Bledi Cuci" (bledi-cuci) was not marked: it overlaps the existing mention "Cuci" (bledi-cuci); if the longer name is meant, mark it by hand',
      ],
    });
  });

  it('marks a spelling variant of a name, saying which name it varies', () => {
    const linked = linkMentions('The Mujahedeen-e-Khalq left.\n', buildMatcher(glossaryNames(fixtureGlossary()).names));
    expect(linked.text).toBe('The <Mention entry="mek">Mujahedeen-e-Khalq</Mention> left.\n');
    expect(linked.added).toEqual([{ entry: 'mek', paragraph: 1, text: 'Mujahedeen-e-Khalq', description: false, variantOf: 'Mujahedin-e-Khalq' }]);
  });

  it('marks no name inside a longer name that no entry knows, and says why', () => {
    expect(linkMentions('At the University of Tehran.\n', matcher)).toEqual({
      text: 'At the University of Tehran.\n',
      added: [],
      warnings: [
        'line 1, ¶ 1: "Tehran" (tehran) was not marked: it stands inside the longer name "University of Tehran", which no entry knows; add that name to an entry, or mark the shorter one by hand if it is meant',
      ],
    });
  });

  it('keeps the text of 200 random drafted pages full of Markdown, GFM and MDX syntax, with no warning', () => {
    const glossary = buildMatcher(glossaryNames(fixtureGlossary()).names);
    const next = random(20230620);
    for (let round = 0; round < 200; round += 1) {
      const source = trickySource(next);
      if (source.trim() === '') continue;
      const paragraphs = splitSourceParagraphs(source);
      const linked = linkMentions(draftBody(paragraphs, draftLayout(paragraphs, round % 3 === 0 ? (paragraphs[0]?.text ?? '') : 'Title')), glossary);
      expect(linked.warnings, `round ${round}`).toEqual([]);
      expect(readBackProblems(linked.text, source), `round ${round}: ${JSON.stringify(source)}`).toEqual([]);
    }
  });
});
