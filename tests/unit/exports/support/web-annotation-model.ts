/**
 * What the W3C Web Annotation Data Model requires of the exports, checked
 * three ways: a strict schema of the classes the export uses, expansion by
 * the `jsonld` processor in safe mode under the model's JSON-LD context, and
 * the chain of pages walked both ways.
 *
 * No npm package ships the W3C context document and tests run without
 * network, so the context's definitions of the terms the export uses are
 * served from tests/fixtures/export/anno-context-terms.json, written out from
 * the Recommendation (docs/open-data.md, "How it is checked").
 */
import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { z } from 'zod';
import type { AnnotationCollection, AnnotationPage } from '../../../../src/exports/web-annotation-model.ts';
import { positionOf, quoteOf } from './annotations.ts';

const contextTerms = JSON.parse(readFileSync('tests/fixtures/export/anno-context-terms.json', 'utf8')) as { '@context': Record<string, unknown> };

/** Serves the Web Annotation context from the test fixture; any other document is refused, as the tests have no network. */
const documentLoader = async (url: string) => {
  if (url !== 'http://www.w3.org/ns/anno.jsonld' && url !== 'https://www.w3.org/ns/anno.jsonld') throw new Error(`no network in tests: refused to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': contextTerms['@context'] } };
};

export async function expandSafely(document: object): Promise<unknown[]> {
  // Safe mode refuses anything the context cannot map: an unknown or misspelt term fails instead of being dropped.
  // (@types/jsonld predates safe mode and types the loader for callbacks, hence the cast.)
  return jsonld.expand(document as JsonLdDocument, { documentLoader, safe: true } as unknown as Options.Expand);
}

const oa = (term: string) => `http://www.w3.org/ns/oa#${term}`;
const as = (term: string) => `http://www.w3.org/ns/activitystreams#${term}`;
const iri = z.url().regex(/^https?:\/\//u);

/** The Web Annotation Data Model's requirements on what the export emits, as a strict schema: no property outside the model. */
const textQuoteSelector = z
  .object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().min(1).optional(), suffix: z.string().min(1).optional() })
  .strict();
const textPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((selector) => selector.start < selector.end, 'start must come before end');
const target = z
  .object({
    type: z.literal('SpecificResource'),
    source: z
      .object({ id: iri, type: z.literal('Text'), format: z.literal('text/plain'), language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/u) })
      .strict(),
    scope: iri,
    selector: z.tuple([textQuoteSelector, textPositionSelector]),
  })
  .strict();
const annotationSchema = z.discriminatedUnion('motivation', [
  z.object({ id: iri, type: z.literal('Annotation'), motivation: z.literal('identifying'), body: z.array(iri).min(1), target }).strict(),
  z
    .object({
      id: iri,
      type: z.literal('Annotation'),
      motivation: z.literal('linking'),
      body: z.tuple([z.object({ type: z.literal('SpecificResource'), source: iri, purpose: z.literal('linking') }).strict()]),
      target,
    })
    .strict(),
  ...(['commenting', 'editing'] as const).map((motivation) =>
    z
      .object({
        id: iri,
        type: z.literal('Annotation'),
        motivation: z.literal(motivation),
        body: z.tuple(
          [
            z
              .object({
                type: z.literal('TextualBody'),
                value: z.string().min(1),
                format: z.literal('text/plain'),
                language: z.literal('en'),
                purpose: z.literal(motivation),
              })
              .strict(),
          ],
          z.object({ type: z.literal('SpecificResource'), source: iri, purpose: z.literal('linking') }).strict(),
        ),
        target,
      })
      .strict(),
  ),
]);
export const collectionSchema = z
  .object({
    '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
    id: iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int().nonnegative(),
    first: iri.optional(),
    last: iri.optional(),
  })
  .strict()
  .refine(
    (collection) => collection.total > 0 === (collection.first !== undefined && collection.last !== undefined),
    'first and last are given when, and only when, there are annotations',
  );
export const pageSchema = z
  .object({
    '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
    id: iri,
    type: z.literal('AnnotationPage'),
    partOf: z.object({ id: iri, label: z.string().min(1), total: z.number().int().positive() }).strict(),
    startIndex: z.number().int().nonnegative(),
    prev: iri.optional(),
    next: iri.optional(),
    // The model: "Each Page MUST have an array of 1 or more Annotations as the value of items".
    items: z.array(annotationSchema).min(1),
  })
  .strict();

type Expanded = Record<string, unknown[] | undefined> & { '@id'?: string; '@type'?: string[] };
const ids = (values: unknown[] | undefined) => (values ?? []).map((value) => (value as { '@id'?: string })['@id']);
const nodes = (values: unknown[] | undefined) => (values ?? []) as Expanded[];
/** The context gives counts and offsets no datatype: they expand to plain JSON numbers. */
const number = (value: number) => [{ '@value': value }];
const rdfsLabel = 'http://www.w3.org/2000/01/rdf-schema#label';

/** Every node and link is an absolute IRI: nothing in the export depends on where the file is read from. */
function expectAbsoluteIris(expanded: unknown[]): void {
  for (const [, value] of JSON.stringify(expanded).matchAll(/"@id":"([^"]*)"/gu)) expect(value).toMatch(/^https?:\/\//u);
}

