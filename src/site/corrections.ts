import { unitPage } from '../corpus/editorial.ts';
import type { CorrectionRecord } from '../corpus/schema.ts';
import { claimPath, comparisonPath, documentPath, editorialTextPath, entryPath } from '../routes.ts';
import type { PageModel } from './page-model.ts';

/** A correction as pages show it: what it changed and where that text stands. */
export interface CorrectionView {
  record: CorrectionRecord;
  /** "Corrected", "Clarified", "Typo corrected". */
  verb: string;
  /** The part of its page the correction concerns: "note [^cuci]", "the metadata", "point 3"; undefined for a whole entry. */
  part?: string;
  /** Route path of the corrected text: the page, with the note's or point's anchor where it has one. */
  path: string;
}

const verbs: Record<CorrectionRecord['kind'], string> = { correction: 'Corrected', clarification: 'Clarified', typo: 'Typo corrected' };

/** Parts of a page that a key's fragment names as such: a document's metadata, a comparison's summary, an entry's date and coordinates. */
const namedParts: Partial<Record<string, string>> = { metadata: 'the metadata', summary: 'the summary', when: 'the date', coordinates: 'the coordinates' };

/** Where a correction's target stands on the site, from its key (src/corpus/editorial.ts). */
export function correctionView(record: CorrectionRecord): CorrectionView {
  const fragment = record.target.split('#')[1];
  const note = fragment?.startsWith('note-') ? fragment.slice('note-'.length) : undefined;
  const point = fragment?.startsWith('point-') ? fragment : undefined;
  const part = note ? `note [^${note}]` : point ? point.replace('-', ' ') : fragment === undefined ? undefined : namedParts[fragment];
  return { record, verb: verbs[record.kind], part, path: editorialTextPath(record.target) };
}

/** The corrections of one page (`documents/<slug>`, `glossary/<id>`, `comparisons/<id>`), newest first. */
export function correctionsOfPage(records: readonly CorrectionRecord[], page: string): CorrectionView[] {
  return newestFirst(records.filter((record) => unitPage(record.target) === page)).map(correctionView);
}

/** Corrections newest first; records of one day keep the order they were written in. */
export function newestFirst(records: readonly CorrectionRecord[]): CorrectionRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => b.record.date.localeCompare(a.record.date) || a.index - b.index)
    .map(({ record }) => record);
}

/** The title of every page a correction can concern, by route path: how the site-wide list and the corrections feed name it. */
export function correctedPageTitles(model: Pick<PageModel, 'documents' | 'entries' | 'comparisons' | 'claims'>): Map<string, string> {
  return new Map([
    ...model.documents.map((document) => [documentPath(document.slug), document.meta.title] as const),
    ...model.entries.map((entry) => [entryPath(entry.id), entry.meta.name] as const),
    ...model.comparisons.map((page) => [comparisonPath(page.id), page.comparison.title] as const),
    ...model.claims.map((claim) => [claimPath(claim.id), claim.meta.statement] as const),
  ]);
}

/** The route path of the page a correction concerns, without the anchor of the part it changed. */
export function correctedPage(view: Pick<CorrectionView, 'path'>): string {
  return view.path.split('#')[0] ?? view.path;
}
