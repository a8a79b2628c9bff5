/**
 * What the views (timeline, map, network) and the entries' neighbourhoods
 * show, computed once per build from the corpus model and the paragraphs
 * each entry is mentioned in (drawn from its mentions by the corpus check, as
 * lists of numbers), with the pure functions of src/views. Each is computed
 * the first time a page asks for it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapPath, networkPath, timelinePath } from '../routes.ts';
import { type DocumentParagraphs, byDocument, paragraphKeys, sharedKeys } from '../corpus/paragraph-keys.ts';
import { type NetworkEntry, layoutNetwork, selectNetwork, tiesFromRelated, typeTies } from '../views/network.ts';
import { type Place, type WorldTopology, drawMap, mapFrames } from '../views/map.ts';
import { timelineItems, timelinePages } from '../views/timeline.ts';
import type { EntryType } from '../corpus/schema.ts';
import { corpus, documentPage, entriesById, entryParagraphs } from './corpus.ts';

/** How much each view shows: what keeps it readable, and within its weight, at any corpus size. */
export const viewLimits = {
  /** Paragraph links an item, tie or neighbour shows; the rest are counted. */
  paragraphLinks: 8,
  timelinePerPage: 100,
  networkNodes: 60,
  networkTies: 150,
  /** Rows of the table of strongest ties. */
  tableTies: 40,
};

/** Computes a view's data the first time a page asks, and says how long it took (the benchmark reads it). */
function once<T>(name: string, compute: () => T): () => T {
  let value: { computed: T } | undefined;
  return () => {
    if (!value) {
      const started = performance.now();
      value = { computed: compute() };
      console.info(`[views] ${name} computed in ${Math.round(performance.now() - started)} ms`);
    }
    return value.computed;
  };
}

const keys = paragraphKeys(corpus.documents.map(({ slug }) => slug));

/** The paragraphs that mention an entry, as sorted keys. */
function paragraphsOf(entryId: string): number[] {
  const paragraphs = entryParagraphs();
  // An own property only: an entry may be called "constructor".
  return (Object.hasOwn(paragraphs, entryId) ? paragraphs[entryId] : undefined) ?? [];
}

/** The first paragraphs that mention both entries, by document. */
export function sharedParagraphs(a: string, b: string, limit = viewLimits.paragraphLinks): DocumentParagraphs[] {
  return byDocument(sharedKeys(paragraphsOf(a), paragraphsOf(b), limit), keys);
}

function nameOf(entryId: string): string {
  return entriesById.get(entryId)?.meta.name ?? entryId;
}

/** A relative date names an editors' note of its paragraph: the note must be there, or the timeline would point at nothing. */
function checkResolvedDates(): void {
  for (const entry of corpus.entries) {
    for (const { document, paragraph, note } of entry.meta.when?.resolved ?? []) {
      const page = documentPage(document);
      const where = `${entry.file}: when.resolved names note [^${note}] of ${document} ¶ ${paragraph}`;
      if (page === undefined) throw new Error(`${where}, but there is no such document`);
      // Only under `astro dev`, which shows a page with problems: they are listed, and this is checked once they are fixed.
      const { html } = page;
      if (html === undefined) continue;
      const paragraphStart = html.indexOf(` id="p${paragraph}"`);
      const noteReference = html.indexOf(`href="#sn-${note}"`, paragraphStart);
      const nextParagraph = html.indexOf(` id="p${paragraph + 1}"`, paragraphStart + 1);
      if (paragraphStart === -1 || noteReference === -1 || (nextParagraph !== -1 && noteReference > nextParagraph)) {
        throw new Error(`${where}, but that paragraph has no such note: write the label of a note the paragraph refers to`);
      }
    }
  }
}

/** Every dated item, the pages of the timeline, and the page each item is on (its first, were it on two). */
export const timeline = once('timeline', () => {
  checkResolvedDates();
  const items = timelineItems({
    entries: corpus.entries,
    claims: corpus.claims,
    documents: corpus.documents,
    nameOf,
    paragraphsOf: (entryId, limit) => {
      const all = paragraphsOf(entryId);
      return { told: byDocument(all.slice(0, limit), keys), total: all.length };
    },
    linksPerItem: viewLimits.paragraphLinks,
  });
  const pages = timelinePages(items, viewLimits.timelinePerPage);
  const pageOf = new Map<string, number>();
  for (const { page, years } of pages) for (const year of years) for (const { id } of year.items) if (!pageOf.has(id)) pageOf.set(id, page);
  return { items, pages, pageOf, undatedClaims: corpus.claims.filter(({ meta }) => !meta.date).length };
});

