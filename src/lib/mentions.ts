import { distance } from 'fastest-levenshtein';
import type { Block, MentionSpan } from './blocks.ts';

export interface SentenceContext {
  before: string;
  match: string;
  after: string;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentence of `text` around [start, end), split so the match can be highlighted. */
export function sentenceAround(text: string, start: number, end: number): SentenceContext {
  let from = 0;
  let to = text.length;
  for (const segment of sentences.segment(text)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segment.index <= start && start < segmentEnd) from = segment.index;
    if (segment.index < end && end <= segmentEnd) {
      to = segmentEnd;
      break;
    }
  }
  return { before: text.slice(from, start), match: text.slice(start, end), after: text.slice(end, to).trimEnd() };
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

export function mentionsOfBlock(document: string, block: Block): Mention[] {
  return block.mentions.map((span: MentionSpan) => ({
    entry: span.entry,
    document,
    paragraph: block.number,
    text: block.text.slice(span.start, span.end),
    context: sentenceAround(block.text, span.start, span.end),
  }));
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

/** Mentions grouped under their documents, in the documents' order; documents without mentions are left out. */
export function groupByDocument<D extends { slug: string }>(mentions: readonly Mention[], documents: readonly D[]): MentionGroup<D>[] {
  return documents
    .map((document) => ({ document, mentions: mentions.filter((mention) => mention.document === document.slug) }))
    .filter((group) => group.mentions.length > 0);
}

export interface RelatedEntry {
  entry: string;
  /** Paragraphs in which both entries are mentioned. */
  sharedParagraphs: number;
}

/**
 * For each entry, the entries mentioned in the same paragraphs, ranked by the
 * number of paragraphs they share. Works paragraph by paragraph, so its cost
 * grows with the corpus, not with its square.
 */
export function relatedEntries(mentions: readonly Mention[]): Map<string, RelatedEntry[]> {
  const entriesByParagraph = new Map<string, Set<string>>();
  for (const mention of mentions) {
    const key = `${mention.document}#${mention.paragraph}`;
    const entries = entriesByParagraph.get(key) ?? new Set<string>();
    entries.add(mention.entry);
    entriesByParagraph.set(key, entries);
  }
  const counts = new Map<string, Map<string, number>>();
  for (const entries of entriesByParagraph.values()) {
    for (const entry of entries) {
      const row = counts.get(entry) ?? new Map<string, number>();
      for (const other of entries) if (other !== entry) row.set(other, (row.get(other) ?? 0) + 1);
      counts.set(entry, row);
    }
  }
  return new Map(
    [...counts].map(([entry, row]) => [
      entry,
      [...row]
        .map(([other, sharedParagraphs]) => ({ entry: other, sharedParagraphs }))
        .sort((a, b) => b.sharedParagraphs - a.sharedParagraphs || a.entry.localeCompare(b.entry)),
    ]),
  );
}
