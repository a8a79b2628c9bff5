/**
 * The corpus as pages see it, with the lookups they need, built once per
 * build: `virtual:corpus` comes from the corpus integration.
 */
import model, { pageStore, problems, redirects } from 'virtual:corpus';
import { readDocumentPage, readMentionPage } from '../node/page-store.ts';
import type { DocumentPage } from '../node/document-page.ts';
import type { Mention } from '../corpus/mentions.ts';
import { claimIndex } from '../site/claims.ts';

export const corpus = model;
export { problems, redirects };
export const documentsBySlug = new Map(model.documents.map((document) => [document.slug, document]));
export const entriesById = new Map(model.entries.map((entry) => [entry.id, entry]));
export const claims = claimIndex(model.claims, documentsBySlug, entriesById);

/** Page `page` (from 1) of an entry's mentions, in corpus order. */
export function mentionsOf(entry: string, page: number): Mention[] {
  return readMentionPage(pageStore, entry, page);
}

/** A document's text, rendered by the corpus check with the annotation pipeline (undefined for a page with problems, under `astro dev`), and its printed citations; undefined for no such document. */
export function documentPage(slug: string): DocumentPage | undefined {
  return readDocumentPage(pageStore, slug);
}
