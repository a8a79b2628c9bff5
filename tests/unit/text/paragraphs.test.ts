import { describe, expect, it } from 'vitest';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

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
