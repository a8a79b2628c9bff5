import type { APIRequestContext } from '@playwright/test';
import { annotationPagePath } from '../../src/routes.ts';
import { expect, fixtureCorpus, test } from './site.ts';

const { model } = fixtureCorpus;
const mentions = model.documents.reduce((sum, document) => sum + document.blocks.reduce((count, block) => count + block.mentions.length, 0), 0);
const references = model.documents.reduce((sum, document) => sum + document.blocks.reduce((count, block) => count + block.footnoteLabels.length, 0), 0);
/** Passages that report a claim of the register, each annotated as linking to the claim. */
const claimPassages = model.claims.flatMap((claim) => claim.meta.appearances);
const total = mentions + references + claimPassages.length;
const annotated = model.documents.filter(
  (document) =>
    document.blocks.some((block) => block.mentions.length + block.footnoteLabels.length > 0) ||
    claimPassages.some((appearance) => appearance.document === document.slug),
);

/**
 * Fetches a file of the exports from the server under test. The exports'
 * URLs are absolute, on the site's address (SITE_URL), which need not be this
 * server's: only their path (base path included) is requested.
 */
async function getJson(request: APIRequestContext, url: string) {
  const response = await request.get(new URL(url, 'http://localhost').pathname);
  expect(response.ok(), `${url} is served`).toBe(true);
  return response.json();
}

test('the site publishes every mention, note and claim passage as a Web Annotation, in a collection paged by document', async ({ request, site }) => {
  const collection = await getJson(request, site.href('/annotations.jsonld'));
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(total);
  expect(Object.keys(collection).sort()).toEqual(['@context', 'first', 'id', 'label', 'last', 'total', 'type']);

  // Follow the chain from `first` by `next`, as a harvester would.
  const pages = [];
  let itemsBefore = 0;
  for (let id: string | undefined = collection.first; id !== undefined; ) {
    expect(pages.length, 'the chain ends').toBeLessThan(model.documents.length);
    const page = await getJson(request, id);
    expect(page).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'AnnotationPage', startIndex: itemsBefore });
    expect(page.partOf).toEqual({ id: collection.id, label: collection.label, total: collection.total });
    expect(page.prev).toBe(pages.at(-1)?.id);
    expect(page.items.length).toBeGreaterThan(0);
    itemsBefore += page.items.length;
    pages.push(page);
    id = page.next;
  }
  expect(pages.at(-1)?.id).toBe(collection.last);
  expect(itemsBefore).toBe(collection.total);
  // And back by `prev`, from `last`.
  const byId = new Map(pages.map((page) => [page.id, page]));
  const backwards = [];
  for (let id: string | undefined = collection.last; id !== undefined; id = byId.get(id)?.prev) backwards.push(id);
  expect(backwards.reverse()).toEqual(pages.map((page) => page.id));

  expect(pages.map((page) => page.id)).toEqual(annotated.map((document) => site.permanentUrl(annotationPagePath(document.slug))));
  const items = pages.flatMap((page) => page.items);
  expect(items.filter((item: { motivation: string }) => item.motivation === 'identifying')).toHaveLength(mentions);
  expect(items.filter((item: { motivation: string }) => item.motivation === 'linking')).toHaveLength(claimPassages.length);
  expect(claimPassages.length).toBeGreaterThan(0);
  expect(new Set(items.map((item: { id: string }) => item.id)).size).toBe(total);
});

test('the site publishes the corpus as JSON, with every permanent anchor in the documents’ own files', async ({ request, site }) => {
  const corpus = await getJson(request, site.href('/corpus.json'));
  expect(corpus.documents.map((document: { slug: string }) => document.slug)).toEqual(model.documents.map((document) => document.slug));
  expect(corpus.glossary).toHaveLength(model.entries.length);
  const anchors: string[] = [];
  for (const document of corpus.documents) {
    expect(document.paragraphs, 'paragraphs are in the document’s own file').toBeUndefined();
    const detail = await getJson(request, document.paragraphsUrl);
    expect(detail.slug).toBe(document.slug);
    expect(detail.paragraphs).toHaveLength(document.paragraphCount + document.debrisCount);
    anchors.push(...detail.paragraphs.map((paragraph: { anchor: string }) => paragraph.anchor));
    if (document.annotationCount > 0) expect((await getJson(request, document.annotationsUrl)).items).toHaveLength(document.annotationCount);
    else expect(document.annotationsUrl).toBeUndefined();
  }
  expect(anchors).toEqual(model.anchors);
});
