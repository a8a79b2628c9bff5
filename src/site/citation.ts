import { Cite, plugins } from '@citation-js/core';
import { format as formatName, parse as parseName } from '@citation-js/name';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import mla from '../../node_modules/rehype-citation/dist/node/styles/mla.js';
import { absoluteUrl, claimPath, documentPath, paragraphPath } from '../routes.ts';
import chicagoNotesBibliography from './csl/chicago-notes-bibliography.ts';
import type { DocumentMeta } from '../corpus/schema.ts';

/*
 * Citations are produced by citation-js from CSL-JSON: APA 7 and Harvard
 * (Cite Them Right) ship with its CSL plugin; MLA 9 is the CSL project's style
 * as packaged by rehype-citation (its package exports do not expose the file,
 * hence the path); Chicago notes and bibliography is a reduced CSL style of
 * ours, since no package carries the CSL project's.
 */
const csl = plugins.config.get('@csl');
const styles = csl.styles;
styles.add('mla', mla);
styles.add('chicago-notes-bibliography', chicagoNotesBibliography);

export const citationStyles = {
  apa: { label: 'APA (7th edition)', template: 'apa', inText: 'In-text citation' },
  mla: { label: 'MLA (9th edition)', template: 'mla', inText: 'In-text citation' },
  chicago: { label: 'Chicago (notes and bibliography)', template: 'chicago-notes-bibliography', inText: 'Note' },
  harvard: { label: 'Harvard (Cite Them Right)', template: 'harvard1', inText: 'In-text citation' },
} as const;

export type CitationStyle = keyof typeof citationStyles;

/**
 * The styles a document page prints (src/components/HowToCite.astro): two, as
 * each costs every document a citeproc run at build time; the Cite dialog
 * gives all seven formats.
 */
export const printedStyles = ['apa', 'chicago'] as const satisfies readonly CitationStyle[];

export type PrintedReferences = References<(typeof printedStyles)[number]>;

/** What is cited: a document, or one of its paragraphs. */
export interface CitationSubject {
  slug: string;
  meta: DocumentMeta;
  paragraph?: number;
}

export interface CitationContext {
  siteUrl: string;
  siteName: string;
  /** The reader's access date. */
  accessed: Date;
}

export interface CslItem {
  id: string;
  type: string;
  [field: string]: unknown;
}

export interface StyledCitation {
  /** Reference to the original article. */
  article: string;
  /** Reference to the annotated edition on this site, with the permanent URL. */
  edition: string;
  /** In-text citation or note for the article, with the ¶ number where one is cited. */
  inText: string;
}

export interface Citations {
  styles: Record<CitationStyle, StyledCitation>;
  bibtex: string;
  ris: string;
  cslJson: string;
}

function dateParts(isoDate: string): { 'date-parts': number[][] } {
  return { 'date-parts': [isoDate.split('-').map(Number)] };
}

function accessedParts(date: Date): { 'date-parts': number[][] } {
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

/**
 * `sinoruka2023MekP7`: letters and digits only, since BibTeX refuses other
 * characters in keys, and distinct within the first 20 characters, which is
 * all of an ID that RIS keeps.
 */
function citationKey(subject: CitationSubject, suffix: string): string {
  const author = subject.meta.authors[0] ? String(parseName(subject.meta.authors[0]).family ?? '') : subject.meta.publisher;
  const letters = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9]/gu, '');
  const firstWord = letters(subject.slug.split('-')[0] ?? '');
  const word = firstWord.charAt(0).toUpperCase() + firstWord.slice(1);
  const paragraph = subject.paragraph ? `P${subject.paragraph}` : '';
  return `${letters(author).toLowerCase()}${subject.meta.published.slice(0, 4)}${word}${paragraph}${suffix}`;
}

type RisEntry = Record<string, string | string[]>;

/**
 * RIS from citation-js's tag objects (the 2011 tag set), one tag a line: its
 * text output wraps values at 70 characters, which breaks URLs in reference
 * managers. citation-js 0.8 also leaves out the author and the full date of
 * news articles in every tag set, so those two tags are added back from the
 * same CSL item.
 */
