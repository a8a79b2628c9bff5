// @vitest-environment jsdom
/**
 * The open data of the published corpus, content/: annotations.jsonld and
 * corpus.json as the build computes them, re-anchored with Apache Annotator
 * in the verbatim sources and in the pages the site renders, and checked
 * against the Web Annotation model (docs/open-data.md, "How it is checked").
 * The exports' behaviour, case by case, is specified in tests/unit/exports/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDocument, corpusIndex } from '../../src/exports/corpus-json.ts';
import { noteTarget } from '../../src/exports/note-targets.ts';
import { paragraphPath } from '../../src/routes.ts';
import { sha256 } from '../../src/text/hash.ts';
import { normalizeWhitespace } from '../../src/text/normalize.ts';
import { sliceCodePoints } from '../../src/text/source-offsets.ts';
import { expectAnchorsInPage, expectAnchorsInSource, renderPage } from '../unit/exports/support/anchoring.ts';
import { exportAnnotations, quoteOf, slugOf } from '../unit/exports/support/annotations.ts';
import { loadPublishedCorpus, site } from '../unit/exports/support/corpora.ts';
import { collectionSchema, expandSafely, expectChain, expectExpandedCollection, expectExpandedPage, pageSchema } from '../unit/exports/support/web-annotation-model.ts';

const root = process.cwd();
const { model, problems, sources, pages: mdxPages } = await loadPublishedCorpus();
const { collection, pages, items: annotations } = exportAnnotations(model, sources, site);
const corpus = corpusIndex(model, site);
const details = model.documents.map((document) => corpusDocument(document, site));

/** The annotation of a note of the published corpus, by its label. */
const note = (label: string) => annotations.find((item) => item.id.endsWith(`/note/${label}`));

