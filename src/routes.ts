/**
 * Every address of the site, for Node and browser code alike: the route
 * paths of pages and files, the output file each is written to, and the
 * links to them.
 *
 * A route path (`/documents/x/#p7`) is the site's own address of a thing,
 * the same wherever the site is served: the anchor lock records it, content
 * links are written with it, and exports build permanent URLs from it. A link
 * in a page is its href: the route path under the base path the site is
 * served from (`/corpus/documents/x/#p7` for a project site at
 * `https://example.org/corpus/`). Nothing here reads the environment: Node
 * code takes the base from src/config.ts, browser code from the page.
 */

/** The id of paragraph `number` on its document page: `p7`. */
export function paragraphAnchor(number: number): string {
  return `p${number}`;
}

export const homePath = '/';
export const glossaryIndexPath = '/glossary/';
export const searchPath = '/search/';
/** The site's own prose pages (src/pages/*.mdx). */
export const aboutPath = '/about/';
export const methodPath = '/method/';
export const policyPath = '/policy/';
/** Every change to published editorial text, newest first. */
export const correctionsPath = '/corrections/';
export const faviconPath = '/favicon.svg';
/** Every entry's names, for the search page's suggestions. */
export const entryNamesPath = '/glossary/names.json';
/** Where part `part` (from 1) of the search index is written: the first in Pagefind's own folder, with its scripts; the others inside it. */
export function searchIndexPath(part: number): string {
  return part <= 1 ? '/pagefind/' : `/pagefind/part-${part}/`;
}
export const pagefindScriptPath = `${searchIndexPath(1)}pagefind.js`;
export const pagefindHighlightPath = `${searchIndexPath(1)}pagefind-highlight.js`;

const documentsPrefix = '/documents/';

export function documentPath(slug: string): string {
  return `${documentsPrefix}${slug}/`;
}

/** Permanent route path of a paragraph: `/documents/slug/#p7`. */
export function paragraphPath(slug: string, number: number): string {
  return `${documentPath(slug)}#${paragraphAnchor(number)}`;
}

export function entryPath(entryId: string): string {
  return `${glossaryIndexPath}${entryId}/`;
}

/** Page `page` (from 1) of an entry's mentions: the first is on the entry's own page. */
export function entryMentionsPath(entryId: string, page: number): string {
  return page <= 1 ? entryPath(entryId) : `${entryPath(entryId)}mentions/${page}/`;
}

/** The claims register. */
export const claimsIndexPath = '/claims/';

export function claimPath(id: string): string {
  return `${claimsIndexPath}${id}/`;
}

export function comparisonPath(id: string): string {
  return `/compare/${id}/`;
}

/** The views of the corpus: a timeline of dated events, claims and publications, page by page from 1. */
export function timelinePath(page = 1): string {
  return page <= 1 ? '/timeline/' : `/timeline/${page}/`;
}

/** The places with coordinates, on a map. */
export const mapPath = '/map/';

/** The entries as a network of who is mentioned with whom. */
export const networkPath = '/network/';

/** The verbatim source file, published byte for byte. */
export function sourcePath(file: string): string {
  return `/sources/${file}`;
}

/** The open-data files (docs/open-data.md). */
export const annotationsPath = '/annotations.jsonld';
export const corpusIndexPath = '/corpus.json';

/** A document's page of the annotation collection: `/annotations/<slug>.jsonld`. */
export function annotationPagePath(slug: string): string {
  return `/annotations/${slug}.jsonld`;
}

/** A document's paragraphs as open data: `/corpus/<slug>.json`. */
export function corpusDocumentPath(slug: string): string {
  return `/corpus/${slug}.json`;
}

/**
 * Where a unit of editorial text stands on the site, from its key in the
 * editorial lock (`documents/<slug>#note-x`, `glossary/<id>`,
 * `comparisons/<id>#point-3`, `claims/<id>`): its page, at the note's or
 * point's anchor where it has one.
 */
export function editorialTextPath(key: string): string {
  const [page = '', part = ''] = key.split('#');
  const [collection = '', id = ''] = page.split('/');
  const pages: Record<string, (id: string) => string> = { documents: documentPath, comparisons: comparisonPath, claims: claimPath, glossary: entryPath };
  // Notes keep their ids (`fn-<label>`) in every rendering; comparison points are headed `point-<n>`.
  const anchor = part.startsWith('note-') ? `#fn-${part.slice('note-'.length)}` : part.startsWith('point-') ? `#${part}` : '';
  return `${(pages[collection] ?? entryPath)(id)}${anchor}`;
}

/** Whether a route path is a claim's page. */
export function isClaimPath(path: string): boolean {
  return path.startsWith(claimsIndexPath) && path !== claimsIndexPath;
}

/** Whether a route path is a document page or a place in one. */
export function isDocumentPath(path: string): boolean {
  return path.startsWith(documentsPrefix);
}

/** The file, relative to the built site's folder, that serves a file route such as `/corpus/x.json`. */
export function outputFile(path: string): string {
  return path.replace(/^\/+/u, '');
}

/** The base path a site URL serves from, with slashes at both ends: `/corpus/` for `https://example.org/corpus`. */
export function basePathOf(siteUrl: string): string {
  const path = new URL(siteUrl).pathname.replace(/\/+$/u, '');
  return `${path}/`;
}

/** The href of a route path on a site served from `base`. */
export function withBase(path: string, base: string): string {
  return `${base.replace(/\/+$/u, '')}${path}`;
}

/** The route path of an href on a site served from `base`: the inverse of withBase. */
export function withoutBase(href: string, base: string): string {
  const prefix = base.replace(/\/+$/u, '');
  return prefix !== '' && href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : href;
}

/** The permanent URL of a route path on a site whose public URL (base path included) is `siteUrl`. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/u, '')}${path}`;
}

export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

/** Wikidata's entity URI, the form linked data uses (`sameAs`). */
export function wikidataEntityUri(id: string): string {
  return `http://www.wikidata.org/entity/${id}`;
}

/** Wikidata's Action API, where `wbsearchentities` finds items by name. */
export const wikidataApiUrl = 'https://www.wikidata.org/w/api.php';

/** The Action API of the wiki that serves an article, such as https://en.wikipedia.org/w/api.php for an English Wikipedia article. */
export function mediaWikiApiUrl(article: URL): string {
  return `${article.origin}/w/api.php`;
}

/** The Atom feeds: documents newest first, and corrections newest first. */
export const documentsFeedPath = '/documents.xml';
export const correctionsFeedPath = '/corrections.xml';

/** For search engines: the sitemap index @astrojs/sitemap writes, and robots.txt, which names it. */
export const sitemapPath = '/sitemap-index.xml';
export const robotsPath = '/robots.txt';

/** The response headers a host sends (Netlify and Cloudflare Pages read this file; deploy/nginx.conf for nginx). */
export const headersFilePath = '/_headers';
