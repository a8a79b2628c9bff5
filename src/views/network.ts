/**
 * The network: entries as nodes, a tie between two entries for the
 * paragraphs that mention both, weighted by how many. Bounded at any corpus
 * size: the ties are those of each entry's ranked list of related entries
 * (the model keeps the strongest of each), the drawing keeps the most
 * mentioned entries and the strongest ties among them, and the layout is
 * computed once, seeded, so that two builds draw the same picture.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { RelatedEntry } from '../corpus/mentions.ts';
import { type EntryType, entryTypes } from '../corpus/schema.ts';

export interface NetworkEntry {
  id: string;
  name: string;
  type: EntryType;
  mentions: number;
}

/** Two entries mentioned in the same paragraphs; `a` sorts before `b`. */
export interface Tie {
  a: string;
  b: string;
  /** Paragraphs in which both are mentioned. */
  weight: number;
}

/** Strongest first; on equal weight by the entries' ids, so that the order never depends on the input's. */
function compareTies(x: Tie, y: Tie): number {
  return y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b);
}

/** Each pair of related entries once, strongest first. */
export function tiesFromRelated(related: Readonly<Record<string, readonly RelatedEntry[]>>): Tie[] {
  const ties = new Map<string, Tie>();
  for (const [entry, list] of Object.entries(related)) {
    for (const { entry: other, sharedParagraphs } of list) {
      const [a, b] = entry < other ? [entry, other] : [other, entry];
      ties.set(`${a}\n${b}`, { a, b, weight: sharedParagraphs });
    }
  }
  return [...ties.values()].sort(compareTies);
}

export interface NetworkSelection {
  nodes: NetworkEntry[];
  ties: Tie[];
  /** Entries with ties that the drawing leaves out, for the page to say so. */
  leftOut: number;
}

/**
 * The `maxNodes` most mentioned entries that have ties, and the `maxTies`
 * strongest ties among them; an entry left without a drawn tie is left out.
 */
export function selectNetwork(entries: readonly NetworkEntry[], ties: readonly Tie[], limits: { maxNodes: number; maxTies: number }): NetworkSelection {
  const tied = new Set(ties.flatMap(({ a, b }) => [a, b]));
  const candidates = entries.filter(({ id }) => tied.has(id)).sort((x, y) => y.mentions - x.mentions || x.id.localeCompare(y.id));
  const chosen = new Set(candidates.slice(0, limits.maxNodes).map(({ id }) => id));
  const drawn = ties.filter(({ a, b }) => chosen.has(a) && chosen.has(b)).slice(0, limits.maxTies);
  const drawnEntries = new Set(drawn.flatMap(({ a, b }) => [a, b]));
  const nodes = candidates.filter(({ id }) => drawnEntries.has(id)).sort((x, y) => x.id.localeCompare(y.id));
  return { nodes, ties: drawn, leftOut: candidates.length - nodes.length };
}

export interface PositionedNode extends NetworkEntry {
  x: number;
  y: number;
  r: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: PositionedNode[];
  ties: (Tie & { width: number })[];
}

/** d3-force's own linear congruential generator, seeded: the same numbers every build. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (1664525 * state + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** One decimal: enough for a drawing, and the same text wherever the build runs. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

interface SimulationNode extends SimulationNodeDatum {
  id: string;
  r: number;
}

/**
 * Places the nodes with a force simulation run to its end in Node (no
 * animation), sized by mentions, then fits them into width × height.
 */
