import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CorpusModel } from '../lib/corpus.ts';
import { paragraphRecords } from '../lib/search-records.ts';

const recordsPerBatch = 500;

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
    // Records go to Pagefind's service in batches: one round trip each, in turn, is most of the cost on a large corpus.
    for (let start = 0; start < records.length; start += recordsPerBatch) {
      const batch = records.slice(start, start + recordsPerBatch);
      const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      responses.forEach((response, offset) => {
        if (response.errors.length > 0) throw new Error(`Pagefind refused ${batch[offset]?.url}: ${response.errors.join('; ')}`);
      });
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
