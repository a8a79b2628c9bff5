import type { Claim, ComparisonPage, CorpusDocument, CorpusModel, GlossaryEntry } from '../corpus/model.ts';
import type { CorrectionRecord } from '../corpus/schema.ts';
import { paginate, type Mention, type RelatedEntry } from '../corpus/mentions.ts';

/** How many mentions an entry's page, and each of its further mention pages, lists. */
export const mentionsPerPage = 200;

/** A document as pages need it: its metadata and counts, and the entries it mentions, not its text or notes. */
export interface DocumentSummary extends Omit<CorpusDocument, 'blocks' | 'notes'> {
  entries: string[];
}

export interface MentionCount {
  mentions: number;
  documents: number;
  /** Pages of mentions: the entry's own page, then /glossary/<id>/mentions/<n>/. */
  pages: number;
}

/**
 * What the pages receive from the corpus check: small at any corpus size,
 * since the mentions themselves are stored page by page (see mentionPages).
 */
export interface PageModel {
  documents: DocumentSummary[];
  entries: GlossaryEntry[];
  mentionCounts: Record<string, MentionCount>;
  relatedEntries: Record<string, RelatedEntry[]>;
  comparisons: ComparisonPage[];
  corrections: CorrectionRecord[];
  claims: Claim[];
}

export function pageModel(model: CorpusModel): PageModel {
  return {
    documents: model.documents.map(({ blocks, notes: _notes, ...summary }) => ({
      ...summary,
      entries: [...new Set(blocks.flatMap((block) => block.mentions.map((mention) => mention.entry)))],
    })),
    entries: model.entries,
    mentionCounts: Object.fromEntries(
      Object.entries(model.mentionsByEntry).map(([entry, mentions]) => [
        entry,
        {
          mentions: mentions.length,
          documents: new Set(mentions.map((mention) => mention.document)).size,
          pages: Math.ceil(mentions.length / mentionsPerPage),
        },
      ]),
    ),
    relatedEntries: model.relatedEntries,
    comparisons: model.comparisons,
    corrections: model.corrections,
    claims: model.claims,
  };
}

/** Each entry's mentions, page by page (pages numbered from 1). */
export function* mentionPages(model: Pick<CorpusModel, 'mentionsByEntry'>): Generator<{ entry: string; page: number; mentions: Mention[] }> {
  for (const [entry, mentions] of Object.entries(model.mentionsByEntry)) {
    let page = 0;
    for (const chunk of paginate(mentions, mentionsPerPage)) yield { entry, page: (page += 1), mentions: chunk };
  }
}
