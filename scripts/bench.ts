/**
 * The benchmark: builds synthetic corpora of N documents with the real build
 * (same config, plugins, checks and search index) and prints, per N, the
 * build time by stage, pages per second, peak memory, output and index sizes,
 * the time of a second build after one note is edited and of a third after
 * one entry is renamed, with the pages each renders again, what a browser fetches
 * and how long it waits for the search page to show the results of a rare and
 * of a common query, and the gzipped weight of each kind of page. Results
 * also go to bench-results/.
 *
 *   npm run bench                      # N = 10, 100, 1000, 5000
 *   npm run bench -- --quick           # N = 10, 100
 *   npm run bench -- --sizes 250,2000  # any N
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { generateCorpus, type SyntheticCorpus } from './bench/generate-corpus.ts';
import { directorySize, measureInBrowser, treeRss, type BrowserFigures, type SearchFigures } from './bench/measure.ts';

interface BuildFigures {
  totalMs: number;
  stages: { checksMs: number; renderingMs: number; searchIndexMs: number; exportsMs: number };
  /**
   * The views' share of rendering: computing their data (timeline, map, network). Not their pages' rendering: Astro
   * renders sixteen pages at a time (astro.config.mjs), so the time it logs for a page is not that page's alone.
   */
  viewsMs: number;
  pages: number;
  /** The files of the routes Astro lists (pages, sources, feeds), and those it rendered: it copied the others from the previous build. */
  routeFiles: number;
  renderedFiles: number;
  pagesPerSecond: number;
  /** Peak resident memory of the whole build: the larger of its two steps, which run one after the other. */
  peakRssBytes: number;
  /** Peak resident memory of `astro build` (checks, exports, rendering). */
  peakAstroRssBytes: number;
  /** Peak resident memory of the search-index step, Pagefind's indexing service included. */
  peakSearchIndexRssBytes: number;
  distBytes: number;
  searchIndexBytes: number;
}

export interface BenchResult {
  corpus: SyntheticCorpus;
  build: BuildFigures;
  /** `npm run build` again, into the same output, after one note of one document is edited: whatever the build reuses today. */
  rebuild: BuildFigures;
  /** `npm run build` again, after that, with one glossary entry renamed. */
  entryRebuild: BuildFigures & RenamedEntry;
  browser: BrowserFigures;
}

/** The entry the benchmark renames, and how many documents mention it. */
interface RenamedEntry {
  entry: string;
  mentionedIn: number;
}

/** Edits the first note of a generated document, as an editor correcting one note would. */
async function editOneNote(content: string): Promise<void> {
  const file = join(content, 'corpus', 'document-1.mdx');
  const text = await readFile(file, 'utf8');
  const edited = text.replace(']: An editorial note', ']: A corrected editorial note');
  if (edited === text) throw new Error(`${file} has no note to edit: the generator changed; edit another line for the rebuild.`);
  await writeFile(file, edited);
}

/**
 * Renames the entry in the middle of the glossary, neither the most nor the
 * least mentioned, as an editor correcting a name would: its own page and
 * the pages that show it are rendered again, and no other.
 */
async function renameOneEntry(content: string, entries: number): Promise<RenamedEntry> {
  const entry = `entry-${Math.ceil(entries / 2)}`;
  const file = join(content, 'glossary', `${entry}.md`);
  const text = await readFile(file, 'utf8');
  const renamed = text.replace(/^name: (.*)$/mu, 'name: $1 (renamed)');
  if (renamed === text) throw new Error(`${file} has no name to edit: the generator changed; edit another line for the rebuild.`);
  await writeFile(file, renamed);
  const corpusDir = join(content, 'corpus');
  const pages = await Promise.all((await readdir(corpusDir)).map((name) => readFile(join(corpusDir, name), 'utf8')));
  const mentionedIn = pages.filter((page) => page.includes(`entry="${entry}"`)).length;
  return { entry, mentionedIn };
}

