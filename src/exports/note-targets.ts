/**
 * Editorial notes as annotations. A note is written against a point in the
 * text, its reference mark, while an annotation needs a span and a
 * motivation: this chooses both, from the paragraph's normalised text and
 * the note's own text. docs/open-data.md ("Which words a note annotates")
 * states the same rules for the readers of the exports.
 */
import type { NoteMotivation } from './web-annotation-model.ts';

/** How a note's target was chosen. */
export type NoteTargetRule = 'word' | 'sentence' | 'paragraph';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const closingMarks = /[”’"')\]»]/u;
const sentenceEnd = /[.!?…]/u;
const punctuation = /\p{P}/u;

/**
 * The words of a paragraph that a note reference at `offset` (in the
 * paragraph's normalised text) comments on. Editors set a reference right
 * after what it explains, so:
 *
 * - a reference that closes the paragraph (nothing but other references after
 *   it), or opens it, explains the whole paragraph: a caption, a byline, a
 *   quotation with its attribution;
 * - a reference right after the full stop of a sentence, inside the
 *   paragraph, explains that sentence;
 * - any other reference explains the word before it ("Mezez[^mezez]",
 *   "GJKKO,[^orders]"): the run of non-space characters, less punctuation at
 *   either end, so that the quote is the word itself.
 */
export function noteTarget(text: string, offset: number): { start: number; end: number; rule: NoteTargetRule } {
  let end = Math.min(offset, text.length);
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  if (end === 0 || offset >= text.length) return { start: 0, end: text.length, rule: 'paragraph' };

  let mark = end;
  while (mark > 0 && closingMarks.test(text[mark - 1] ?? '')) mark -= 1;
  if (mark > 0 && sentenceEnd.test(text[mark - 1] ?? '')) {
    const sentence = sentences.segment(text).containing(mark - 1);
    if (sentence) return { start: sentence.index, end, rule: 'sentence' };
  }

  const wordStart = text.lastIndexOf(' ', end - 1) + 1;
  let start = wordStart;
  let trimmedEnd = end;
  while (start < trimmedEnd && punctuation.test(text[start] ?? '')) start += 1;
  while (trimmedEnd > start && punctuation.test(text[trimmedEnd - 1] ?? '')) trimmedEnd -= 1;
  // A "word" of punctuation alone (a dash, a quotation mark) is quoted as it is.
  return start < trimmedEnd ? { start, end: trimmedEnd, rule: 'word' } : { start: wordStart, end, rule: 'word' };
}

/**
 * A note that opens with "[sic]" marks an error of the source, kept as
 * received, and usually gives the correct form: the model's "editing"
 * (a change the target calls for). Every other note comments.
 */
export function noteMotivation(noteText: string): NoteMotivation {
  return /^\[sic\]/iu.test(noteText.trimStart()) ? 'editing' : 'commenting';
}
