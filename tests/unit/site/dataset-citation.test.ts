import { readFileSync } from 'node:fs';
import { validateCFF } from 'cffjs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusCitation, readCitationFile } from '../../../src/site/dataset-citation.ts';

const file = `cff-version: 1.2.0
message: Cite it.
type: dataset
title: Test Corpus
authors:
  - family-names: Marsh
    given-names: Elena
  - name: The editors
version: 2.1.0
date-released: '2026-12-01'
`;

describe('the corpus citation', () => {
  it('reads the version, date and authors of CITATION.cff', () => {
    expect(readCitationFile(file)).toEqual({
      title: 'Test Corpus',
      version: '2.1.0',
      dateReleased: '2026-12-01',
      authors: [{ family: 'Marsh', given: 'Elena' }, { name: 'The editors' }],
    });
  });

  it('cites the version as a data set at the site’s address', () => {
    const { apa, bibtex } = corpusCitation(readCitationFile(file), 'https://example.org/corpus/');
    expect(apa).toBe('Marsh, E. & The editors. (2026). Test Corpus (Version 2.1.0) [Dataset]. https://example.org/corpus/');
    expect(bibtex).toContain('url = {https://example.org/corpus/}');
  });

  it('says which field is missing', () => {
    expect(() => readCitationFile(file.replace("date-released: '2026-12-01'\n", ''))).toThrow('CITATION.cff: date-released (quoted');
    expect(() => readCitationFile(file.replace('2.1.0', "''"))).toThrow('CITATION.cff: version must be a non-empty string');
  });
});

describe('the project’s CITATION.cff', () => {
  const text = readFileSync('CITATION.cff', 'utf8');

  it('is valid Citation File Format 1.2.0', () => {
    expect(() => validateCFF(parse(text))).not.toThrow();
  });

  it('has what the About page and the release need', () => {
    expect(readCitationFile(text).version).toMatch(/^\d+\.\d+\.\d+$/u);
  });
});
