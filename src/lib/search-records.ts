import { paragraphPath } from './anchors.ts';
import type { CorpusModel } from './corpus.ts';
import { entryTypeLabels } from './format.ts';

/** One paragraph as Pagefind indexes it (the shape of Pagefind's CustomRecord). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Filter names, shared by the index and the search page. */
export const searchFilters = {
  kind: 'kind',
  document: 'document',
  outlet: 'outlet',
  type: 'type',
} as const;

export const searchKinds = { paragraph: 'Document paragraphs', entry: 'Glossary entries' } as const;

/**
 * Every paragraph of the article text as its own search record, so that a
 * result is a paragraph with its permanent URL, and filters (document, outlet,
 * the types of entity it mentions) apply paragraph by paragraph. Debris is
 * left out: it is not part of any article.
 */
export function paragraphRecords(model: CorpusModel): SearchRecord[] {
  const typeOf = new Map(model.entries.map((entry) => [entry.id, entry.meta.type]));
  return model.documents.flatMap((document) =>
    document.blocks
      .filter((block) => !block.debris)
      .map((block) => {
        const types = [...new Set(block.mentions.flatMap((mention) => (typeOf.has(mention.entry) ? [typeOf.get(mention.entry)!] : [])))];
        return {
          url: paragraphPath(document.slug, block.number),
          content: block.text,
          language: document.meta.language,
          meta: {
            title: document.meta.title,
            paragraph: String(block.number),
            outlet: document.meta.publisher,
            published: document.meta.published,
          },
          filters: {
            [searchFilters.kind]: [searchKinds.paragraph],
            [searchFilters.document]: [document.meta.title],
            [searchFilters.outlet]: [document.meta.publisher],
            [searchFilters.type]: types.map((type) => entryTypeLabels[type].plural).sort(),
          },
        };
      }),
  );
}
