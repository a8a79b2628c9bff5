/**
 * The build's last step: writes the Pagefind index into the built site from
 * its document and glossary pages.
 *
 *   node scripts/search-index.ts [outDir]   # default dist
 *
 * It runs in a process of its own, after `astro build` has exited, because
 * Pagefind's indexing service needs most memory just when the build would
 * still be holding its own (3.7 GB and 2.3 GB at 5,000 documents): run one
 * after the other, the build's peak is the larger of the two, not their sum.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexStats {
  documents: number;
  glossaryPages: number;
  claimPages: number;
}

/**
 * A document's paragraphs are its sub-results, each with its permanent
 * anchor; editorial notes are left out, as Pagefind would count their text
 * toward the last paragraph.
 */
export async function writeSearchIndex(outDir: string): Promise<SearchIndexStats> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no built site in ${outDir}: run astro build first`);
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['[data-footnotes]'] });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const documents = await index.addDirectory({ path: outDir, glob: 'documents/*/index.html' });
    const glossary = await index.addDirectory({ path: outDir, glob: 'glossary/*/index.html' });
    const claims = await index.addDirectory({ path: outDir, glob: 'claims/*/index.html' });
    const failures = [...documents.errors, ...glossary.errors, ...claims.errors];
    if (failures.length > 0) throw new Error(`Pagefind could not index the site: ${failures.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { documents: documents.page_count, glossaryPages: glossary.page_count, claimPages: claims.page_count };
  } finally {
    await pagefind.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? 'dist';
  const started = performance.now();
  try {
    const stats = await writeSearchIndex(outDir);
    console.log(
      `[search] stage search index: ${stats.documents} documents, ${stats.glossaryPages} glossary pages and ${stats.claimPages} claims in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
