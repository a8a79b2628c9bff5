/**
 * The build's last step: writes the Pagefind index into the built site from
 * its document, glossary and claim pages, in parts for a large corpus.
 *
 *   node scripts/search-index.ts [outDir]   # default dist
 *
 * It runs in a process of its own, after `astro build` has exited, because
 * Pagefind's indexing service needs most memory just when the build would
 * still be holding its own (3.7 GB and 2.3 GB at 5,000 documents): run one
 * after the other, the build's peak is the larger of the two, not their sum.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { buildCacheDir, searchDocumentsPerIndex } from '../src/config.ts';
import { type FileStamp, sameStamp, stampOf } from '../src/node/file-stamps.ts';
import { openSearchIndexCache, type PageRead, type SearchIndexRecord } from '../src/node/search-index-cache.ts';
import { outputFile, searchIndexPath, searchPath } from '../src/routes.ts';
import { searchExclusions, searchInputDigest } from '../src/site/search-input.ts';
import { searchIndexParts, searchIndexPaths } from '../src/site/search-indexes.ts';
import { sha256 } from '../src/text/hash.ts';

export interface SearchIndexStats {
  documents: number;
  glossaryPages: number;
  claimPages: number;
  /** The parts the index was written in (src/site/search-indexes.ts). */
  parts: number;
}

export interface SearchIndexResult extends SearchIndexStats {
  /** Whether the index was copied from the last build's, its pages giving the same index. */
  reused: boolean;
  /** The pages the index is made from, and how many of them were read (the others as the last index read them). */
  pages: number;
  pagesRead: number;
}

/**
 * The parts of the index the search page merges, as its `data-search-indexes`
 * lists them: a page built with another SEARCH_DOCUMENTS_PER_INDEX would
 * search fewer or more parts than there are.
 */
async function checkSearchPage(outDir: string, expected: readonly string[]): Promise<void> {
  const file = join(outDir, outputFile(searchPath), 'index.html');
  const html = await readFile(file, 'utf8');
  const listed = /data-search-indexes="([^"]*)"/u.exec(html)?.[1]?.replaceAll('&quot;', '"');
  if (listed === undefined || listed !== JSON.stringify(expected)) {
    throw new Error(
      `${file} lists the search index's parts as ${listed ?? 'nothing'}, but the ${expected.length === 1 ? 'index is one part' : `index is ${expected.length} parts`} (${expected.join(', ')}): build the pages and the index with the same SEARCH_DOCUMENTS_PER_INDEX, as npm run build does.`,
    );
  }
}

/**
 * A folder with only the given document pages, as hard links, for Pagefind
 * to index as a directory: it reads a directory's pages in parallel, and
 * pages sent one by one took twice as long and 0.5 GB more at 3,000
 * documents. It sits beside the output folder, on the same file system, so
 * that the links never become copies (in memory, where /tmp is a tmpfs).
 */
