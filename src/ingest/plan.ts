/**
 * What the ingest command writes, decided before anything is written: the
 * source and draft page of a new document (planIngest), or an existing page
 * re-linked (planUpdate). Every page planned is checked the way the build
 * checks it (buildCorpus), so a page that is written is a page that builds.
 * Pure logic: scripts/ingest.ts reads and writes the files.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Block } from '../corpus/blocks.ts';
import { buildCorpus } from '../corpus/build.ts';
import { parseFrontmatter } from '../corpus/frontmatter.ts';
import type { ContentFile, GlossaryEntry } from '../corpus/model.ts';
import { formatProblem, type Problem } from '../corpus/problems.ts';
import { documentSchema } from '../corpus/schema.ts';
import { linkMentions } from '../linking/link.ts';
import { buildMatcher } from '../linking/match.ts';
import { glossaryNames } from '../linking/names.ts';
import { sha256 } from '../text/hash.ts';
import { splitSourceParagraphs, type SourceParagraph } from '../text/paragraphs.ts';
import { draftLayout } from './debris.ts';
import { decodeSource } from './decode.ts';
import { draftBody, unrepresentableParagraphs } from './draft.ts';
import { likelyClaims } from './likely-claims.ts';
import { buildMeta, renderFrontmatter, type IngestOptions } from './metadata.ts';
import { ingestReport, updateReport } from './report.ts';
import { reviewItems } from './review.ts';

/** The content directory as the command found it. */
export interface ExistingContent {
  /** The content directory, as paths in messages should show it. */
  dir: string;
  /** Slugs that have a page in <dir>/corpus. */
  pages: ReadonlySet<string>;
  /** Source file name → bytes, for every file in <dir>/sources. */
  sources: ReadonlyMap<string, Uint8Array>;
  glossary: readonly ContentFile[];
}

export interface FileWrite {
  path: string;
  data: string | Uint8Array;
}

export type Plan = { ok: true; writes: FileWrite[]; report: string } | { ok: false; errors: string[] };

export interface IngestRequest {
  /** The input file, as named on the command line. */
  input: string;
  bytes: Uint8Array;
  options: IngestOptions;
}

const paths = (dir: string, slug: string) => ({ source: join(dir, 'sources', `${slug}.txt`), page: join(dir, 'corpus', `${slug}.mdx`) });

