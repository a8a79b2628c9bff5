/**
 * Text folded for matching names: the same key for "Çuçi" and "cuci", for
 * "MEK’s" and "MEK's", keeping the way back to the original offsets.
 */
import { foldForMatching } from '../text/normalize.ts';

/** Text folded for matching, with the offset in the original of every folded character. */
export interface FoldedText {
  folded: string;
  /** origin[i] is the offset in the original text of folded character i; origin[folded.length] is the original's length. */
  origin: number[];
}

/** Typographic variants that must not stop a name from matching: curly quotes and apostrophes, dashes. */
const punctuationVariants: Record<string, string> = {
  '’': "'", '‘': "'", 'ʼ': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '″': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '−': '-',
};

/**
 * Folds text character by character (lower case, no diacritics, one kind of
 * apostrophe, quote and dash, white space runs as one space), keeping the way
 * back to the original offsets that matches must be reported in.
 */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    let piece: string;
    if (/\s/u.test(char)) piece = folded === '' || folded.endsWith(' ') ? '' : ' ';
    else piece = punctuationVariants[char] ?? foldForMatching(char);
    for (let index = 0; index < piece.length; index += 1) origin.push(offset);
    folded += piece;
    offset += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}
