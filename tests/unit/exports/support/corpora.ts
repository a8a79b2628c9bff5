/**
 * The corpora the export tests run on, loaded as the build loads them, with
 * the texts the exports are computed from.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ContentDirs, contentDirs, contentRoot } from '../../../../src/config.ts';
import type { CorpusBuild } from '../../../../src/corpus/model.ts';
import { loadCorpus } from '../../../../src/node/load-corpus.ts';

/** The site URL the tests export for, unless a test is about the site URL. */
export const site = 'https://corpus.example.org';

/**
 * A small corpus of awkward text: CRLF, a paragraph over three lines, runs of
 * spaces, characters outside the BMP, notes linking in every way a link can
 * be written; then a document without annotations and one more with some, so
 * that the chain of pages has a gap to step over.
 */
export const awkwardCorpus = 'tests/fixtures/export/awkward-corpus';

export interface LoadedCorpus extends CorpusBuild {
  /** Source file name (front matter `source`) → its text, decoded as UTF-8 with any BOM dropped, as the build decodes it. */
  sources: ReadonlyMap<string, string>;
  /** Document slug → the text of its MDX page. */
  pages: ReadonlyMap<string, string>;
}

/** A content folder laid out as content/ is (corpus/, glossary/, sources/…), loaded by the build's own loader; refused if the build finds problems in it. */
export async function loadFixtureCorpus(folder: string): Promise<LoadedCorpus> {
  const dirs = Object.fromEntries(Object.entries(contentDirs).map(([name, path]) => [name, join(folder, relative(contentRoot, path))])) as ContentDirs;
  const build = await loadCorpus(process.cwd(), dirs);
  if (build.problems.length > 0) throw new Error(`the fixture ${folder} has problems:\n${JSON.stringify(build.problems, null, 2)}`);
  return withTexts(process.cwd(), dirs, build);
}

/** The published corpus, content/. */
export async function loadPublishedCorpus(): Promise<LoadedCorpus> {
  return withTexts(process.cwd(), contentDirs, await loadCorpus(process.cwd()));
}

function withTexts(root: string, dirs: ContentDirs, build: CorpusBuild): LoadedCorpus {
  const decoder = new TextDecoder('utf-8');
  const { documents } = build.model;
  return {
    ...build,
    sources: new Map(documents.map((document) => [document.meta.source, decoder.decode(readFileSync(join(root, dirs.sources, document.meta.source)))])),
    pages: new Map(documents.map((document) => [document.slug, readFileSync(join(root, document.file), 'utf8')])),
  };
}
