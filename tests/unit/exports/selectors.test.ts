/** The two selectors of an annotated span, in the verbatim source (src/exports/selectors.ts). */
import { describe, expect, it } from 'vitest';
import { sourceSelectors } from '../../../src/exports/selectors.ts';
import { indexSource } from '../../../src/text/source-offsets.ts';

/** The selectors of the first occurrence of `words` in the normalised text of paragraph `number` of `source`. */
function select(source: string, number: number, words: string) {
  const index = indexSource(source);
  const start = index.paragraphs[number - 1]!.text.indexOf(words);
  expect(start, `"${words}" is in ¶ ${number}`).toBeGreaterThanOrEqual(0);
  return sourceSelectors(index, number, start, start + words.length);
}

const awkward = [
  'Title  with\ttwo runs 😀',
  '',
  'A 😀 paragraph that runs',
  'over three lines,   with runs of spaces,',
  '\tand a tab before 𝔘nicode math.  ',
].join('\r\n');

describe('sourceSelectors', () => {
  it('quotes the words as the source has them, with 32 code points of context either side, line ends and runs of spaces included', () => {
    expect(select(awkward, 2, 'runs of spaces')[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'runs of spaces',
      prefix: ' runs\r\nover three lines,   with ',
      suffix: ',\r\n\tand a tab before 𝔘nicode mat',
    });
  });

  it('quotes a span across a line break of the source with the line break', () => {
    expect(select(awkward, 2, 'runs over')[0].exact).toBe('runs\r\nover');
  });

  it('gives the position in code points of the whole source, where an emoji or a mathematical letter is one', () => {
    // Two emoji come before the words and 𝔘 opens them: in UTF-16 units they are [113, 126).
    expect(awkward.indexOf('𝔘nicode math')).toBe(113);
    expect(select(awkward, 2, '𝔘nicode math')[1]).toEqual({ type: 'TextPositionSelector', start: 111, end: 123 });
  });

  it('stops the context at the paragraph’s start, and leaves out the prefix of a quote that opens its paragraph', () => {
    expect(select(awkward, 2, 'A 😀')[0]).toEqual({ type: 'TextQuoteSelector', exact: 'A 😀', suffix: ' paragraph that runs\r\nover three' });
  });

  it('stops the context at the paragraph’s end, and leaves out the suffix of a quote that closes its paragraph', () => {
    expect(select(awkward, 1, '😀')[0]).toEqual({ type: 'TextQuoteSelector', exact: '😀', prefix: 'Title  with\ttwo runs ' });
  });

  it('counts the context in code points, not UTF-16 units', () => {
    const emoji = '😀'.repeat(40);
    expect(select(`${emoji}x${emoji}`, 1, 'x')[0]).toEqual({ type: 'TextQuoteSelector', exact: 'x', prefix: '😀'.repeat(32), suffix: '😀'.repeat(32) });
  });

  it('widens the context until prefix, quote and suffix occur once in the source', () => {
    const around = 'the same forty characters on each side.';
    const source = `First: ${around} Mezez ${around} One.\n\nSecond: ${around} Mezez ${around} Two.`;
    expect(select(source, 2, 'Mezez')[0]).toEqual({ type: 'TextQuoteSelector', exact: 'Mezez', prefix: `Second: ${around} `, suffix: ` ${around} Two.` });
  });

  it('keeps 32 code points of context where the quote opens with words found elsewhere in the source, but is found nowhere else whole', () => {
    // Its first 16 characters recur, so the count of windows (src/exports/selectors.ts) leaves the answer to the scans of the source.
    const opening = 'Both reports open with these words, then';
    const source = `${opening} Mezez left.\n\n${opening} Mezez stayed.`;
    expect(select(source, 2, 'Mezez')[0]).toEqual({ type: 'TextQuoteSelector', exact: 'Mezez', prefix: `${opening} `.slice(-32), suffix: ' stayed.' });
  });

  it('gives a quote whose whole paragraph recurs word for word the whole paragraph as context, and leaves it ambiguous', () => {
    const paragraph = 'The police raided the camp in Mezez.';
    expect(select(`${paragraph}\n\n${paragraph}`, 2, 'Mezez')).toEqual([
      { type: 'TextQuoteSelector', exact: 'Mezez', prefix: 'The police raided the camp in ', suffix: '.' },
      { type: 'TextPositionSelector', start: 68, end: 73 },
    ]);
  });
});