async function stageDocuments(outDir: string, slugs: readonly string[]): Promise<string> {
  const root = await mkdtemp(join(dirname(resolve(outDir)), '.search-index-part-'));
  try {
    for (const slug of slugs) {
      const to = join(root, 'documents', slug, 'index.html');
      await mkdir(dirname(to), { recursive: true });
      await link(join(outDir, 'documents', slug, 'index.html'), to);
    }
    return root;
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/** What a further part needs: the search page's Pagefind, from the first part, loads only its entry file, metadata, word index, fragments and filters. */
const partFiles = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/u;

async function removeBundle(partDir: string): Promise<void> {
  for (const name of await readdir(partDir)) if (!partFiles.test(name)) await rm(join(partDir, name), { recursive: true, force: true });
}

/** The pages Pagefind reads (the globs below), with any other page beside them: sorted paths relative to the output folder. */
async function indexedPages(outDir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const folder of ['documents', 'glossary', 'claims']) {
    if (!existsSync(join(outDir, folder))) continue;
    for (const name of await readdir(join(outDir, folder))) {
      const page = join(folder, name, 'index.html');
      if (existsSync(join(outDir, page))) pages.push(page);
    }
  }
  return pages.sort();
}

type PageReads = SearchIndexRecord<SearchIndexStats>['pages'];

/** Whether a page has a `data-pagefind-body`: a moved document's forwarding page has none, and is not indexed. */
const hasSearchBody = (html: string): boolean => /<[^>]*\sdata-pagefind-body[\s=>]/u.test(html);

/**
 * The pages as the index reads them: the document pages with a body, by
 * slug, and what the index reads of each page (see PageRead). A page with
 * the size and modification time the last index recorded of it is as that
 * index read it, and is not read again (a rebuild rewrites a few dozen of
 * 1,700 pages at 1,000 documents: reading them all took it about 0.5 s); the
 * pages Astro keeps from one build to the next are trusted on the same
 * grounds (src/node/render-cache.ts). A page read has the SHA-256 of its
 * bytes and, where it is a document page, its `searchInputDigest`
 * (src/site/search-input.ts), which leaves out the text of its editorial
 * notes and its printed citation's access date; a page whose bytes an
 * earlier index read has the digest it had then, so only document pages
 * that changed are parsed. Other pages are taken whole: parsing them costs a
 * build 1 to 2 s, and an edit that changes them changes what the index reads
 * of them.
 */
function readPages(outDir: string, pages: readonly string[], earlier: PageReads = {}): { slugs: string[]; reads: PageReads; read: number } {
  const known = new Map(Object.values(earlier).map(({ bytes, read }) => [bytes, read]));
  const slugs: string[] = [];
  const reads: PageReads = {};
  let read = 0;
  for (const page of pages) {
    const path = join(outDir, page);
    const [folder, slug] = page.split(sep);
    // Stated before the page is read: a page written after is found with another time, and read again.
    const stats = statSync(path);
    const last = earlier[page];
    const current = last && sameStamp(last.stamp, stats) ? last : readPage(readFileSync(path), folder === 'documents', known, stampOf(stats));
    if (current !== last) read += 1;
    if (current.body) slugs.push(slug as string);
    reads[page] = current;
  }
  return { slugs: slugs.sort(), reads, read };
}

function readPage(bytes: Buffer, isDocument: boolean, known: ReadonlyMap<string, string>, stamp: FileStamp): PageRead {
  const digest = sha256(bytes);
  if (!isDocument) return { bytes: digest, read: digest, stamp, body: false };
  const html = bytes.toString('utf8');
  return { bytes: digest, read: known.get(digest) ?? searchInputDigest(html), stamp, body: hasSearchBody(html) };
}

/** The document pages with a body, by slug, as {@link readPages} finds them, without the rest of its reading. */
function documentsWithBody(outDir: string, pages: readonly string[]): string[] {
  const slugs: string[] = [];
  for (const page of pages) {
    const [folder, slug] = page.split(sep);
    if (folder === 'documents' && hasSearchBody(readFileSync(join(outDir, page), 'utf8'))) slugs.push(slug as string);
  }
  return slugs.sort();
}

/** The version of a package the project depends on, from its folder in node_modules (Pagefind's exports hide its package.json from `import`). */
const packageVersion = (name: string): string => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

/**
 * What decides how a page is read (src/site/search-input.ts and the parser it
 * uses, and this script, which says which pages have a body and takes the
 * others whole): what an earlier index recorded of a page counts only under the same.
 */
const readingRules = sha256(
  [
    readFileSync(new URL('../src/site/search-input.ts', import.meta.url)),
    readFileSync(new URL(import.meta.url)),
    `htmlparser2 ${packageVersion('htmlparser2')}`,
  ].join('\n'),
);

/** Pagefind's version, and whatever settings its indexing service could read besides the options given: PAGEFIND_* variables and a configuration file. */
function pagefindSettings(): unknown {
  const files = ['pagefind.json', 'pagefind.toml', 'pagefind.yaml', 'pagefind.yml'].filter((name) => existsSync(name));
  return {
    version: packageVersion('pagefind'),
    variables: Object.entries(process.env)
      .filter(([name]) => name.startsWith('PAGEFIND_'))
      .sort(),
    files: files.map((name) => [name, sha256(readFileSync(name))]),
  };
}

/** The digest of all an index is a function of: Pagefind and its options, the parts, and what it reads of each page. */
function fingerprint(parts: readonly (readonly string[])[], paths: readonly string[], pages: PageReads): string {
  const read = Object.entries(pages).map(([page, { read }]) => [page, read]);
  return sha256(JSON.stringify({ pagefind: pagefindSettings(), exclusions: searchExclusions, paths, parts, read }));
}

/**
 * Writes the index (see `index`), or copies the one the last build wrote into
 * the same output folder where Pagefind would read the same from every page:
 * an edited editorial note, which the index leaves out, or the access date
 * of a page's printed citation. CORPUS_CLEAN=1 (`npm run build -- --clean`)
 * writes it in any case.
 */
export async function writeSearchIndex(outDir: string, documentsPerIndex = searchDocumentsPerIndex()): Promise<SearchIndexResult> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no built site in ${outDir}: run astro build first`);
  const pages = await indexedPages(outDir);
  const cache = openSearchIndexCache<SearchIndexStats>(buildCacheDir(), outDir);
  const folder = outputFile(searchIndexPath(1));
  const kept = process.env.CORPUS_CLEAN === '1' ? undefined : cache.read();
  const last = kept?.rules === readingRules ? kept : undefined;
  // An index to compare with is read against first. Without one there is nothing to reuse: the pages are read, for the
  // next build to compare with, while Pagefind writes the index (see `index`), and only their bodies are looked for now.
  const now = last && readPages(outDir, pages, last.pages);
  const slugs = now ? now.slugs : documentsWithBody(outDir, pages);
  const parts = searchIndexParts(slugs, documentsPerIndex);
  const paths = searchIndexPaths(slugs.length, documentsPerIndex);
  await checkSearchPage(outDir, paths);
  if (now && last && fingerprint(parts, paths, now.reads) === last.fingerprint && cache.restore(last, folder)) {
    // The pages as they are now, so that the next build reads only what changes after them.
    cache.remember({ ...last, pages: now.reads });
    return { ...last.stats, pages: pages.length, pagesRead: now.read, reused: true };
  }
  const { stats, meanwhile } = await index(outDir, parts, paths, () => now ?? readPages(outDir, pages));
  const { reads, read } = meanwhile;
  cache.save({ fingerprint: fingerprint(parts, paths, reads), rules: readingRules, stats, pages: reads }, folder);
  return { ...stats, pages: pages.length, pagesRead: read, reused: false };
}

/**
 * Writes the index in parts (src/site/search-indexes.ts), one after the
 * other, each in a fresh indexing service, so that the memory the build needs
 * is that of one part. A document's paragraphs are its sub-results, each with
 * its permanent anchor; editorial notes are left out, as Pagefind would count
 * their text toward the last paragraph. `meanwhile` runs, and its result is
 * returned, while Pagefind's service writes the first part in its own
 * process: writing, the service keeps one core and a bit busy, and this
 * process would otherwise only wait on it. Reading the pages for the cache
 * so, the step took 9.2 to 10.3 s at 1,000 generated documents, against 10.8
 * to 11.4 s before it (the same index and cache record, interleaved runs).
 */
async function index<T>(
  outDir: string,
  parts: readonly (readonly string[])[],
  paths: readonly string[],
  meanwhile: () => T,
): Promise<{ stats: SearchIndexStats; meanwhile: T }> {
  // A part left by an earlier build of more documents would still be served.
  await rm(join(outDir, outputFile(searchIndexPath(1))), { recursive: true, force: true });
  const stats: SearchIndexStats = { documents: 0, glossaryPages: 0, claimPages: 0, parts: paths.length };
  let done: { value: T } | undefined;
  for (const [part, path] of paths.entries()) {
    const slugsOfPart = parts[part] as readonly string[];
    // One part is indexed where the pages are: the index is then byte for byte what it was before parts.
    let documentsRoot = outDir;
    try {
      if (paths.length > 1) documentsRoot = await stageDocuments(outDir, slugsOfPart);
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: searchExclusions });
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      const documents = await index.addDirectory({ path: documentsRoot, glob: 'documents/*/index.html' });
      const failures = [...documents.errors];
      if (part === 0) {
        const glossary = await index.addDirectory({ path: outDir, glob: 'glossary/*/index.html' });
        const claims = await index.addDirectory({ path: outDir, glob: 'claims/*/index.html' });
        failures.push(...glossary.errors, ...claims.errors);
        stats.glossaryPages = glossary.page_count;
        stats.claimPages = claims.page_count;
      }
      if (failures.length > 0) throw new Error(`Pagefind could not index the site: ${failures.join('; ')}`);
      // A staged part holds only pages with a body to index; the whole site's folder also has moved documents' forwarding pages.
      if (documentsRoot !== outDir && documents.page_count !== slugsOfPart.length) {
        throw new Error(`Pagefind indexed ${documents.page_count} of the ${slugsOfPart.length} document pages of part ${part + 1} of the search index.`);
      }
      stats.documents += slugsOfPart.length;
      const partDir = join(outDir, outputFile(path));
      const writing = index.writeFiles({ outputPath: partDir });
      if (part === 0) {
        try {
          done = { value: meanwhile() };
        } finally {
          // Whatever `meanwhile` did, the index is finished (or fails) before this returns (or throws).
          await writing.catch(() => undefined);
        }
      }
      const written = await writing;
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      if (part > 0) await removeBundle(partDir);
    } finally {
      await pagefind.close();
      if (documentsRoot !== outDir) await rm(documentsRoot, { recursive: true, force: true });
    }
  }
  if (!done) throw new Error('the search index has no part to write');
  return { stats, meanwhile: done.value };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? 'dist';
  const started = performance.now();
  try {
    const stats = await writeSearchIndex(outDir);
    const reused = stats.reused ? ", the last build's index copied (its pages give the same index)" : '';
    console.log(
      `[search] stage search index: ${stats.documents} documents, ${stats.glossaryPages} glossary pages and ${stats.claimPages} claims${stats.parts > 1 ? ` in ${stats.parts} parts` : ''} (${stats.pagesRead} of ${stats.pages} pages read, the others as the last index read them)${reused} in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
