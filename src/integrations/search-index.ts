import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexStats {
  documents: number;
  glossaryPages: number;
}

/**
 * Writes the Pagefind index into the built site from its document and
 * glossary pages. A document's paragraphs are its sub-results, each with its
 * permanent anchor; editorial notes are left out, as Pagefind would count
 * their text toward the last paragraph.
 */
export async function writeSearchIndex(outDir: string): Promise<SearchIndexStats> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['[data-footnotes]'] });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const documents = await index.addDirectory({ path: outDir, glob: 'documents/*/index.html' });
    const glossary = await index.addDirectory({ path: outDir, glob: 'glossary/*/index.html' });
    const failures = [...documents.errors, ...glossary.errors];
    if (failures.length > 0) throw new Error(`Pagefind could not index the site: ${failures.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { documents: documents.page_count, glossaryPages: glossary.page_count };
  } finally {
    await pagefind.close();
  }
}
