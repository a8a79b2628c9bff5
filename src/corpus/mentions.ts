import { distance } from 'fastest-levenshtein';
import type { Block, MentionSpan } from './blocks.ts';

/**
 * A mention in its sentence: the words before and after it, verbatim, each
 * cut at a word to at most {@link contextReach} characters where the sentence
 * goes on further, with the cut flagged so that a page can mark it.
 */
export interface SentenceContext {
  before: string;
  match: string;
  after: string;
  /** The sentence begins earlier than `before`. */
  cutBefore?: true;
  /** The sentence goes on after `after`. */
  cutAfter?: true;
}

/**
 * How far a mention's context reaches either side, in characters. An entry's
 * page lists up to 200 mentions; a whole sentence of a long report can run to
 * several hundred characters, and a list of them is read for the name in its
 * immediate setting (a concordance), the paragraph being a link away. Most
 * sentences of the published reports (a median of 133 characters) are shown
 * whole; the benchmark's generated ones (a median of 414) are cut, which
 * cut the glossary pages it writes at 1,000 documents from 128.6 MB to 83.1 MB.
 */
export const contextReach = 100;

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Offsets at which the sentences of `text` start, with its length last. */
function sentenceBounds(text: string): number[] {
  const bounds = [...sentences.segment(text)].map((segment) => segment.index);
  bounds.push(text.length);
  return bounds;
}

/**
 * Whether a character is white space a context may be cut at: JavaScript's
 * white space but the no-break spaces, which hold together what their author
 * meant to keep together ("10 km", "« oui »").
 */
function isBreakSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The last `contextReach` characters of `text` or fewer: from the first word
 * that begins among them, or, where none does (a word longer than the reach,
 * a script written without spaces), from the first whole character among them.
 */
function reachBefore(text: string): Pick<SentenceContext, 'before' | 'cutBefore'> {
  if (text.length <= contextReach) return { before: text };
  const from = text.length - contextReach;
  for (let index = from; index < text.length; index += 1) {
    if (isBreakSpace(text.charCodeAt(index - 1)) && !isBreakSpace(text.charCodeAt(index))) return { before: text.slice(index), cutBefore: true };
  }
  return { before: text.slice(isLowSurrogate(text, from) ? from + 1 : from), cutBefore: true };
}

/**
 * The first `contextReach` characters of `text` or fewer: to the end of the
 * last word that ends among them, or, where none does, to the last whole
 * character among them.
 */
function reachAfter(text: string): Pick<SentenceContext, 'after' | 'cutAfter'> {
  if (text.length <= contextReach) return { after: text };
  for (let index = contextReach; index > 0; index -= 1) {
    if (isBreakSpace(text.charCodeAt(index)) && !isBreakSpace(text.charCodeAt(index - 1))) return { after: text.slice(0, index), cutAfter: true };
  }
  return { after: text.slice(0, isLowSurrogate(text, contextReach) ? contextReach - 1 : contextReach), cutAfter: true };
}

function contextIn(text: string, bounds: readonly number[], start: number, end: number): SentenceContext {
  let from = 0;
  let to = text.length;
  for (let index = 0; index < bounds.length - 1; index += 1) {
    const segmentStart = bounds[index] ?? 0;
    const segmentEnd = bounds[index + 1] ?? text.length;
    if (segmentStart <= start && start < segmentEnd) from = segmentStart;
    if (segmentStart < end && end <= segmentEnd) {
      to = segmentEnd;
      break;
    }
  }
  return { ...reachBefore(text.slice(from, start)), match: text.slice(start, end), ...reachAfter(text.slice(end, to).trimEnd()) };
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

/** The block's mentions with their sentences; the block is split into sentences once, whatever its number of mentions. */
export function mentionsOfBlock(document: string, block: Block): Mention[] {
  if (block.mentions.length === 0) return [];
  const bounds = sentenceBounds(block.text);
  return block.mentions.map((span: MentionSpan) => ({
    entry: span.entry,
    document,
    paragraph: block.number,
    text: block.text.slice(span.start, span.end),
    context: contextIn(block.text, bounds, span.start, span.end),
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
 * only the top of each list.
 */
export function relatedEntries(mentions: readonly Mention[], limit = Number.POSITIVE_INFINITY): Map<string, RelatedEntry[]> {
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
        .sort((a, b) => b.sharedParagraphs - a.sharedParagraphs || a.entry.localeCompare(b.entry))
        .slice(0, limit),
    ]),
  );
}
