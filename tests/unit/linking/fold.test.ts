import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '../../../src/linking/fold.ts';

const map = (text: string, from: number[], to: number[]) => ({ text, from: Uint32Array.from(from), to: Uint32Array.from(to) });

describe('foldWithOffsets', () => {
  it('folds case, diacritics and apostrophes, a combining mark belonging to the letter before it', () => {
    expect(foldWithOffsets('C\u0327uc\u0327i’s')).toEqual(map("cuci's", [0, 2, 3, 5, 6, 7], [2, 3, 5, 6, 7, 8]));
  });

  it('drops white space at the start and makes each run one space standing for the whole run', () => {
    expect(foldWithOffsets('  Bledi \n Cuci ')).toEqual(map('bledi cuci ', [2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14], [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15]));
  });

  it('folds dashes to a hyphen', () => {
    expect(foldWithOffsets('MEK—US').text).toBe('mek-us');
  });

  it('keeps both units of a character outside the BMP on its span', () => {
    expect(foldWithOffsets('𝄞 Ünë')).toEqual(map('𝄞 une', [0, 0, 2, 3, 4, 5], [2, 2, 3, 4, 5, 6]));
  });
});
