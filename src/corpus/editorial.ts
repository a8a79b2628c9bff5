/**
 * Published editorial text (the notes of a document, its metadata, a glossary
 * entry's description, a comparison's points) changes only with a correction
 * record. The editorial lock (content/editorial.lock.json) holds a hash of
 * each unit as it was published; the corrections file
 * (content/corrections.yaml) says, for every change since, what changed, when
 * and why, and keeps the wording it replaced. The build refuses a unit whose
 * text differs from its locked hash unless a record names that unit and the
 * hash it replaces.
 */
import { sha256 } from '../text/hash.ts';
import { normalizeWhitespace } from '../text/normalize.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { ContentFile, CorpusModel, EditorialLock, EditorialUnit } from './model.ts';
import type { Problem } from './problems.ts';
import type { CorrectionRecord } from './schema.ts';

/** How many hex digits of a hash a record quotes: enough to be unique, short enough to type. */
export const quotedHashLength = 8;

/** The hash of a unit's content: any JSON value, so that a field's change, not only its text, counts. */
export function unitHash(content: unknown): string {
  return sha256(JSON.stringify(content));
}

/**
 * Every unit of editorial text in the corpus, hashed. A note counts by its
 * text and link targets; a document by its metadata (its source is guarded by
 * its own hash); an entry by its summary, role and description, and by its
 * date (`when`) and its coordinates, each on its own; a claim by
 * all it says; a comparison by its title and summary and by each point.
 */
export function editorialUnits(
  model: CorpusModel,
  files: { documents: readonly ContentFile[]; entries: readonly ContentFile[]; comparisons: readonly ContentFile[] },
): EditorialUnit[] {
  const textOf = new Map([...files.documents, ...files.entries, ...files.comparisons].map((file) => [file.path, file.text]));
  const units: EditorialUnit[] = [];
  for (const document of model.documents) {
    const text = textOf.get(document.file) ?? '';
    // The source is guarded by its own hash; the draft flag and review list are the editors' workflow, not published text.
    const { sha256: _hash, source: _source, draft: _draft, review: _review, ...metadata } = document.meta;
    units.push({ key: documentUnitKey(document.slug, 'metadata'), label: 'the metadata', file: document.file, line: 1, hash: unitHash(metadata) });
    for (const note of document.notes.notes) {
      units.push({
        key: documentUnitKey(document.slug, `note-${note.label}`),
        label: `note [^${note.label}]`,
        file: document.file,
        line: lineOf(text, `[^${note.label}]:`),
        hash: unitHash({ text: note.text, links: note.links }),
      });
    }
  }
  for (const entry of model.entries) {
    const body = normalizeWhitespace(splitFrontmatter(textOf.get(entry.file) ?? '').body);
    units.push({
      key: entryUnitKey(entry.id),
      label: 'the description',
      file: entry.file,
      line: 1,
      hash: unitHash({ summary: entry.meta.summary, role: entry.meta.role, body }),
    });
    // The timeline and the map show these: units of their own, so that a message names the field that changed.
    const text = textOf.get(entry.file) ?? '';
    if (entry.meta.when !== undefined) {
      units.push({
        key: entryUnitKey(entry.id, 'when'),
        label: 'the date (when:)',
        file: entry.file,
        line: lineOf(text, 'when:'),
        hash: unitHash(entry.meta.when),
      });
    }
    if (entry.meta.coordinates !== undefined) {
      units.push({
        key: entryUnitKey(entry.id, 'coordinates'),
        label: 'the location (coordinates:)',
        file: entry.file,
        line: lineOf(text, 'coordinates:'),
        hash: unitHash(entry.meta.coordinates),
      });
    }
  }
  for (const claim of model.claims) {
    units.push({
      key: claimUnitKey(claim.id),
      label: 'the claim',
      file: claim.file,
      line: 1,
      hash: unitHash({ ...claim.meta, body: normalizeWhitespace(claim.notes) }),
    });
  }
  for (const page of model.comparisons) {
    const text = textOf.get(page.file) ?? '';
    const { title, summary, points } = page.comparison;
    units.push({ key: comparisonUnitKey(page.id, 'summary'), label: 'the title and summary', file: page.file, line: 1, hash: unitHash({ title, summary }) });
    points.forEach((point, index) => {
      units.push({
        key: comparisonUnitKey(page.id, `point-${index + 1}`),
        label: `point ${index + 1} ("${point.topic}")`,
        file: page.file,
        line: lineOf(text, '- topic:', index),
        hash: unitHash(point),
      });
    });
  }
  return units;
}

