/**
 * A text derived from an original one unit at a time (white space
 * normalised, folded for matching, markup escapes resolved), with the way
 * back: unit i of `text` stands for original[from[i], to[i]). Every
 * derivation the corpus makes of a text keeps one, so that what is found in
 * the derived text (a mention, a quote, a note's place) can be reported in
 * the original: offsets are UTF-16 units of the original throughout.
 */
export interface OffsetMap {
  text: string;
  from: Uint32Array;
  to: Uint32Array;
}

/** A half-open range [start, end) of UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

/** Collects an OffsetMap piece by piece: each piece of derived text with the original span it stands for. */
export class OffsetMapBuilder {
  #text = '';
  #from: number[] = [];
  #to: number[] = [];

  /** Appends `piece`, each of whose units stands for original[start, end). */
  push(piece: string, start: number, end: number): this {
    for (let unit = 0; unit < piece.length; unit += 1) {
      this.#from.push(start);
      this.#to.push(end);
    }
    this.#text += piece;
    return this;
  }

  /** Appends original[start, end) as it is, each unit standing for itself. */
  copy(original: string, start: number, end: number): this {
    for (let unit = start; unit < end; unit += 1) {
      this.#from.push(unit);
      this.#to.push(unit + 1);
    }
    this.#text += original.slice(start, end);
    return this;
  }

  /** The derived text so far. */
  get text(): string {
    return this.#text;
  }

  build(): OffsetMap {
    return { text: this.#text, from: Uint32Array.from(this.#from), to: Uint32Array.from(this.#to) };
  }
}

/**
 * The original span of [start, end) of the derived text. A range that begins
 * or ends on a unit standing for several original ones (a normalised space, an
 * escape) takes in all of them; an empty range sits where its unit begins.
 */
export function originalSpan(map: OffsetMap, start: number, end: number): Span {
  const length = map.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(`[${start}, ${end}) is not a range of a text of ${length} units`);
  }
  const at = (array: Uint32Array, index: number) => array[index] ?? 0;
  const originalStart = start < length ? at(map.from, start) : at(map.to, length - 1);
  if (start === end) return { start: originalStart, end: originalStart };
  return { start: originalStart, end: at(map.to, end - 1) };
}
