/**
 * Validators for the site's XML: the sitemap against the sitemaps.org XSD
 * that the `sitemap` package ships, with libxml2's xmllint (xmllint-wasm);
 * and, since no npm package ships the Atom schema (RFC 4287 gives it only as
 * RELAX NG compact syntax, which libxml2 cannot read), the Atom feeds parsed
 * by libxml2 and by jsdom's XML parser and checked against the RFC's rules
 * for every element they use. Each returns its problems; none is valid.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);

/** The sitemaps.org 0.9 schema of a `<urlset>`, as the `sitemap` package (the one @astrojs/sitemap writes with) ships it. */
export const sitemapXsd = join(dirname(require.resolve('sitemap/package.json')), 'schema', 'sitemap.xsd');

/** Errors of an XML document against an XSD, as xmllint reports them. */
export async function xsdErrors(xml: string, xsdFile: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: { fileName: 'schema.xsd', contents: readFileSync(xsdFile, 'utf8') },
  });
  return result.errors.map((error) => error.rawMessage);
}

/** Errors of XML that is not well formed, as xmllint reports them. */
export async function wellFormednessErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'document.xml', contents: xml }, normalization: 'c14n' });
  return result.errors.map((error) => error.rawMessage);
}

function parse(xml: string): Document {
  return new JSDOM(xml, { contentType: 'application/xml' }).window.document;
}

const atomNs = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time, as RFC 4287 §3.3 requires. */
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;

function children(element: Element, name: string): Element[] {
  return [...element.children].filter((child) => child.namespaceURI === atomNs && child.localName === name);
}

function isAbsoluteIri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * RFC 4287's requirements for an Atom feed document: §4.1.1 (feed), §4.1.2
 * (entry), §3.1 (text constructs), §3.2 (person constructs), §3.3 (dates),
 * §4.2.2 (category), §4.2.6 (id), §4.2.7 (link).
 */
export function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  let document: Document;
  try {
    document = parse(xml);
  } catch (error) {
    return [`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`];
  }
  const feed = document.documentElement;
  if (feed.namespaceURI !== atomNs || feed.localName !== 'feed') return [`the root is ${feed.tagName}, not an atom:feed`];

  const exactlyOne = (element: Element, name: string, where: string) => {
    const count = children(element, name).length;
    if (count !== 1) problems.push(`${where} has ${count} atom:${name}, not exactly one`);
  };
  const atMostOne = (element: Element, name: string, where: string) => {
    if (children(element, name).length > 1) problems.push(`${where} has more than one atom:${name}`);
  };
  const checkId = (element: Element, where: string) => {
    const id = children(element, 'id')[0]?.textContent ?? '';
    if (!isAbsoluteIri(id)) problems.push(`${where}: atom:id "${id}" is not an absolute IRI`);
    return id;
  };
  const checkDates = (element: Element, where: string) => {
    for (const name of ['updated', 'published']) {
      for (const date of children(element, name)) {
        if (!dateTime.test(date.textContent ?? '')) problems.push(`${where}: atom:${name} "${date.textContent}" is not an RFC 3339 date-time`);
      }
    }
  };
  const checkTexts = (element: Element, where: string) => {
    for (const name of ['title', 'subtitle', 'summary', 'rights', 'content']) {
      for (const text of children(element, name)) {
        const type = text.getAttribute('type') ?? 'text';
        const allowed = name === 'content' ? /^(text|html|xhtml|[\w.+-]+\/[\w.+-]+)$/u : /^(text|html|xhtml)$/u;
        if (!allowed.test(type)) problems.push(`${where}: atom:${name} has type "${type}"`);
        if (name !== 'content' && (text.textContent ?? '').trim() === '') problems.push(`${where}: atom:${name} is empty`);
      }
    }
  };
  const checkPeople = (element: Element, where: string) => {
    for (const name of ['author', 'contributor']) {
      for (const person of children(element, name)) {
        if (children(person, 'name').length !== 1 || (children(person, 'name')[0]?.textContent ?? '').trim() === '')
          problems.push(`${where}: atom:${name} needs exactly one non-empty atom:name`);
        if (children(person, 'uri').length > 1 || children(person, 'email').length > 1) problems.push(`${where}: atom:${name} has more than one uri or email`);
        for (const uri of children(person, 'uri')) if (!isAbsoluteIri(uri.textContent ?? '')) problems.push(`${where}: atom:${name}'s uri is not an IRI`);
      }
    }
  };
  const checkLinks = (element: Element, where: string) => {
    const alternates = new Set<string>();
    for (const link of children(element, 'link')) {
      const href = link.getAttribute('href');
      if (!href || !isAbsoluteIri(href)) problems.push(`${where}: atom:link without an absolute href`);
      if ((link.getAttribute('rel') ?? 'alternate') === 'alternate') {
        const key = `${link.getAttribute('type') ?? ''} ${link.getAttribute('hreflang') ?? ''}`;
        if (alternates.has(key)) problems.push(`${where}: two alternate links of the same type and language`);
        alternates.add(key);
      }
    }
    return alternates.size > 0;
  };
  const checkCategories = (element: Element, where: string) => {
    for (const category of children(element, 'category')) if (!category.getAttribute('term')) problems.push(`${where}: atom:category without a term`);
  };

  for (const name of ['id', 'title', 'updated']) exactlyOne(feed, name, 'the feed');
  for (const name of ['subtitle', 'rights', 'icon', 'logo', 'generator']) atMostOne(feed, name, 'the feed');
  checkId(feed, 'the feed');
  checkDates(feed, 'the feed');
  checkTexts(feed, 'the feed');
  checkPeople(feed, 'the feed');
  checkLinks(feed, 'the feed');
  checkCategories(feed, 'the feed');
  if (!children(feed, 'link').some((link) => link.getAttribute('rel') === 'self')) problems.push('the feed has no rel="self" link (RFC 4287 §4.1.1: SHOULD)');

  const feedHasAuthor = children(feed, 'author').length > 0;
  const ids = new Set<string>();
  children(feed, 'entry').forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    for (const name of ['id', 'title', 'updated']) exactlyOne(entry, name, where);
    for (const name of ['published', 'summary', 'content', 'rights', 'source']) atMostOne(entry, name, where);
    const id = checkId(entry, where);
    if (ids.has(id)) problems.push(`${where}: atom:id ${id} is used by an earlier entry`);
    ids.add(id);
    checkDates(entry, where);
    checkTexts(entry, where);
    checkPeople(entry, where);
    checkCategories(entry, where);
    const hasAlternate = checkLinks(entry, where);
    if (!feedHasAuthor && children(entry, 'author').length === 0) problems.push(`${where} has no atom:author, and neither has the feed`);
    if (children(entry, 'content').length === 0 && !hasAlternate) problems.push(`${where} has neither atom:content nor an alternate link`);
  });
  return problems;
}

