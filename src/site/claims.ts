import type { Claim, GlossaryEntry } from '../corpus/model.ts';
import type { ClaimRelation, ClaimStatus } from '../corpus/schema.ts';
import type { DocumentSummary } from './page-model.ts';

/** How a response reads on the page of the claim it answers, and on its own page. */
export const relationLabels: Record<ClaimRelation, { answered: string; answering: string }> = {
  denies: { answered: 'Denied by', answering: 'Denies' },
  contradicts: { answered: 'Contradicted by', answering: 'Contradicts' },
  qualifies: { answered: 'Qualified by', answering: 'Qualifies' },
  supports: { answered: 'Supported by', answering: 'Supports' },
};

export const statusLabels: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  disputed: 'Disputed',
  corroborated: 'Corroborated',
  contradicted: 'Contradicted by evidence',
};

export interface ClaimAppearance {
  document: DocumentSummary;
  paragraph: number;
  quote: string;
}

export interface ClaimLink {
  claim: Claim;
  relation: ClaimRelation;
}

/** A claim in a list: the list names its claimant, and may say how it relates to the page's claim. */
export interface ListedClaim {
  claim: Claim;
  /** The claimant's name: its glossary entry's, or as the register gives it where there is none. */
  claimant: string;
  label?: string;
}

/** A claim with what its page shows: who made it, where the documents report it, and the claims around it. */
export interface ClaimView {
  claim: Claim;
  claimant?: GlossaryEntry;
  about: GlossaryEntry[];
  /** Every appearance, earliest document first, then by paragraph. */
  appearances: ClaimAppearance[];
  /** Claims that respond to this one. */
  responses: ClaimLink[];
  /** Claims this one responds to: the responses that name it, seen from its side. */
  respondsTo: ClaimLink[];
  /** Who evaluated the claim, where the register records an evaluation. */
  reviewer?: GlossaryEntry;
}

/** Everything claim pages and lists need, built once from the register. */
export interface ClaimIndex {
  views: Map<string, ClaimView>;
  /** Entry id → the claims it made. */
  madeBy: Map<string, Claim[]>;
  /** Entry id → the claims about it. */
  about: Map<string, Claim[]>;
}

export function claimIndex(
  claims: readonly Claim[],
  documentsBySlug: ReadonlyMap<string, DocumentSummary>,
  entriesById: ReadonlyMap<string, GlossaryEntry>,
): ClaimIndex {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const respondsTo = new Map<string, ClaimLink[]>();
  for (const claim of claims) {
    for (const { claim: id, relation } of claim.meta.responses) {
      const list = respondsTo.get(id) ?? [];
      list.push({ claim, relation });
      respondsTo.set(id, list);
    }
  }
  const views = new Map<string, ClaimView>();
  const madeBy = new Map<string, Claim[]>();
  const about = new Map<string, Claim[]>();
  for (const claim of claims) {
    const appearances = claim.meta.appearances
      .flatMap(({ document: slug, paragraph, quote }) => {
        const document = documentsBySlug.get(slug);
        return document ? [{ document, paragraph, quote }] : [];
      })
      .sort(
        (a, b) =>
          a.document.meta.published.localeCompare(b.document.meta.published) || a.document.slug.localeCompare(b.document.slug) || a.paragraph - b.paragraph,
      );
    views.set(claim.id, {
      claim,
      claimant: entriesById.get(claim.meta.claimant),
      about: claim.meta.about.flatMap((id) => entriesById.get(id) ?? []),
      appearances,
      // The answering claim names this one; on this page it is a response.
      responses: claim.meta.responses.flatMap(({ claim: id, relation }) => {
        const other = byId.get(id);
        return other ? [{ claim: other, relation }] : [];
      }),
      respondsTo: respondsTo.get(claim.id) ?? [],
      reviewer: claim.meta.review ? entriesById.get(claim.meta.review.by) : undefined,
    });
    madeBy.set(claim.meta.claimant, [...(madeBy.get(claim.meta.claimant) ?? []), claim]);
    for (const id of claim.meta.about) about.set(id, [...(about.get(id) ?? []), claim]);
  }
  return { views, madeBy, about };
}
