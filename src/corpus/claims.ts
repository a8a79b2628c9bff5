/**
 * The claims register (content/claims/<id>.md): who asserted what, where the
 * documents report it, and which other claims deny, contradict, qualify or
 * support it. Each claim is checked against the corpus as a comparison is:
 * its claimant and the entries it concerns exist, each quoted appearance is
 * in its paragraph word for word, and each response names a claim.
 */
import { distance } from 'fastest-levenshtein';
import { normalizeWhitespace } from '../text/normalize.ts';
import { type FrontmatterMemo, parseFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { closestIds } from './mentions.ts';
import { rawHtmlProblems } from './parse.ts';
import type { Claim, ClaimReference, ContentFile, CorpusDocument, GlossaryEntry } from './model.ts';
import type { Problem } from './problems.ts';
import { claimSchema, type EntryType, slugPattern } from './schema.ts';

/** Who can make a claim: not a place or an event. */
export const claimantTypes: readonly EntryType[] = ['person', 'organisation', 'institution', 'publication'];

/** Reads each claim's front matter; cross-references are checked once the documents and entries are known (checkClaims). */
export function loadClaims(
  files: readonly ContentFile[],
  problems: Problem[],
  memo?: FrontmatterMemo,
): { claims: Claim[]; lineOf: Map<string, (path: readonly PropertyKey[]) => number> } {
  const claims: Claim[] = [];
  const lineOf = new Map<string, (path: readonly PropertyKey[]) => number>();
  for (const file of files) {
    const id = (file.path.split('/').pop() ?? file.path).replace(/\.md$/u, '');
    if (!slugPattern.test(id)) {
      problems.push({
        file: file.path,
        line: 1,
        message: `the file name "${id}" must be a lower-case id of letters, digits and hyphens: it becomes the claim's permanent URL`,
      });
      continue;
    }
    const result = parseFrontmatter(file.text, file.path, claimSchema, memo && { memo, name: 'claim' });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const html = rawHtmlProblems(file, 'claims');
    problems.push(...html);
    if (html.length === 0) claims.push({ id, file: file.path, meta: result.data, notes: splitFrontmatter(file.text).body.trim() });
    lineOf.set(id, result.lineOf);
  }
  claims.sort((a, b) => (a.meta.date ?? '9999').localeCompare(b.meta.date ?? '9999') || a.id.localeCompare(b.id));
  return { claims, lineOf };
}

export function checkClaims(
  claims: readonly Claim[],
  documents: readonly CorpusDocument[],
  entries: readonly GlossaryEntry[],
  lineOf: ReadonlyMap<string, (path: readonly PropertyKey[]) => number>,
): Problem[] {
  const problems: Problem[] = [];
  const entriesById = new Map(entries.map((entry) => [entry.id, entry]));
  const entryIds = [...entriesById.keys()];
  const documentsBySlug = new Map(documents.map((document) => [document.slug, document]));
  const claimIds = claims.map((claim) => claim.id);
  for (const claim of claims) {
    const at = (path: readonly PropertyKey[], message: string) => problems.push({ file: claim.file, line: lineOf.get(claim.id)?.(path) ?? 1, message });
    const unknownEntry = (id: string) => `"${id}" is no glossary entry${suggest(id, entryIds, 'entries')}`;
    const { claimant, about, appearances, responses, review } = claim.meta;
    const claimantEntry = entriesById.get(claimant);
    if (!claimantEntry) at(['claimant'], `claimant ${unknownEntry(claimant)}`);
    else if (!claimantTypes.includes(claimantEntry.meta.type)) {
      at(['claimant'], `claimant "${claimant}" is a ${claimantEntry.meta.type}: a claim is made by a person, organisation, institution or publication`);
    }
    about.forEach((id, index) => {
      if (!entriesById.has(id)) at(['about', index], `about: ${unknownEntry(id)}`);
    });
    if (review && !entriesById.has(review.by)) at(['review', 'by'], `review by ${unknownEntry(review.by)}`);
    appearances.forEach(({ document: slug, paragraph, quote }, index) => {
      const document = documentsBySlug.get(slug);
      if (!document) {
        at(['appearances', index, 'document'], `no document "${slug}" in the corpus${suggest(slug, [...documentsBySlug.keys()], 'documents')}`);
        return;
      }
      const block = document.blocks[paragraph - 1];
      if (!block) {
        at(['appearances', index, 'paragraph'], `${slug} has no ¶ ${paragraph} (it has ${document.blocks.length} paragraphs)`);
        return;
      }
      const words = normalizeWhitespace(quote);
      if (!block.text.includes(words)) {
        at(
          ['appearances', index, 'quote'],
          `the quote is not in ${slug} ¶ ${paragraph}, word for word; the closest words there are "${closestPassage(block.text, words)}"`,
        );
      }
    });
    responses.forEach(({ claim: id }, index) => {
      if (id === claim.id) at(['responses', index, 'claim'], 'a claim cannot respond to itself');
      else if (!claimIds.includes(id)) at(['responses', index, 'claim'], `no claim "${id}" in content/claims${suggest(id, claimIds, 'claims')}`);
    });
  }
  return problems;
}

/** For each document, ¶ number → the claims it reports: what its renderer marks. */
export function claimsByParagraph(claims: readonly Claim[]): (slug: string) => ReadonlyMap<number, readonly ClaimReference[]> {
  const bySlug = new Map<string, Map<number, ClaimReference[]>>();
  for (const claim of claims) {
    for (const { document, paragraph } of claim.meta.appearances) {
      const paragraphs = bySlug.get(document) ?? new Map<number, ClaimReference[]>();
      const references = paragraphs.get(paragraph) ?? [];
      if (!references.some((reference) => reference.id === claim.id)) references.push({ id: claim.id, statement: claim.meta.statement });
      paragraphs.set(paragraph, references);
      bySlug.set(document, paragraphs);
    }
  }
  const none = new Map<number, ClaimReference[]>();
  return (slug) => bySlug.get(slug) ?? none;
}

function suggest(unknown: string, known: readonly string[], what: string): string {
  const closest = closestIds(unknown, known).map((id) => `"${id}"`);
  return closest.length > 0 ? `; closest ${what}: ${closest.join(', ')}` : '';
}

/** The run of the paragraph's words, as long as the quote, that is nearest to it. */
export function closestPassage(text: string, quote: string): string {
  const words = text.split(' ');
  const length = Math.max(1, Math.min(words.length, quote.split(' ').length));
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let start = 0; start + length <= words.length; start += 1) {
    const passage = words.slice(start, start + length).join(' ');
    const score = distance(passage, quote);
    if (score < bestDistance) {
      best = passage;
      bestDistance = score;
    }
  }
  return best;
}
