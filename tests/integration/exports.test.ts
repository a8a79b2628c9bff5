// @vitest-environment jsdom
/**
 * The exports as the build publishes them: the real build of the awkward
 * fixture corpus, whose pages must carry the words every annotation quotes,
 * and the build's writer, src/node/write-exports.ts, run on the published
 * corpus into folders of its own.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/config.ts';
import { corpusDocument, corpusIndex } from '../../src/exports/corpus-json.ts';
import { writeExports } from '../../src/node/write-exports.ts';
import { expectAnchorsInPage } from '../unit/exports/support/anchoring.ts';
import { exportAnnotations, slugOf } from '../unit/exports/support/annotations.ts';
import { awkwardCorpus, loadFixtureCorpus, loadPublishedCorpus, site } from '../unit/exports/support/corpora.ts';
import { astroBuild, type BuildResult } from './astro-build.ts';

/** Every file under `dir`, path relative to it → its bytes as text. */
function filesUnder(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [path.slice(dir.length + 1), readFileSync(path, 'utf8')]),
  );
}

const fixture = await loadFixtureCorpus(awkwardCorpus);
const published = await loadPublishedCorpus();

describe('the built site of the awkward fixture corpus', () => {
  // The build publishes for the site URL this process has too (SITE_URL, or the default of src/config.ts).
  const expected = exportAnnotations(fixture.model, fixture.sources, siteUrl);
  let build: BuildResult = { code: null, output: '', outDir: '' };
  beforeAll(async () => {
    build = await astroBuild(awkwardCorpus);
  });
  afterAll(async () => {
    if (build.outDir) await rm(build.outDir, { recursive: true, force: true });
  });

  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('publishes the annotations and the corpus as the export functions give them', () => {
    const files = filesUnder(build.outDir);
    expect(JSON.parse(files.get('annotations.jsonld') ?? 'null')).toEqual(expected.collection);
    for (const page of expected.pages) expect(JSON.parse(files.get(`annotations/${page.id.split('/').pop()}`) ?? 'null'), page.id).toEqual(page);
    expect(JSON.parse(files.get('corpus.json') ?? 'null')).toEqual(corpusIndex(fixture.model, siteUrl));
    for (const document of fixture.model.documents)
      expect(JSON.parse(files.get(`corpus/${document.slug}.json`) ?? 'null')).toEqual(corpusDocument(document, siteUrl));
  });

  it('shows on each document page the words every annotation quotes, where its scope says, white space compared collapsed', async () => {
    for (const document of fixture.model.documents) {
      const html = readFileSync(join(build.outDir, 'documents', document.slug, 'index.html'), 'utf8');
      const page = new DOMParser().parseFromString(html, 'text/html');
      await expectAnchorsInPage(
        page,
        expected.items.filter((item) => slugOf(item) === document.slug),
        { collapse: true },
      );
    }
  });
});

describe('writeExports on the published corpus', () => {
  const { model, sources } = published;
  const written: string[] = [];
  /** writeExports run into a folder of its own, as the build runs it. */
  async function writeToTemporaryDirectory(): Promise<Map<string, string>> {
    const outDir = mkdtempSync(join(tmpdir(), 'corpus-exports-'));
    written.push(outDir);
    await writeExports(model, process.cwd(), outDir, site);
    return filesUnder(outDir);
  }
  afterAll(() => {
    for (const dir of written) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the collection, the corpus index, and one file per document of each kind, as the export functions give them', async () => {
    const { collection, pages } = exportAnnotations(model, sources, site);
    const files = await writeToTemporaryDirectory();
    expect([...files.keys()]).toEqual(
      [
        'annotations.jsonld',
        'corpus.json',
        ...pages.map((page) => `annotations/${page.id.split('/').pop()}`),
        ...model.documents.map((document) => `corpus/${document.slug}.json`),
      ].sort(),
    );
    expect(JSON.parse(files.get('annotations.jsonld')!)).toEqual(collection);
    expect(JSON.parse(files.get('corpus.json')!)).toEqual(corpusIndex(model, site));
    for (const page of pages) expect(JSON.parse(files.get(`annotations/${page.id.split('/').pop()}`)!)).toEqual(page);
    for (const document of model.documents) expect(JSON.parse(files.get(`corpus/${document.slug}.json`)!)).toEqual(corpusDocument(document, site));
  });

  it('writes the two index files indented and each document’s files compact, one line each', async () => {
    for (const [path, text] of await writeToTemporaryDirectory()) {
      expect(text.endsWith('\n'), path).toBe(true);
      if (path.includes('/')) expect(text.trimEnd(), path).not.toContain('\n');
      else expect(text, path).toContain('\n  "');
    }
  });

  it('writes the same bytes from one run to the next', async () => {
    const first = await writeToTemporaryDirectory();
    const second = await writeToTemporaryDirectory();
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(second.get(path) === text, path).toBe(true);
  });
});
