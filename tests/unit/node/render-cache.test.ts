import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentPageDigest, mentionPageDigest, mentionStoreDigest, openPageStore, readMentionPage } from '../../../src/node/page-store.ts';
import { sha256 } from '../../../src/text/hash.ts';
import { assetNamesDigest, finishRender, forgetUnfinishedRender, prepareOutput, recordOutput, startRender } from '../../../src/node/render-cache.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

/** What Astro's incremental build is given besides each page's props (src/data/corpus.ts `cacheKeys`). */

const folder = () => temporaryFolder('render-cache-');

describe("Astro's manifest of rendered pages", () => {
  const manifest = (cacheDir: string) => join(cacheDir, 'incremental-build.json');

  it('is kept after a build that finished, and forgotten when asked to clean', () => {
    const dir = folder();
    const cacheDir = pathToFileURL(`${dir}/`);
    writeFileSync(manifest(dir), '{}');
    expect(forgetUnfinishedRender(cacheDir, false)).toBe(false);
    startRender(cacheDir);
    finishRender(cacheDir);
    expect(forgetUnfinishedRender(cacheDir, false)).toBe(false);
    expect(existsSync(manifest(dir))).toBe(true);
    expect(forgetUnfinishedRender(cacheDir, true)).toBe(true);
    expect(existsSync(manifest(dir))).toBe(false);
  });

  it('is forgotten after a build that started rendering and did not finish', () => {
    const dir = folder();
    const cacheDir = pathToFileURL(`${dir}/`);
    writeFileSync(manifest(dir), '{}');
    startRender(cacheDir);
    expect(forgetUnfinishedRender(cacheDir, false)).toBe(true);
    expect(existsSync(manifest(dir))).toBe(false);
  });
});

describe('the digests a page key is made of', () => {
  it("change with the names of the build's scripts and styles, not with their order on disk", () => {
    const dir = folder();
    expect(assetNamesDigest(join(dir, '_astro'))).toBe('none');
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, '_astro', 'Page.Ab12.css'), 'a');
    writeFileSync(join(dir, '_astro', 'MentionCards.Cd34.js'), 'b');
    const before = assetNamesDigest(join(dir, '_astro'));
    rmSync(join(dir, '_astro', 'MentionCards.Cd34.js'));
    writeFileSync(join(dir, '_astro', 'MentionCards.Ef56.js'), 'b');
    expect(assetNamesDigest(join(dir, '_astro'))).not.toBe(before);
  });

  it("change with the bytes of the stored page a page reads, and of any entry's mentions", () => {
    const store = folder();
    mkdirSync(join(store, 'documents'));
    expect(documentPageDigest(store, 'a')).toBe('none');
    expect(mentionStoreDigest(store)).toBe('none');
    const writeDocument = (html: string) => {
      const pages = openPageStore(store);
      pages.writeDocument('a', { html, references: { apa: { article: 'A', edition: 'E' }, chicago: { article: 'A', edition: 'E' } }, accessed: '2026-12-01' });
      pages.finish();
    };
    writeDocument('<p>One</p>');
    const page = documentPageDigest(store, 'a');
    // Of the bytes the page reads.
    expect(page).toBe(sha256(readFileSync(join(store, 'documents', 'a.json'))));
    writeDocument('<p>Two</p>');
    expect(documentPageDigest(store, 'a')).not.toBe(page);
    expect(documentPageDigest(store, 'b')).toBe('none');

    const mention = (entry: string, document: string) => ({ entry, document, paragraph: 1, text: entry, context: { before: '', match: entry, after: '' } });
    const writeMentions = (mentionsByEntry: Record<string, ReturnType<typeof mention>[]>) => {
      const pages = openPageStore(store);
      pages.writeMentionPages({ mentionsByEntry });
      pages.finish();
    };
    writeMentions({ 'entry-1': [mention('entry-1', 'a')], 'entry-2': [mention('entry-2', 'a')] });
    const all = mentionStoreDigest(store);
    const first = mentionPageDigest(store, 'entry-1', 1);
    // Of the bytes the page reads.
    expect(first).toBe(sha256(JSON.stringify(readMentionPage(store, 'entry-1', 1))));
    expect(mentionPageDigest(store, 'entry-1', 2)).toBe('none');
    // Each check writes a file of its own name: the same mentions have the same digests.
    writeMentions({ 'entry-1': [mention('entry-1', 'a')], 'entry-2': [mention('entry-2', 'a')] });
    expect(mentionStoreDigest(store)).toBe(all);
    expect(mentionPageDigest(store, 'entry-1', 1)).toBe(first);
    writeMentions({ 'entry-1': [mention('entry-1', 'a')], 'entry-2': [mention('entry-2', 'b')] });
    expect(mentionPageDigest(store, 'entry-1', 1)).toBe(first);
    const changed = mentionStoreDigest(store);
    expect(changed).not.toBe(all);
    // The same bytes under another entry's name are other mentions.
    const moved = mention('entry-2', 'b');
    writeMentions({ 'entry-1': [mention('entry-1', 'a')], 'entry-3': [moved] });
    expect(mentionStoreDigest(store)).not.toBe(changed);
  });
});

