import { distance } from 'fastest-levenshtein';
import type { Block } from './blocks.ts';

export interface SentenceContext {
  before: string;
  match: string;
  after: string;
}

/** One mention of an entry, ready for the entry's page. */
export interface Mention {
  entry: string;
  document: string;
  paragraph: number;
  /** The words of the source that name the entry. */
  text: string;
  context: SentenceContext;
}

/** The block's mentions, each in its sentence. */
export function mentionsOfBlock(document: string, block: Block): Mention[] {
  const { text } = block;
  return block.mentions.map(({ entry, start, end, sentence: [from, to] }) => ({
    entry,
    document,
    paragraph: block.number,
    text: text.slice(start, end),
    context: { before: text.slice(from, start), match: text.slice(start, end), after: text.slice(end, to).trimEnd() },
  }));
}

/**
 * Everything {@link mentionsOfBlock} reads, for each document in the order
 * given, as parts of one text: its slug, and each block's number, text and
 * mentions' entries and offsets (not their lines, which an edit above them
 * moves). The same documents' mentions, made by the same code, come from the
 * same text, and its digest costs one pass over the documents' text, where
 * the mentions repeat a sentence each: 112 MB of them at 1,000 generated
 * documents, whose sources are 11 MB.
 */
export function* mentionInputs(documents: readonly { slug: string; blocks: readonly Block[] }[]): Generator<string> {
  for (const { slug, blocks } of documents) {
    yield `${JSON.stringify(slug)}\n`;
    for (const { number, text, mentions } of blocks) {
      if (mentions.length === 0) continue;
      const spans = mentions.map(({ entry, start, end, sentence: [from, to] }) => [entry, start, end, from, to]);
      // The text's length first, so that no two blocks run into each other.
      yield `${number} ${text.length} ${JSON.stringify(spans)}\n`;
      yield text;
    }
  }
}

/** Groups mentions by entry id, keeping reading order within each group. */
export function mentionsByEntry(mentions: readonly Mention[]): Map<string, Mention[]> {
  const index = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const list = index.get(mention.entry) ?? [];
    list.push(mention);
    index.set(mention.entry, list);
  }
  return index;
}

/** Up to `limit` known ids nearest to an unknown one, for "did you mean". */
export function closestIds(unknown: string, known: readonly string[], limit = 3): string[] {
  return [...known]
    .map((id) => ({ id, score: distance(unknown, id) - (id.includes(unknown) || unknown.includes(id) ? 2 : 0) }))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id }) => id);
}

export interface MentionGroup<D> {
  document: D;
  mentions: Mention[];
}

/**
 * Consecutive mentions of the same document under that document. Mentions are
 * kept in corpus order (document by document), so one pass groups them.
 */
export function groupByDocument<D>(mentions: readonly Mention[], documentsBySlug: ReadonlyMap<string, D>): MentionGroup<D>[] {
  const groups: MentionGroup<D>[] = [];
  let current: (MentionGroup<D> & { slug: string }) | undefined;
  for (const mention of mentions) {
    if (current?.slug !== mention.document) {
      const document = documentsBySlug.get(mention.document);
      if (!document) continue;
      current = { slug: mention.document, document, mentions: [] };
      groups.push(current);
    }
    current.mentions.push(mention);
  }
  return groups.map(({ document, mentions: grouped }) => ({ document, mentions: grouped }));
}

/** Splits a list into pages of `size`, for entries mentioned more often than one page should hold. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

export interface RelatedEntry {
  entry: string;
  /** Paragraphs in which both entries are mentioned. */
  sharedParagraphs: number;
}

/**
 * For each entry, the `limit` entries mentioned in the same paragraphs most
 * often, ranked by the number of paragraphs they share. Works paragraph by
 * paragraph, so its cost grows with the corpus, not with its square, and keeps
 * only the top of each list. Entries are numbered as they are first met, and
 * each entry's neighbours counted in an array over those numbers: counted in
 * maps keyed by the entries' ids, it took 0.3 s of every build at 1,000
 * generated documents (182,000 mentions).
 */
export function relatedEntries(mentions: readonly Mention[], limit = Number.POSITIVE_INFINITY): Map<string, RelatedEntry[]> {
  const ids = new Map<string, number>();
  const names: string[] = [];
  // Each paragraph's entries, the paragraphs in the order they are first met; and each entry's paragraphs.
  const paragraphs: number[][] = [];
  const paragraphsOf: number[][] = [];
  // Each document's paragraphs, by number, as their place in `paragraphs`.
  const byDocument = new Map<string, Map<number, number>>();
  for (const { document, paragraph, entry } of mentions) {
    let id = ids.get(entry);
    if (id === undefined) {
      id = names.push(entry) - 1;
      ids.set(entry, id);
      paragraphsOf.push([]);
    }
    let ofDocument = byDocument.get(document);
    if (!ofDocument) byDocument.set(document, (ofDocument = new Map()));
    let index = ofDocument.get(paragraph);
    if (index === undefined) {
      index = paragraphs.push([]) - 1;
      ofDocument.set(paragraph, index);
    }
    const entries = paragraphs[index] as number[];
    if (!entries.includes(id)) {
      entries.push(id);
      paragraphsOf[id]?.push(index);
    }
  }
  // The lists in the order their entries are met paragraph by paragraph, an entry only ever mentioned alone among them.
  const order = new Set(paragraphs.flat());
  const shared = new Int32Array(names.length);
  const related = new Map<string, RelatedEntry[]>();
  for (const entry of order) {
    const others: number[] = [];
    for (const index of paragraphsOf[entry] ?? []) {
      for (const other of paragraphs[index] ?? []) {
        if (other === entry) continue;
        const count = shared[other] ?? 0;
        if (count === 0) others.push(other);
        shared[other] = count + 1;
      }
    }
    const row = others.map((other) => ({ entry: names[other] as string, sharedParagraphs: shared[other] as number }));
    for (const other of others) shared[other] = 0;
    // Ids the collation takes for equal (none a glossary accepts) are ranked by code point, so that no order depends on the mentions'.
    row.sort((a, b) => b.sharedParagraphs - a.sharedParagraphs || a.entry.localeCompare(b.entry) || (a.entry < b.entry ? -1 : 1));
    related.set(names[entry] as string, row.slice(0, limit));
  }
  return related;
}
