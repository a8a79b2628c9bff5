/**
 * The build's cache of each document's export files (src/node/export-cache.ts),
 * through the build's writer, src/node/write-exports.ts, run on the published
 * corpus into folders of its own: what it writes is what a run without the
 * cache writes, and only what an edit touches is made again.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDirs } from '../../src/config.ts';
import { serializedDocument } from '../../src/node/document-cache.ts';
import type { ExportCacheOptions } from '../../src/node/export-cache.ts';
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
  async function run(corpus = model, options: { cache?: ExportCacheOptions; siteUrl?: string; root?: string } = {}) {
    const outDir = join(root, `out-${(runs += 1)}`);
    const counts = await writeExports(corpus, options.root ?? process.cwd(), outDir, options.siteUrl ?? site, options.cache);
    return { files: filesOf(outDir), counts, outDir };
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

  it('keys a document given with the digest the document cache computed of it as one whose digest it computes itself', async () => {
    const documentDigests = new Map(model.documents.map((document) => [document.slug, serializedDocument(document).digest]));
    await run(model, { cache });
    const given = await run(model, { cache: { ...cache, documentDigests } });
    expect(given.counts).toMatchObject({ reused: model.documents.length, made: 0 });
    // A digest is all the cache knows of a document it is given one for: another one is another document.
    const [first] = model.documents;
    const other = await run(model, { cache: { ...cache, documentDigests: new Map([[first?.slug ?? '', 'another document']]) } });
    expect(other.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(other.files).toEqual(given.files);
  });

  it('makes again the files of a document whose kept files are not all there, as a stopped build leaves them', async () => {
    const plain = await run();
    await run(model, { cache });
    const kept = readdirSync(cache.dir).sort();
    rmSync(join(cache.dir, kept.find((name) => /\.1\.[0-9a-f]{64}$/u.test(name)) ?? 'none'));
    const after = await run(model, { cache });
    expect(after.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(after.files).toEqual(plain.files);
    expect(readdirSync(cache.dir).sort()).toEqual(kept);
  });

  it('makes again the files of a document whose kept file is shorter than when it was kept, as a crash can leave it', async () => {
    const plain = await run();
    await run(model, { cache });
    const name = readdirSync(cache.dir).find((file) => /\.1\.[0-9a-f]{64}$/u.test(file)) ?? 'none';
    writeFileSync(join(cache.dir, name), '');
    const after = await run(model, { cache });
    expect(after.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(after.files).toEqual(plain.files);
  });

  it('publishes each kept file as a link to it, and makes again a document whose published file was altered in place', async () => {
    const own = { dir: join(root, 'linked-cache'), clean: false };
    const plain = await run();
    const first = await run(model, { cache: own });
    const second = await run(model, { cache: own });
    const path = `annotations/${model.documents[0]!.slug}.jsonld`;
    // One file under three names: the kept one and the two builds' published ones.
    expect(statSync(join(second.outDir, path)).ino).toBe(statSync(join(first.outDir, path)).ino);
    expect(statSync(join(second.outDir, path)).nlink).toBe(3);
    // A tool that rewrites the first build's file in place rewrites the kept file with it.
    appendFileSync(join(first.outDir, path), ' ');
    const after = await run(model, { cache: own });
    expect(after.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(after.files).toEqual(plain.files);
  });

  it('checks each kept file by its size and time where the last build finished, and by its bytes where it did not', async () => {
    const own = { dir: join(root, 'stamped-cache'), clean: false };
    const plain = await run();
    await run(model, { cache: own });
    const name = readdirSync(own.dir).find((file) => /\.1\.[0-9a-f]{64}$/u.test(file)) ?? 'none';
    const path = join(own.dir, name);
    // Altered in place, its length and modification time kept: only its bytes tell.
    const { mtime } = statSync(path);
    const bytes = readFileSync(path);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x20 ? 0x21 : 0x20;
    writeFileSync(path, bytes);
    utimesSync(path, mtime, mtime);
    // As a build that stopped leaves the cache: no record of what its files were.
    rmSync(join(own.dir, 'verified.json'));
    const after = await run(model, { cache: own });
    expect(after.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(after.files).toEqual(plain.files);
    expect(existsSync(join(own.dir, 'verified.json'))).toBe(true);
  });

  it('never writes over a file already where it publishes one, though the file is another kept file’s other name', async () => {
    const own = { dir: join(root, 'occupied-cache'), clean: false };
    const first = await run(model, { cache: own });
    const [one, two] = model.documents.map((document) => `annotations/${document.slug}.jsonld`);
    // The next run's folder, with the second document's kept file already where the first document's goes.
    const outDir = join(root, 'occupied-out');
    mkdirSync(join(outDir, 'annotations'), { recursive: true });
    linkSync(join(first.outDir, two!), join(outDir, one!));
    const before = readFileSync(join(first.outDir, two!));
    await writeExports(model, process.cwd(), outDir, site, own);
    expect(filesOf(outDir)).toEqual(first.files);
    expect(readFileSync(join(first.outDir, two!))).toEqual(before);
  });

  it('makes again the files of a document whose source changed, though its page did not', async () => {
    // Another project folder whose first source has one more blank line between two paragraphs: the positions in it move.
    const otherRoot = join(root, 'other-project');
    cpSync(join(process.cwd(), contentDirs.sources), join(otherRoot, contentDirs.sources), { recursive: true });
    const document = model.documents[0]!;
    const sourcePath = join(otherRoot, contentDirs.sources, document.meta.source);
    const text = readFileSync(sourcePath, 'utf8');
    writeFileSync(sourcePath, text.replace('\n\n', '\n\n\n'));
    await run(model, { cache });
    const plain = await run(model, { root: otherRoot });
    const moved = await run(model, { cache, root: otherRoot });
    expect(moved.counts).toMatchObject({ reused: model.documents.length - 1, made: 1 });
    expect(moved.files).toEqual(plain.files);
    expect(moved.files.get(`annotations/${document.slug}.jsonld`)).not.toEqual((await run()).files.get(`annotations/${document.slug}.jsonld`));
  });

  it('makes every document’s files again when what they share changes: an entry’s Wikidata item', async () => {
    await run(model, { cache });
    const mentioned = model.documents[0]!.blocks.flatMap((block) => block.mentions)[0]!.entry;
    const entries = model.entries.map((entry) => (entry.id === mentioned ? { ...entry, meta: { ...entry.meta, wikidata: 'Q1' } } : entry));
    const corpus = { ...model, entries };
    const plain = await run(corpus);
    const changed = await run(corpus, { cache });
    expect(changed.counts).toMatchObject({ reused: 0, made: model.documents.length });
    expect(changed.files).toEqual(plain.files);
    expect(changed.files.get(`annotations/${model.documents[0]!.slug}.jsonld`)?.toString()).toContain('wikidata.org/entity/Q1');
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
