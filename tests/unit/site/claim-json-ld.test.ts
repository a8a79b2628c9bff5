import { readFileSync } from 'node:fs';
import jsonld, { type JsonLdDocument, type Options } from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { Claim, GlossaryEntry } from '../../../src/corpus/model.ts';
import type { ClaimView } from '../../../src/site/claims.ts';
import { claimJsonLd } from '../../../src/site/metadata.ts';
import type { DocumentSummary } from '../../../src/site/page-model.ts';

/**
 * schema.org's vocabulary, as schema-dts generates its types from it: every
 * type (`"@type": "Claim"`) and every property (`"firstAppearance"?:`).
 */
const declarations = readFileSync('node_modules/schema-dts/dist/schema.d.ts', 'utf8');
const vocabulary = {
  types: new Set([...declarations.matchAll(/"@type": "([A-Za-z]+)"/gu)].map((match) => match[1])),
  properties: new Set([...declarations.matchAll(/"([a-z][A-Za-z]*)"\?:/gu)].map((match) => match[1])),
};

/** The schema.org context, resolved offline: every term is a schema.org IRI, which the vocabulary check then judges. */
const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/u.test(url)) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
};

const site = 'https://corpus.example.org';
const entry = (id: string, name: string, type: GlossaryEntry['meta']['type']): GlossaryEntry =>
  ({ id, file: `content/glossary/${id}.md`, meta: { name, type, aliases: [], context: [], summary: `${name}.` } }) as GlossaryEntry;
const document = {
  slug: 'report',
  meta: { title: 'A report', publisher: 'An outlet', published: '2023-06-20', url: 'https://outlet.example/report' },
} as DocumentSummary;
const claim: Claim = {
  id: 'the-claim',
  file: 'content/claims/the-claim.md',
  notes: '',
  meta: {
    statement: 'The police caused the death.',
    claimant: 'council',
    date: '2023-06-20',
    about: ['police'],
    status: { kind: 'disputed', label: 'Disputed by the ministry.' },
    appearances: [{ document: 'report', paragraph: 4, quote: 'was killed' }],
    responses: [],
    review: { by: 'court', date: '2024-01-10', rating: 'Not established', evidence: 'Judgment of 10 January 2024' },
  },
};
const view: ClaimView = {
  claim,
  claimant: entry('council', 'A Council', 'organisation'),
  about: [entry('police', 'The Police', 'institution')],
  appearances: [{ document, paragraph: 4, quote: 'was killed' }],
  responses: [],
  respondsTo: [],
  reviewer: entry('court', 'A Court', 'institution'),
};

/** Every type and predicate of an expanded graph. */
function terms(nodes: unknown): { types: string[]; predicates: string[] } {
  const types: string[] = [];
  const predicates: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '@type') types.push(...(inner as string[]));
        else if (!key.startsWith('@')) predicates.push(key);
        walk(inner);
      }
    }
  };
  walk(nodes);
  return { types, predicates };
}

describe('a claim page’s JSON-LD', () => {
  it('expands with a JSON-LD processor to schema.org types and properties only', async () => {
    const expanded = await jsonld.expand(claimJsonLd(view, site) as JsonLdDocument, { documentLoader } as unknown as Options.Expand);
    const { types, predicates } = terms(expanded);
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(vocabulary.types.has(type.replace('https://schema.org/', '')), type).toBe(true);
    for (const predicate of predicates) {
      expect(predicate.startsWith('https://schema.org/'), predicate).toBe(true);
      expect(vocabulary.properties.has(predicate.replace('https://schema.org/', '')), predicate).toBe(true);
    }
  });

  it('describes the claim by its claimant, date, first and every appearance, and reviews it only as recorded', () => {
    const data = claimJsonLd(view, site) as unknown as { '@graph': Record<string, unknown>[] };
    const [node, review] = data['@graph'];
    expect(node).toMatchObject({
      '@type': 'Claim',
      '@id': `${site}/claims/the-claim/`,
      author: { '@type': 'Organization', '@id': `${site}/glossary/council/`, name: 'A Council' },
      datePublished: '2023-06-20',
      firstAppearance: { '@type': 'CreativeWork', url: `${site}/documents/report/#p4`, text: 'was killed' },
    });
    expect(node?.appearance).toHaveLength(1);
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      itemReviewed: { '@id': `${site}/claims/the-claim/` },
      author: { '@type': 'Organization', name: 'A Court' },
      reviewRating: { '@type': 'Rating', alternateName: 'Not established' },
    });
  });

  it('carries no ClaimReview where no one has evaluated the claim', () => {
    const unreviewed = claimJsonLd({ ...view, claim: { ...claim, meta: { ...claim.meta, review: undefined } }, reviewer: undefined }, site);
    expect(unreviewed).toMatchObject({ '@context': 'https://schema.org', '@type': 'Claim' });
    expect(JSON.stringify(unreviewed)).not.toContain('ClaimReview');
  });
});
