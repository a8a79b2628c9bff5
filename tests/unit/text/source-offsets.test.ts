/**
 * From a paragraph's normalised text back to the verbatim source
 * (src/text/source-offsets.ts over the maps of src/text/offset-map.ts): the
 * offsets the exports publish.
 */
import { describe, expect, it } from 'vitest';
import { originalSpan } from '../../../src/text/offset-map.ts';
import { codePointCounter, indexSource, sliceCodePoints, sourcePosition } from '../../../src/text/source-offsets.ts';

/** CRLF line ends, tabs and runs of spaces, a paragraph over two lines, a line of white space alone, characters outside the BMP. */
const tricky = [
  'Title  with\ttwo runs 😀',
  '',
  '  Indented first line,   three spaces,',
  'a line break inside the paragraph,\tand trailing spaces   ',
  '   \t ',
  'After a blank line of spaces: 𝔘nicode 😀 here.',
].join('\r\n');

describe('indexSource', () => {
  it('splits the source into numbered paragraphs with white space normalised', () => {
    expect(indexSource(tricky).paragraphs.map(({ number, text }) => [number, text])).toEqual([
      [1, 'Title with two runs 😀'],
      [2, 'Indented first line, three spaces, a line break inside the paragraph, and trailing spaces'],
      [3, 'After a blank line of spaces: 𝔘nicode 😀 here.'],
    ]);
  });

  it('maps every word of the normalised text to the same word in the source', () => {
    for (const paragraph of indexSource(tricky).paragraphs) {
      for (const word of paragraph.text.matchAll(/\S+/gu)) {
        const span = originalSpan(paragraph.map, word.index, word.index + word[0].length);
        expect(tricky.slice(span.start, span.end)).toBe(word[0]);
      }
    }
  });

  it('maps a range over a normalised space to the whole run of white space it stands for, line break included', () => {
    const second = indexSource(tricky).paragraphs[1]!;
    const from = second.text.indexOf('spaces, a line');
    const span = originalSpan(second.map, from, from + 'spaces, a line'.length);
    expect(tricky.slice(span.start, span.end)).toBe('spaces,\r\na line');
  });

  it('leaves the white space that opens and closes a paragraph out of its whole range', () => {
    const second = indexSource(tricky).paragraphs[1]!;
    const whole = originalSpan(second.map, 0, second.text.length);
    expect(tricky.slice(whole.start, whole.end)).toBe('Indented first line,   three spaces,\r\na line break inside the paragraph,\tand trailing spaces');
  });

  it('reads CR-only and LF line ends, and a source without a final line end', () => {
    const source = 'one\rtwo\r\rthree\n\nfour';
    const index = indexSource(source);
    expect(index.paragraphs.map((paragraph) => paragraph.text)).toEqual(['one two', 'three', 'four']);
    const span = originalSpan(index.paragraphs[0]!.map, 0, 7);
    expect(source.slice(span.start, span.end)).toBe('one\rtwo');
  });

  it('maps every unit of the normalised text back to its source on random texts of awkward white space', () => {
    const alphabet = ['a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\ufeff', '😀', 'é', '\n\n', ' \n \n'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round += 1) {
      const source = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const { text, map } of indexSource(source).paragraphs) {
        expect(map.text).toBe(text);
        for (let unit = 0; unit < text.length; unit += 1) {
          const raw = source.slice(map.from[unit], map.to[unit]);
          if (text[unit] === ' ') expect(raw).toMatch(/^\s+$/u);
          else expect(raw).toBe(text[unit]);
        }
      }
    }
  });
});

describe('originalSpan', () => {
  it('refuses a range that runs past the end of the text', () => {
    const first = indexSource(tricky).paragraphs[0]!;
    expect(() => originalSpan(first.map, 3, 99)).toThrow('[3, 99) is not a range of a text of 22 units');
  });
});

describe('codePointCounter', () => {
  it('counts an emoji or a mathematical letter as one code point', () => {
    expect([0, 1, 3, 4, 6, 7].map(codePointCounter('a😀b𝔘c'))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses an offset between the two halves of a surrogate pair', () => {
    expect(() => codePointCounter('a😀b𝔘c')(2)).toThrow('offset 2 falls inside a surrogate pair');
  });

  it('refuses an offset past the end of the text', () => {
    expect(() => codePointCounter('a😀b𝔘c')(8)).toThrow('8 is not an offset into a text of 7 UTF-16 units');
  });
});

describe('sliceCodePoints', () => {
  it('slices by code points, as a reader of the exports slices the source', () => {
    expect(sliceCodePoints('a😀b𝔘c', 1, 4)).toBe('😀b𝔘');
  });
});

describe('sourcePosition', () => {
  it('gives a span of a paragraph in UTF-16 units and in code points of the source, one less for the emoji before it', () => {
    const index = indexSource(tricky);
    const text = index.paragraphs[2]!.text;
    const start = text.indexOf('𝔘nicode 😀');
    expect(sourcePosition(index, 3, start, start + '𝔘nicode 😀'.length)).toEqual({ units: { start: 163, end: 174 }, codePoints: { start: 162, end: 171 } });
  });

  it('gives spans whose units and code points slice the same words of the source', () => {
    const index = indexSource(tricky);
    const text = index.paragraphs[2]!.text;
    const start = text.indexOf('𝔘nicode 😀');
    const { units, codePoints } = sourcePosition(index, 3, start, start + '𝔘nicode 😀'.length);
    expect([tricky.slice(units.start, units.end), sliceCodePoints(tricky, codePoints.start, codePoints.end)]).toEqual(['𝔘nicode 😀', '𝔘nicode 😀']);
  });

  it('refuses a paragraph the source does not have', () => {
    expect(() => sourcePosition(indexSource(tricky), 4, 0, 1)).toThrow('the source has no ¶ 4: it has 3 paragraphs');
  });
});
