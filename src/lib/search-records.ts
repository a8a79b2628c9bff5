import type { GlossaryEntry } from './corpus.ts';
import { entryTypeLabels } from './format.ts';
import type { DocumentSummary } from './page-model.ts';

/** Filter names, shared by the indexed pages and the search page. */
export const searchFilters = {
  kind: 'kind',
  document: 'document',
  outlet: 'outlet',
  type: 'type',
} as const;

export const searchKinds = { paragraph: 'Document paragraphs', entry: 'Glossary entries' } as const;

/**
 * The filters and metadata a document page gives Pagefind. Each document is
 * one Pagefind page whose paragraphs are its sub-results (their `id` and
 * `data-pagefind-title`): one record per paragraph would make the index's
 * metadata, which every first search loads, grow with the number of paragraphs.
 */
export function documentSearchAttributes(document: DocumentSummary, entriesById: ReadonlyMap<string, GlossaryEntry>) {
  const types = new Set(document.entries.flatMap((id) => {
    const type = entriesById.get(id)?.meta.type;
    return type ? [entryTypeLabels[type].plural] : [];
  }));
  return {
    filters: {
      [searchFilters.kind]: [searchKinds.paragraph],
      [searchFilters.document]: [document.meta.title],
      [searchFilters.outlet]: [document.meta.publisher],
      [searchFilters.type]: [...types].sort(),
    },
    meta: { outlet: document.meta.publisher, published: document.meta.published },
  };
}