function risText(article: CslItem, edition: CslItem): string {
  const [news, web] = new Cite([article, edition]).format('ris', { format: 'object', spec: 'new' }) as RisEntry[];
  const authors = (article.author as { family?: string; given?: string }[]).map((name) => formatName(name, true) as string);
  const [year, month, day] = (article.issued as { 'date-parts': number[][] })['date-parts'][0] ?? [];
  const completed: RisEntry = {
    ...(authors.length > 0 && !news?.AU ? { AU: authors } : {}),
    ...(news?.DA ? {} : { DA: `${[year, month, day].map((part) => String(part ?? '').padStart(2, '0')).join('/')}/` }),
    ...news,
  };
  return [completed, web ?? {}]
    .map((entry) => {
      const lines = [`TY  - ${String(entry.TY)}`];
      for (const [tag, value] of Object.entries(entry)) {
        if (tag !== 'TY') for (const item of [value].flat()) lines.push(`${tag}  - ${String(item).replace(/\s+/gu, ' ')}`);
      }
      lines.push('ER  - ');
      return lines.join('\n');
    })
    .join('\n\n');
}

/** The original article, as its outlet published it. */
export function articleItem(subject: CitationSubject): CslItem {
  const { meta } = subject;
  return {
    id: citationKey(subject, ''),
    'citation-key': citationKey(subject, ''),
    type: 'article-newspaper',
    title: meta.title,
    author: meta.authors.map((name) => parseName(name)),
    'container-title': meta.publisher,
    issued: dateParts(meta.published),
    ...(meta.url ? { URL: meta.url } : {}),
    language: meta.language,
  };
}

/** This site's annotated edition of the article, at the permanent URL of the document or paragraph. */
export function editionItem(subject: CitationSubject, context: CitationContext): CslItem {
  const { meta, paragraph } = subject;
  const path = paragraph ? paragraphPath(subject.slug, paragraph) : documentPath(subject.slug);
  return {
    id: citationKey(subject, 'Ed'),
    'citation-key': citationKey(subject, 'Ed'),
    type: 'webpage',
    title: meta.title,
    author: meta.authors.map((name) => parseName(name)),
    genre: paragraph ? `annotated edition, ¶ ${paragraph}` : 'annotated edition',
    // BibTeX and RIS have no field for the edition's ¶ or, in BibTeX, the access date: the note carries them.
    note: [
      `Annotated edition of ${meta.publisher}, ${meta.published}${paragraph ? `, ¶ ${paragraph}` : ''}`,
      ...(meta.url ? [`original at ${meta.url}`] : []),
      `accessed ${context.accessed.toISOString().slice(0, 10)}`,
    ].join('; '),
    'container-title': context.siteName,
    URL: absoluteUrl(path, context.siteUrl),
    accessed: accessedParts(context.accessed),
    language: meta.language,
  };
}

export type References<S extends CitationStyle = CitationStyle> = Record<S, Omit<StyledCitation, 'inText'>>;

/**
 * The references to the article and to the edition in the given styles. Each
 * is rendered on its own: in one bibliography, styles such as MLA would
 * replace the repeated author of the second with "---".
 */
export function formatReferences<S extends CitationStyle>(subject: CitationSubject, context: CitationContext, styles: readonly S[]): References<S> {
  return referencesOf(articleItem(subject), editionItem(subject, context), styles);
}

/**
 * The style a bibliography of one entry is formatted in: the style, less what
 * only a citation or a bibliography of several entries uses. citeproc works
 * out, for each item it is given, how its citation would read (to tell
 * ambiguous citations apart) and the keys it would be sorted by, whichever
 * output is asked for: with one entry there is nothing to tell apart or
 * sort, yet the two took about half of citeproc's time, and building the
 * whole APA style took seconds. So the citation's layout becomes the item's
 * title and the bibliography loses its sort. Not in a style that tells
 * authors apart by their full given names (Harvard's and MLA's
 * `disambiguate-add-givenname` under the default rule): citeproc applies that
 * to the bibliography too, from the names the citation and the sort keys
 * registered, so that co-authors John and Jane Smith read "Smith, John and
 * Smith, Jane". Such a style is used whole (undefined here); APA adds given
 * names as initials only, which its entries show anyway. The entry reads the
 * same (tests/unit/site/citation.test.ts compares it with the whole style's).
 */
function singleEntryStyle(xml: string, name: string): string | undefined {
  const citation = /<citation(?:\s[^>]*)?>[\s\S]*?<\/citation>/u;
  const start = /<citation(?:\s[^>]*)?>/u.exec(xml)?.[0];
  if (start === undefined) throw new Error(`the citation style ${name} has no citation`);
  const addsGivenNames = /\sdisambiguate-add-givenname="true"/u.test(start) && !/\sgivenname-disambiguation-rule="[a-z-]+-with-initials"/u.test(start);
  if (addsGivenNames) return undefined;
  return xml
    .replace(citation, '<citation><layout><text variable="title"/></layout></citation>')
    .replace(/(<bibliography(?:\s[^>]*)?>)\s*<sort>[\s\S]*?<\/sort>/u, '$1');
}

const singleEntryTemplates = new Map<string, string>();

