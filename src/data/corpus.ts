/**
 * The corpus as pages see it, with the lookups they need, built once per
 * build: `virtual:corpus` comes from the corpus integration.
 */
import shared, { assetsDir, pageStore, problems, redirects } from 'virtual:corpus';
import {
  documentPageDigest,
  mentionPageDigest,
  mentionStoreDigest,
  readDocumentPage,
  readEntries,
  readEntryBodies,
  readEntryParagraphs,
  readMentionPage,
} from '../node/page-store.ts';
import { assetNamesDigest } from '../node/render-cache.ts';
import type { DocumentPage } from '../node/document-page.ts';
import type { RenderedBody } from '../node/entry-bodies.ts';
import type { Claim } from '../corpus/model.ts';
import type { Mention } from '../corpus/mentions.ts';
import { claimIndex, type ListedClaim } from '../site/claims.ts';
import type { PageModel } from '../site/page-model.ts';
import { sha256 } from '../text/hash.ts';

/*
 * The glossary entries are read from the page store, not from the code of
 * `virtual:corpus` with the rest of the model: Astro renders a page again
 * whenever the code it imports changes, so an edit to one entry would render
 * every page again. A page with a cache key gets the entries it shows in its
 * props (`cacheKeys`).
 */
export const corpus: PageModel = { ...shared, entries: readEntries(pageStore) };
export { problems, redirects };
export const documentsBySlug = new Map(corpus.documents.map((document) => [document.slug, document]));
export const entriesById = new Map(corpus.entries.map((entry) => [entry.id, entry]));
export const claims = claimIndex(corpus.claims, documentsBySlug, entriesById);

/** A claim as a list shows it, with the name of its claimant (src/components/ClaimList.astro). */
export function listedClaim(claim: Claim, label?: string): ListedClaim {
  return { claim, claimant: entriesById.get(claim.meta.claimant)?.meta.name ?? claim.meta.claimant, ...(label === undefined ? {} : { label }) };
}

/** Page `page` (from 1) of an entry's mentions, in corpus order. */
export function mentionsOf(entry: string, page: number): Mention[] {
  return readMentionPage(pageStore, entry, page);
}

let bodies: Record<string, RenderedBody> | undefined;
/** A glossary entry's description, rendered by the corpus check with the site's Markdown processor. */
export function entryBody(id: string): string {
  bodies ??= readEntryBodies(pageStore);
  // An own property only: an entry may be called "constructor".
  const body = Object.hasOwn(bodies, id) ? bodies[id]?.html : undefined;
  if (body === undefined) throw new Error(`no description of the glossary entry "${id}" in the page store ${pageStore}`);
  return body;
}

let paragraphs: Record<string, number[]> | undefined;
/** The paragraphs each entry is mentioned in, as the views key them (src/corpus/paragraph-keys.ts): drawn from its mentions, as they are stored. */
export function entryParagraphs(): Record<string, number[]> {
  paragraphs ??= readEntryParagraphs(pageStore);
  return paragraphs;
}

/** A document's text, rendered by the corpus check with the annotation pipeline (undefined for a page with problems, under `astro dev`), and its printed citations; undefined for no such document. */
export function documentPage(slug: string): DocumentPage | undefined {
  return readDocumentPage(pageStore, slug);
}

/**
 * The keys under which Astro's incremental build (astro.config.mjs) copies a
 * page from the previous build instead of rendering it again. Astro renders a
 * page again whenever the code it imports changes, and the page model but for
 * its entries is part of that code (`virtual:corpus`, the same bytes for the
 * same model); a key adds the rest of what the page's HTML depends on: its
 * props, which carry every glossary entry it shows and whatever it shows
 * that is drawn from them, the digest of each file of the page store it
 * reads, the names of the scripts and styles it links to, and the versions of
 * Node and of its ICU, which formats numbers. A page that reads anything else
 * at render time must not have a key: `corpus.entries`, `entriesById` and
 * what src/data/views.ts draws from them (the timeline, map and network) are
 * read in `getStaticPaths`, into the props.
 */
export const cacheKeys = {
  /** A document's page: its stored text and citations. */
  document: (props: object, slug: string) => cacheKey(props, documentPageDigest(pageStore, slug)),
  /** A further page of an entry's mentions: that page of them. */
  mentions: (props: object, entry: string, page: number) => cacheKey(props, mentionPageDigest(pageStore, entry, page)),
  /** An entry's page: its first page of mentions, and the paragraphs it shares with related entries, which the check draws from their mentions. */
  entry: (props: object) => cacheKey(props, allMentions()),
  /** A claim's page: the model and its props, nothing else. */
  claim: (props: object) => cacheKey(props, ''),
  /** A source, served byte for byte: the SHA-256 its page records, which the check has compared with the file's bytes. */
  source: (props: object, sha256: string) => cacheKey(props, sha256),
};

let mentionStore: string | undefined;
function allMentions(): string {
  mentionStore ??= mentionStoreDigest(pageStore);
  return mentionStore;
}

let everyPage: string | undefined;
function cacheKey(props: object, digest: string): string {
  // The bundler has written the scripts and styles before any page's paths are asked for.
  everyPage ??= `${JSON.stringify(process.versions)}\n${assetNamesDigest(assetsDir)}`;
  return sha256(`${everyPage}\n${JSON.stringify(props)}\n${digest}`);
}
