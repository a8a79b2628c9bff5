// @vitest-environment jsdom
/**
 * One document's mentions and notes as Web Annotations
 * (src/exports/document-annotations.ts), on the awkward fixture corpus
 * (tests/fixtures/export/awkward-corpus), re-anchored with Apache Annotator
 * in the verbatim source and in the page the site renders.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../../src/corpus/model.ts';
import { annotationLayout } from '../../../src/exports/annotation-collection.ts';
import { documentAnnotations, type DocumentTexts } from '../../../src/exports/document-annotations.ts';
import { expectAnchorsInPage, expectAnchorsInSource, renderPage } from './support/anchoring.ts';
import { quoteOf } from './support/annotations.ts';
import { awkwardCorpus, loadFixtureCorpus, site } from './support/corpora.ts';

const { model, sources, pages } = await loadFixtureCorpus(awkwardCorpus);
const documentOf = (slug: string): CorpusDocument => model.documents.find((document) => document.slug === slug)!;
const [awkward, plain, later] = ['awkward', 'plain', 'later'].map(documentOf) as [CorpusDocument, CorpusDocument, CorpusDocument];

function textsOf(document: CorpusDocument): DocumentTexts {
  return { source: sources.get(document.meta.source) ?? '', notes: document.notes };
}

function annotate(document: CorpusDocument, siteUrl = site, texts = textsOf(document)) {
  return documentAnnotations(annotationLayout(model, siteUrl), document, texts);
}

describe('documentAnnotations', () => {
  it('annotates each mention and each note reference once: paragraph by paragraph, mentions then notes', () => {
    expect(annotate(awkward).map((item) => [item.motivation, quoteOf(item).exact])).toEqual([
      ['identifying', '😀'],
      ['identifying', 'runs of spaces'],
      ['identifying', '𝔘nicode math'],
      ['editing', '😀'],
      ['commenting', 'A 😀 paragraph that runs\r\nover three lines,   with runs of spaces,\r\n\tand a tab before 𝔘nicode math.'],
      ['commenting', 'One sentence.'],
      ['commenting', 'quoted'],
      ['commenting', 'One sentence.  Last one: “quoted” — and a final word.'],
    ]);
  });

  it('gives a document without mentions or notes no annotations', () => {
    expect(annotate(plain)).toEqual([]);
  });

  it('names each annotation by a fragment of the collection’s URL: a mention by its position, a note by its label', () => {
    expect([...annotate(awkward), ...annotate(later)].map((item) => item.id)).toEqual([
      `${site}/annotations.jsonld#awkward/mention/21-22`,
      `${site}/annotations.jsonld#awkward/mention/76-90`,
      `${site}/annotations.jsonld#awkward/mention/111-123`,
      `${site}/annotations.jsonld#awkward/note/emoji`,
      `${site}/annotations.jsonld#awkward/note/math`,
      `${site}/annotations.jsonld#awkward/note/one`,
      `${site}/annotations.jsonld#awkward/note/quoted`,
      `${site}/annotations.jsonld#awkward/note/end`,
      `${site}/annotations.jsonld#later/mention/7-11`,
      `${site}/annotations.jsonld#later/note/again`,
    ]);
  });

  it('targets the words in the verbatim source file, scoped to the paragraph’s permanent URL', () => {
    expect(annotate(awkward)[2]?.target).toEqual({
      type: 'SpecificResource',
      source: { id: `${site}/sources/awkward.txt`, type: 'Text', format: 'text/plain', language: 'en' },
      scope: `${site}/documents/awkward/#p2`,
      selector: [
        { type: 'TextQuoteSelector', exact: '𝔘nicode math', prefix: 's of spaces,\r\n\tand a tab before ', suffix: '.' },
        { type: 'TextPositionSelector', start: 111, end: 123 },
      ],
    });
  });

  it('gives a mention’s body as its glossary page, then its entry’s Wikidata item where the entry has one', () => {
    expect(
      annotate(awkward)
        .slice(0, 3)
        .map((item) => item.body),
    ).toEqual([
      [`${site}/glossary/smile/`, 'http://www.wikidata.org/entity/Q11'],
      [`${site}/glossary/runs/`],
      [`${site}/glossary/math/`, 'http://www.wikidata.org/entity/Q395'],
    ]);
  });

  it('gives a note’s body as its plain text, then each page it links to, a route path on the site', () => {
    expect(annotate(awkward)[3]?.body).toEqual([
      { type: 'TextualBody', value: '[sic] A note with a link and an external one.', format: 'text/plain', language: 'en', purpose: 'editing' },
      { type: 'SpecificResource', source: `${site}/documents/awkward/#p2`, purpose: 'linking' },
      { type: 'SpecificResource', source: 'https://example.org/a?b=c', purpose: 'linking' },
    ]);
  });

  it('resolves a note’s other links against its document page: a fragment, a relative path, a protocol-relative URL', () => {
    expect(annotate(later)[1]?.body.slice(1)).toEqual([
      { type: 'SpecificResource', source: `${site}/documents/later/#p1`, purpose: 'linking' },
      { type: 'SpecificResource', source: `${site}/documents/awkward/#p3`, purpose: 'linking' },
      { type: 'SpecificResource', source: 'https://example.net/x', purpose: 'linking' },
    ]);
  });

  it('places every URL of the site under its base path, links of notes included', () => {
    const base = 'https://example.org/corpus';
    const [mention, note] = annotate(later, `${base}/`);
    expect([mention?.id, mention?.body[0], mention?.target.source.id, mention?.target.scope, note?.id]).toEqual([
      `${base}/annotations.jsonld#later/mention/7-11`,
      `${base}/glossary/math/`,
      `${base}/sources/later.txt`,
      `${base}/documents/later/#p2`,
      `${base}/annotations.jsonld#later/note/again`,
    ]);
    expect(note?.body.slice(1).map((link) => (link as { source: string }).source)).toEqual([
      `${base}/documents/later/#p1`,
      `${base}/documents/awkward/#p3`,
      'https://example.net/x',
    ]);
  });

  it('refuses a source other than the one the model was built from', () => {
    const changed = { ...textsOf(awkward), source: textsOf(awkward).source.replace('final', 'last') };
    expect(() => annotate(awkward, site, changed)).toThrow(`${awkward.file}: ¶ 3 differs from the source awkward.txt; run the corpus check`);
  });

  it('refuses a reference to a note the page does not define', () => {
    const notes = { ...awkward.notes, notes: awkward.notes.notes.filter((note) => note.label !== 'one') };
    expect(() => annotate(awkward, site, { ...textsOf(awkward), notes })).toThrow(`${awkward.file}: ¶ 3 refers to footnote [^one], which is not defined`);
  });

  it('refuses a link of a note that is not a URL', () => {
    const notes = { ...awkward.notes, notes: awkward.notes.notes.map((note) => (note.label === 'one' ? { ...note, links: ['http://[not a host'] } : note)) };
    expect(() => annotate(awkward, site, { ...textsOf(awkward), notes })).toThrow('an editorial note links to "http://[not a host", which is not a URL');
  });

  it('re-anchors every selector in the verbatim source with Apache Annotator, at the position given', async () => {
    await expectAnchorsInSource([...annotate(awkward), ...annotate(later)], sources);
  });

  it('re-anchors every quote in the page the site renders from the MDX, white space compared collapsed', async () => {
    await expectAnchorsInPage(renderPage(pages.get('awkward') ?? ''), annotate(awkward), { collapse: true });
    await expectAnchorsInPage(renderPage(pages.get('later') ?? ''), annotate(later), { collapse: true });
  });
});