/** Checks the expanded collection says, in the model's own terms, what the compact one says: a size and the ends of a chain of pages, no items. */
export function expectExpandedCollection(expanded: unknown[], collection: AnnotationCollection): void {
  const [root, ...rest] = expanded as unknown as Expanded[];
  expect(rest).toEqual([]);
  expect(root?.['@id']).toBe(collection.id);
  expect(root?.['@type']).toEqual([as('OrderedCollection')]);
  expect(root?.[rdfsLabel]).toEqual([{ '@value': collection.label }]);
  expect(root?.[as('totalItems')]).toEqual(number(collection.total));
  expect(ids(root?.[as('first')])).toEqual(collection.first ? [collection.first] : []);
  expect(ids(root?.[as('last')])).toEqual(collection.last ? [collection.last] : []);
  expect(root?.[as('items')]).toBeUndefined();
  expectAbsoluteIris(expanded);
}

/** Checks the expanded page says, in the model's own terms, what the compact page says. */
export function expectExpandedPage(expanded: unknown[], page: AnnotationPage): void {
  const [root, ...rest] = expanded as unknown as Expanded[];
  expect(rest).toEqual([]);
  expect(root?.['@id']).toBe(page.id);
  expect(root?.['@type']).toEqual([as('OrderedCollectionPage')]);
  const [partOf] = nodes(root?.[as('partOf')]);
  expect(partOf?.['@id']).toBe(page.partOf.id);
  expect(partOf?.[as('totalItems')]).toEqual(number(page.partOf.total));
  expect(partOf?.[rdfsLabel]).toEqual([{ '@value': page.partOf.label }]);
  expect(root?.[as('startIndex')]).toEqual(number(page.startIndex));
  expect(ids(root?.[as('next')])).toEqual(page.next ? [page.next] : []);
  expect(ids(root?.[as('prev')])).toEqual(page.prev ? [page.prev] : []);
  const items = nodes(((root?.[as('items')]?.[0] ?? {}) as { '@list'?: unknown[] })['@list']);
  expect(items).toHaveLength(page.items.length);
  items.forEach((item, index) => {
    const compact = page.items[index]!;
    expect(item['@id']).toBe(compact.id);
    expect(item['@type']).toEqual([oa('Annotation')]);
    expect(ids(item[oa('motivatedBy')])).toEqual([oa(compact.motivation)]);
    expect(item[oa('hasBody')]?.length).toBe(compact.body.length);
    const [expandedTarget] = nodes(item[oa('hasTarget')]);
    expect(expandedTarget?.['@type']).toEqual([oa('SpecificResource')]);
    expect(ids(expandedTarget?.[oa('hasSource')])).toEqual([compact.target.source.id]);
    expect(ids(expandedTarget?.[oa('hasScope')])).toEqual([compact.target.scope]);
    const selectors = nodes(expandedTarget?.[oa('hasSelector')]);
    expect(selectors.map((selector) => selector['@type'])).toEqual([[oa('TextQuoteSelector')], [oa('TextPositionSelector')]]);
    expect(selectors[0]?.[oa('exact')]).toEqual([{ '@value': quoteOf(compact).exact }]);
    expect(selectors[1]?.[oa('start')]).toEqual(number(positionOf(compact).start));
  });
  expectAbsoluteIris(expanded);
}

/**
 * The pages form one chain: from the collection's `first`, `next` after
 * `next` visits every page once, in order, and ends at `last`; `prev` walks
 * it back. Each page's startIndex is the number of items before it, no page
 * is empty, and the pages' sizes add up to the collection's total.
 */
export function expectChain(collection: AnnotationCollection, pages: AnnotationPage[]): void {
  const byId = new Map(pages.map((page) => [page.id, page]));
  expect(byId.size, 'each page has its own id').toBe(pages.length);
  const walk = (from: string | undefined, step: (page: AnnotationPage) => string | undefined): string[] => {
    const visited: string[] = [];
    for (let id = from; id !== undefined; id = step(byId.get(id)!)) {
      expect(byId.has(id), `${id} is a page of the collection`).toBe(true);
      expect(visited, `${id} is visited once`).not.toContain(id);
      visited.push(id);
    }
    return visited;
  };
  const pageIds = pages.map((page) => page.id);
  expect(
    walk(collection.first, (page) => page.next),
    'first → next → … → last',
  ).toEqual(pageIds);
  expect(
    walk(collection.last, (page) => page.prev),
    'last → prev → … → first',
  ).toEqual([...pageIds].reverse());
  expect(collection.first).toBe(pageIds[0]);
  expect(collection.last).toBe(pageIds.at(-1));
  let before = 0;
  for (const page of pages) {
    expect(page.startIndex, `${page.id}: startIndex is the number of items before the page`).toBe(before);
    expect(page.items.length, `${page.id} is not empty`).toBeGreaterThan(0);
    expect(page.partOf).toEqual({ id: collection.id, label: collection.label, total: collection.total });
    before += page.items.length;
  }
  expect(before, 'the pages add up to the total').toBe(collection.total);
}
