import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import type { DocumentCacheOptions } from '../../src/node/document-cache.ts';
import type { DocumentPage } from '../../src/node/document-page.ts';
import { loadRenderedCorpus } from '../../src/node/load-corpus.ts';
import { astroBuild, astroCacheDir, filesOf, workDir } from './astro-build.ts';
import { dirsUnder } from './content-dirs.ts';

/**
 * The cache of each page's checked and rendered result (src/node/document-cache.ts):
 * after each kind of edit, exactly the pages the edit touches are checked
 * again, and the result is what a check without the cache gives.
 */

/** Replaces `from` with `to` in a file, which must contain it. */
function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${path} has no ${from}: the fixture changed`);
  writeFileSync(path, edited);
}

/** The pages whose text or citations differ between two checks. */
function changedPages(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  return [...before].filter(([slug, page]) => after.get(slug) !== page).map(([slug]) => slug);
}

/** The day the checks give as the access date of the pages' citations. */
const today = '2026-12-01';

describe('the corpus check with a cache of pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'document-cache-'));
  afterAll(() => rm(root, { recursive: true, force: true }));
  const content = join(root, 'content');
  const cacheDir = join(root, 'cache');
  const pageCount = 12;

  // Every page each check was given with where the cache holds it: the same place, in any check, must be the same page.
  const pageStoredAt = new Map<string, string>();
  const check = async (options: Partial<DocumentCacheOptions> = {}, accessed = today) => {
    // Each page as JSON: its text and its citations; and where the cache holds it.
    const pages = new Map<string, string>();
    const stored = new Map<string, string | undefined>();
    const { cache, documentDigests, ...build } = await loadRenderedCorpus(process.cwd(), dirsUnder(content), {
      workers: 2,
      onRendered: (slug, page, at) => {
        pages.set(slug, JSON.stringify(page));
        stored.set(slug, at);
        if (at === undefined) return;
        expect(pageStoredAt.get(at) ?? JSON.stringify(page), `${slug} stored at ${at}`).toBe(JSON.stringify(page));
        pageStoredAt.set(at, JSON.stringify(page));
      },
      cache: { dir: cacheDir, ...options },
      accessed,
    });
    return { build, pages, stored, cache, documentDigests };
  };
  /** The pages said to be stored elsewhere than in the check before, or nowhere. */
  const movedPages = (previous: Check, current: Check) =>
    [...current.stored].filter(([slug, at]) => at === undefined || previous.stored.get(slug) !== at).map(([slug]) => slug);
  type Check = Awaited<ReturnType<typeof check>>;
  let cold: Check;
  // Each edit below is checked against the check before it.
  let last: Check;
  const next = async (options: Partial<DocumentCacheOptions> = {}, accessed = today) => {
    const previous = last;
    last = await check(options, accessed);
    return { previous, current: last };
  };
  beforeAll(async () => {
    await generateCorpus(content, pageCount);
    cold = await check();
    last = cold;
  });

  it('checks every page when the cache is empty', () => {
    expect(cold.cache).toEqual({ reused: 0, checked: pageCount });
    expect(cold.documentDigests.size).toBe(pageCount);
    expect(cold.build.problems).toEqual([]);
  });

  it('reuses every page of an unchanged corpus, with the same model, problems and HTML', async () => {
    const { previous, current } = await next();
    expect(current.cache).toEqual({ reused: pageCount, checked: 0 });
    expect(JSON.stringify(current.build)).toBe(JSON.stringify(previous.build));
    expect(changedPages(previous.pages, current.pages)).toEqual([]);
    // Each page stored where the check before kept it (src/node/page-store.ts leaves its file as it is).
    expect(current.stored.size).toBe(pageCount);
    expect(movedPages(previous, current)).toEqual([]);
    // The same digest of each document (the exports' keys), as the check that kept it computed it.
    expect(current.documentDigests).toEqual(previous.documentDigests);
    expect(current.documentDigests.size).toBe(pageCount);
  });

  it('checks again only the page whose note was edited, and its page changes', async () => {
    edit(join(content, 'corpus', 'document-1.mdx'), ']: An editorial note', ']: A corrected editorial note');
    const { previous, current } = await next();
    expect(current.cache).toEqual({ reused: pageCount - 1, checked: 1 });
    expect(changedPages(previous.pages, current.pages)).toEqual(['document-1']);
    expect(movedPages(previous, current)).toEqual(['document-1']);
    const changedDigests = [...current.documentDigests].filter(([slug, digest]) => previous.documentDigests.get(slug) !== digest);
    expect(changedDigests.map(([slug]) => slug)).toEqual(['document-1']);
  });

  it("reuses every page when an entry's alias or name changes: the check and the rendering of a page read neither", async () => {
    edit(join(content, 'glossary', 'entry-1.md'), /aliases:\n {2}- \S+/u, 'aliases:\n  - A new alias');
    edit(join(content, 'glossary', 'entry-1.md'), /^name: .*$/mu, 'name: A New Name');
    const { previous, current } = await next();
    expect(current.cache).toEqual({ reused: pageCount, checked: 0 });
    expect(changedPages(previous.pages, current.pages)).toEqual([]);
    // The pages that show the entry's name (its cards) are rendered from the model, which is built anew.
    expect(current.build.model.entries.find((entry) => entry.id === 'entry-1')?.meta).toMatchObject({
      name: 'A New Name',
      aliases: ['A new alias', expect.any(String)],
    });
  });

  it("checks again exactly the pages that mention an entry whose type changed, whose paragraphs' search titles change", async () => {
    // The generator mentions its last entry in one page only.
    const entry = last.build.model.entries.find(({ id }) => id === `entry-${last.build.model.entries.length}`);
    const mentioning = [...new Set(last.build.model.mentionsByEntry[entry?.id ?? '']?.map((mention) => mention.document))].sort();
    expect(mentioning).toHaveLength(1);
    const path = join(content, 'glossary', `${entry?.id}.md`);
    // A person has neither the dates of an event nor the coordinates of a place.
    edit(path, /^type: .*$/mu, `type: ${entry?.meta.type === 'person' ? 'organisation' : 'person'}`);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^(?:when|coordinates):\n(?: {2}.*\n)+/mu, ''));
    const { previous, current } = await next();
    expect(current.cache).toEqual({ reused: pageCount - mentioning.length, checked: mentioning.length });
    expect(changedPages(previous.pages, current.pages).sort()).toEqual(mentioning);
  });

  it('checks a page again when its source changes, which fails the check as before', async () => {
    const source = join(content, 'sources', 'document-3.txt');
    const original = readFileSync(source);
    writeFileSync(source, `${original.toString('utf8')}\nA paragraph added to the source.\n`);
    const { current } = await next();
    writeFileSync(source, original);
    expect(current.cache).toEqual({ reused: pageCount - 1, checked: 1 });
    expect(current.build.problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      expect.stringMatching(/document-3\.mdx: .*sources\/document-3\.txt has SHA-256 [0-9a-f]{64}, but this page records/u),
    ]);
    expect(JSON.parse(current.pages.get('document-3') ?? '{}')).not.toHaveProperty('html');
  });

  it('checks again a page whose cached result failed, once its source is restored', async () => {
    const { previous, current } = await next();
    expect(current.cache).toEqual({ reused: pageCount - 1, checked: 1 });
    expect(current.build.problems).toEqual([]);
    expect(JSON.parse(previous.pages.get('document-3') ?? '{}')).not.toHaveProperty('html');
    expect(current.pages.get('document-3')).toBe(cold.pages.get('document-3'));
  });

  it('checks again, with the same result, a page whose cache entry cannot be read', async () => {
    const [entry] = readdirSync(cacheDir).filter((name) => name.endsWith('.bin'));
    writeFileSync(join(cacheDir, entry ?? ''), readFileSync(join(cacheDir, entry ?? '')).subarray(0, 100));
    const { previous, current } = await next();
    expect(current.cache).toEqual({ reused: pageCount - 1, checked: 1 });
    expect(changedPages(previous.pages, current.pages)).toEqual([]);
  });

  it('reuses every page on another day, with its citations given the new access date and the same text', async () => {
    const { previous, current } = await next({}, '2026-12-02');
    expect(current.cache).toEqual({ reused: pageCount, checked: 0 });
    expect(changedPages(previous.pages, current.pages)).toHaveLength(pageCount);
    expect(movedPages(previous, current)).toHaveLength(pageCount);
    for (const [slug, page] of current.pages) {
      const { html, references, accessed } = JSON.parse(page) as DocumentPage;
      expect(accessed).toBe('2026-12-02');
      expect(references.apa.edition).toContain('December 2, 2026');
      expect(html).toBe((JSON.parse(previous.pages.get(slug) ?? '{}') as DocumentPage).html);
    }
    // Back to the first day: the cache holds the second day's citations, so they are formatted again, and nothing is checked.
    const back = await next();
    expect(back.current.cache).toEqual({ reused: pageCount, checked: 0 });
    expect(changedPages(previous.pages, back.current.pages)).toEqual([]);
  });

  it('checks every page again under another pipeline version', async () => {
    const { previous, current } = await next({ version: 'another version of the pipeline' });
    expect(current.cache).toEqual({ reused: 0, checked: pageCount });
    expect(changedPages(previous.pages, current.pages)).toEqual([]);
  });

  it('removes what an interrupted build left half written', async () => {
    writeFileSync(join(cacheDir, 'interrupted.bin.123.tmp'), 'half');
    await next();
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('checks every page, with the same result, where the cache folder cannot be made, and does not stop', async () => {
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const pages = new Map<string, string>();
    const { cache, problems } = await loadRenderedCorpus(process.cwd(), dirsUnder(content), {
      workers: 2,
      onRendered: (slug, page) => pages.set(slug, JSON.stringify(page)),
      cache: { dir: join(blocked, 'cache') },
      accessed: today,
    });
    expect(cache).toEqual({ reused: 0, checked: pageCount });
    expect(problems).toEqual([]);
    expect(changedPages(last.pages, pages)).toEqual([]);
  });

  it('checks every page again when asked to clean, and keeps only what it checked', async () => {
    const { previous, current } = await next({ clean: true });
    expect(current.cache).toEqual({ reused: 0, checked: pageCount });
    expect(changedPages(previous.pages, current.pages)).toEqual([]);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.bin'))).toHaveLength(pageCount);
    expect((await next()).current.cache).toEqual({ reused: pageCount, checked: 0 });
  });
});

describe('the build of the fixture site with the cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'document-cache-site-'));
  const content = join(root, 'site');
  // One output folder, as `npm run build` has: the files of each build are read before the next.
  const outDir = join(workDir, `dist-document-cache-${process.pid}`);
  afterAll(() => Promise.all([root, astroCacheDir(content), outDir].map((dir) => rm(dir, { recursive: true, force: true }))));
  const build = async (env: Record<string, string> = {}) => {
    Object.assign(process.env, env);
    const result = await astroBuild(content, {}, outDir);
    for (const key of Object.keys(env)) delete process.env[key];
    expect(result.code, result.output).toBe(0);
    const output = stripVTControlCharacters(result.output);
    // Astro lists each page it writes, with the time it took to render, "(cached)" for the previous build's page left in the output
    // folder (src/node/render-cache.ts), or "(restored)" for a copy of it from Astro's cache; in colour where CI is set. A copied
    // page's mark follows its name; a rendered page's time comes after the names of the pages rendered beside it (astro.config.mjs
    // renders sixteen at a time), each name then ending where the next line's time of day begins.
    const listed = [...output.matchAll(/├─ (\/[^\s(]*?)(?=\d\d:\d\d:\d\d|├─|\s|$)/gu)].map((match) => match[1] ?? '');
    const reused = [...output.matchAll(/├─ (\S+) \((?:cached|restored)\)/gu)].map((match) => match[1] ?? '');
    return {
      files: filesOf(result.outDir),
      checks: /stage checks: \d+ documents \((\d+) reused from the cache, (\d+) checked\)/u.exec(result.output)?.slice(1),
      // Whether the check's memory went back to the system before rendering (src/node/release-memory.ts): only where every page renders.
      released: /stage memory: \d+ MB of the check's memory given back/u.test(output),
      reused: reused.sort(),
      left: [...output.matchAll(/├─ (\S+) \(cached\)/gu)].map((match) => match[1]).sort(),
      rendered: listed.filter((page) => !reused.includes(page)).sort(),
    };
  };
  /**
   * The pages that have a cache key (src/data/corpus.ts `cacheKeys`), as Astro lists them: every document's (not the pages that
   * say one moved), entry's, further mention and claim page, and every source (listed with a slash after its file name).
   */
  const keyed = (files: Map<string, Buffer>) => {
    const documents = new Set(readdirSync(join(content, 'corpus')).map((name) => name.replace(/\.mdx$/u, '')));
    const pages = [...files.keys()].filter(
      (path) =>
        /^(glossary\/[^/]+|glossary\/[^/]+\/mentions\/\d+|claims\/[^/]+)\/index\.html$/u.test(path) ||
        documents.has(/^documents\/([^/]+)\/index\.html$/u.exec(path)?.[1] ?? ''),
    );
    const sources = [...files.keys()].filter((path) => /^sources\/[^/]+$/u.test(path));
    return [...pages.map((path) => `/${path}`), ...sources.map((path) => `/${path}/`)].sort();
  };
  /** The files that differ between two builds. */
  const changedFiles = (before: Map<string, Buffer>, after: Map<string, Buffer>) => {
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    return [...before].filter(([path, bytes]) => !after.get(path)?.equals(bytes)).map(([path]) => path);
  };
  let cold: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    await cp('tests/fixtures/site', content, { recursive: true });
    cold = await build();
  });

  it('builds cold, then warm with every page reused, and the two sites are byte-identical', async () => {
    expect(cold.checks).toEqual(['0', '2']);
    expect(cold.released).toBe(true);
    const warm = await build();
    expect(warm.checks).toEqual(['2', '0']);
    expect(warm.released).toBe(false);
    expect(changedFiles(cold.files, warm.files)).toEqual([]);
    // Every page with a key is copied from the cold build, and no other page is.
    expect(cold.reused).toEqual([]);
    expect(keyed(warm.files).length).toBeGreaterThan(10);
    expect(warm.reused).toEqual(keyed(warm.files));
  });

  it('renders again only the page of a document whose note was edited, and publishes what a clean build does', async () => {
    const path = join(content, 'corpus', 'harbour-bridge-reopens.mdx');
    const lock = join(content, 'editorial.lock.json');
    const original = { page: readFileSync(path, 'utf8'), lock: readFileSync(lock, 'utf8') };
    edit(path, '[^tuesday]: Tuesday 12 March 2024, the date of this report.', '[^tuesday]: Tuesday 12 March 2024, the day of this report.');
    // A note not yet published, as the benchmark's are: a published one needs a correction record, which every page's model carries.
    writeFileSync(lock, JSON.stringify({ units: {} }));
    try {
      const edited = await build();
      expect(edited.checks).toEqual(['1', '1']);
      expect(edited.rendered).toContain('/documents/harbour-bridge-reopens/index.html');
      expect(edited.reused).toEqual(keyed(edited.files).filter((page) => page !== '/documents/harbour-bridge-reopens/index.html'));
      expect(edited.files.get('documents/harbour-bridge-reopens/index.html')?.toString()).toContain('the day of this report');
      const clean = await build({ CORPUS_CLEAN: '1' });
      expect(clean.reused).toEqual([]);
      expect(clean.released).toBe(true);
      expect(changedFiles(clean.files, edited.files)).toEqual([]);
    } finally {
      writeFileSync(path, original.page);
      writeFileSync(lock, original.lock);
    }
  });

  it("changes an entry's page when a mention of it is taken out, and publishes what a clean build does", async () => {
    const path = join(content, 'corpus', 'harbour-bridge-reopens.mdx');
    const lock = join(content, 'editorial.lock.json');
    const original = { page: readFileSync(path, 'utf8'), lock: readFileSync(lock, 'utf8') };
    const entryPage = 'glossary/harbour-workers-union/index.html';
    // As the page counts them, and as it lists them.
    const mentions = (files: Map<string, Buffer>) => {
      const html = files.get(entryPage)?.toString() ?? '';
      const counted = Number(/([\d,]+) mentions? in/u.exec(html)?.[1]?.replaceAll(',', ''));
      expect(html.split('class="mention-context"').length - 1).toBe(counted);
      return counted;
    };
    edit(path, '<Mention entry="harbour-workers-union">union</Mention>', 'union');
    writeFileSync(lock, JSON.stringify({ units: {} }));
    try {
      const edited = await build();
      expect(edited.checks).toEqual(['1', '1']);
      expect(mentions(edited.files)).toBe(mentions(cold.files) - 1);
      expect(edited.rendered).toContain(`/${entryPage}`);
      const clean = await build({ CORPUS_CLEAN: '1' });
      expect(changedFiles(clean.files, edited.files)).toEqual([]);
    } finally {
      writeFileSync(path, original.page);
      writeFileSync(lock, original.lock);
    }
    const restored = await build();
    expect(mentions(restored.files)).toBe(mentions(cold.files));
  });

  it('renders every page again after a build that did not finish', async () => {
    // What a build that stops while rendering leaves behind (src/node/render-cache.ts).
    writeFileSync(join(astroCacheDir(content), 'corpus-render-unfinished'), '');
    const after = await build();
    expect(after.reused).toEqual([]);
    const next = await build();
    expect(next.reused).toEqual(keyed(next.files));
  });

  it('leaves every page it can reuse in the output folder, where the last build left it', async () => {
    const warm = await build();
    expect(warm.left).toEqual(keyed(warm.files));
  });

  it('replaces a page altered in the output folder since the last build, and removes a file no build wrote there', async () => {
    const altered = join(outDir, 'documents', 'harbour-bridge-reopens', 'index.html');
    // As long as the page it alters, so that only its modification time tells them apart.
    writeFileSync(altered, readFileSync(altered, 'utf8').replace('Harbour Bridge', 'HARBOUR BRIDGE'));
    writeFileSync(join(outDir, 'stray.html'), '<p>not built</p>');
    const next = await build();
    expect(next.left).not.toContain('/documents/harbour-bridge-reopens/index.html');
    expect(changedFiles(cold.files, next.files)).toEqual([]);
  });

  it('publishes what a clean build does after a document is removed', async () => {
    const copy = { page: join(content, 'corpus', 'council-answers-again.mdx'), source: join(content, 'sources', 'council-answers-again.txt') };
    const original = readFileSync(join(content, 'corpus', 'council-answers-questions.mdx'), 'utf8');
    writeFileSync(copy.page, original.replace('source: council-answers-questions.txt', 'source: council-answers-again.txt'));
    await cp(join(content, 'sources', 'council-answers-questions.txt'), copy.source);
    try {
      const added = await build();
      expect(added.files.has('documents/council-answers-again/index.html')).toBe(true);
      expect(added.files.has('sources/council-answers-again.txt')).toBe(true);
    } finally {
      await rm(copy.page);
      await rm(copy.source);
    }
    const removed = await build();
    expect(removed.files.has('documents/council-answers-again/index.html')).toBe(false);
    expect(removed.files.has('sources/council-answers-again.txt')).toBe(false);
    expect(readdirSync(join(outDir, 'documents'))).not.toContain('council-answers-again');
    const clean = await build({ CORPUS_CLEAN: '1' });
    expect(changedFiles(clean.files, removed.files)).toEqual([]);
  });

  it("changes the pages that show an entry's name, with no page checked again", async () => {
    edit(join(content, 'glossary', 'klea-marku.md'), /^name: .*$/mu, 'name: Klea Marku-Renamed');
    const renamed = await build();
    expect(renamed.checks).toEqual(['2', '0']);
    const changed = changedFiles(cold.files, renamed.files);
    expect(changed).toContain('glossary/klea-marku/index.html');
    // The one document that mentions her shows her name in its cards.
    expect(changed.filter((path) => path.startsWith('documents/'))).toEqual(['documents/harbour-bridge-reopens/index.html']);
  });

  it('renders again, of the pages with a key, only those that show an edited entry, and publishes what a clean build does', async () => {
    const path = join(content, 'glossary', 'harbour-workers-union.md');
    const original = readFileSync(path, 'utf8');
    const before = await build();
    // A claimant, named on the pages of its claims and of the claims that answer them, and related to other entries.
    edit(path, /^name: .*$/mu, 'name: Harbour Workers’ Union (renamed)');
    edit(path, /aliases:\n/u, 'aliases:\n  - HWU-renamed\n');
    try {
      const edited = await build();
      expect(edited.checks).toEqual(['2', '0']);
      // Of the pages with a key, those rendered again are exactly those that changed; every other is reused.
      const keyedPages = keyed(edited.files);
      const changed = new Set(changedFiles(before.files, edited.files).map((file) => `/${file}`));
      const rendered = edited.rendered.filter((page) => page !== undefined && keyedPages.includes(page));
      expect(rendered).toEqual(keyedPages.filter((page) => changed.has(page)));
      expect(rendered).toContain('/claims/every-pier-inspected-twice/index.html');
      expect(rendered).toContain('/glossary/teuta-rrapaj/index.html');
      expect(edited.reused).toEqual(keyedPages.filter((page) => !rendered.includes(page)));
      expect(edited.reused).toContain('/glossary/klea-marku/index.html');
      const clean = await build({ CORPUS_CLEAN: '1' });
      expect(changedFiles(clean.files, edited.files)).toEqual([]);
    } finally {
      writeFileSync(path, original);
    }
  });

  it("renders again, of the pages with a key, only an entry's own page when its description is edited, and publishes what a clean build does", async () => {
    const path = join(content, 'glossary', 'harbour-workers-union.md');
    const lock = join(content, 'editorial.lock.json');
    const original = { entry: readFileSync(path, 'utf8'), lock: readFileSync(lock, 'utf8') };
    // After whatever the last test left to render again.
    await build();
    edit(path, 'represents the dock workers of', 'speaks for the dock workers of');
    // A description not yet published: a published one needs a correction record, which every page's model carries.
    writeFileSync(lock, JSON.stringify({ units: {} }));
    try {
      const edited = await build();
      expect(edited.checks).toEqual(['2', '0']);
      expect(edited.files.get('glossary/harbour-workers-union/index.html')?.toString()).toContain('speaks for the dock workers of');
      expect(keyed(edited.files).filter((page) => !edited.reused.includes(page))).toEqual(['/glossary/harbour-workers-union/index.html']);
      const clean = await build({ CORPUS_CLEAN: '1' });
      expect(changedFiles(clean.files, edited.files)).toEqual([]);
    } finally {
      writeFileSync(path, original.entry);
      writeFileSync(lock, original.lock);
    }
  });

  it('builds the same site when asked to clean (CORPUS_CLEAN=1), checking every page again', async () => {
    const warm = await build();
    const clean = await build({ CORPUS_CLEAN: '1' });
    expect(clean.checks).toEqual(['0', '2']);
    expect(changedFiles(warm.files, clean.files)).toEqual([]);
  });
});
