import { describe, expect, it } from 'vitest';
import { mapParagraph, splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

describe('splitSourceParagraphs', () => {
  it('splits on blank lines and records the line each paragraph starts on', () => {
    expect(splitSourceParagraphs('Title\n\nFirst  paragraph.\n\n\nSecond\nline two ')).toEqual([
      { number: 1, line: 1, lines: ['Title'], start: 0, end: 5, text: 'Title' },
      { number: 2, line: 3, lines: ['First  paragraph.'], start: 7, end: 24, text: 'First paragraph.' },
      { number: 3, line: 6, lines: ['Second', 'line two '], start: 27, end: 43, text: 'Second line two' },
    ]);
  });

  it('treats lines of only spaces as blank and accepts CRLF line ends', () => {
    expect(splitSourceParagraphs('a\r\n  \r\nb').map((paragraph) => paragraph.text)).toEqual(['a', 'b']);
  });

  it('returns no paragraphs for an empty text', () => {
    expect(splitSourceParagraphs('\n\n')).toEqual([]);
  });
});

describe('mapParagraph', () => {
  it('maps each unit of the normalised text to the source: a word to itself, a space to the whole run it replaces', () => {
    const source = 'x\n\n  A 😀\t\tword,\r\n  then\u00a0more.  \n\ny';
    const [, paragraph] = splitSourceParagraphs(source);
    const map = mapParagraph(source, paragraph!);
    expect(map.text).toBe(paragraph!.text);
    expect(map.text).toBe('A 😀 word, then more.');
    const spans = Array.from(map.from, (from, unit) => source.slice(from, map.to[unit]));
    expect(spans).toEqual(['A', ' ', '\ud83d', '\ude00', '\t\t', 'w', 'o', 'r', 'd', ',', '\r\n  ', 't', 'h', 'e', 'n', '\u00a0', 'm', 'o', 'r', 'e', '.']);
  });
});
