/**
 * Builds text with whitespace normalised the way the fidelity check compares
 * paragraphs: every run of white space becomes one space, none at either end.
 * Appending piece by piece keeps offsets into the result exact, which mention
 * positions and context sentences rely on.
 */
export class NormalizedText {
  #text = '';
  #pendingSpace = false;

  append(piece: string): this {
    for (const char of piece) {
      if (/\s/u.test(char)) {
        this.#pendingSpace = this.#text.length > 0;
      } else {
        if (this.#pendingSpace) this.#text += ' ';
        this.#pendingSpace = false;
        this.#text += char;
      }
    }
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
