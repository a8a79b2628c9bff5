/**
 * The report the ingest command prints: the files written, the mentions
 * marked, the descriptions to confirm, what could not be marked, and names
 * that no entry knows.
 */
import { findCandidates, type Candidate, type MarkedText } from '../linking/candidates.ts';
import type { LinkedMention, LinkResult } from '../linking/link.ts';
import type { LikelyClaim } from './likely-claims.ts';
import { quote } from './review.ts';

/** The files a new document was written to, as the report names them. */
export interface IngestedFiles {
  /** The input file, as named on the command line. */
  input: string;
  title: string;
  sourcePath: string;
  pagePath: string;
  sha256: string;
  /** Things the editor should know that did not stop the command. */
  warnings: readonly string[];
  /** The review list written into the draft's front matter. */
  review: readonly string[];
}

/** The report on a new document: the two files written, what linking did to the draft, then the claims it likely reports. */
export function ingestReport(files: IngestedFiles, linked: LinkResult, blocks: readonly MarkedText[], claims: readonly LikelyClaim[]): string {
  return lines([
    `Ingested ${files.input} as "${files.title}":`,
    `  ${files.sourcePath}  the verbatim source, ${blocks.length} paragraphs, SHA-256 ${files.sha256}`,
    `  ${files.pagePath}  the draft page (draft: true): read it against the source, add notes and <Debris>, check the review list, then run npm run ingest -- --publish ${files.pagePath}`,
    ...files.warnings.map((warning) => `Warning: ${warning}`),
    '',
    ...reviewReport(files.review),
    ...linkingReport('Mentions marked', linked, blocks),
    '',
    ...claimReport(claims),
  ]);
}

/** The report on a re-linked page, which is written only if linking added a mention. */
export function updateReport(pagePath: string, linked: LinkResult, blocks: readonly MarkedText[]): string {
  return lines([
    linked.added.length > 0
      ? `Updated ${pagePath}: every annotation and note kept.`
      : `${pagePath} is up to date: no unmarked mention of a known entry; nothing was written.`,
    '',
    ...linkingReport('Mentions added', linked, blocks),
  ]);
}

const lines = (report: readonly string[]) => `${report.join('\n')}\n`;

/** What linking did to a page: names marked, descriptions to confirm, what could not be marked, and names no entry knows. */
function linkingReport(heading: string, linked: LinkResult, blocks: readonly MarkedText[]): string[] {
  return [
    ...mentionReport(
      heading,
      linked.added.filter((mention) => !mention.description),
    ),
    ...descriptionReport(linked.added.filter((mention) => mention.description)),
    ...variantReport(linked.added.filter((mention) => mention.variantOf !== undefined)),
    ...warningReport(linked.warnings),
    '',
    ...candidateReport(findCandidates(blocks)),
  ];
}

function reviewReport(review: readonly string[]): string[] {
  if (review.length === 0) return ['To review: nothing (the review list is empty).', ''];
  return [`To review (the page's review list: check each item, then delete it from the list): ${review.length}`, ...review.map((item) => `  - ${item}`), ''];
}

function mentionReport(heading: string, mentions: readonly LinkedMention[]): string[] {
  if (mentions.length === 0) return [`${heading}: none.`];
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.entry, (counts.get(mention.entry) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([entry]) => entry.length));
  return [
    `${heading}: ${mentions.length}, of ${rows.length} entries`,
    ...rows.map(([entry, count]) => `  ${entry.padEnd(width)}  ${String(count).padStart(3)}`),
  ];
}

/** Descriptions are marked because the document names their entry: each is listed for an editor to confirm. */
function descriptionReport(descriptions: readonly LinkedMention[]): string[] {
  if (descriptions.length === 0) return [];
  return [
    '',
    `Descriptions marked, as this document names their entry or its context (confirm each, or unwrap it): ${descriptions.length}`,
    ...descriptions.map((mention) => `  ¶ ${String(mention.paragraph).padStart(3)}  "${mention.text}" → ${mention.entry}`),
  ];
}

/** Spelling variants are marked as their entry's name: each is listed for an editor to confirm and add as an alias. */
function variantReport(variants: readonly LinkedMention[]): string[] {
  if (variants.length === 0) return [];
  return [
    '',
    `Spelling variants of known names marked (confirm each and add it to the entry's aliases, or unwrap it): ${variants.length}`,
    ...variants.map((mention) => `  ¶ ${String(mention.paragraph).padStart(3)}  "${mention.text}" ≈ ${mention.variantOf} → ${mention.entry}`),
  ];
}

/**
 * Reported speech, for the editor to register as claims. Advice, not review
 * items: a claim the register does not hold is no error, and which claims a
 * reader would want traced is the editor's choice, so these never keep a
 * page a draft.
 */
function claimReport(claims: readonly LikelyClaim[]): string[] {
  if (claims.length === 0) return ['Paragraphs that likely report a claim: none found.'];
  const claimant = ({ claimant }: LikelyClaim) =>
    claimant === undefined ? 'speaker not found' : 'entry' in claimant ? claimant.entry : `"${claimant.words}" (no entry)`;
  const width = Math.max(...claims.map((claim) => claimant(claim).length));
  return [
    `Paragraphs that likely report a claim (reported speech; advice, not review items): ${claims.length}`,
    ...claims.map((claim) => `  ¶ ${String(claim.paragraph).padStart(3)}  ${claimant(claim).padEnd(width)}  ${claim.cue}: ${quote(claim.sentence)}`),
    'Register those a reader would want traced as content/claims/<id>.md: claimant, statement, and each paragraph with its exact words (README, "Adding a claim").',
  ];
}

function warningReport(warnings: readonly string[]): string[] {
  return warnings.length === 0 ? [] : ['', 'Not marked (check by hand):', ...warnings.map((warning) => `  ${warning}`)];
}

function candidateReport(candidates: readonly Candidate[]): string[] {
  if (candidates.length === 0) return ['Names and acronyms that match no glossary entry: none.'];
  const width = Math.max(...candidates.map((candidate) => candidate.name.length));
  return [
    `Names and acronyms that match no glossary entry (candidates for new entries or aliases; times found, in ¶): ${candidates.length}`,
    ...candidates.map((candidate) => `  ${candidate.name.padEnd(width)}  ${String(candidate.count).padStart(3)}  ¶ ${candidate.paragraphs.join(', ')}`),
  ];
}