/**
 * Natural Earth, as world-atlas ships it: the medium scale (1:50m) for the
 * main frame, the small scale (1:110m) for the inset. The large scale (1:10m)
 * takes seconds to read and project for little a reader would see at this size.
 */
function world(resolution: '50m' | '110m'): WorldTopology {
  return JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`world-atlas/countries-${resolution}.json`)), 'utf8')) as WorldTopology;
}

export const map = once('map', () => {
  const places: Place[] = corpus.entries.flatMap((entry) => {
    const coordinates = entry.meta.coordinates;
    if (!coordinates) return [];
    const { lat, lon, source } = coordinates;
    return [{ id: entry.id, name: entry.meta.name, lat, lon, source, mentions: corpus.mentionCounts[entry.id]?.mentions ?? 0 }];
  });
  const frames = mapFrames(places, { clusterKm: 400, insetKm: 4500, minimumSpan: { lon: 4.5, lat: 4 } });
  if (!frames) return { places, frames: undefined, main: undefined, inset: undefined };
  const maxMentions = Math.max(1, ...places.map(({ mentions }) => mentions));
  const main = drawMap(world('50m'), frames.main, frames.inMain, { width: 480, maxMentions, fontSize: 13 });
  const inset = frames.inset
    ? drawMap(world('110m'), frames.inset, frames.inInset, { width: 480, maxMentions, fontSize: 13, outline: frames.main })
    : undefined;
  return { places, frames, main, inset };
});

function networkEntries(): NetworkEntry[] {
  return corpus.entries.map((entry) => ({
    id: entry.id,
    name: entry.meta.name,
    type: entry.meta.type,
    mentions: corpus.mentionCounts[entry.id]?.mentions ?? 0,
  }));
}

export const network = once('network', () => {
  const ties = tiesFromRelated(corpus.relatedEntries);
  const selection = selectNetwork(networkEntries(), ties, { maxNodes: viewLimits.networkNodes, maxTies: viewLimits.networkTies });
  const layout = layoutNetwork(selection, { width: 760, height: 620, seed: 20230620, margin: 24 });
  const strongest = ties.slice(0, viewLimits.tableTies).map((tie) => ({ ...tie, told: sharedParagraphs(tie.a, tie.b) }));
  const byType = typeTies(corpus.entries.map((entry) => ({ type: entry.meta.type, keys: paragraphsOf(entry.id) })));
  return { layout, leftOut: selection.leftOut, tieCount: ties.length, strongest, byType };
});

/** The entries an entry is most often mentioned with, as its page names them, and in how many paragraphs ({@link sharedParagraphs} gives the first of them). */
export function neighbourhood(entryId: string): { id: string; name: string; type: EntryType; sharedParagraphs: number }[] {
  return (corpus.relatedEntries[entryId] ?? []).flatMap(({ entry, sharedParagraphs: count }) => {
    const other = entriesById.get(entry);
    return other ? [{ id: other.id, name: other.meta.name, type: other.meta.type, sharedParagraphs: count }] : [];
  });
}

/** Where an entry appears in the views, as route paths to its place in each. */
export function viewsOf(entryId: string): { timeline?: string; map?: string; network?: string } {
  const entry = entriesById.get(entryId);
  if (!entry) return {};
  const itemId = `${entry.meta.type}-${entry.id}`;
  const page = timeline().pageOf.get(itemId);
  return {
    ...(page === undefined ? {} : { timeline: `${timelinePath(page)}#${itemId}` }),
    ...(entry.meta.coordinates ? { map: `${mapPath}#place-${entry.id}` } : {}),
    ...(network().layout.nodes.some(({ id }) => id === entry.id) ? { network: `${networkPath}#node-${entry.id}` } : {}),
  };
}
