import { unitPage } from '../corpus/editorial.ts';
import type { CorrectionRecord } from '../corpus/schema.ts';
import { claimPath, comparisonPath, documentPath, entryPath } from '../routes.ts';

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

/** Where a correction's target stands on the site, from its key (src/corpus/editorial.ts). */
export function correctionView(record: CorrectionRecord): CorrectionView {
  const [collection = '', id = ''] = unitPage(record.target).split('/');
  const fragment = record.target.split('#')[1];
  const pages: Record<string, (id: string) => string> = { documents: documentPath, comparisons: comparisonPath, claims: claimPath, glossary: entryPath };
  const page = (pages[collection] ?? entryPath)(id);
  const note = fragment?.startsWith('note-') ? fragment.slice('note-'.length) : undefined;
  const point = fragment?.startsWith('point-') ? fragment : undefined;
  const part = note ? `note [^${note}]` : point ? point.replace('-', ' ') : fragment === 'metadata' ? 'the metadata' : fragment === 'summary' ? 'the summary' : undefined;
  // Notes keep their ids (`fn-<label>`) in every rendering; comparison points are headed `point-<n>`.
  const anchor = note ? `#fn-${note}` : point ? `#${point}` : '';
  return { record, verb: verbs[record.kind], part, path: `${page}${anchor}` };
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
