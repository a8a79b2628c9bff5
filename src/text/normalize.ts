/** A run of white space: JavaScript's, which String.prototype.trim removes too, never half a surrogate pair. Global, for replace and matchAll, which leave it as they found it. */
export const whiteSpaceRun = /\s+/gu;

/**
 * Builds text with whitespace normalised the way the fidelity check compares
 * paragraphs: every run of white space becomes one space, none at either end.
 * Appending piece by piece keeps offsets into the result exact, which mention
 * positions and context sentences rely on.
 */
export class NormalizedText {
  #text = '';
  #pendingSpace = false;

  // Each run of white space replaced at once, not character by character: a test and a concatenation for each character were
  // most of the check's normalising.
  append(piece: string): this {
    const collapsed = piece.replace(whiteSpaceRun, ' ');
    if (collapsed === '') return this;
    if (collapsed === ' ') {
      this.#pendingSpace = this.#text.length > 0;
      return this;
    }
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.endsWith(' ');
    if (leading) this.#pendingSpace = this.#text.length > 0;
    if (this.#pendingSpace) this.#text += ' ';
    this.#text += collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    this.#pendingSpace = trailing;
    return this;
  }

  /** Offset at which the next non-space character will land. */
  get offset(): number {
    return this.#text.length + (this.#pendingSpace ? 1 : 0);
  }

  toString(): string {
    return this.#text;
  }
}

export function normalizeWhitespace(text: string): string {
  return new NormalizedText().append(text).toString();
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Lower-case, without diacritics: "Çuçi" and "cuci" fold to the same key. */
export function foldForMatching(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
