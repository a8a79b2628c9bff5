/**
 * What the ingest command writes, decided before anything is written: the
 * source and draft page of a new document (planIngest), or an existing page
 * re-linked (planUpdate). Every page planned is checked the way the build
 * checks it (buildCorpus), so a page that is written is a page that builds.
 * Pure logic: scripts/ingest.ts reads and writes the files.
 */
import { join } from 'node:path';
import type { Block } from '../corpus/blocks.ts';
import { buildCorpus } from '../corpus/build.ts';
import { parseFrontmatter } from '../corpus/frontmatter.ts';
import type { ContentFile } from '../corpus/model.ts';
import { formatProblem, type Problem } from '../corpus/problems.ts';
import { documentSchema } from '../corpus/schema.ts';
import { linkMentions } from '../linking/link.ts';
import { buildMatcher } from '../linking/match.ts';
import { glossaryNames } from '../linking/names.ts';
import { sha256 } from '../text/hash.ts';
import { splitSourceParagraphs, type SourceParagraph } from '../text/paragraphs.ts';
import { decodeSource } from './decode.ts';
import { draftBody, unrepresentableParagraphs } from './draft.ts';
import { buildMeta, renderFrontmatter, type IngestOptions } from './metadata.ts';
import { ingestReport, updateReport } from './report.ts';

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
    errors.push(`${pagePath} already exists: ingest never overwrites a page. To re-link its mentions keeping the editors' work, run with --update ${meta.slug}; for a different document, pass another --slug`);
  } else if (existing.sources.has(`${meta.slug}.txt`)) {
    errors.push(`${sourcePath} already exists (a source without its page?): sources are never overwritten; pass another --slug or remove that file if it is a leftover`);
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

  const unrepresentable = unrepresentableParagraphs(paragraphs, request.input, meta.meta.title);
  if (unrepresentable.length > 0) return { ok: false, errors: unrepresentable };

  const names = glossaryNames(existing.glossary);
  if (names.problems.length > 0) return { ok: false, errors: glossaryErrors(names.problems) };
  const draft = `${renderFrontmatter(meta.meta)}\n${draftBody(paragraphs, meta.meta.title)}`;
  const linked = linkMentions(draft, buildMatcher(names.names));

  const sources = new Map(existing.sources).set(meta.meta.source, request.bytes);
  const check = checkPage(pagePath, linked.text, existing, sources);
  if (check.problems.length > 0) {
    return { ok: false, errors: [...check.problems.map(formatProblem), `the drafted page would not build (a bug of the ingest command: please report it)`] };
  }
  const report = ingestReport({ input: request.input, title: meta.meta.title, sourcePath, pagePath, sha256: hash }, linked, check.blocks);
  return { ok: true, writes: [{ path: sourcePath, data: request.bytes }, { path: pagePath, data: linked.text }], report };
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
    return { ok: false, errors: [...before.problems.map(formatProblem), `${request.pagePath} does not pass the build's checks: fix it first, then run --update again`] };
  }
  const linked = linkMentions(request.pageText, buildMatcher(names.names));
  const after = checkPage(request.pagePath, linked.text, existing, existing.sources);
  if (after.problems.length > 0) {
    return { ok: false, errors: [...after.problems.map(formatProblem), `re-linking would break ${request.pagePath} (a bug of the ingest command: please report it)`] };
  }
  const writes = linked.added.length > 0 ? [{ path: request.pagePath, data: linked.text }] : [];
  return { ok: true, writes, report: updateReport(request.pagePath, linked, after.blocks) };
}

/** A source's text as the fidelity check compares it: paragraphs with white space normalised, so that two copies differing only in white space are equal. */
function normalizedText(paragraphs: readonly SourceParagraph[]): string {
  return paragraphs.map((paragraph) => paragraph.text).join('\n\n');
}

/** Runs the build's own checks on one page against the glossary and sources. */
function checkPage(path: string, text: string, existing: ExistingContent, sources: ReadonlyMap<string, Uint8Array>): { problems: Problem[]; blocks: Block[] } {
  const { model, problems } = buildCorpus({
    documents: [{ path, text }],
    entries: [...existing.glossary],
    comparisons: [],
    sources: new Map(sources),
    sourcesDir: join(existing.dir, 'sources'),
    glossaryDir: join(existing.dir, 'glossary'),
  });
  return { problems, blocks: model.documents[0]?.blocks ?? [] };
}

function glossaryErrors(problems: readonly Problem[]): string[] {
  return [...problems.map(formatProblem), 'the glossary has problems (the build would refuse it too): fix them first'];
}