/** A sitemap index (sitemaps.org 0.9): the `sitemap` package ships no XSD for it, so its rules are checked here. */
export function sitemapIndexProblems(xml: string): string[] {
  const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
  const index = parse(xml).documentElement;
  if (index.namespaceURI !== ns || index.localName !== 'sitemapindex') return [`the root is ${index.tagName}, not a sitemapindex`];
  const sitemaps = [...index.children];
  const problems = sitemaps.length === 0 ? ['the index names no sitemap'] : [];
  sitemaps.forEach((sitemap, position) => {
    if (sitemap.localName !== 'sitemap' || sitemap.namespaceURI !== ns) problems.push(`child ${position + 1} is ${sitemap.tagName}, not a sitemap`);
    const locs = [...sitemap.children].filter((child) => child.localName === 'loc');
    if (locs.length !== 1 || !isAbsoluteIri(locs[0]?.textContent ?? '')) problems.push(`sitemap ${position + 1} needs exactly one absolute loc`);
  });
  return problems;
}

/** The `<loc>`s of a sitemap or sitemap index. */
export function sitemapLocations(xml: string): string[] {
  return [...parse(xml).getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((loc) => loc.textContent ?? '');
}

/** A text construct as a reader shows it: `type="html"` is markup, to be read as such. */
function readableText(element: Element | undefined): string {
  if (!element) return '';
  const text = element.textContent ?? '';
  return element.getAttribute('type') === 'html' ? (JSDOM.fragment(text).textContent ?? '') : text;
}

/** The entries of an Atom feed, as a reader sees them: ids, titles, links, dates, summaries, authors and categories. */
export function atomEntries(xml: string) {
  const feed = parse(xml).documentElement;
  return children(feed, 'entry').map((entry) => ({
    id: children(entry, 'id')[0]?.textContent ?? '',
    title: readableText(children(entry, 'title')[0]),
    link: children(entry, 'link')[0]?.getAttribute('href') ?? '',
    updated: children(entry, 'updated')[0]?.textContent ?? '',
    published: children(entry, 'published')[0]?.textContent ?? '',
    summary: readableText(children(entry, 'summary')[0]),
    authors: children(entry, 'author').map((author) => children(author, 'name')[0]?.textContent ?? ''),
    categories: children(entry, 'category').map((category) => category.getAttribute('term') ?? ''),
  }));
}
