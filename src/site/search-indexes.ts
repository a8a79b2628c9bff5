import { searchIndexPath } from '../routes.ts';

/**
 * The search index comes in parts, each of at most `documentsPerIndex`
 * documents, in the given order and of near-equal size; glossary entries and
 * claims go with the first. Pagefind's indexing service holds an index in
 * memory until it has written it, about 0.7 MiB a document (6,828 MiB at 10,000
 * documents), so scripts/search-index.ts writes one part at a time, each in a
 * fresh service, and the search page merges them (Pagefind's `mergeIndex`).
 * A corpus of up to `documentsPerIndex` documents has one index, as
 * Pagefind builds it: each further part costs a search a few more requests,
 * and ranks its pages by its own word counts.
 */
export function searchIndexParts<T>(documents: readonly T[], documentsPerIndex: number): T[][] {
  const count = partCount(documents.length, documentsPerIndex);
  const size = Math.ceil(documents.length / count);
  return Array.from({ length: count }, (_, part) => documents.slice(part * size, (part + 1) * size));
}

/** The route paths of the parts of the index for this many documents, the first being Pagefind's own folder. */
export function searchIndexPaths(documentCount: number, documentsPerIndex: number): string[] {
  return Array.from({ length: partCount(documentCount, documentsPerIndex) }, (_, part) => searchIndexPath(part + 1));
}

function partCount(documentCount: number, documentsPerIndex: number): number {
  return Math.max(1, Math.ceil(documentCount / documentsPerIndex));
}
