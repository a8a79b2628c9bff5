import type { GlossaryEntry } from '../corpus/model.ts';
import { entryTypeLabels } from './format.ts';
import type { DocumentSummary } from './page-model.ts';

/** What a preview card shows for an entry. */
export interface PreviewCard {
  name: string;
  type: string;
  summary: string;
}

/**
 * The cards a document page needs: only the entries it mentions, so a page
 * stays small however large the glossary grows.
 */
export function previewCards(document: DocumentSummary, entriesById: ReadonlyMap<string, GlossaryEntry>): Record<string, PreviewCard> {
  return Object.fromEntries(
    document.entries.flatMap((id) => {
      const entry = entriesById.get(id);
      return entry ? [[id, { name: entry.meta.name, type: entryTypeLabels[entry.meta.type].singular, summary: entry.meta.summary }]] : [];
    }),
  );
}