/** Runs one step of the build, sampling the resident memory of its process tree. */
async function step(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ output: string; peakRss: number }> {
  const child = spawn(process.execPath, args, { env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peakRss = 0;
  const sample = () => {
    if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
  };
  // A first sample at once: a short step can end before the first interval.
  sample();
  const sampler = setInterval(sample, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`);
  return { output, peakRss };
}

/**
 * The steps of `npm run build`, with the corpus, output directory and Astro
 * cache folder of the benchmark: the site's own config with the cache folder
 * moved (tests/integration/isolated-cache.config.mjs), so that the cache of
 * checked pages a rebuild reuses goes with the benchmark's temporary folder.
 */
async function build(content: string, outDir: string, cacheDir: string): Promise<BuildFigures> {
  const started = performance.now();
  const env = { ...process.env, CORPUS_CONTENT: content, CORPUS_TEST_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = await step(['node_modules/astro/bin/astro.mjs', 'build', '--config', 'tests/integration/isolated-cache.config.mjs', '--outDir', outDir], env);
  const search = await step(['scripts/search-index.ts', outDir], env);
  const totalMs = performance.now() - started;
  const output = astro.output + search.output;
  const stage = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
  const renderingMs = stage(/stage rendering: (\d+) ms/u);
  const viewsMs = [...output.matchAll(/\[views\] \w+ computed in (\d+) ms/gu)].reduce((sum, [, ms = '0']) => sum + Number(ms), 0);
  const pages = stage(/(\d+) page\(s\) built/u);
  // Astro lists each file it writes: with the time it took, or "(cached)" or "(restored)" for a file of the previous build.
  // A rendered file's time comes after the names of the files rendered beside it; a copied file's mark follows its name.
  const listed = stripVTControlCharacters(astro.output);
  const routeFiles = listed.match(/├─ /gu)?.length ?? 0;
  return {
    totalMs,
    stages: {
      checksMs: stage(/stage checks: .* in (\d+) ms/u),
      renderingMs,
      searchIndexMs: stage(/stage search index: .* in (\d+) ms/u),
      exportsMs: stage(/stage exports: .* in (\d+) ms/u),
    },
    viewsMs,
    pages,
    routeFiles,
    // Counted as those not copied.
    renderedFiles: routeFiles - (listed.match(/├─ \S+ \((?:cached|restored)\)/gu)?.length ?? 0),
    pagesPerSecond: pages / (renderingMs / 1000),
    peakRssBytes: Math.max(astro.peakRss, search.peakRss),
    peakAstroRssBytes: astro.peakRss,
    peakSearchIndexRssBytes: search.peakRss,
    distBytes: directorySize(outDir),
    searchIndexBytes: directorySize(join(outDir, 'pagefind')),
  };
}

export async function bench(sizes: readonly number[], log: (line: string) => void = console.log): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `corpus-bench-${size}-`));
    try {
      log(`N = ${size}: generating…`);
      const corpus = await generateCorpus(join(dir, 'content'), size);
      log(`N = ${size}: building ${corpus.documents} documents, ${corpus.entries} entries, ${corpus.mentions} mentions…`);
      const figures = await build(join(dir, 'content'), join(dir, 'dist'), join(dir, 'astro-cache'));
      log(`N = ${size}: editing one note and building again…`);
      await editOneNote(join(dir, 'content'));
      const rebuild = await build(join(dir, 'content'), join(dir, 'dist'), join(dir, 'astro-cache'));
      log(`N = ${size}: renaming one entry and building again…`);
      const renamed = await renameOneEntry(join(dir, 'content'), corpus.entries);
      const entryRebuild = { ...(await build(join(dir, 'content'), join(dir, 'dist'), join(dir, 'astro-cache'))), ...renamed };
      log(`N = ${size}: measuring in the browser…`);
      const browser = await measureInBrowser(join(dir, 'dist'), corpus.queries, {
        home: '/',
        document: '/documents/document-1/',
        glossary: '/glossary/entry-1/',
        search: '/search/',
        timeline: '/timeline/',
        map: '/map/',
        network: '/network/',
      });
      results.push({ corpus, build: figures, rebuild, entryRebuild, browser });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const searched = (figures: SearchFigures) => `${kb(figures.bytes)}, ${s(figures.ms)} (${figures.results})`;
const weight = (page?: { html: number; css: number; js: number }) =>
  page ? `${kb(page.html + page.css + page.js)} (${kb(page.html)} + ${kb(page.css)} + ${kb(page.js)})` : '';

export function table(results: readonly BenchResult[]): string {
  const rows = [
    [
      'N',
      'paragraphs',
      'mentions',
      'build',
      'checks',
      'rendering',
      'search index',
      'exports',
      'pages',
      'pages/s',
      'ms/page',
      'peak RSS',
      'peak RSS (astro build)',
      'peak RSS (search index)',
      'peak RSS (rebuilds)',
      'dist',
      'index',
      'rebuild, one note edited (files rendered)',
      'rebuild, one entry renamed (files rendered; documents that mention it)',
      'search page',
      'rare word: page load to results (results)',
      'common name',
      'document page (HTML + CSS + JS, gz)',
      'glossary page',
      'home page',
      "views' data",
      'timeline page',
      'map page',
      'network page',
    ],
    ...results.map(({ corpus, build: b, rebuild, entryRebuild, browser }) => [
      String(corpus.documents),
      String(corpus.paragraphs),
      String(corpus.mentions),
      s(b.totalMs),
      s(b.stages.checksMs),
      s(b.stages.renderingMs),
      s(b.stages.searchIndexMs),
      s(b.stages.exportsMs),
      String(b.pages),
      b.pagesPerSecond.toFixed(0),
      (b.totalMs / b.pages).toFixed(1),
      mb(b.peakRssBytes),
      mb(b.peakAstroRssBytes),
      mb(b.peakSearchIndexRssBytes),
      mb(Math.max(rebuild.peakRssBytes, entryRebuild.peakRssBytes)),
      mb(b.distBytes),
      mb(b.searchIndexBytes),
      `${s(rebuild.totalMs)} (${rebuild.renderedFiles} of ${rebuild.routeFiles})`,
      `${s(entryRebuild.totalMs)} (${entryRebuild.renderedFiles} of ${entryRebuild.routeFiles}; ${entryRebuild.mentionedIn})`,
      kb(browser.searchPage),
      searched(browser.rare),
      searched(browser.common),
      weight(browser.pages.document),
      weight(browser.pages.glossary),
      weight(browser.pages.home),
      `${s(b.viewsMs)} (${((100 * b.viewsMs) / b.stages.renderingMs).toFixed(0)}% of rendering)`,
      weight(browser.pages.timeline),
      weight(browser.pages.map),
      weight(browser.pages.network),
    ]),
  ];
  return rows
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n')
    .replace(/\n/u, `\n|${rows[0]!.map(() => ' --- ').join('|')}|\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' } } });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [10, 100] : [10, 100, 1000, 5000];
  const results = await bench(sizes, (line) => console.error(line));
  console.log(table(results));
  await mkdir('bench-results', { recursive: true });
  const file = join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/gu, '-')}.json`);
  const json = JSON.stringify({ date: new Date().toISOString(), sizes, results }, null, 2);
  await writeFile(file, json);
  await writeFile(join('bench-results', 'latest.json'), json);
  console.error(`Results written to ${file}`);
}