describe('annotations.jsonld of the published corpus', () => {
  it('is built from a corpus without problems', () => {
    expect(problems).toEqual([]);
  });

  it('holds one annotation per mention, one per note reference and one per reported claim, each with its own id', () => {
    const mentions = model.documents.flatMap((document) => document.blocks.flatMap((block) => block.mentions));
    const references = model.documents.flatMap((document) => document.blocks.flatMap((block) => block.footnoteLabels));
    const claims = model.claims.flatMap((claim) => claim.meta.appearances);
    expect(annotations.filter((item) => item.motivation === 'identifying')).toHaveLength(mentions.length);
    expect(annotations.filter((item) => item.motivation === 'commenting' || item.motivation === 'editing')).toHaveLength(references.length);
    expect(annotations.filter((item) => item.motivation === 'linking')).toHaveLength(claims.length);
    expect(collection.total).toBe(mentions.length + references.length + claims.length);
    expect(new Set(annotations.map((item) => item.id)).size).toBe(annotations.length);
  });

  it('pages the collection by document: one page per document with annotations, in the model’s order, holding that document’s annotations', () => {
    const annotated = model.documents.filter((document) => document.blocks.some((block) => block.mentions.length + block.footnoteLabels.length > 0));
    expect(pages.map((page) => page.id)).toEqual(annotated.map((document) => `${site}/annotations/${document.slug}.jsonld`));
    for (const [index, page] of pages.entries()) {
      for (const item of page.items) expect(slugOf(item), item.id).toBe(annotated[index]?.slug);
    }
  });

  it('chains the pages: first → next → … → last and back by prev, each startIndex the number of items before, the pages adding up to the total', () => {
    expect(pages.length).toBeGreaterThan(1);
    expectChain(collection, pages);
  });

  it('follows the Web Annotation Data Model: a strict schema of what the model allows accepts the collection and every page', () => {
    expect(collectionSchema.safeParse(collection).error?.issues ?? []).toEqual([]);
    for (const page of pages) expect(pageSchema.safeParse(page).error?.issues ?? [], page.id).toEqual([]);
  });

  it('expands under the Web Annotation JSON-LD context in safe mode: the collection, and every page to oa:Annotations with bodies, targets and selectors', async () => {
    expectExpandedCollection(await expandSafely(collection), collection);
    for (const page of pages) expectExpandedPage(await expandSafely(page), page);
  });

  it('re-anchors every selector in the verbatim source with Apache Annotator, at the position given', async () => {
    await expectAnchorsInSource(annotations, sources);
  });

  it('quotes exactly the words of each mention, for each note the words the targeting rule picks, and for each claim the register\'s words', () => {
    for (const document of model.documents) {
      const expected = document.blocks.flatMap((block) => [
        ...block.mentions.map((mention) => block.text.slice(mention.start, mention.end)),
        ...document.notes.references
          .filter((reference) => reference.paragraph === block.number)
          .map((reference) => {
            const target = noteTarget(block.text, reference.offset);
            return block.text.slice(target.start, target.end);
          }),
        ...model.claims.flatMap((claim) =>
          claim.meta.appearances.filter((appearance) => appearance.document === document.slug && appearance.paragraph === block.number).map((appearance) => normalizeWhitespace(appearance.quote)),
        ),
      ]);
      const exported = annotations.filter((item) => slugOf(item) === document.slug).map((item) => normalizeWhitespace(quoteOf(item).exact));
      expect(exported).toEqual(expected);
    }
  });

  it('targets the word before a note’s reference: "Mezez[^mezez]", a [sic] note, edits "Mezez"', () => {
    expect([quoteOf(note('mezez')!).exact, note('mezez')?.motivation]).toEqual(['Mezez', 'editing']);
  });

  it('targets the word before a note’s reference without its comma: "GJKKO,[^orders]" comments on "GJKKO"', () => {
    expect(quoteOf(note('orders')!).exact).toBe('GJKKO');
  });

  it('targets the sentence whose full stop a note’s reference follows, inside a paragraph that goes on with the byline', () => {
    expect(quoteOf(note('delisting')!).exact).toBe('The US listed it as a terrorist organisation in 1997 but removed it from the blacklist in 2012 after it renounced violence.');
  });

  it('targets the whole paragraph a note’s reference closes: a caption', () => {
    expect(quoteOf(note('caption')!).exact).toBe('MEK members protest at their compound near Durres after the police raid on Tuesday. Photo: LSA');
  });

  it('links a note’s body to the glossary page the note links to', () => {
    expect(note('man')?.body.slice(1)).toEqual([{ type: 'SpecificResource', source: `${site}/glossary/ali-mostashari/`, purpose: 'linking' }]);
  });

  it('re-anchors every quote in the page rendered from the MDX by the site’s annotation pipeline, white space exact', async () => {
    for (const document of model.documents) {
      await expectAnchorsInPage(renderPage(mdxPages.get(document.slug) ?? ''), annotations.filter((item) => slugOf(item) === document.slug), { collapse: false });
    }
  });

  it('gives the same annotations for the same content, whether the site’s URL ends in a slash or not', () => {
    const again = exportAnnotations(model, sources, `${site}/`);
    expect(JSON.stringify(again.collection)).toBe(JSON.stringify(collection));
    expect(JSON.stringify(again.pages)).toBe(JSON.stringify(pages));
  });
});

