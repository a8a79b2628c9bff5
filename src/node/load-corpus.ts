import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { assembleCorpus, baseName, buildCorpus, planCorpus } from '../corpus/build.ts';
import type { ContentFile, CorpusBuild, CorpusFiles } from '../corpus/model.ts';
import { basePath, contentDirs, type ContentDirs, siteName, siteUrl } from '../config.ts';
import { entryTypeLabels } from '../site/format.ts';
import { type DocumentCacheOptions, type DocumentCacheStats, openDocumentCache, type Stored } from './document-cache.ts';
import type { DocumentPage } from './document-page.ts';
import { type FrontmatterCacheOptions, openFrontmatterCache } from './frontmatter-cache.ts';
import { checkDocuments, workerCount } from './worker-pool.ts';

/** The files of `dir` that end in `extension`, sorted, as paths under it; none where `dir` does not exist. */
export async function listFiles(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(dir, name));
}

async function readTextFiles(root: string, paths: string[]): Promise<ContentFile[]> {
  return Promise.all(paths.map(async (path) => ({ path: relative(root, path), text: await readFile(path, 'utf8') })));
}

/** Reads the content directories under `root` and builds the corpus model: the file-system edge of src/corpus/build.ts. */
export async function loadCorpus(root: string, dirs: ContentDirs = contentDirs, options: Pick<CorpusFiles, 'onParsed' | 'drafts'> = {}): Promise<CorpusBuild> {
  const sourcePaths = await listFiles(resolve(root, dirs.sources), '.txt');
  const sources = new Map<string, Uint8Array>(
    await Promise.all(sourcePaths.map(async (path) => [path.split('/').pop() ?? path, await readFile(path)] as [string, Uint8Array])),
  );
  return buildCorpus({ ...(await readContentFiles(root, dirs)), sources, ...options });
}

/**
 * Builds the corpus model as {@link loadCorpus} does, and renders every valid
 * page to `onRendered`, with the per-page work (check against the source,
 * rendering) spread over `workers` threads; the cross-document work (the
 * glossary, claims, indexes, comparisons, the editorial lock) stays in this
 * thread. The model, problems and pages do not depend on the number of threads,
 * nor on the `cache` of pages checked by earlier builds, which then says how
 * many pages it reused and how many were checked, and gives the digest of
 * each document it holds (src/node/document-cache.ts `serializedDocument`).
 */
export async function loadRenderedCorpus(
  root: string,
  dirs: ContentDirs,
  options: {
    drafts?: CorpusFiles['drafts'];
    workers?: number;
    onRendered: (slug: string, page: DocumentPage, stored?: Stored) => void;
    cache?: DocumentCacheOptions;
    /** Where the glossary's and claims' front matter is kept between checks (src/node/frontmatter-cache.ts). */
    frontmatter?: FrontmatterCacheOptions;
    /** The access date the pages' printed citations give, `YYYY-MM-DD`: the day of the build. */
    accessed: string;
  },
): Promise<CorpusBuild & { cache?: DocumentCacheStats; documentDigests: ReadonlyMap<string, string> }> {
  const sourcesPath = resolve(root, dirs.sources);
  const sourceNames = (await listFiles(sourcesPath, '.txt')).map((path) => path.split('/').pop() ?? path);
  // Each page's source is read by the thread that checks it; the cross-document work needs none.
  const frontmatter = options.frontmatter && openFrontmatterCache(options.frontmatter);
  const files: CorpusFiles = { ...(await readContentFiles(root, dirs)), sources: new Map(), drafts: options.drafts, frontmatter };
  const plan = planCorpus(files);
  frontmatter?.finish();
  const glossary = {
    known: [...plan.known],
    entryIds: plan.entries.map((entry) => entry.id),
    typeLabels: plan.entries.map((entry) => [entry.id, entryTypeLabels[entry.meta.type].plural] as [string, string]),
    base: basePath,
    sourcesPath,
    sourceNames,
    sourcesDir: dirs.sources,
    glossaryDir: dirs.glossary,
    citation: { siteUrl, siteName, accessed: options.accessed },
  };
  const tasks = plan.published.map((file) => ({ file, claims: plan.claimsOf(baseName(file.path, '.mdx')) }));
  const cache = options.cache && openDocumentCache(glossary, options.cache);
  const checks = await checkDocuments(glossary, tasks, options.workers ?? workerCount(), options.onRendered, cache);
  const build = assembleCorpus(files, plan, checks);
  // What the cache computed of each document it holds, for the exports' keys.
  const documentDigests = new Map(checks.flatMap(({ document, documentDigest }) => (document && documentDigest ? [[document.slug, documentDigest]] : [])));
  return cache ? { ...build, cache: cache.finish(), documentDigests } : { ...build, documentDigests };
}

/** Every content file but the sources, read from the content directories under `root`. */
async function readContentFiles(root: string, dirs: ContentDirs): Promise<Omit<CorpusFiles, 'sources'>> {
  // resolve, not join: CORPUS_CONTENT may be absolute.
  const abs = (dir: string) => resolve(root, dir);
  return {
    documents: await readTextFiles(root, await listFiles(abs(dirs.corpus), '.mdx')),
    entries: await readTextFiles(root, await listFiles(abs(dirs.glossary), '.md')),
    comparisons: await readTextFiles(root, await listFiles(abs(dirs.comparisons), '.yaml')),
    claims: await readTextFiles(root, await listFiles(abs(dirs.claims), '.md')),
    sourcesDir: dirs.sources,
    glossaryDir: dirs.glossary,
    corrections: await readOptionalFile(root, abs(dirs.corrections)),
    editorialLock: await readOptionalFile(root, abs(dirs.editorialLock)),
  };
}

/** A content file that a corpus may do without: empty when it does not exist. */
async function readOptionalFile(root: string, path: string): Promise<ContentFile> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return { path: relative(root, path), text };
}
