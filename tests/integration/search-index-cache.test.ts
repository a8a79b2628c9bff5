import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampOf } from '../../src/node/file-stamps.ts';
import { astroBuild, astroCacheDir, filesOf, workDir } from './astro-build.ts';

/**
 * The search-index step keeps the last index it wrote (src/node/search-index-cache.ts)
 * and copies it into a rebuild whose pages give the same index: after an
 * edited editorial note, not after an edit to what the index reads; and what
 * it publishes is, byte for byte, the index Pagefind writes afresh.
 */

/** Replaces `from` with `to` in a file, which must contain it. */
function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${path} has no ${from}: the fixture changed`);
  writeFileSync(path, edited);
}

describe('the search index of a rebuild', () => {
  const root = mkdtempSync(join(tmpdir(), 'search-index-cache-'));
  const content = join(root, 'site');
  // One output folder, as `npm run build` has.
  const outDir = join(workDir, `dist-search-index-cache-${process.pid}`);
  afterAll(() => Promise.all([root, astroCacheDir(content), outDir].map((dir) => rm(dir, { recursive: true, force: true }))));

  /** Runs the search-index step on the built site, as `npm run build` does: whether it copied the last index, and the index. */
  const searchIndex = (env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['scripts/search-index.ts', outDir], {
      encoding: 'utf8',
      env: { ...process.env, ...env, CORPUS_TEST_CACHE_DIR: astroCacheDir(content) },
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    const [, read, pages] = /\((\d+) of (\d+) pages read/u.exec(result.stdout) ?? [];
    return {
      copied: result.stdout.includes("the last build's index copied"),
      index: filesOf(join(outDir, 'pagefind')),
      read: Number(read),
      pages: Number(pages),
    };
  };
  /** The pages the index is made from, each with its size and modification time. */
  const pageStamps = () =>
    new Map(
      ['documents', 'glossary', 'claims'].flatMap((folder) =>
        readdirSync(join(outDir, folder))
          .map((name) => join(outDir, folder, name, 'index.html'))
          .filter((path) => existsSync(path))
          .map((path) => [path, JSON.stringify(stampOf(statSync(path)))] as const),
      ),
    );
  /** The index Pagefind writes afresh for the same pages (CORPUS_CLEAN=1, as `npm run build -- --clean`). */
  const freshIndex = () => {
    const fresh = searchIndex({ CORPUS_CLEAN: '1' });
    expect(fresh.copied).toBe(false);
    return fresh.index;
  };
  const build = async () => {
    const result = await astroBuild(content, {}, outDir);
    expect(result.code, result.output).toBe(0);
    return searchIndex();
  };
  let cold: ReturnType<typeof searchIndex>;
  beforeAll(async () => {
    await cp('tests/fixtures/site', content, { recursive: true });
    cold = await build();
  });

  it('is written by Pagefind on the first build, and copied on a rebuild of the same pages', async () => {
    expect(cold.copied).toBe(false);
    expect(cold.index.size).toBeGreaterThan(10);
    const warm = await build();
    expect(warm.copied).toBe(true);
    expect(warm.index).toEqual(cold.index);
  });

  it('is copied after an editorial note is edited, which the index leaves out, and is the index Pagefind writes afresh', async () => {
    const path = join(content, 'corpus', 'harbour-bridge-reopens.mdx');
    edit(path, '[^tuesday]: Tuesday 12 March 2024, the date of this report.', '[^tuesday]: Tuesday 12 March 2024, the day of this report.');
    // A note not yet published, as the benchmark's are: a published one needs a correction record.
    writeFileSync(join(content, 'editorial.lock.json'), JSON.stringify({ units: {} }));
    const before = pageStamps();
    const edited = await build();
    expect(readFileSync(join(outDir, 'documents', 'harbour-bridge-reopens', 'index.html'), 'utf8')).toContain('the day of this report');
    expect(edited.copied).toBe(true);
    // Only the pages the rebuild wrote are read: the others are as the last index read them.
    const rewritten = [...pageStamps()].filter(([path, stamp]) => before.get(path) !== stamp).map(([path]) => path);
    expect(rewritten).toContain(join(outDir, 'documents', 'harbour-bridge-reopens', 'index.html'));
    expect(edited.read).toBe(rewritten.length);
    expect(edited.read).toBeLessThan(edited.pages);
    expect(edited.index).toEqual(freshIndex());
  });

  it('is written again when an edit changes what the index reads: the paragraphs of a document show the types of the entries they mention', async () => {
    edit(join(content, 'glossary', 'portvale-town-council.md'), /^type: institution$/mu, 'type: organisation');
    const before = filesOf(join(outDir, 'pagefind'));
    const edited = await build();
    expect(edited.copied).toBe(false);
    expect(edited.index).not.toEqual(before);
    expect(edited.index).toEqual(freshIndex());
  });

  it('is written again when a page was altered in place since, its length kept: a page is read again where its time changed', async () => {
    const page = join(outDir, 'documents', 'harbour-bridge-reopens', 'index.html');
    // The same length: a document's text as the index reads it, not its size, has changed.
    edit(page, 'eleven months after engineers', 'eleven months after engineerz');
    const next = searchIndex();
    expect(next.read).toBe(1);
    expect(next.copied).toBe(false);
    expect(next.index).toEqual(freshIndex());
  });

  it('is written again, not copied, when a file of the index was altered since it was kept', async () => {
    // The kept files are hard links to the published ones: altering one in place alters both.
    const entry = join(outDir, 'pagefind', 'pagefind-entry.json');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('"version"', '"versio"'));
    const next = searchIndex();
    expect(next.copied).toBe(false);
    expect(next.index).toEqual(freshIndex());
    expect(searchIndex().copied).toBe(true);
  });
});
