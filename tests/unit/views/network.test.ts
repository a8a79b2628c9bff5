import { describe, expect, it } from 'vitest';
import { layoutNetwork, type NetworkEntry, seededRandom, selectNetwork, tiesFromRelated, typeTies } from '../../../src/views/network.ts';

const related = {
  mek: [
    { entry: 'police', sharedParagraphs: 6 },
    { entry: 'camp', sharedParagraphs: 9 },
  ],
  camp: [
    { entry: 'mek', sharedParagraphs: 9 },
    { entry: 'police', sharedParagraphs: 2 },
  ],
  police: [{ entry: 'mek', sharedParagraphs: 6 }],
  minister: [{ entry: 'spak', sharedParagraphs: 1 }],
};

const entries: NetworkEntry[] = [
  { id: 'mek', name: 'MEK', type: 'organisation', mentions: 40 },
  { id: 'camp', name: 'Ashraf 3', type: 'place', mentions: 20 },
  { id: 'police', name: 'State Police', type: 'institution', mentions: 10 },
  { id: 'minister', name: 'Minister', type: 'person', mentions: 3 },
  { id: 'spak', name: 'SPAK', type: 'institution', mentions: 2 },
];

describe('tiesFromRelated', () => {
  it('gives each pair of related entries once, strongest first', () => {
    expect(tiesFromRelated(related)).toEqual([
      { a: 'camp', b: 'mek', weight: 9 },
      { a: 'mek', b: 'police', weight: 6 },
      { a: 'camp', b: 'police', weight: 2 },
      { a: 'minister', b: 'spak', weight: 1 },
    ]);
  });
});

describe('selectNetwork', () => {
  const ties = tiesFromRelated(related);

  it('keeps the most mentioned entries and the ties among them', () => {
    const selection = selectNetwork(entries, ties, { maxNodes: 3, maxTies: 10 });
    expect(selection.nodes.map(({ id }) => id)).toEqual(['camp', 'mek', 'police']);
    expect(selection.ties.map(({ a, b }) => `${a}-${b}`)).toEqual(['camp-mek', 'mek-police', 'camp-police']);
    expect(selection.leftOut).toBe(2);
  });

  it('leaves out an entry whose every tie is beyond the limit', () => {
    const selection = selectNetwork(entries, ties, { maxNodes: 5, maxTies: 1 });
    expect(selection.nodes.map(({ id }) => id)).toEqual(['camp', 'mek']);
    expect(selection.leftOut).toBe(3);
  });
});

describe('seededRandom', () => {
  it('gives the same numbers for the same seed', () => {
    const [a, b] = [seededRandom(7), seededRandom(7)];
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('steps as d3-force’s own linear congruential generator does', () => expect(seededRandom(1)()).toBe((1664525 + 1013904223) / 4294967296));
});

describe('layoutNetwork', () => {
  const selection = selectNetwork(entries, tiesFromRelated(related), { maxNodes: 5, maxTies: 10 });
  const options = { width: 400, height: 300, seed: 1, margin: 20 };

  it('is the same drawing every time', () => {
    expect(JSON.stringify(layoutNetwork(selection, options))).toBe(JSON.stringify(layoutNetwork(selection, options)));
  });

  it('keeps every node inside the frame', () => {
    const { nodes } = layoutNetwork(selection, options);
    for (const { x, y, r } of nodes) {
      expect(x - r).toBeGreaterThanOrEqual(options.margin - 0.1);
      expect(x + r).toBeLessThanOrEqual(options.width - options.margin + 0.1);
      expect(y - r).toBeGreaterThanOrEqual(options.margin - 0.1);
      expect(y + r).toBeLessThanOrEqual(options.height - options.margin + 0.1);
    }
  });

  it('sizes nodes by mentions and ties by weight', () => {
    const { nodes, ties } = layoutNetwork(selection, options);
    expect(nodes.map(({ id, r }) => [id, r])).toEqual([
      ['camp', 12.5],
      ['mek', 16],
      ['minister', 7.3],
      ['police', 10],
      ['spak', 6.7],
    ]);
    expect(ties.map(({ a, b, width }) => `${a}-${b} ${width}`)).toEqual(['camp-mek 6', 'mek-police 4.3', 'camp-police 2.1', 'minister-spak 1.6']);
  });
});

describe('typeTies', () => {
  it('counts the paragraphs that mention entries of two types, or two of one type', () => {
    const ties = typeTies([
      { type: 'person', keys: [1, 2, 3] },
      { type: 'person', keys: [3] },
      { type: 'place', keys: [2, 3, 4] },
      { type: 'event', keys: [4] },
    ]);
    expect(ties).toEqual([
      { a: 'person', b: 'place', paragraphs: 2 },
      { a: 'person', b: 'person', paragraphs: 1 },
      { a: 'place', b: 'event', paragraphs: 1 },
    ]);
  });
});
