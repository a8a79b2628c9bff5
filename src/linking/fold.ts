/**
 * Text folded for matching names: the same key for "Çuçi" and "cuci", for
 * "MEK’s" and "MEK's", keeping the way back to the original offsets.
 */
import { foldForMatching } from '../text/normalize.ts';
import { OffsetMapBuilder, type OffsetMap } from '../text/offset-map.ts';

/** Typographic variants that must not stop a name from matching: curly quotes and apostrophes, dashes. */
const punctuationVariants: Record<string, string> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '−': '-',
};

/**
 * Folds text character by character (lower case, no diacritics, one kind of
 * apostrophe, quote and dash, white space runs as one space), keeping the way
 * back to the original offsets that matches must be reported in. What folds
 * to nothing (a combining mark, the rest of a run of white space) belongs to
 * the unit before it, so that a match ending there takes it in: "C\u0327uc\u0327i"
 * is matched whole.
 */
export function foldWithOffsets(text: string): OffsetMap {
  const pieces: { piece: string; start: number }[] = [];
  let folded = '';
  let offset = 0;
  for (const char of text) {
    let piece: string;
    if (/\s/u.test(char)) piece = folded === '' || folded.endsWith(' ') ? '' : ' ';
    else piece = punctuationVariants[char] ?? foldForMatching(char);
    if (piece !== '') pieces.push({ piece, start: offset });
    folded += piece;
    offset += char.length;
  }
  const map = new OffsetMapBuilder();
  for (const [index, { piece, start }] of pieces.entries()) map.push(piece, start, pieces[index + 1]?.start ?? text.length);
  return map.build();
}