/** The name citation-js keeps the style for one entry under, registered at its first use: the style's own where it is used whole. */
export function singleEntryTemplate(template: string): string {
  let single = singleEntryTemplates.get(template);
  if (!single) {
    const style = singleEntryStyle(styles.get(template), template);
    single = style === undefined ? template : `${template}-single-entry`;
    if (style !== undefined) styles.add(single, style);
    singleEntryTemplates.set(template, single);
  }
  return single;
}

/**
 * One item's entry in a bibliography of its own, from the citeproc engine
 * that citation-js keeps for the style (what its `format('bibliography')`
 * does, without parsing the item again, in the style for one entry above).
 * citeproc remembers every item it has formatted as "tainted" and goes
 * through all of them again at each later call: a document's two printed
 * references cost 13 ms at the first thousand documents and 65 ms at the
 * six-thousandth. Resetting the engine's state after each entry keeps every
 * call as cheap as the first and changes no output.
 */
export function bibliographyEntry(item: CslItem, template: string): string {
  const engine = csl.engine([item], singleEntryTemplate(template), 'en-US', 'text');
  engine.updateItems([item.id], true);
  const [, entries] = engine.makeBibliography() as [unknown, string[]];
  engine.restoreProcessorState();
  return (entries[0] ?? '').trim();
}

function referencesOf<S extends CitationStyle>(article: CslItem, edition: CslItem, styles: readonly S[]): References<S> {
  return Object.fromEntries(
    styles.map((style) => [
      style,
      { article: bibliographyEntry(article, citationStyles[style].template), edition: bibliographyEntry(edition, citationStyles[style].template) },
    ]),
  ) as References<S>;
}

/** A claim of the register, cited as the editors' page on it. */
export interface ClaimSubject {
  id: string;
  statement: string;
  /** Who made the claim, as the glossary names them. */
  claimant: string;
  date?: string;
}

/** The claim's page on this site: the register is the editors' work, so it has no author but the site. */
export function claimItem(subject: ClaimSubject, context: CitationContext): CslItem {
  const key = `claim${subject.id.replace(/[^A-Za-z0-9]/gu, '')}`.slice(0, 20);
  return {
    id: key,
    'citation-key': key,
    type: 'webpage',
    title: `Claim: ${subject.statement}`,
    genre: 'register of claims',
    note: [`Claim made by ${subject.claimant}${subject.date ? ` on ${subject.date}` : ''}`, `accessed ${context.accessed.toISOString().slice(0, 10)}`].join(
      '; ',
    ),
    'container-title': context.siteName,
    URL: absoluteUrl(claimPath(subject.id), context.siteUrl),
    accessed: accessedParts(context.accessed),
    language: 'en',
  };
}

/** Every format for a claim's page: the reference and in-text citation in each style, BibTeX, RIS and CSL-JSON. */
export function formatClaimCitations(subject: ClaimSubject, context: CitationContext): Citations {
  const item = claimItem(subject, context);
  const cite = new Cite(item);
  const styled = Object.fromEntries(
    Object.entries(citationStyles).map(([style, { template }]) => [
      style,
      {
        article: '',
        edition: cite.format('bibliography', { format: 'text', template, lang: 'en-US' }).trim(),
        inText: cite.format('citation', { format: 'text', template, lang: 'en-US' }).trim(),
      },
    ]),
  ) as Record<CitationStyle, StyledCitation>;
  return {
    styles: styled,
    bibtex: cite.format('bibtex', { format: 'text' }).trim(),
    ris: cite.format('ris', { format: 'text', spec: 'new' }).trim(),
    cslJson: JSON.stringify([item], null, 2),
  };
}

export function formatCitations(subject: CitationSubject, context: CitationContext): Citations {
  const article = articleItem(subject);
  const edition = editionItem(subject, context);
  const both = new Cite([article, edition]);
  const references = referencesOf(article, edition, Object.keys(citationStyles) as CitationStyle[]);
  const inText = (template: string) =>
    new Cite(article)
      .format('citation', {
        format: 'text',
        template,
        lang: 'en-US',
        entry: subject.paragraph ? [{ id: article.id, locator: String(subject.paragraph), label: 'paragraph' }] : [article.id],
      })
      .trim();
  const styled = Object.fromEntries(
    Object.entries(citationStyles).map(([style, { template }]) => [style, { ...references[style as CitationStyle], inText: inText(template) }]),
  ) as Record<CitationStyle, StyledCitation>;
  return {
    styles: styled,
    bibtex: both.format('bibtex', { format: 'text' }).trim(),
    ris: risText(article, edition),
    cslJson: JSON.stringify([article, edition], null, 2),
  };
}
