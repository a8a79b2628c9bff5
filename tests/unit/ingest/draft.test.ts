import { describe, expect, it } from 'vitest';
import { draftLayout } from '../../../src/ingest/debris.ts';
import { draftBody, unrepresentableParagraphs } from '../../../src/ingest/draft.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';
import { random, readBackProblems, trickyPieces, trickySource } from './tricky-sources.ts';

const draft = (source: string, title: string) => {
  const paragraphs = splitSourceParagraphs(source);
  return draftBody(paragraphs, draftLayout(paragraphs, title));
};

describe('draftBody', () => {
  it('writes the first paragraph as the # heading when it is the headline, its lines joined', () => {
    expect(draft('Police raid\nthe compound\n\nFirst  line\n  second line  \n', 'Police raid the compound')).toBe(
      '# Police raid the compound\n\nFirst  line\nsecond line\n',
    );
  });

  it('writes the first paragraph as a paragraph when it is not the headline', () => {
    expect(draft('Police raid\n\nPolice raid', 'Other')).toBe('Police raid\n\nPolice raid\n');
  });

  it('makes the heading of a later paragraph that is the headline, wherever it stands', () => {
    expect(draft('Intro text here.\n\nPolice raid', 'Police raid')).toBe('Intro text here.\n\n# Police raid\n');
  });

  it('makes the heading of a paragraph that nearly equals the headline (case, punctuation, a letter in ten)', () => {
    expect(draft('Albania’s police raid MEK camp\n\nText.', "Albania's Police Raids MEK Camp")).toBe('# Albania’s police raid MEK camp\n\nText.\n');
  });

  it('wraps suggested debris in <Debris> with the reason', () => {
    expect(draft('Headline here\n\nclear\n\nText.', 'Headline here')).toBe(
      '# Headline here\n\n<Debris reason="suggested by ingest: a widget label">\nclear\n</Debris>\n\nText.\n',
    );
  });

  it('keeps the lines of a paragraph, with line feeds for CRLF', () => {
    expect(draft('One line.\r\nTwo.\r\n\r\nThree.', 'T')).toBe('One line.\nTwo.\n\nThree.\n');
  });

  it('escapes line starts that would open a block, and import and export', () => {
    expect(draft('1. a\n# b\n- c\nimport d', 'T')).toBe('1\\. a\n\\# b\n\\- c\nimport d\n');
    expect(draft('import d from "e"', 'T')).toBe('&#105;mport d from "e"\n');
  });

  it.each(trickyPieces.filter((piece) => piece.trim() !== ''))(
    'reads %j back unchanged, alone, at a line start, inside a line and as the headline',
    (piece) => {
      const source = `${piece}\n\nx ${piece} y\nx\n${piece}\n\n${piece}${piece}`;
      expect(readBackProblems(draft(source, 'Another title'), source)).toEqual([]);
      expect(readBackProblems(draft(source, piece), source)).toEqual([]);
    },
  );

  it('reads 200 random mixes of Markdown, GFM and MDX syntax back unchanged', () => {
    const next = random(20230620);
    for (let round = 0; round < 200; round += 1) {
      const source = trickySource(next);
      if (source.trim() === '') continue;
      const firstParagraph = splitSourceParagraphs(source)[0]?.text ?? '';
      const body = draft(source, round % 3 === 0 ? firstParagraph : 'Title');
      expect(readBackProblems(body, source), `round ${round}: ${JSON.stringify(source)}`).toEqual([]);
    }
  });
});

describe('unrepresentableParagraphs', () => {
  it('accepts web and e-mail addresses, which GFM links whatever the escaping, as source text', () => {
    const source = 'Headline\n\nSee www.example.com, https://example.org/a?b=c and write to press@example.org.\n\nNo address here.';
    const paragraphs = splitSourceParagraphs(source);
    expect(unrepresentableParagraphs(paragraphs, 'in.txt', draftLayout(paragraphs, 'Headline'))).toEqual([]);
  });
});
