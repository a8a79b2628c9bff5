import type { GlossaryEntry } from '../corpus/model.ts';
import { entryTypeLabels } from './format.ts';
import { type ClaimView, statusLabels } from './claims.ts';
import type { DocumentSummary } from './page-model.ts';

/** Filter names, shared by the indexed pages and the search page. */
export const searchFilters = {
  kind: 'kind',
  document: 'document',
  outlet: 'outlet',
  type: 'type',
} as const;

export const searchKinds = { paragraph: 'Document paragraphs', entry: 'Glossary entries', claim: 'Claims' } as const;

/**
 * The filters and metadata a document page gives Pagefind. Each document is
 * one Pagefind page whose paragraphs are its sub-results (their `id` and
 * `data-pagefind-title`): one record per paragraph would make the index's
 * metadata, which every first search loads, grow with the number of paragraphs.
 */
export function documentSearchAttributes(document: DocumentSummary, entriesById: ReadonlyMap<string, GlossaryEntry>) {
  const types = new Set(
    document.entries.flatMap((id) => {
      const type = entriesById.get(id)?.meta.type;
      return type ? [entryTypeLabels[type].plural] : [];
    }),
  );
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

/** A claim page's filters and metadata: a result of its own kind, filterable by claimant, status and the documents that report it. */
export function claimSearchAttributes(view: ClaimView) {
  return {
    filters: {
      [searchFilters.kind]: [searchKinds.claim],
      [searchFilters.document]: [...new Set(view.appearances.map(({ document }) => document.meta.title))],
      [searchFilters.type]: [...new Set(view.about.map((entry) => entryTypeLabels[entry.meta.type].plural))].sort(),
    },
    meta: { claimant: view.claimant?.meta.name ?? view.claim.meta.claimant, status: statusLabels[view.claim.meta.status.kind] },
  };
}

/**
 * A paragraph's sub-result title: its number and the types of entity it
 * mentions (`¶ 7 · People, Places`). Pagefind filters whole pages, so the
 * search page narrows a document's paragraphs to a chosen type by this title.
 */
export function paragraphSearchTitle(number: number, types: readonly string[]): string {
  return types.length > 0 ? `¶ ${number} · ${[...types].sort().join(', ')}` : `¶ ${number}`;
}

export function typesOfParagraphTitle(title: string): string[] {
  const [, types = ''] = title.split(' · ');
  return types ? types.split(', ') : [];
}
