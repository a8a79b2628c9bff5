import { describe, expect, it } from 'vitest';
import { checkEditorialLock, editorialUnits, unitHash, unitPage, updateEditorialLock } from '../../../src/corpus/editorial.ts';
import type { CorpusModel, EditorialUnit } from '../../../src/corpus/model.ts';
import type { CorrectionRecord } from '../../../src/corpus/schema.ts';

const files = { lock: 'content/editorial.lock.json', corrections: 'content/corrections.yaml', recordLine: (index: number) => index + 2, lockLine: () => 3 };
const unit = (key: string, hash: string): EditorialUnit => ({ key, label: key, file: 'content/corpus/a.mdx', line: 9, hash });
const record = (target: string, replaces: string | undefined): CorrectionRecord => ({
  date: '2026-12-01',
  target,
  ...(replaces ? { replaces } : {}),
  kind: 'correction',
  what: 'w',
  why: 'y',
  ...(replaces ? { before: 'b' } : {}),
});
const published = 'ab12cd34'.padEnd(64, '0');
const edited = 'ff'.padEnd(64, '1');

describe('the editorial lock', () => {
  it('accepts text as published', () => {
    expect(checkEditorialLock([unit('glossary/x', published)], { units: { 'glossary/x': published } }, [], files)).toEqual({ problems: [], unlocked: [] });
  });

  it('lists text not yet published, without refusing it', () => {
    expect(checkEditorialLock([unit('glossary/x', edited)], { units: {} }, [], files)).toEqual({ problems: [], unlocked: ['glossary/x'] });
  });

  it('refuses changed text without a record, at the unit, quoting the hash a record must name', () => {
    const { problems } = checkEditorialLock([unit('glossary/x', edited)], { units: { 'glossary/x': published } }, [], files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/corpus/a.mdx', line: 9 });
    expect(problems[0]?.message).toMatch(/^glossary\/x differs from its published wording\. .* add to content\/corrections\.yaml\n/u);
    expect(problems[0]?.message).toContain('target: glossary/x\n    replaces: "ab12cd34"\n');
    expect(problems[0]?.message).toContain('- { date: YYYY-MM-DD, target: glossary/x, replaces: "ab12cd34", kind: typo, what: "…" }');
  });

  it('accepts changed text whose record names the published hash it replaces, and lists it until the new wording is locked', () => {
    const check = checkEditorialLock([unit('glossary/x', edited)], { units: { 'glossary/x': published } }, [record('glossary/x', 'ab12cd34')], files);
    expect(check).toEqual({ problems: [], unlocked: ['glossary/x'] });
  });

  it('once the corrected wording is locked, refuses a further change that the old record does not cover', () => {
    const further = 'ee'.padEnd(64, '2');
    const check = checkEditorialLock([unit('glossary/x', further)], { units: { 'glossary/x': edited } }, [record('glossary/x', 'ab12cd34')], files);
    expect(check.problems).toHaveLength(1);
  });

  it('does not accept a record of an older version, or one that replaces nothing', () => {
    for (const replaces of ['99999999', undefined]) {
      const check = checkEditorialLock([unit('glossary/x', edited)], { units: { 'glossary/x': published } }, [record('glossary/x', replaces)], files);
      expect(check.problems).toHaveLength(1);
    }
  });

  it('refuses a published unit that vanished without a record, at its line of the lock', () => {
    const { problems } = checkEditorialLock([], { units: { 'documents/a#note-x': published } }, [], files);
    expect(problems).toMatchObject([{ file: 'content/editorial.lock.json', line: 3 }]);
    expect(problems[0]?.message).toMatch(/^the published documents\/a#note-x was removed\./u);
  });

  it('refuses a record whose target names no editorial text', () => {
    const { problems } = checkEditorialLock([unit('glossary/x', published)], { units: { 'glossary/x': published } }, [record('glossary/y', undefined)], files);
    expect(problems).toMatchObject([{ file: 'content/corrections.yaml', line: 2 }]);
    expect(problems[0]?.message).toMatch(/^target "glossary\/y" names no editorial text/u);
  });

  it('records current units as published and keeps removed ones, in key order', () => {
    const lock = updateEditorialLock({ units: { 'glossary/b': published, 'documents/a#note-10': published } }, [
      unit('documents/a#note-2', edited),
      unit('glossary/b', edited),
    ]);
    expect(lock).toEqual({ units: { 'documents/a#note-2': edited, 'documents/a#note-10': published, 'glossary/b': edited } });
  });
});

describe('editorial units', () => {
  const model = {
    documents: [
      {
        slug: 'a',
        file: 'content/corpus/a.mdx',
        meta: { title: 'T', publisher: 'P', authors: [], published: '2023-06-20', language: 'en', source: 'a.txt', sha256: '0'.repeat(64) },
        notes: { references: [], notes: [{ label: 'x', text: 'A note.', links: ['/glossary/e/'] }] },
      },
    ],
    entries: [{ id: 'e', file: 'content/glossary/e.md', meta: { name: 'E', type: 'place', aliases: [], context: [], summary: 'S.' } }],
    comparisons: [],
    claims: [],
  } as unknown as CorpusModel;
  const texts = {
    documents: [{ path: 'content/corpus/a.mdx', text: '---\ntitle: T\n---\n\nText.[^x]\n\n[^x]: A note.\n' }],
    entries: [{ path: 'content/glossary/e.md', text: '---\nname: E\n---\n\nThe   description.\n' }],
    comparisons: [],
  };

  it('are the metadata and each note of a document, and each entry, with the line a message points to', () => {
    expect(editorialUnits(model, texts).map(({ key, label, file, line }) => ({ key, label, file, line }))).toEqual([
      { key: 'documents/a#metadata', label: 'the metadata', file: 'content/corpus/a.mdx', line: 1 },
      { key: 'documents/a#note-x', label: 'note [^x]', file: 'content/corpus/a.mdx', line: 7 },
      { key: 'glossary/e', label: 'the description', file: 'content/glossary/e.md', line: 1 },
    ]);
  });

  it('hash what a reader reads: a note by its text and links, an entry by its summary and normalised description', () => {
    const [metadata, note, entry] = editorialUnits(model, texts);
    expect(note?.hash).toBe(unitHash({ text: 'A note.', links: ['/glossary/e/'] }));
    expect(entry?.hash).toBe(unitHash({ summary: 'S.', role: undefined, body: 'The description.' }));
    expect(metadata?.hash).toBe(unitHash({ title: 'T', publisher: 'P', authors: [], published: '2023-06-20', language: 'en' }));
  });

  it('belong to the page whose foot shows their corrections', () => {
    expect(unitPage('documents/a#note-x')).toBe('documents/a');
    expect(unitPage('glossary/e')).toBe('glossary/e');
    expect(unitPage('glossary/e#coordinates')).toBe('glossary/e');
  });
});

describe("a glossary entry's date and coordinates", () => {
  const place = { lat: 41.4296, lon: 19.5762, source: 'English Wikipedia, "Camp Ashraf 3", infobox' };
  const when = { start: '2023-06-20', mentions: [] };
  const model = (coordinates: typeof place) =>
    ({
      documents: [],
      entries: [
        {
          id: 'ashraf-3',
          file: 'content/glossary/ashraf-3.md',
          meta: { name: 'Ashraf 3', type: 'place', aliases: [], context: [], summary: 'S.', coordinates },
        },
        { id: 'raid', file: 'content/glossary/raid.md', meta: { name: 'Raid', type: 'event', aliases: [], context: [], summary: 'S.', when } },
      ],
      comparisons: [],
      claims: [],
    }) as unknown as CorpusModel;
  const texts = {
    documents: [],
    entries: [
      { path: 'content/glossary/ashraf-3.md', text: '---\nname: Ashraf 3\ntype: place\ncoordinates:\n  lat: 41.4296\n---\n\nA camp.\n' },
      { path: 'content/glossary/raid.md', text: '---\nname: Raid\nwhen:\n  start: 2023-06-20\n---\n\nA raid.\n' },
    ],
    comparisons: [],
  };
  const published = editorialUnits(model(place), texts);
  const lock = updateEditorialLock({ units: {} }, published);

  it('are units of their own, at the line of their field, hashed whole (source and note included)', () => {
    expect(published.filter((unit) => unit.key.includes('#')).map(({ key, label, file, line, hash }) => ({ key, label, file, line, hash }))).toEqual([
      { key: 'glossary/ashraf-3#coordinates', label: 'the location (coordinates:)', file: 'content/glossary/ashraf-3.md', line: 4, hash: unitHash(place) },
      { key: 'glossary/raid#when', label: 'the date (when:)', file: 'content/glossary/raid.md', line: 3, hash: unitHash(when) },
    ]);
  });

  it('refuse moved coordinates without a correction record, naming the field and the record to add', () => {
    const moved = editorialUnits(model({ ...place, lat: 41.5 }), texts);
    const { problems } = checkEditorialLock(moved, lock, [], files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/glossary/ashraf-3.md', line: 4 });
    expect(problems[0]?.message).toMatch(/^the location \(coordinates:\) differs from its published wording\. /u);
    expect(problems[0]?.message).toContain(`target: glossary/ashraf-3#coordinates\n    replaces: "${unitHash(place).slice(0, 8)}"\n`);
  });

  it('accept moved coordinates with a record of the published ones, and leave the description unchanged', () => {
    const moved = editorialUnits(model({ ...place, source: 'another source' }), texts);
    const corrected = checkEditorialLock(moved, lock, [record('glossary/ashraf-3#coordinates', unitHash(place).slice(0, 8))], files);
    expect(corrected.problems).toEqual([]);
    expect(moved.find((unit) => unit.key === 'glossary/ashraf-3')?.hash).toBe(lock.units['glossary/ashraf-3']);
  });
});
