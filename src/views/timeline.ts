/**
 * The timeline: dated events and agreements of the glossary, dated claims of
 * the register, and each document's publication, in date order, each with the
 * paragraphs that tell it.
 */
import type { Claim, GlossaryEntry } from '../corpus/model.ts';
import { claimPath, documentPath, entryPath } from '../routes.ts';
import { comparePartialDates, yearOf } from './dates.ts';
import type { DocumentParagraphs } from '../corpus/paragraph-keys.ts';

export const timelineKinds = ['event', 'agreement', 'claim', 'publication'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineKindLabels: Record<TimelineKind, { singular: string; plural: string }> = {
  event: { singular: 'Event', plural: 'Events' },
  agreement: { singular: 'Agreement', plural: 'Agreements' },
  claim: { singular: 'Claim', plural: 'Claims' },
  publication: { singular: 'Publication', plural: 'Publications' },
};

/** A paragraph that dates an item only relatively, and the editors' note that resolves it. */
export interface ResolvedDate {
  document: string;
  paragraph: number;
  says: string;
  note: string;
}

export interface TimelineItem {
  /** Unique on the timeline, and the item's anchor: `event-police-operation`, `claim-x`, `publication-slug`. */
  id: string;
  kind: TimelineKind;
  start: string;
  end?: string;
  title: string;
  /** The route path of the entry, claim or document. */
  path: string;
  /** Who: a claim's claimant, a publication's publisher. */
  by?: string;
  /** The paragraphs that tell it, at most as many as the timeline shows, by document. */
  told: DocumentParagraphs[];
  /** How many paragraphs tell it in all. */
  toldTotal: number;
  /** The documents that tell it (among the paragraphs shown) or, for a publication, the document: for the filter by document. */
  documents: string[];
  /** Where the sources differ on the date: how. */
  datesDiffer?: string;
  /** How the editors established a publication's date. */
  dateNote?: string;
  resolved: ResolvedDate[];
}

/** What the timeline needs of a document. */
export interface TimelineDocument {
  slug: string;
  meta: { title: string; publisher: string; published: string; dateNote?: string };
}

export interface TimelineInput {
  entries: readonly GlossaryEntry[];
  claims: readonly Claim[];
  documents: readonly TimelineDocument[];
  /** The name of an entry, such as a claim's claimant. */
  nameOf: (entryId: string) => string;
  /** The paragraphs that mention an entry, by document, at most `limit`, and their number in all. */
  paragraphsOf: (entryId: string, limit: number) => { told: DocumentParagraphs[]; total: number };
  /** How many paragraph links an item shows at most. */
  linksPerItem: number;
}

const kindOrder = new Map(timelineKinds.map((kind, index) => [kind, index]));

/** Groups ¶ numbers by document, keeping the order in which documents first appear. */
function grouped(places: readonly { document: string; paragraph: number }[]): DocumentParagraphs[] {
  const groups = new Map<string, number[]>();
  for (const { document, paragraph } of places) groups.set(document, [...(groups.get(document) ?? []), paragraph]);
  return [...groups].map(([document, paragraphs]) => ({ document, paragraphs: [...new Set(paragraphs)].sort((a, b) => a - b) }));
}

/** Every dated item, in date order; on one date, events before agreements, claims and publications, then by title. */
export function timelineItems(input: TimelineInput): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const entry of input.entries) {
    const when = entry.meta.when;
    if (!when || (entry.meta.type !== 'event' && entry.meta.type !== 'agreement')) continue;
    const { told, total } = input.paragraphsOf(entry.id, input.linksPerItem);
    items.push({
      id: `${entry.meta.type}-${entry.id}`,
      kind: entry.meta.type,
      start: when.start,
      ...(when.end ? { end: when.end } : {}),
      title: entry.meta.name,
      path: entryPath(entry.id),
      told,
      toldTotal: total,
      documents: [...new Set([...told.map(({ document }) => document), ...when.resolved.map(({ document }) => document)])],
      ...(when.note ? { datesDiffer: when.note } : {}),
      resolved: when.resolved,
    });
  }
  for (const claim of input.claims) {
    if (!claim.meta.date) continue;
    const appearances = claim.meta.appearances;
    items.push({
      id: `claim-${claim.id}`,
      kind: 'claim',
      start: claim.meta.date,
      title: claim.meta.statement,
      path: claimPath(claim.id),
      by: input.nameOf(claim.meta.claimant),
      told: grouped(appearances.slice(0, input.linksPerItem)),
      toldTotal: new Set(appearances.map(({ document, paragraph }) => `${document}#${paragraph}`)).size,
      documents: [...new Set(appearances.map(({ document }) => document))],
      resolved: [],
    });
  }
  for (const document of input.documents) {
    items.push({
      id: `publication-${document.slug}`,
      kind: 'publication',
      start: document.meta.published,
      title: document.meta.title,
      path: documentPath(document.slug),
      by: document.meta.publisher,
      told: [],
      toldTotal: 0,
      documents: [document.slug],
      ...(document.meta.dateNote ? { dateNote: document.meta.dateNote } : {}),
      resolved: [],
    });
  }
  return items.sort(
    (a, b) =>
      comparePartialDates(a.start, b.start) ||
      (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
      a.title.localeCompare(b.title, 'en') ||
      a.id.localeCompare(b.id),
  );
}

export interface TimelineYear {
  year: number;
  /** Whether the year began on an earlier page. */
  continued: boolean;
  items: TimelineItem[];
}

export interface TimelinePage {
  /** From 1. */
  page: number;
  pages: number;
  years: TimelineYear[];
  /** The first and last item's start, for the page's title. */
  from: string;
  to: string;
}

/** The items `perPage` at a time, each page's grouped by the year they start in. */
export function timelinePages(items: readonly TimelineItem[], perPage: number): TimelinePage[] {
  const pages: TimelinePage[] = [];
  const count = Math.max(1, Math.ceil(items.length / perPage));
  let previousYear: number | undefined;
  for (let index = 0; index < count; index += 1) {
    const slice = items.slice(index * perPage, (index + 1) * perPage);
    const years: TimelineYear[] = [];
    for (const item of slice) {
      const year = yearOf(item.start);
      const last = years.at(-1);
      if (last?.year === year) last.items.push(item);
      else years.push({ year, continued: years.length === 0 && year === previousYear, items: [item] });
    }
    previousYear = years.at(-1)?.year ?? previousYear;
    pages.push({ page: index + 1, pages: count, years, from: slice[0]?.start ?? '', to: slice.at(-1)?.start ?? '' });
  }
  return pages;
}