/** 1-based line of the `occurrence`-th line (from 0) that starts, after indentation, with `start`; 1 when there is none. */
function lineOf(text: string, start: string, occurrence = 0): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index]?.trimStart().startsWith(start) && seen++ === occurrence) return index + 1;
  }
  return 1;
}

export function documentUnitKey(slug: string, part: 'metadata' | `note-${string}`): string {
  return `documents/${slug}#${part}`;
}

/** An entry's summary and description (`glossary/<id>`), or its `when` or `coordinates` (`glossary/<id>#when`). */
export function entryUnitKey(id: string, part?: 'when' | 'coordinates'): string {
  return part === undefined ? `glossary/${id}` : `glossary/${id}#${part}`;
}

export function claimUnitKey(id: string): string {
  return `claims/${id}`;
}

export function comparisonUnitKey(id: string, part: 'summary' | `point-${number}`): string {
  return `comparisons/${id}#${part}`;
}

/** The page a unit belongs to, `documents/<slug>`, whose foot lists its corrections. */
export function unitPage(key: string): string {
  return key.split('#')[0] ?? key;
}

export interface LockCheck {
  problems: Problem[];
  /** Units not yet in the lock: published with the next `npm run lock`. */
  unlocked: string[];
}

/**
 * Checks the current units against the lock and the correction records.
 * `recordLine(index)` locates a record in the corrections file, for messages.
 */
export function checkEditorialLock(
  units: readonly EditorialUnit[],
  lock: EditorialLock,
  records: readonly CorrectionRecord[],
  files: { lock: string; corrections: string; recordLine: (index: number) => number; lockLine: (key: string) => number },
): LockCheck {
  const problems: Problem[] = [];
  const recorded = (key: string, lockedHash: string) =>
    records.some((record) => record.target === key && record.replaces !== undefined && lockedHash.startsWith(record.replaces));
  const current = new Map(units.map((unit) => [unit.key, unit]));
  const unlocked: string[] = [];
  for (const unit of units) {
    const locked = lock.units[unit.key];
    if (locked === unit.hash) continue;
    // A recorded change is published once locked: until then, as for new text, the build says to run npm run lock, so
    // that the record does not also cover later changes to the same text.
    if (locked === undefined || recorded(unit.key, locked)) unlocked.push(unit.key);
    else problems.push({ file: unit.file, line: unit.line, message: changedMessage(unit.label, unit.key, locked, files.corrections) });
  }
  for (const [key, locked] of Object.entries(lock.units)) {
    if (!current.has(key) && !recorded(key, locked)) {
      problems.push({
        file: files.lock,
        line: files.lockLine(key),
        message: changedMessage(`the published ${key}`, key, locked, files.corrections, 'was removed'),
      });
    }
  }
  records.forEach((record, index) => {
    if (!current.has(record.target) && !(record.target in lock.units)) {
      problems.push({
        file: files.corrections,
        line: files.recordLine(index),
        message: `target "${record.target}" names no editorial text: write documents/<slug>#note-<label>, documents/<slug>#metadata, glossary/<id>, glossary/<id>#when, glossary/<id>#coordinates or comparisons/<id>#point-<n>`,
      });
    }
  });
  return { problems, unlocked };
}

function changedMessage(label: string, key: string, locked: string, correctionsFile: string, change = 'differs from its published wording'): string {
  const replaces = locked.slice(0, quotedHashLength);
  return [
    `${label} ${change}. Published editorial text changes only with a correction record: add to ${correctionsFile}`,
    `  - date: YYYY-MM-DD`,
    `    target: ${key}`,
    `    replaces: "${replaces}"`,
    `    kind: correction        # or clarification`,
    `    what: what changed, in a sentence`,
    `    why: why it changed, and on what evidence`,
    `    before: the wording as published (git show HEAD:<file>)`,
    `  or, for a typo, one line: - { date: YYYY-MM-DD, target: ${key}, replaces: "${replaces}", kind: typo, what: "…" }`,
    `  then run npm run lock to record the new wording as published`,
  ].join('\n');
}

/** The lock after publishing `units`: every current unit at its current hash; removed units stay, as their removal is recorded. */
export function updateEditorialLock(lock: EditorialLock, units: readonly EditorialUnit[]): EditorialLock {
  const next = { ...lock.units };
  for (const unit of units) next[unit.key] = unit.hash;
  return { units: Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) };
}
