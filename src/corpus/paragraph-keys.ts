/**
 * Paragraphs as the views count them: each paragraph of the corpus has a key,
 * a number that sorts in corpus order (documents in the model's order, then
 * ¶ numbers), so that an entry's paragraphs are one sorted list of numbers
 * and two entries' shared paragraphs are the intersection of two lists.
 */

/** Room for ¶ numbers below a million in each document. */
const paragraphsPerDocument = 1_000_000;

/** Where a paragraph is: its document's slug and its ¶ number. */
export interface ParagraphPlace {
  document: string;
  paragraph: number;
}

/** Keys for the paragraphs of documents in corpus order. */
export interface ParagraphKeys {
  key(place: ParagraphPlace): number;
  place(key: number): ParagraphPlace;
}

export function paragraphKeys(documentsInOrder: readonly string[]): ParagraphKeys {
  const indexOf = new Map(documentsInOrder.map((slug, index) => [slug, index]));
  return {
    key({ document, paragraph }) {
      const index = indexOf.get(document);
      if (index === undefined) throw new Error(`no document "${document}" in the corpus`);
      return index * paragraphsPerDocument + paragraph;
    },
    place(key) {
      const document = documentsInOrder[Math.floor(key / paragraphsPerDocument)];
      if (document === undefined) throw new Error(`no paragraph key ${key} in the corpus`);
      return { document, paragraph: key % paragraphsPerDocument };
    },
  };
}

/** The distinct paragraphs of places in corpus order, as sorted keys (an entry's mentions are in corpus order already). */
export function sortedKeys(places: Iterable<ParagraphPlace>, keys: ParagraphKeys): number[] {
  const sorted = [...new Set([...places].map((place) => keys.key(place)))];
  return sorted.sort((a, b) => a - b);
}

/** Each entry's paragraphs, from its mentions, as sorted keys: what the views ask of an entry's mentions. */
export function paragraphsByEntry(mentionsByEntry: Readonly<Record<string, readonly ParagraphPlace[]>>, keys: ParagraphKeys): Record<string, number[]> {
  return Object.fromEntries(Object.entries(mentionsByEntry).map(([entry, places]) => [entry, sortedKeys(places, keys)]));
}

function contains(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle] ?? 0;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * The first `limit` keys in both sorted lists, in order. Walks the shorter
 * list and looks each key up in the longer, and stops at the limit, so that a
 * rare entry paired with a ubiquitous one costs little.
 */
export function sharedKeys(a: readonly number[], b: readonly number[], limit = Number.POSITIVE_INFINITY): number[] {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const shared: number[] = [];
  for (const key of short) {
    if (shared.length >= limit) break;
    if (contains(long, key)) shared.push(key);
  }
  return shared;
}

/** A document's paragraphs among some, for links such as "A2 CNN ¶ 3, 4, 10". */
export interface DocumentParagraphs {
  document: string;
  paragraphs: number[];
}

/** Sorted keys grouped by document, in corpus order. */
export function byDocument(sorted: readonly number[], keys: ParagraphKeys): DocumentParagraphs[] {
  const groups: DocumentParagraphs[] = [];
  for (const key of sorted) {
    const { document, paragraph } = keys.place(key);
    const last = groups.at(-1);
    if (last?.document === document) last.paragraphs.push(paragraph);
    else groups.push({ document, paragraphs: [paragraph] });
  }
  return groups;
}