export function layoutNetwork(
  selection: Pick<NetworkSelection, 'nodes' | 'ties'>,
  options: { width: number; height: number; seed: number; margin: number },
): NetworkLayout {
  const { width, height, seed, margin } = options;
  const maxMentions = Math.max(1, ...selection.nodes.map(({ mentions }) => mentions));
  const maxWeight = Math.max(1, ...selection.ties.map(({ weight }) => weight));
  const radius = (mentions: number) => 4 + 12 * Math.sqrt(mentions / maxMentions);
  const simulationNodes: SimulationNode[] = selection.nodes.map(({ id, mentions }) => ({ id, r: radius(mentions) }));
  const links: (SimulationLinkDatum<SimulationNode> & { weight: number })[] = selection.ties.map(({ a, b, weight }) => ({ source: a, target: b, weight }));
  const simulation = forceSimulation(simulationNodes)
    .randomSource(seededRandom(seed))
    .force(
      'link',
      forceLink<SimulationNode, (typeof links)[number]>(links)
        .id(({ id }) => id)
        .distance(90)
        .strength(({ weight }) => 0.05 + 0.45 * (weight / maxWeight)),
    )
    .force('charge', forceManyBody<SimulationNode>().strength(-420))
    .force(
      'collide',
      forceCollide<SimulationNode>().radius(({ r }) => r + 18),
    )
    .force('x', forceX<SimulationNode>(0).strength(0.06))
    .force('y', forceY<SimulationNode>(0).strength(0.1))
    .stop();
  simulation.tick(400);
  const xs = simulationNodes.flatMap(({ x = 0, r }) => [x - r, x + r]);
  const ys = simulationNodes.flatMap(({ y = 0, r }) => [y - r, y + r]);
  const [minX, maxX, minY, maxY] = [Math.min(0, ...xs), Math.max(0, ...xs), Math.min(0, ...ys), Math.max(0, ...ys)];
  const scale = Math.min((width - 2 * margin) / Math.max(1, maxX - minX), (height - 2 * margin) / Math.max(1, maxY - minY), 1.5);
  const offsetX = (width - scale * (maxX - minX)) / 2 - scale * minX;
  const offsetY = (height - scale * (maxY - minY)) / 2 - scale * minY;
  const byId = new Map(selection.nodes.map((node) => [node.id, node]));
  const nodes = simulationNodes.map(({ id, x = 0, y = 0, r }) => ({
    ...(byId.get(id) as NetworkEntry),
    x: round(offsetX + scale * x),
    y: round(offsetY + scale * y),
    r: round(r),
  }));
  return { width, height, nodes, ties: selection.ties.map((tie) => ({ ...tie, width: round(1 + 5 * (tie.weight / maxWeight)) })) };
}

/** Paragraphs in which entries of two types (or two entries of one type) are mentioned together. */
export interface TypeTie {
  a: EntryType;
  b: EntryType;
  paragraphs: number;
}

/**
 * Ties aggregated by type, from each entry's paragraphs (as keys): how many
 * paragraphs mention a person and a place, two people, and so on. Readable at
 * any corpus size, where a drawing of every entry would not be.
 */
export function typeTies(paragraphsByEntry: Iterable<{ type: EntryType; keys: readonly number[] }>): TypeTie[] {
  const typeIndex = new Map(entryTypes.map((type, index) => [type, index]));
  const countsByParagraph = new Map<number, Uint32Array>();
  for (const { type, keys } of paragraphsByEntry) {
    const index = typeIndex.get(type) ?? 0;
    for (const key of keys) {
      let counts = countsByParagraph.get(key);
      if (!counts) countsByParagraph.set(key, (counts = new Uint32Array(entryTypes.length)));
      counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  const totals = new Map<string, number>();
  for (const counts of countsByParagraph.values()) {
    for (let a = 0; a < entryTypes.length; a += 1) {
      if ((counts[a] ?? 0) === 0) continue;
      if ((counts[a] ?? 0) >= 2) totals.set(`${a},${a}`, (totals.get(`${a},${a}`) ?? 0) + 1);
      for (let b = a + 1; b < entryTypes.length; b += 1) {
        if ((counts[b] ?? 0) > 0) totals.set(`${a},${b}`, (totals.get(`${a},${b}`) ?? 0) + 1);
      }
    }
  }
  return [...totals]
    .map(([pair, paragraphs]) => {
      const [a = 0, b = 0] = pair.split(',').map(Number);
      return { a: entryTypes[a] as EntryType, b: entryTypes[b] as EntryType, paragraphs };
    })
    .sort(
      (x, y) => y.paragraphs - x.paragraphs || (typeIndex.get(x.a) ?? 0) - (typeIndex.get(y.a) ?? 0) || (typeIndex.get(x.b) ?? 0) - (typeIndex.get(y.b) ?? 0),
    );
}
