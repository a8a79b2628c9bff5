import { describe, expect, it } from 'vitest';
import type { CorrectionRecord, DocumentMeta } from '../../../src/corpus/schema.ts';
import { correctionId, correctionsFeed, documentFeedSummary, documentsFeed, type FeedSite } from '../../../src/site/feeds.ts';
import type { DocumentSummary } from '../../../src/site/page-model.ts';
import { atomEntries, atomProblems, wellFormednessErrors } from '../../support/xml-validators.ts';

const site: FeedSite = { url: 'https://example.org/corpus/', name: 'Test Corpus', description: 'Test documents.' };

function summary(slug: string, meta: Partial<DocumentMeta>): DocumentSummary {
  return {
    slug,
    file: `content/corpus/${slug}.mdx`,
    meta: { title: slug, publisher: 'Outlet', authors: [], published: '2023-06-20', language: 'en', source: `${slug}.txt`, sha256: '0'.repeat(64), ...meta },
    paragraphCount: 12,
    debrisCount: 0,
    wordCount: 300,
    noteCount: 3,
    entries: [],
  };
}

const ledger = summary('harbour-bridge-reopens', {
  title: 'Harbour bridge reopens & <traffic> returns',
  publisher: 'Coastal Ledger',
  authors: ['Elena Marsh'],
  published: '2023-06-20',
});
const radio = summary('council-answers-questions', { title: 'Council answers questions', publisher: 'Radio Portvale', published: '2023-06-21' });

const corrections: CorrectionRecord[] = [
  { date: '2026-11-30', target: 'glossary/portvale', replaces: '0123abcd', kind: 'typo', what: 'Portvale was misspelt "Portvael".' },
  {
    date: '2026-12-01',
    target: 'documents/harbour-bridge-reopens#note-closure',
    replaces: '89abcdef',
    kind: 'correction',
    what: 'The note now gives the closure as 14 months.',
    why: 'The council’s minutes say 14, not 12.',
    before: 'The bridge was closed for 12 months.',
  },
];

const titles = new Map([
  ['/glossary/portvale/', 'Portvale'],
  ['/documents/harbour-bridge-reopens/', 'Harbour bridge reopens'],
]);

describe('the documents feed', () => {
  const xml = documentsFeed([ledger, radio], corrections, site);

  it('is well-formed Atom that meets RFC 4287', async () => {
    expect(await wellFormednessErrors(xml)).toEqual([]);
    expect(atomProblems(xml)).toEqual([]);
  });

  it('lists the documents newest first, each at its permanent URL with its outlet, date and summary', () => {
    expect(atomEntries(xml)).toEqual([
      {
        id: 'https://example.org/corpus/documents/council-answers-questions/',
        title: 'Council answers questions',
        link: 'https://example.org/corpus/documents/council-answers-questions/',
        updated: '2023-06-21T00:00:00.000Z',
        published: '2023-06-21T00:00:00.000Z',
        summary: 'Radio Portvale, 21 June 2023. The source text as received, 12 paragraphs, with 3 editorial notes.',
        authors: ['Radio Portvale'],
        categories: ['Radio Portvale'],
      },
      {
        id: 'https://example.org/corpus/documents/harbour-bridge-reopens/',
        title: 'Harbour bridge reopens & <traffic> returns',
        link: 'https://example.org/corpus/documents/harbour-bridge-reopens/',
        updated: '2026-12-01T00:00:00.000Z',
        published: '2023-06-20T00:00:00.000Z',
        summary: 'Coastal Ledger, 20 June 2023, by Elena Marsh. The source text as received, 12 paragraphs, with 3 editorial notes.',
        authors: ['Elena Marsh'],
        categories: ['Coastal Ledger'],
      },
    ]);
  });

  it('is updated when its newest entry is, and names itself', () => {
    expect(xml).toContain('<updated>2026-12-01T00:00:00.000Z</updated>\n    <author>');
    expect(xml).toContain('<link rel="self" href="https://example.org/corpus/documents.xml"/>');
    expect(xml).toContain('<id>https://example.org/corpus/documents.xml</id>');
  });

  it('gives the same bytes for the same corpus', () => {
    expect(documentsFeed([radio, ledger], corrections, site)).toBe(xml);
  });

  it('is valid with no documents', () => {
    const empty = documentsFeed([], [], site);
    expect(atomProblems(empty)).toEqual([]);
    expect(empty).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });
});

describe('a document’s feed summary', () => {
  it('names the outlet, the date and the authors, then the edition', () => {
    expect(documentFeedSummary({ ...ledger, meta: { ...ledger.meta, authors: ['A', 'B'] }, paragraphCount: 1, noteCount: 1 })).toBe(
      'Coastal Ledger, 20 June 2023, by A and B. The source text as received, 1 paragraph, with 1 editorial note.',
    );
  });
});

describe('the corrections feed', () => {
  const xml = correctionsFeed(corrections, titles, site);

  it('is well-formed Atom that meets RFC 4287', async () => {
    expect(await wellFormednessErrors(xml)).toEqual([]);
    expect(atomProblems(xml)).toEqual([]);
  });

  it('lists the corrections newest first: what changed, why, and the corrected text on its page', () => {
    expect(atomEntries(xml).map(({ id, title, link, updated, summary }) => ({ id, title, link, updated, summary }))).toEqual([
      {
        id: correctionId(corrections[1] as CorrectionRecord, site.url),
        title: 'Corrected: Harbour bridge reopens (note [^closure])',
        link: 'https://example.org/corpus/documents/harbour-bridge-reopens/#fn-closure',
        updated: '2026-12-01T00:00:00.000Z',
        summary: 'The note now gives the closure as 14 months. Why: The council’s minutes say 14, not 12.',
      },
      {
        id: correctionId(corrections[0] as CorrectionRecord, site.url),
        title: 'Typo corrected: Portvale',
        link: 'https://example.org/corpus/glossary/portvale/',
        updated: '2026-11-30T00:00:00.000Z',
        summary: 'Portvale was misspelt "Portvael".',
      },
    ]);
  });

  it('gives each correction an id of its own that does not change when others are added', () => {
    const id = correctionId(corrections[1] as CorrectionRecord, site.url);
    expect(id).toMatch(/^https:\/\/example\.org\/corpus\/corrections\/#correction-2026-12-01-[0-9a-f]{12}$/u);
    expect(correctionId(corrections[0] as CorrectionRecord, site.url)).not.toBe(id);
    expect(atomEntries(correctionsFeed([...corrections].reverse(), titles, site)).map((entry) => entry.id)).toContain(id);
  });
});

describe('the Atom checks', () => {
  it('report what RFC 4287 forbids', () => {
    const broken = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>No id, no author</title>
  <updated>1 December 2026</updated>
  <entry><id>relative/id</id><title>A</title><updated>2026-12-01T00:00:00Z</updated><category label="x"/></entry>
</feed>`;
    expect(atomProblems(broken)).toEqual([
      'the feed has 0 atom:id, not exactly one',
      'the feed: atom:id "" is not an absolute IRI',
      'the feed: atom:updated "1 December 2026" is not an RFC 3339 date-time',
      'the feed has no rel="self" link (RFC 4287 §4.1.1: SHOULD)',
      'entry 1: atom:id "relative/id" is not an absolute IRI',
      'entry 1: atom:category without a term',
      'entry 1 has no atom:author, and neither has the feed',
      'entry 1 has neither atom:content nor an alternate link',
    ]);
    expect(atomProblems('<feed xmlns="http://www.w3.org/2005/Atom"><title>')[0]).toMatch(/^not well-formed XML/u);
  });
});
