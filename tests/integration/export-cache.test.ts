/**
 * The build's cache of each document's export files (src/node/export-cache.ts),
 * through the build's writer, src/node/write-exports.ts, run on the published
 * corpus into folders of its own: what it writes is what a run without the
 * cache writes, and only what an edit touches is made again.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeExports } from '../../src/node/write-exports.ts';
import { loadPublishedCorpus, site } from '../unit/exports/support/corpora.ts';
import { filesOf } from './astro-build.ts';

const published = await loadPublishedCorpus();

describe('writeExports with a cache of each document’s files', () => {
  const { model } = published;
  const root = mkdtempSync(join(tmpdir(), 'corpus-export-cache-'));
  const cache = { dir: join(root, 'cache'), clean: false };
  let runs = 0;
  /** writeExports into a folder of its own, as the build runs it, with or without the cache. */
  async function run(corpus = model, options: { cache?: typeof cache; siteUrl?: string } = {}) {
    const outDir = join(root, `out-${(runs += 1)}`);
    const counts = await writeExports(corpus, process.cwd(), outDir, options.siteUrl ?? site, options.cache);
    return { files: filesOf(outDir), counts };
  }
  /** The model with the text of the first note of the first document that has one changed, as an editor's correction would. */
  function withEditedNote() {
    const index = model.documents.findIndex((document) => document.notes.notes.length > 0);
    const document = structuredClone(model.documents[index]!);
    document.notes.notes[0]!.text = `${document.notes.notes[0]!.text} (corrected)`;
    return { corpus: { ...model, documents: model.documents.with(index, document) }, slug: document.slug };
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('makes every document’s files once, reuses them all while nothing changes, and writes what a run without it writes', async () => {
    const plain = await run();
    const cold = await run(model, { cache });
    expect(cold.counts).toMatchObject({ reused: 0, made: model.documents.length });
    const warm = await run(model, { cache });
    expect(warm.counts).toMatchObject({ reused: model.documents.length, made: 0 });
    expect(warm.files).toEqual(plain.files);
    expect(cold.files).toEqual(plain.files);
  });

  it('makes again only the files of a document whose note changed', async () => {
    const { corpus, slug } = withEditedNote();
    const plain = await run(corpus);
    const edited = await run(corpus, { cache });
    expect(edited.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(edited.files).toEqual(plain.files);
    expect(edited.files.get(`annotations/${slug}.jsonld`)?.toString()).toContain('(corrected)');
  });

  it('makes again the files of a document whose kept files are not all there, as a stopped build leaves them', async () => {
    const plain = await run();
    await run(model, { cache });
    const kept = readdirSync(cache.dir).sort();
    rmSync(join(cache.dir, kept.find((name) => name.endsWith('.1')) ?? 'none'));
    const after = await run(model, { cache });
    expect(after.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(after.files).toEqual(plain.files);
    expect(readdirSync(cache.dir).sort()).toEqual(kept);
  });

  it('makes every document’s files again for another site URL, or when asked to clean', async () => {
    const elsewhere = await run(model, { cache, siteUrl: 'https://example.org/corpus/' });
    expect(elsewhere.counts).toMatchObject({ reused: 0, made: model.documents.length });
    expect(elsewhere.files).toEqual((await run(model, { siteUrl: 'https://example.org/corpus/' })).files);
    expect((await run(model, { cache: { ...cache, clean: true } })).counts).toMatchObject({ reused: 0, made: model.documents.length });
    // The clean run kept only its own files: the other site URL's are made again.
    expect((await run(model, { cache, siteUrl: 'https://example.org/corpus/' })).counts).toMatchObject({ reused: 0 });
  });
});