describe('corpus.json of the published corpus', () => {
  it('lists every document with its source and the URLs of its paragraphs, and of its annotations when it has any', () => {
    expect(corpus.version).toBe(2);
    expect(corpus.annotations).toBe(`${site}/annotations.jsonld`);
    expect(corpus.documents.map((document) => [document.slug, document.sourceUrl, document.paragraphsUrl, document.annotationsUrl])).toEqual(
      model.documents.map((document) => [
        document.slug,
        `${site}/sources/${document.meta.source}`,
        `${site}/corpus/${document.slug}.json`,
        document.blocks.some((block) => block.mentions.length + block.footnoteLabels.length > 0) ? `${site}/annotations/${document.slug}.jsonld` : undefined,
      ]),
    );
  });

  it('gives each document its metadata, the SHA-256 of its source file and the counts of the model and of its annotations', () => {
    for (const [index, document] of corpus.documents.entries()) {
      const source = model.documents[index]!;
      expect(document.meta).toEqual(source.meta);
      expect(document.sha256).toBe(sha256(readFileSync(join(root, 'content/sources', document.meta.source))));
      expect(document).toMatchObject({ paragraphCount: source.paragraphCount, debrisCount: source.debrisCount, wordCount: source.wordCount, noteCount: source.noteCount });
      expect(document.mentionCount).toBe(annotations.filter((item) => slugOf(item) === source.slug && item.motivation === 'identifying').length);
      expect(document.annotationCount).toBe(pages.find((page) => page.id === document.annotationsUrl)?.items.length ?? 0);
      expect('paragraphs' in document, 'the paragraphs are in the document’s own file').toBe(false);
    }
  });

  it('gives every document a file of paragraphs that matches the model, block for block', () => {
    expect(details.map((detail) => [detail.version, detail.slug, detail.url])).toEqual(model.documents.map((document) => [2, document.slug, `${site}/documents/${document.slug}/`]));
    for (const [index, document] of model.documents.entries()) {
      const detail = details[index]!;
      expect(detail.paragraphs).toHaveLength(document.blocks.length);
      expect(document.paragraphCount + document.debrisCount).toBe(detail.paragraphs.length);
      for (const [number, block] of document.blocks.entries()) {
        const anchor = paragraphPath(document.slug, block.number);
        expect(detail.paragraphs[number]).toEqual({
          number: block.number,
          id: `p${block.number}`,
          anchor,
          url: `${site}${anchor}`,
          kind: block.kind,
          debris: block.debris,
          text: block.text,
          mentions: block.mentions.map((mention) => ({ entry: mention.entry, start: [...block.text.slice(0, mention.start)].length, end: [...block.text.slice(0, mention.end)].length, text: block.text.slice(mention.start, mention.end) })),
          notes: block.footnoteLabels,
        });
      }
    }
  });

  it('gives each paragraph the permanent anchor the site publishes and the lock file records', () => {
    const anchors = details.flatMap((detail) => detail.paragraphs.map((paragraph) => paragraph.anchor));
    expect(anchors).toEqual(model.anchors);
    const lock = JSON.parse(readFileSync(join(root, 'content/anchors.lock.json'), 'utf8')) as { anchors: string[] };
    for (const anchor of anchors) expect(lock.anchors).toContain(anchor);
  });

  it('gives each mention offsets whose slice of the paragraph text is the mention’s words', () => {
    let count = 0;
    for (const detail of details) {
      for (const paragraph of detail.paragraphs) {
        for (const mention of paragraph.mentions) {
          expect(sliceCodePoints(paragraph.text, mention.start, mention.end)).toBe(mention.text);
          count += 1;
        }
      }
    }
    expect(count).toBe(annotations.filter((item) => item.motivation === 'identifying').length);
  });

  it('lists the glossary entries in the model’s order, each mentioned entry with its count', () => {
    expect(corpus.glossary.map((entry) => entry.id)).toEqual(model.entries.map((entry) => entry.id));
    const mentioned = new Set(details.flatMap((detail) => detail.paragraphs.flatMap((paragraph) => paragraph.mentions.map((mention) => mention.entry))));
    for (const id of mentioned) expect(corpus.glossary.find((entry) => entry.id === id)?.mentionCount).toBeGreaterThan(0);
    expect(corpus.glossary.find((entry) => entry.id === 'bledi-cuci')).toMatchObject({ url: `${site}/glossary/bledi-cuci/`, type: 'person' });
  });

  it('survives a JSON round trip unchanged, and is the same whether the site’s URL ends in a slash or not', () => {
    expect(JSON.parse(JSON.stringify(corpus))).toEqual(corpus);
    expect(JSON.parse(JSON.stringify(details))).toEqual(details);
    expect(JSON.stringify(corpusIndex(model, `${site}/`))).toBe(JSON.stringify(corpus));
    expect(JSON.stringify(model.documents.map((document) => corpusDocument(document, `${site}/`)))).toBe(JSON.stringify(details));
  });
});
