/**
 * How to cite the corpus as a whole, from the CITATION.cff at the project's
 * root: the About page shows it, and the release archive carries the file.
 * The reference is made by citation-js from CSL-JSON, as every other
 * citation on the site is (src/site/citation.ts).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse } from 'yaml';
import { absoluteUrl, homePath } from '../routes.ts';
import { bibliographyEntry, citationStyles, type CslItem } from './citation.ts';

/** What the citation needs of CITATION.cff (Citation File Format 1.2.0). */
export interface CorpusCitationFile {
  title: string;
  version: string;
  /** YYYY-MM-DD. */
  dateReleased: string;
  /** Each author as a person (`family`, `given`) or an entity (`name`). */
  authors: ({ family: string; given?: string } | { name: string })[];
  abstract?: string;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`CITATION.cff: ${field} must be a non-empty string`);
  return value.trim();
}

/** Reads the fields the citation needs from CITATION.cff, with a message naming any that is missing. */
export function readCitationFile(source: string): CorpusCitationFile {
  const data = parse(source) as Record<string, unknown>;
  const dateReleased = text(data['date-released'], "date-released (quoted, as in '2026-12-01')");
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(dateReleased)) throw new Error(`CITATION.cff: date-released must be YYYY-MM-DD, not ${dateReleased}`);
  const authors = Array.isArray(data.authors) ? (data.authors as Record<string, unknown>[]) : [];
  if (authors.length === 0) throw new Error('CITATION.cff: authors must list at least one person or entity');
  return {
    title: text(data.title, 'title'),
    version: text(String(data.version ?? ''), 'version'),
    dateReleased,
    authors: authors.map((author, index) =>
      typeof author['family-names'] === 'string'
        ? { family: author['family-names'], ...(typeof author['given-names'] === 'string' ? { given: author['given-names'] } : {}) }
        : { name: text(author.name, `authors[${index}].name or family-names`) },
    ),
    ...(typeof data.abstract === 'string' ? { abstract: data.abstract.trim() } : {}),
  };
}

/** The corpus as a CSL-JSON data set, at the site's address. */
export function corpusCslItem(file: CorpusCitationFile, siteUrl: string): CslItem {
  return {
    id: 'corpus',
    'citation-key': `corpus${file.dateReleased.slice(0, 4)}`,
    type: 'dataset',
    title: file.title,
    version: file.version,
    issued: { 'date-parts': [file.dateReleased.split('-').map(Number)] },
    author: file.authors.map((author) => ('name' in author ? { literal: author.name } : author)),
    URL: absoluteUrl(homePath, siteUrl),
    language: 'en',
  };
}

export interface CorpusCitation {
  /** APA 7, as text. */
  apa: string;
  bibtex: string;
}

export function corpusCitation(file: CorpusCitationFile, siteUrl: string): CorpusCitation {
  const item = corpusCslItem(file, siteUrl);
  return {
    // As the pages' printed references are, in the style for one entry: the whole APA style takes citeproc seconds to build.
    apa: bibliographyEntry(item, citationStyles.apa.template),
    bibtex: new Cite(item).format('bibtex', { format: 'text' }).trim(),
  };
}
