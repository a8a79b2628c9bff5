import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/text/hash.ts';
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

  it('finds the 24 paragraphs of the Balkan Insight source, byline included in the last article paragraph', () => {
    const paragraphs = splitSourceParagraphs(readFileSync('content/sources/mek-has-not-respected-the-2014-agreement.txt', 'utf8'));
    expect(paragraphs).toHaveLength(24);
    expect(paragraphs[19]).toMatchObject({
      number: 20,
      line: 39,
      text: 'The US listed it as a terrorist organisation in 1997 but removed it from the blacklist in 2012 after it renounced violence. By Fjori Sinoruka – Balkaninsight',
    });
  });
});

describe('sha256', () => {
  it('hashes bytes as hex', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
