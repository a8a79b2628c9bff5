import { splitAliases } from '../corpus/aliases.ts';
import type { Claim, ClaimReview, CreativeWork, Organization, Person, Thing, WithContext } from 'schema-dts';
import { absoluteUrl, claimPath, documentPath, entryPath, homePath, paragraphPath, wikidataUrl } from '../routes.ts';
import type { ClaimAppearance, ClaimView } from './claims.ts';
import type { CorpusDocument, GlossaryEntry } from '../corpus/model.ts';
import type { EntryType } from '../corpus/schema.ts';

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

/**
 * Highwire Press `citation_*` tags (read by Zotero, Mendeley and Google
 * Scholar) and Open Graph tags for a document page. Highwire describes the
 * original article; the page URL is the edition's.
 */
export function documentMetaTags(document: Pick<CorpusDocument, 'slug' | 'meta'>, siteUrl: string, siteName: string): MetaTag[] {
  const { meta } = document;
  const pageUrl = absoluteUrl(documentPath(document.slug), siteUrl);
  return [
    { name: 'citation_title', content: meta.title },
    ...meta.authors.map((author) => ({ name: 'citation_author', content: author })),
    { name: 'citation_publication_date', content: meta.published.replaceAll('-', '/') },
    { name: 'citation_journal_title', content: meta.publisher },
    { name: 'citation_publisher', content: meta.publisher },
    { name: 'citation_language', content: meta.language },
    { name: 'citation_public_url', content: pageUrl },
    ...(meta.url ? [{ name: 'citation_fulltext_html_url', content: meta.url }] : []),
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: meta.title },
    { property: 'og:url', content: pageUrl },
    { property: 'og:site_name', content: siteName },
    { property: 'og:description', content: `${meta.publisher}, ${meta.published}: the source text as received, annotated.` },
    { property: 'article:published_time', content: meta.published },
    ...meta.authors.map((author) => ({ property: 'article:author', content: author })),
  ];
}

/**
 * schema.org JSON-LD: the original article as a NewsArticle, and this page as
 * the annotated edition based on it.
 */
export function documentJsonLd(document: Pick<CorpusDocument, 'slug' | 'meta'>, siteUrl: string, siteName: string): Record<string, unknown> {
  const { meta } = document;
  const pageUrl = absoluteUrl(documentPath(document.slug), siteUrl);
  const articleId = meta.url ?? `${pageUrl}#original-article`;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        '@id': articleId,
        headline: meta.title,
        ...(meta.url ? { url: meta.url } : {}),
        datePublished: meta.published,
        inLanguage: meta.language,
        publisher: { '@type': 'Organization', name: meta.publisher },
        author: meta.authors.map((name) => ({ '@type': 'Person', name })),
      },
      {
        '@type': 'WebPage',
        '@id': pageUrl,
        url: pageUrl,
        name: `${meta.title} (annotated edition)`,
        inLanguage: meta.language,
        isPartOf: { '@type': 'WebSite', name: siteName, url: absoluteUrl(homePath, siteUrl) },
        isBasedOn: { '@id': articleId },
        about: { '@id': articleId },
      },
    ],
  };
}

const schemaTypes: Record<EntryType, string> = {
  person: 'Person',
  organisation: 'Organization',
  institution: 'GovernmentOrganization',
  place: 'Place',
  event: 'Event',
  agreement: 'CreativeWork',
  publication: 'Periodical',
};

/** schema.org JSON-LD for a glossary entry, tied to Wikidata and Wikipedia where known. */
export function entryJsonLd(entry: GlossaryEntry, siteUrl: string): Record<string, unknown> {
  const { meta } = entry;
  const { names } = splitAliases(meta.aliases);
  const sameAs = [...(meta.wikidata ? [wikidataUrl(meta.wikidata)] : []), ...(meta.wikipedia ? [meta.wikipedia] : [])];
  return {
    '@context': 'https://schema.org',
    '@type': schemaTypes[meta.type],
    '@id': absoluteUrl(entryPath(entry.id), siteUrl),
    name: meta.name,
    ...(names.length > 0 ? { alternateName: names } : {}),
    description: meta.summary,
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

/** A claimant as schema.org knows it: the entry's own node, by the @id its page gives it. */
function claimantNode(entry: GlossaryEntry, siteUrl: string): Person | Organization {
  const node = { '@id': absoluteUrl(entryPath(entry.id), siteUrl), name: entry.meta.name };
  return entry.meta.type === 'person' ? { '@type': 'Person', ...node } : { '@type': 'Organization', ...node };
}

/** Where a document reports the claim: the paragraph, part of the original article. */
function appearanceNode({ document, paragraph, quote }: ClaimAppearance, siteUrl: string): CreativeWork {
  return {
    '@type': 'CreativeWork',
    url: absoluteUrl(paragraphPath(document.slug, paragraph), siteUrl),
    text: quote,
    isPartOf: {
      '@type': 'NewsArticle',
      headline: document.meta.title,
      datePublished: document.meta.published,
      publisher: { '@type': 'Organization', name: document.meta.publisher },
      ...(document.meta.url ? { url: document.meta.url } : {}),
    },
  };
}

/**
 * schema.org JSON-LD for a claim: a Claim with its claimant, date and every
 * appearance in the corpus, the earliest as its first; a ClaimReview only
 * where the register records an evaluation by a named party.
 */
export function claimJsonLd(view: ClaimView, siteUrl: string): WithContext<Claim> | { '@context': 'https://schema.org'; '@graph': (Claim | ClaimReview)[] } {
  const { claim, claimant, appearances } = view;
  const id = absoluteUrl(claimPath(claim.id), siteUrl);
  const node: Claim = {
    '@type': 'Claim',
    '@id': id,
    url: id,
    name: claim.meta.statement,
    text: claim.meta.statement,
    ...(claimant ? { author: claimantNode(claimant, siteUrl) } : {}),
    ...(claim.meta.date ? { datePublished: claim.meta.date } : {}),
    ...(view.about.length > 0
      ? { about: view.about.map((entry) => ({ '@id': absoluteUrl(entryPath(entry.id), siteUrl), name: entry.meta.name }) as Thing) }
      : {}),
    appearance: appearances.map((appearance) => appearanceNode(appearance, siteUrl)),
    ...(appearances[0] ? { firstAppearance: appearanceNode(appearances[0], siteUrl) } : {}),
  };
  const { review } = claim.meta;
  if (!review) return { '@context': 'https://schema.org', ...node };
  const reviewer = view.reviewer;
  const claimReview: ClaimReview = {
    '@type': 'ClaimReview',
    '@id': `${id}#review`,
    claimReviewed: claim.meta.statement,
    itemReviewed: { '@id': id },
    datePublished: review.date,
    ...(reviewer ? { author: claimantNode(reviewer, siteUrl) } : {}),
    reviewRating: { '@type': 'Rating', alternateName: review.rating },
    citation: review.evidence,
  };
  return { '@context': 'https://schema.org', '@graph': [node, claimReview] };
}
