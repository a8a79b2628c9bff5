import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CorpusModel } from '../lib/corpus.ts';
import { paragraphRecords } from '../lib/search-records.ts';

export interface SearchIndexStats {
  records: number;
  glossaryPages: number;
}

/**
 * Writes the Pagefind index into the built site: one record per paragraph
 * (from the corpus model) and the glossary pages as Pagefind reads them from
 * the built HTML.
 */
export async function writeSearchIndex(model: CorpusModel, outDir: string): Promise<SearchIndexStats> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const records = paragraphRecords(model);
    for (const record of records) {
      const response = await index.addCustomRecord(record);
      if (response.errors.length > 0) throw new Error(`Pagefind refused ${record.url}: ${response.errors.join('; ')}`);
    }
    const glossary = await index.addDirectory({ path: outDir, glob: 'glossary/*/index.html' });
    if (glossary.errors.length > 0) throw new Error(`Pagefind could not index the glossary: ${glossary.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { records: records.length, glossaryPages: glossary.page_count };
  } finally {
    await pagefind.close();
  }
}
