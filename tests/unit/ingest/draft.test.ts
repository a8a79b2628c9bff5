import { describe, expect, it } from 'vitest';
import { draftBody, unrepresentableParagraphs } from '../../../src/ingest/draft.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';
import { random, readBackProblems, trickyPieces, trickySource } from './tricky-sources.ts';

const draft = (source: string, title: string) => draftBody(splitSourceParagraphs(source), title);

describe('draftBody', () => {
  it('writes the first paragraph as the # heading when it is the headline, its lines joined', () => {
    expect(draft('Police raid\nthe compound\n\nFirst  line\n  second line  \n', 'Police raid the compound')).toBe('# Police raid the compound\n\nFirst  line\nsecond line\n');
  });

  it('writes the first paragraph as a paragraph when it is not the headline', () => {
    expect(draft('Police raid\n\nPolice raid', 'Other')).toBe('Police raid\n\nPolice raid\n');
  });

  it('makes no heading of a later paragraph that is the headline', () => {
    expect(draft('Intro\n\nPolice raid', 'Police raid')).toBe('Intro\n\nPolice raid\n');
  });

  it('keeps the lines of a paragraph, with line feeds for CRLF', () => {
    expect(draft('a\r\nb\r\n\r\nc', 'T')).toBe('a\nb\n\nc\n');
  });

  it('escapes line starts that would open a block, and import and export', () => {
    expect(draft('1. a\n# b\n- c\nimport d', 'T')).toBe('1\\. a\n\\# b\n\\- c\nimport d\n');
    expect(draft('import d from "e"', 'T')).toBe('&#105;mport d from "e"\n');
  });

  it.each(trickyPieces.filter((piece) => piece.trim() !== ''))('reads %j back unchanged, alone, at a line start, inside a line and as the headline', (piece) => {
    const source = `${piece}\n\nx ${piece} y\nx\n${piece}\n\n${piece}${piece}`;
    expect(readBackProblems(draft(source, 'Another title'), source)).toEqual([]);
    expect(readBackProblems(draft(source, piece), source)).toEqual([]);
  });

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
    expect(unrepresentableParagraphs(splitSourceParagraphs(source), 'in.txt', 'Headline')).toEqual([]);
  });
});