describe('the output folder between builds', () => {
  const manifest = (cacheDir: URL) => new URL('incremental-build.json', cacheDir);
  const record = (cacheDir: URL) => new URL('corpus-output-pages.json', cacheDir);

  /** An output folder as a finished build left it: two pages, an asset, the search index; Astro's manifest, and the build's record of its pages. */
  function built(): { cacheDir: URL; outDir: URL; root: string; pages: URL[] } {
    const dir = folder();
    const root = join(dir, 'dist');
    for (const file of ['index.html', 'documents/a/index.html', '_astro/page.Ab12.css', 'pagefind/pagefind.js']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), file);
    }
    mkdirSync(join(dir, 'cache'));
    const cacheDir = pathToFileURL(`${join(dir, 'cache')}/`);
    writeFileSync(manifest(cacheDir), '{"version":1}');
    const outDir = pathToFileURL(`${root}/`);
    const pages = ['index.html', 'documents/a/index.html'].map((file) => pathToFileURL(join(root, file)));
    recordOutput(cacheDir, outDir, pages, new Set());
    return { cacheDir, outDir, root, pages };
  }
  const filesIn = (root: string) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .sort();

  it("keeps the last build's pages as it left them, and nothing else", () => {
    const { cacheDir, outDir, root } = built();
    expect([...prepareOutput(cacheDir, outDir, true)].sort()).toEqual(['documents/a/index.html', 'index.html']);
    expect(filesIn(root)).toEqual(['documents/a/index.html', 'index.html']);
  });

  it('removes a page altered since, even to the same length', () => {
    const { cacheDir, outDir, root } = built();
    writeFileSync(join(root, 'documents/a/index.html'), 'documents/a/INDEX.html');
    expect([...prepareOutput(cacheDir, outDir, true)]).toEqual(['index.html']);
    expect(filesIn(root)).toEqual(['index.html']);
  });

  it('keeps no page when asked not to: a clean build, or one after a build that did not finish', () => {
    const { cacheDir, outDir, root } = built();
    expect(prepareOutput(cacheDir, outDir, false).size).toBe(0);
    expect(filesIn(root)).toEqual([]);
  });

  it("keeps no page where Astro's manifest is not the one the pages were recorded with, or is missing", () => {
    for (const spoil of [(cacheDir: URL) => writeFileSync(manifest(cacheDir), '{"version":2}'), (cacheDir: URL) => rmSync(manifest(cacheDir))]) {
      const { cacheDir, outDir, root } = built();
      spoil(cacheDir);
      expect(prepareOutput(cacheDir, outDir, true).size).toBe(0);
      expect(filesIn(root)).toEqual([]);
    }
  });

  it('records nothing after a build that wrote no manifest (the incremental build switched off)', () => {
    const { cacheDir, outDir, root, pages } = built();
    const kept = prepareOutput(cacheDir, outDir, true);
    rmSync(manifest(cacheDir));
    recordOutput(cacheDir, outDir, pages, kept);
    expect(existsSync(record(cacheDir))).toBe(false);
    writeFileSync(manifest(cacheDir), '{"version":1}');
    expect(prepareOutput(cacheDir, outDir, true).size).toBe(0);
    expect(filesIn(root)).toEqual([]);
  });

  it('keeps no page, and does not stop, where the last record is of another folder, missing, cut short or of another shape', () => {
    for (const spoil of [
      (cacheDir: URL) => recordOutput(cacheDir, pathToFileURL(`${folder()}/`), [], new Set()),
      (cacheDir: URL) => rmSync(record(cacheDir)),
      (cacheDir: URL) => writeFileSync(record(cacheDir), '{"outDir":'),
      (cacheDir: URL) => writeFileSync(record(cacheDir), 'null'),
      (cacheDir: URL) => writeFileSync(record(cacheDir), JSON.stringify({ ...JSON.parse(readFileSync(record(cacheDir), 'utf8')), pages: undefined })),
      (cacheDir: URL) => {
        const previous = JSON.parse(readFileSync(record(cacheDir), 'utf8'));
        writeFileSync(record(cacheDir), JSON.stringify({ ...previous, pages: { 'index.html': 'kept' } }));
      },
    ]) {
      const { cacheDir, outDir, root } = built();
      spoil(cacheDir);
      expect(prepareOutput(cacheDir, outDir, true).size).toBe(0);
      expect(filesIn(root)).toEqual([]);
    }
  });

  it('keeps no page in a second build that starts after one that did not record what it wrote', () => {
    const { cacheDir, outDir, root } = built();
    prepareOutput(cacheDir, outDir, true);
    expect(prepareOutput(cacheDir, outDir, true).size).toBe(0);
    expect(filesIn(root)).toEqual([]);
  });

  it('removes, once the build is done, a page it kept that the build did not write, and the folders left empty', () => {
    const { cacheDir, outDir, root, pages } = built();
    const kept = prepareOutput(cacheDir, outDir, true);
    expect(recordOutput(cacheDir, outDir, pages.slice(0, 1), kept)).toBe(1);
    expect(readdirSync(root)).toEqual(['index.html']);
    expect([...prepareOutput(cacheDir, outDir, true)]).toEqual(['index.html']);
  });
});
