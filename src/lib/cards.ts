import type { CorpusDocument, GlossaryEntry } from './corpus.ts';
import { entryTypeLabels } from './format.ts';

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
export function previewCards(document: CorpusDocument, entries: readonly GlossaryEntry[]): Record<string, PreviewCard> {
  const mentioned = new Set(document.blocks.flatMap((block) => block.mentions.map((mention) => mention.entry)));
  return Object.fromEntries(
    entries
      .filter((entry) => mentioned.has(entry.id))
      .map((entry) => [entry.id, { name: entry.meta.name, type: entryTypeLabels[entry.meta.type].singular, summary: entry.meta.summary }]),
  );
}
