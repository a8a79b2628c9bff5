/**
 * corpus.json and corpus/<slug>.json (src/exports/corpus-json.ts), on the
 * awkward fixture corpus (tests/fixtures/export/awkward-corpus).
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../../src/corpus/model.ts';
import { corpusDocument, corpusIndex } from '../../../src/exports/corpus-json.ts';
import { sliceCodePoints } from '../../../src/text/source-offsets.ts';
import { awkwardCorpus, loadFixtureCorpus, site } from './support/corpora.ts';
import { documentReads } from './support/synthetic-corpus.ts';

const { model } = await loadFixtureCorpus(awkwardCorpus);
const documentOf = (slug: string): CorpusDocument => model.documents.find((document) => document.slug === slug)!;
const base = 'https://example.org/corpus';

describe('corpusIndex', () => {
  it('gives the format’s version, the site’s URL and the annotation collection’s', () => {
    const { version, site: siteField, annotations } = corpusIndex(model, site);
    expect({ version, site: siteField, annotations }).toEqual({ version: 2, site, annotations: `${site}/annotations.jsonld` });
  });

  it('gives the site’s URL with its base path and without a trailing slash', () => {
    const { site: siteField, annotations } = corpusIndex(model, `${base}/`);
    expect([siteField, annotations]).toEqual([base, `${base}/annotations.jsonld`]);
  });

  it('lists a document with its metadata, its source and its counts, and the URLs of its page and its files', () => {
    const later = documentOf('later');
    expect(corpusIndex(model, site).documents[2]).toEqual({
      slug: 'later',
      url: `${site}/documents/later/`,
      sourceUrl: `${site}/sources/later.txt`,
      sha256: later.meta.sha256,
      meta: later.meta,
      paragraphCount: 2,
      debrisCount: 0,
      wordCount: 7,
      noteCount: 1,
      mentionCount: 1,
      annotationCount: 2,
      paragraphsUrl: `${site}/corpus/later.json`,
      annotationsUrl: `${site}/annotations/later.jsonld`,
    });
  });

  it('lists the documents in the model’s order, with the URL of their annotations only when they have some', () => {
    const listed = corpusIndex(model, site).documents.map(({ slug, mentionCount, annotationCount, paragraphsUrl, annotationsUrl }) => ({
      slug,
      mentionCount,
      annotationCount,
      paragraphsUrl,
      annotationsUrl,
    }));
    expect(listed).toEqual([
      {
        slug: 'awkward',
        mentionCount: 3,
        annotationCount: 8,
        paragraphsUrl: `${site}/corpus/awkward.json`,
        annotationsUrl: `${site}/annotations/awkward.jsonld`,
      },
      { slug: 'plain', mentionCount: 0, annotationCount: 0, paragraphsUrl: `${site}/corpus/plain.json`, annotationsUrl: undefined },
      { slug: 'later', mentionCount: 1, annotationCount: 2, paragraphsUrl: `${site}/corpus/later.json`, annotationsUrl: `${site}/annotations/later.jsonld` },
    ]);
  });

  it('leaves the annotations URL out of a document without annotations, rather than giving it empty', () => {
    expect('annotationsUrl' in corpusIndex(model, site).documents[1]!).toBe(false);
  });

  it('lists the glossary in the model’s order, each entry with its mentions counted, its Wikidata item where it has one', () => {
    const entry = (id: string, name: string, mentionCount: number, wikidata?: string) => ({
      id,
      url: `${site}/glossary/${id}/`,
      name,
      type: 'publication',
      aliases: [],
      summary: 'A test entry.',
      ...(wikidata ? { wikidata } : {}),
      mentionCount,
    });
    expect(corpusIndex(model, site).glossary).toEqual([entry('math', 'Math', 2, 'Q395'), entry('runs', 'Runs', 1), entry('smile', 'Smile', 1, 'Q11')]);
  });

  it('reads each document a fixed number of times: twice the documents, twice the reads', () => {
    const list = (corpus: typeof model) => corpusIndex(corpus, site);
    expect(documentReads(model, 600, list)).toBe(2 * documentReads(model, 300, list));
  });
});

describe('corpusDocument', () => {
  it('gives every paragraph and heading of a document in order, with its anchor, its URL and its normalised text', () => {
    expect(corpusDocument(documentOf('plain'), site)).toEqual({
      version: 2,
      slug: 'plain',
      url: `${site}/documents/plain/`,
      paragraphs: [
        {
          number: 1,
          id: 'p1',
          anchor: '/documents/plain/#p1',
          url: `${site}/documents/plain/#p1`,
          kind: 'heading',
          debris: false,
          text: 'Nothing',
          mentions: [],
          notes: [],
        },
        {
          number: 2,
          id: 'p2',
          anchor: '/documents/plain/#p2',
          url: `${site}/documents/plain/#p2`,
          kind: 'paragraph',
          debris: false,
          text: 'Nothing in this source is annotated.',
          mentions: [],
          notes: [],
        },
      ],
    });
  });

  it('gives each mention’s offsets in code points of the paragraph text', () => {
    const { mentions, text } = corpusDocument(documentOf('awkward'), site).paragraphs[1]!;
    expect(mentions).toEqual([
      { entry: 'runs', start: 47, end: 61, text: 'runs of spaces' },
      { entry: 'math', start: 80, end: 92, text: '𝔘nicode math' },
    ]);
    expect(mentions.map(({ start, end }) => sliceCodePoints(text, start, end))).toEqual(['runs of spaces', '𝔘nicode math']);
  });

  it('gives the labels of the notes referred to in each paragraph, in order', () => {
    expect(corpusDocument(documentOf('awkward'), site).paragraphs.map((paragraph) => paragraph.notes)).toEqual([
      [],
      ['emoji', 'math'],
      ['one', 'quoted', 'end'],
    ]);
  });

  it('places the page’s URLs under the site’s base path, and keeps the anchor the site-relative route path', () => {
    const { url, paragraphs } = corpusDocument(documentOf('plain'), `${base}/`);
    expect([url, paragraphs[0]?.url, paragraphs[0]?.anchor]).toEqual([`${base}/documents/plain/`, `${base}/documents/plain/#p1`, '/documents/plain/#p1']);
  });
});
