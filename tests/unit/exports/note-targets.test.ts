/** Which words an editorial note annotates, and with what motivation (src/exports/note-targets.ts; docs/open-data.md states the rules). */
import { describe, expect, it } from 'vitest';
import { noteMotivation, noteTarget } from '../../../src/exports/note-targets.ts';

/** The words a reference at `offset` targets, and the rule that chose them. */
function targeted(text: string, offset: number): [string, string] {
  const target = noteTarget(text, offset);
  return [text.slice(target.start, target.end), target.rule];
}

describe('noteTarget', () => {
  const text = 'Police raided the camp in Mezez near Durres, following orders from SPAK and GJKKO, received support.';

  it('targets the word before a reference inside a sentence', () => {
    expect(targeted(text, text.indexOf(' near'))).toEqual(['Mezez', 'word']);
  });

  it('leaves out the punctuation that ends the word', () => {
    expect(targeted(text, text.indexOf(' received'))).toEqual(['GJKKO', 'word']);
  });

  it('leaves out the punctuation that opens the word', () => {
    const quoted = 'Police were “enforcing a court order” there.';
    expect(targeted(quoted, quoted.indexOf(' there'))).toEqual(['order', 'word']);
  });

  it('quotes a word of punctuation alone as it is', () => {
    const dash = 'He paused — then spoke.';
    expect(targeted(dash, dash.indexOf(' then'))).toEqual(['—', 'word']);
  });

  it('targets the sentence whose full stop a reference follows, inside the paragraph', () => {
    const byline = 'It renounced violence. By Fjori Sinoruka – Balkaninsight';
    expect(targeted(byline, 'It renounced violence.'.length)).toEqual(['It renounced violence.', 'sentence']);
  });

  it('targets the whole sentence, a quotation inside it included', () => {
    const quoted = '“We support it,” he said. Then he left.';
    expect(targeted(quoted, '“We support it,” he said.'.length)).toEqual(['“We support it,” he said.', 'sentence']);
  });

  it('targets the sentence when a closing quotation mark follows its full stop', () => {
    const quoted = 'He left. “We support it.” Then he spoke.';
    expect(targeted(quoted, 'He left. “We support it.”'.length)).toEqual(['“We support it.”', 'sentence']);
  });

  it('targets the whole paragraph when the reference closes it', () => {
    const caption = 'MEK’s compound after the police raid.';
    expect(noteTarget(caption, caption.length)).toEqual({ start: 0, end: caption.length, rule: 'paragraph' });
  });

  it('targets the whole paragraph when the reference opens it', () => {
    const caption = 'MEK’s compound after the police raid.';
    expect(noteTarget(caption, 0)).toEqual({ start: 0, end: caption.length, rule: 'paragraph' });
  });
});

describe('noteMotivation', () => {
  it('reads a note that opens with "[sic]" as editing', () => {
    expect(noteMotivation('[sic] “of of”: a word repeated in the source.')).toBe('editing');
  });

  it('reads "[sic]" in any case and after leading white space', () => {
    expect(noteMotivation('  [SIC] The village is Manëz.')).toBe('editing');
  });

  it('reads every other note as commenting, "[sic]" later in the note included', () => {
    expect(noteMotivation('Tuesday 20 June 2023; the source has [sic] nowhere.')).toBe('commenting');
  });
});
