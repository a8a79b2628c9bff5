import { describe, expect, it } from 'vitest';
import type { Claim, GlossaryEntry } from '../../../src/corpus/model.ts';
import { entrySchema } from '../../../src/corpus/schema.ts';
import { type TimelineInput, timelineItems, timelinePages } from '../../../src/views/timeline.ts';

function entry(id: string, meta: Record<string, unknown>): GlossaryEntry {
  return { id, file: `content/glossary/${id}.md`, meta: entrySchema.parse({ summary: 'A summary.', ...meta }) };
}

function claim(id: string, date: string | undefined, appearances: { document: string; paragraph: number }[]): Claim {
  return {
    id,
    file: `content/claims/${id}.md`,
    notes: '',
    meta: {
      statement: `Statement ${id}.`,
      claimant: 'police',
      ...(date ? { date } : {}),
      about: [],
      status: { kind: 'unverified', label: 'Unverified' },
      appearances: appearances.map((place) => ({ ...place, quote: 'words' })),
      responses: [],
    },
  };
}

const input: TimelineInput = {
  entries: [
    entry('raid', {
      name: 'The raid',
      type: 'event',
      when: { start: '2023-06-20', resolved: [{ document: 'report', paragraph: 3, says: 'yesterday', note: 'yesterday' }] },
    }),
    entry('deal', { name: 'The deal', type: 'agreement', when: { start: 2014, note: 'One source says 2013.' } }),
    entry('town', { name: 'Town', type: 'place' }),
  ],
  claims: [
    claim('resisted', '2023-06-20', [
      { document: 'report', paragraph: 5 },
      { document: 'report', paragraph: 5 },
    ]),
    claim('undated', undefined, [{ document: 'report', paragraph: 2 }]),
  ],
  documents: [{ slug: 'report', meta: { title: 'A report', publisher: 'The Ledger', published: '2023-06-21', dateNote: 'From the URL.' } }],
  nameOf: (id) => (id === 'police' ? 'The police' : id),
  paragraphsOf: (id, limit) => (id === 'raid' ? { told: [{ document: 'report', paragraphs: [3, 4].slice(0, limit) }], total: 2 } : { told: [], total: 0 }),
  linksPerItem: 8,
};

describe('timelineItems', () => {
  const items = timelineItems(input);

  it('lists dated entries, dated claims and publications in date order, events before claims on one day', () => {
    expect(items.map(({ id, start }) => `${start} ${id}`)).toEqual([
      '2014 agreement-deal',
      '2023-06-20 event-raid',
      '2023-06-20 claim-resisted',
      '2023-06-21 publication-report',
    ]);
  });

  it('gives an event the paragraphs that mention it and the notes that resolve its relative dates', () => {
    expect(items[1]).toEqual({
      id: 'event-raid',
      kind: 'event',
      start: '2023-06-20',
      title: 'The raid',
      path: '/glossary/raid/',
      told: [{ document: 'report', paragraphs: [3, 4] }],
      toldTotal: 2,
      documents: ['report'],
      resolved: [{ document: 'report', paragraph: 3, says: 'yesterday', note: 'yesterday' }],
    });
  });

  it('says where the sources differ on a date', () => expect(items[0]?.datesDiffer).toBe('One source says 2013.'));

  it('gives a claim its claimant and the paragraphs that report it, each once', () => {
    expect(items[2]).toMatchObject({ by: 'The police', told: [{ document: 'report', paragraphs: [5] }], toldTotal: 1, path: '/claims/resisted/' });
  });

  it('gives a publication its publisher and how its date was established', () => {
    expect(items[3]).toMatchObject({ kind: 'publication', by: 'The Ledger', dateNote: 'From the URL.', documents: ['report'], path: '/documents/report/' });
  });
});

describe('timelinePages', () => {
  const items = timelineItems(input);

  it('groups a page by year', () => {
    const [page] = timelinePages(items, 10);
    expect(page?.years.map(({ year, continued, items: inYear }) => [year, continued, inYear.length])).toEqual([
      [2014, false, 1],
      [2023, false, 3],
    ]);
  });

  it('pages the items and marks a year that goes on from the page before', () => {
    const pages = timelinePages(items, 2);
    expect(
      pages.map(({ page, pages: count, from, to, years }) => [page, count, from, to, years.map(({ year, continued }) => `${year}${continued ? '+' : ''}`)]),
    ).toEqual([
      [1, 2, '2014', '2023-06-20', ['2014', '2023']],
      [2, 2, '2023-06-20', '2023-06-21', ['2023+']],
    ]);
  });

  it('has one empty page when nothing is dated', () => expect(timelinePages([], 10)).toEqual([{ page: 1, pages: 1, years: [], from: '', to: '' }]));
});