/** Decides the two files of a new document, or every reason not to write them. */
export function planIngest(request: IngestRequest, existing: ExistingContent): Plan {
  const decoded = decodeSource(request.bytes, request.input);
  const hash = sha256(request.bytes);
  const meta = buildMeta(request.options, hash);
  const errors = [...(decoded.ok ? [] : [decoded.message]), ...(meta.ok ? [] : meta.errors)];
  if (!decoded.ok || !meta.ok) return { ok: false, errors };

  const { source: sourcePath, page: pagePath } = paths(existing.dir, meta.slug);
  if (existing.pages.has(meta.slug)) {
    errors.push(
      `${pagePath} already exists: ingest never overwrites a page. To re-link its mentions keeping the editors' work, run with --update ${meta.slug}; for a different document, pass another --slug`,
    );
  } else if (existing.sources.has(`${meta.slug}.txt`)) {
    errors.push(
      `${sourcePath} already exists (a source without its page?): sources are never overwritten; pass another --slug or remove that file if it is a leftover`,
    );
  }
  const paragraphs = splitSourceParagraphs(decoded.text);
  const text = normalizedText(paragraphs);
  for (const [name, bytes] of existing.sources) {
    const existingPath = join(existing.dir, 'sources', name);
    if (sha256(bytes) === hash) {
      errors.push(`${request.input} is a duplicate of ${existingPath} (identical bytes, SHA-256 ${hash}): that source is already in the corpus`);
    } else if (normalizedText(splitSourceParagraphs(new TextDecoder('utf-8').decode(bytes))) === text) {
      errors.push(`${request.input} has the same text as ${existingPath}, differing only in white space: that source is already in the corpus`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const layout = draftLayout(paragraphs, meta.meta.title, meta.meta.publisher);
  const unrepresentable = unrepresentableParagraphs(paragraphs, request.input, layout);
  if (unrepresentable.length > 0) return { ok: false, errors: unrepresentable };

  const names = glossaryNames(existing.glossary);
  if (names.problems.length > 0) return { ok: false, errors: glossaryErrors(names.problems) };
  // Mentions are linked in the body; the front matter, which lists the descriptions linked, is written after.
  const provisional = renderFrontmatter(meta.meta);
  const linked = linkMentions(`${provisional}\n${draftBody(paragraphs, layout)}`, buildMatcher(names.names));
  const review = reviewItems(paragraphs, layout, linked.added);
  const page = `${renderFrontmatter({ ...meta.meta, draft: true, ...(review.length > 0 ? { review } : {}) })}${linked.text.slice(provisional.length)}`;

  const sources = new Map(existing.sources).set(meta.meta.source, request.bytes);
  const check = checkPage(pagePath, page, existing, sources);
  if (check.problems.length > 0) {
    return { ok: false, errors: [...check.problems.map(formatProblem), `the drafted page would not build (a bug of the ingest command: please report it)`] };
  }
  const report = ingestReport(
    { input: request.input, title: meta.meta.title, sourcePath, pagePath, sha256: hash, warnings: meta.warnings, review },
    { ...linked, text: page },
    check.blocks,
    likelyClaims(check.blocks, new Map(check.entries.map((entry) => [entry.id, entry.meta.type]))),
  );
  return {
    ok: true,
    writes: [
      { path: sourcePath, data: request.bytes },
      { path: pagePath, data: page },
    ],
    report,
  };
}

export interface UpdateRequest {
  /** The page, as it should appear in messages. */
  pagePath: string;
  pageText: string;
}

/**
 * Re-links an existing page: adds the mentions it lacks and keeps every
 * annotation and note. Refuses a page that does not pass the build's checks
 * to begin with, and writes only a page that still does.
 */
export function planUpdate(request: UpdateRequest, existing: ExistingContent): Plan {
  const front = parseFrontmatter(request.pageText, request.pagePath, documentSchema);
  if (!front.ok) return { ok: false, errors: [...front.problems.map(formatProblem), 'fix the front matter first'] };
  const names = glossaryNames(existing.glossary);
  if (names.problems.length > 0) return { ok: false, errors: glossaryErrors(names.problems) };

  const before = checkPage(request.pagePath, request.pageText, existing, existing.sources);
  if (before.problems.length > 0) {
    return {
      ok: false,
      errors: [...before.problems.map(formatProblem), `${request.pagePath} does not pass the build's checks: fix it first, then run --update again`],
    };
  }
  const linked = linkMentions(request.pageText, buildMatcher(names.names));
  const after = checkPage(request.pagePath, linked.text, existing, existing.sources);
  if (after.problems.length > 0) {
    return {
      ok: false,
      errors: [...after.problems.map(formatProblem), `re-linking would break ${request.pagePath} (a bug of the ingest command: please report it)`],
    };
  }
  const writes = linked.added.length > 0 ? [{ path: request.pagePath, data: linked.text }] : [];
  return { ok: true, writes, report: updateReport(request.pagePath, linked, after.blocks) };
}

/**
 * Publishes a draft: removes `draft: true` (and an emptied `review:`) from
 * its front matter, only once every review item has been deleted, and only
 * if the page then passes the build's checks.
 */
export function planPublish(request: UpdateRequest, existing: ExistingContent): Plan {
  const edited = publishedFrontmatter(request.pageText);
  if (!edited) return { ok: false, errors: [`${request.pagePath}:1: no front matter: a corpus page starts with a --- block`] };
  // The review list as the editor left it; the rest of the front matter is checked with the page below.
  const front = parseFrontmatter(request.pageText, request.pagePath, openReviewSchema);
  if (!front.ok) return { ok: false, errors: [...front.problems.map(formatProblem), 'fix the front matter first'] };
  const open = front.data.review ?? [];
  if (open.length > 0) {
    return {
      ok: false,
      errors: [
        [
          `${request.pagePath}:${edited.reviewLine}: ${open.length === 1 ? '1 review item is' : `${open.length} review items are`} still open, so the page stays a draft:`,
          ...open.map((item) => `  - ${item}`),
          'check each item in the page (see README, "Adding a document"), delete it from the review list, then run --publish again',
        ].join('\n'),
      ],
    };
  }
  if (!edited.wasDraft)
    return { ok: true, writes: [], report: `${request.pagePath} is not a draft (no draft: true): it is already published; nothing was written.\n` };
  const check = checkPage(request.pagePath, edited.text, existing, existing.sources);
  if (check.problems.length > 0) {
    return {
      ok: false,
      errors: [...check.problems.map(formatProblem), `${request.pagePath} does not pass the build's checks: fix it, then run --publish again`],
    };
  }
  return {
    ok: true,
    writes: [{ path: request.pagePath, data: edited.text }],
    report: `Published ${request.pagePath}: draft: true removed; the next production build includes it. Run npm run build, then npm run lock.\n`,
  };
}

/** What --publish reads first: the review items, an emptied list (`review:` with nothing after it) counting as none. */
const openReviewSchema = z.object({ review: z.array(z.string()).nullish() });

/**
 * The page with `draft: true` and an empty `review:` (`review: []`, or the key
 * left with no items) taken out of its front matter, or undefined without
 * front matter. Only those lines change, so the editors' formatting is kept.
 */
export function publishedFrontmatter(page: string): { text: string; wasDraft: boolean; reviewLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/u.exec(page);
  if (!match) return undefined;
  const lines = (match[1] ?? '').split(/(?<=\n)/u);
  let wasDraft = false;
  let reviewLine = 1;
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (/^draft:\s*true\s*$/u.test(line)) {
      wasDraft = true;
      return;
    }
    if (/^review:/u.test(line)) reviewLine = index + 2;
    const emptyList = /^review:\s*(?:\[\s*\])?\s*$/u.test(line) && !/^\s+-|^\s+\S/u.test(lines[index + 1] ?? '');
    if (!emptyList) kept.push(line);
  });
  const body = page.slice(match[0].length);
  const closing = match[0].slice(match[0].lastIndexOf('---'));
  return { text: `---\n${kept.join('')}${closing}${body}`, wasDraft, reviewLine };
}

/** A source's text as the fidelity check compares it: paragraphs with white space normalised, so that two copies differing only in white space are equal. */
function normalizedText(paragraphs: readonly SourceParagraph[]): string {
  return paragraphs.map((paragraph) => paragraph.text).join('\n\n');
}

/** Runs the build's own checks on one page against the glossary and sources. */
function checkPage(
  path: string,
  text: string,
  existing: ExistingContent,
  sources: ReadonlyMap<string, Uint8Array>,
): { problems: Problem[]; blocks: Block[]; entries: readonly GlossaryEntry[] } {
  const { model, problems } = buildCorpus({
    documents: [{ path, text }],
    entries: [...existing.glossary],
    comparisons: [],
    sources: new Map(sources),
    sourcesDir: join(existing.dir, 'sources'),
    glossaryDir: join(existing.dir, 'glossary'),
    // A draft is checked as a published page would be: `npm run dev` shows it, and --publish must not meet surprises.
    drafts: 'include',
  });
  return { problems, blocks: model.documents[0]?.blocks ?? [], entries: model.entries };
}

function glossaryErrors(problems: readonly Problem[]): string[] {
  return [...problems.map(formatProblem), 'the glossary has problems (the build would refuse it too): fix them first'];
}
