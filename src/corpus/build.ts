import { extractBlocks, type Block } from './blocks.ts';
import { loadComparison } from './comparisons.ts';
import { paragraphPath } from '../routes.ts';
import { compareToSource } from './fidelity.ts';
import { type FrontmatterMemo, parseFrontmatter, parseYaml, splitFrontmatter } from './frontmatter.ts';
import { closestIds, mentionsByEntry, mentionsOfBlock, relatedEntries } from './mentions.ts';
import { checkEditorialLock, editorialUnits } from './editorial.ts';
import { checkClaims, claimsByParagraph, loadClaims } from './claims.ts';
import type { Root } from 'mdast';
import type { ContentFile, CorpusBuild, CorpusDocument, CorpusFiles, CorpusModel, EditorialLock, GlossaryEntry, ParsedContext } from './model.ts';
import { pageNotes } from './notes.ts';
import { parseMdx, rawHtmlProblems } from './parse.ts';
import type { Problem } from './problems.ts';
import { type CorrectionRecord, correctionsSchema, documentSchema, draftSchema, entrySchema, slugPattern } from './schema.ts';
import { sha256 } from '../text/hash.ts';
import { type SourceParagraph, splitSourceParagraphs } from '../text/paragraphs.ts';
import { countWords, normalizeWhitespace } from '../text/normalize.ts';

/** How many related entries the model keeps for each entry: those its page lists. */
const relatedPerEntry = 12;

/** Validates every content file and builds the corpus model, collecting every problem rather than stopping at the first. */
export function buildCorpus(files: CorpusFiles): CorpusBuild {
  const plan = planCorpus(files);
  const inputs = documentInputs(files, plan);
  const checks = plan.published.map((file) => {
    const check = checkDocument(file, inputs);
    if (check.tree && check.document) files.onParsed?.(check.document, check.tree, { entries: plan.entries, claims: plan.claimsOf(check.document.slug) });
    return check;
  });
  return assembleCorpus(files, plan, checks);
}

/**
 * The cross-document work that comes before the documents: the glossary, the
 * claims register and which pages are published. Each published page can then
 * be checked on its own ({@link checkDocument}), in any order or thread.
 */
export interface CorpusPlan {
  entries: GlossaryEntry[];
  /** Ids of every glossary file, refused entries included, so that their mentions are not reported again. */
  known: ReadonlySet<string>;
  register: ReturnType<typeof loadClaims>;
  /** A page's slug → the claims its paragraphs report. */
  claimsOf: (slug: string) => ParsedContext['claims'];
  leftOut: CorpusBuild['leftOut'];
  /** The pages to check and publish, in file order. */
  published: ContentFile[];
  /** The problems found so far, in the order buildCorpus reports them. */
  problems: Problem[];
}

export function planCorpus(files: CorpusFiles): CorpusPlan {
  const problems: Problem[] = [];
  const entries = files.entries.flatMap((file) => loadEntry(file, problems, files.frontmatter));
  const entryIds = entries.map((entry) => entry.id);
  // Entries refused for their own problems are reported once, not again at every mention.
  const loaded = new Set(entryIds);
  const refused = files.entries.map((file) => baseName(file.path, '.md')).filter((id) => !loaded.has(id));
  const known = new Set([...entryIds, ...refused]);
  problems.push(...unknownContextProblems(entries, files.entries, known));
  const register = loadClaims(files.claims ?? [], problems, files.frontmatter);
  const claimsOf = claimsByParagraph(register.claims);
  const leftOut = files.drafts === 'include' ? [] : files.documents.flatMap(draftLeftOut);
  const published = files.documents.filter((file) => !leftOut.some((draft) => draft.file === file.path));
  return { entries, known, register, claimsOf, leftOut, published, problems };
}

/** What checking one page needs of the rest of the corpus: plain data, so that a worker thread can be sent it. */
export interface DocumentInputs {
  /** The bytes of the source the page names, or undefined where there is no such file. */
  source: (name: string) => Uint8Array | undefined;
  known: ReadonlySet<string>;
  /** The loaded entries' ids, for suggestions. */
  entryIds: readonly string[];
  sourcesDir: string;
  glossaryDir: string;
}

export function documentInputs(files: CorpusFiles, plan: CorpusPlan): DocumentInputs {
  return {
    source: (name) => files.sources.get(name),
    known: plan.known,
    entryIds: plan.entries.map((entry) => entry.id),
    sourcesDir: files.sourcesDir,
    glossaryDir: files.glossaryDir,
  };
}

/** One page checked: the document where it could be read, its problems, and its parsed tree where it has none. */
export interface DocumentCheck {
  document?: CorpusDocument;
  problems: Problem[];
  /** The parsed page, ready to render: only where the page has no problems. */
  tree?: Root;
}

/** Checks one page against its source and the glossary: the per-document work, independent of every other page. */
export function checkDocument(file: ContentFile, inputs: DocumentInputs): DocumentCheck {
  const problems: Problem[] = [];
  const result = loadDocument(file, inputs, problems);
  return problems.length === 0 && result ? { document: result.document, problems, tree: result.tree } : { document: result?.document, problems };
}

/** The cross-document work that follows the documents: claims against the pages, indexes, comparisons and the editorial lock. */
export function assembleCorpus(files: CorpusFiles, plan: CorpusPlan, checks: readonly DocumentCheck[]): CorpusBuild {
  const { entries, register, leftOut } = plan;
  const problems = [...plan.problems, ...checks.flatMap((check) => check.problems)];
  const documents = checks.flatMap((check) => (check.document ? [check.document] : []));
  problems.push(...checkClaims(register.claims, documents, entries, register.lineOf));

  documents.sort((a, b) => a.meta.published.localeCompare(b.meta.published) || a.meta.title.localeCompare(b.meta.title));
  entries.sort((a, b) => a.meta.name.localeCompare(b.meta.name, 'en'));
  const mentions = documents.flatMap((document) => document.blocks.flatMap((block) => mentionsOfBlock(document.slug, block)));
  const corrections = loadCorrections(files.corrections, problems);
  const model: CorpusModel = {
    documents,
    entries,
    mentionsByEntry: Object.fromEntries(mentionsByEntry(mentions)),
    relatedEntries: Object.fromEntries(relatedEntries(mentions, relatedPerEntry)),
    anchors: documents.flatMap((document) => document.blocks.map((block) => paragraphPath(document.slug, block.number))),
    comparisons: files.comparisons.flatMap((file) => loadComparison(file, documents, new Set(register.claims.map((claim) => claim.id)), problems)),
    corrections: corrections.records,
    claims: register.claims,
  };
  const units = editorialUnits(model, files);
  const lock = loadEditorialLock(files.editorialLock, problems);
  const check = checkEditorialLock(units, lock.lock, corrections.records, {
    lock: files.editorialLock?.path ?? 'editorial.lock.json',
    corrections: files.corrections?.path ?? 'corrections.yaml',
    recordLine: corrections.lineOf,
    lockLine: lock.lineOf,
  });
  problems.push(...check.problems);
  return { model, problems, leftOut, editorial: { units, lock: lock.lock, unlocked: check.unlocked } };
}

/** A page marked `draft: true`, read from its front matter alone: a production build neither checks nor publishes it. */
function draftLeftOut(file: ContentFile): { file: string; reason: string }[] {
  const { yaml } = splitFrontmatter(file.text);
  if (yaml === null || !/^draft:\s*true\s*$/mu.test(yaml)) return [];
  const open = parseFrontmatter(file.text, file.path, draftSchema);
  const items = open.ok ? open.data.review.length : 0;
  return [
    {
      file: file.path,
      reason:
        items > 0
          ? `a draft with ${items === 1 ? '1 review item' : `${items} review items`} open: check each in the page and delete it from review:, then npm run ingest -- --publish ${file.path}`
          : `a draft: once it is reviewed, npm run ingest -- --publish ${file.path} (or remove draft: true)`,
    },
  ];
}

/** The correction records, or none where the corpus has no corrections file. */
function loadCorrections(file: ContentFile | undefined, problems: Problem[]): { records: CorrectionRecord[]; lineOf: (index: number) => number } {
  if (!file || file.text.trim() === '') return { records: [], lineOf: () => 1 };
  const result = parseYaml(file.text, file.path, correctionsSchema, 'correction record');
  if (!result.ok) {
    problems.push(...result.problems);
    return { records: [], lineOf: () => 1 };
  }
  return { records: result.data, lineOf: (index) => result.lineOf([index]) };
}

function loadEditorialLock(file: ContentFile | undefined, problems: Problem[]): { lock: EditorialLock; lineOf: (key: string) => number } {
  const none = { lock: { units: {} }, lineOf: () => 1 };
  if (!file || file.text.trim() === '') return none;
  const lineOf = (key: string) => {
    const index = file.text.split('\n').findIndex((line) => line.includes(JSON.stringify(key)));
    return index === -1 ? 1 : index + 1;
  };
  try {
    const parsed = JSON.parse(file.text) as Partial<EditorialLock>;
    return { lock: { units: parsed.units ?? {} }, lineOf };
  } catch (error) {
    problems.push({
      file: file.path,
      line: 1,
      message: `the editorial lock is not valid JSON (${(error as Error).message}): restore it from version control and run npm run lock`,
    });
    return none;
  }
}

/** A content file's name without its folder and extension: a glossary id or document slug. */
export function baseName(path: string, extension: string): string {
  return (path.split('/').pop() ?? path).slice(0, -extension.length);
}

function loadEntry(file: ContentFile, problems: Problem[], memo?: FrontmatterMemo): GlossaryEntry[] {
  const id = baseName(file.path, '.md');
  if (!slugPattern.test(id)) {
    problems.push({ file: file.path, line: 1, message: `the file name "${id}" must be a lower-case id of letters, digits and hyphens, such as "bledi-cuci"` });
    return [];
  }
  const result = parseFrontmatter(file.text, file.path, entrySchema, memo && { memo, name: 'entry' });
  if (!result.ok) {
    problems.push(...result.problems);
    return [];
  }
  const html = rawHtmlProblems(file, 'glossary entries');
  problems.push(...html);
  return html.length === 0 ? [{ id, file: file.path, meta: result.data }] : [];
}

/** An entry's `context` names other entries: each must exist. */
function unknownContextProblems(entries: readonly GlossaryEntry[], files: readonly ContentFile[], known: ReadonlySet<string>): Problem[] {
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  return entries.flatMap((entry) =>
    entry.meta.context
      .filter((id) => !known.has(id))
      .map((id) => {
        const suggestions = closestIds(
          id,
          [...known].filter((other) => other !== entry.id),
        ).map((candidate) => `"${candidate}"`);
        return {
          file: entry.file,
          line: lineOfField(textOf.get(entry.file) ?? '', 'context'),
          message: `context names "${id}", which is no glossary entry${suggestions.length ? `; closest entries: ${suggestions.join(', ')}` : ''}`,
        };
      }),
  );
}

function loadDocument(file: ContentFile, inputs: DocumentInputs, problems: Problem[]): { document: CorpusDocument; tree: Root } | undefined {
  const { known, entryIds } = inputs;
  const slug = baseName(file.path, '.mdx');
  const at = (line: number, message: string, column?: number): Problem => ({ file: file.path, line, column, message });
  if (!slugPattern.test(slug)) {
    problems.push(at(1, `the file name "${slug}" must be a lower-case slug of letters, digits and hyphens: it becomes the page's permanent URL`));
    return undefined;
  }
  const front = parseFrontmatter(file.text, file.path, documentSchema);
  if (!front.ok) {
    problems.push(...front.problems);
    return undefined;
  }
  const meta = front.data;
  const sourceBytes = inputs.source(meta.source);
  const sourcePath = `${inputs.sourcesDir}/${meta.source}`;
  if (!sourceBytes) {
    problems.push(at(lineOfField(file.text, 'source'), `the source file ${sourcePath} does not exist`));
    return undefined;
  }
  const actualHash = sha256(sourceBytes);
  if (actualHash !== meta.sha256) {
    problems.push(
      at(
        lineOfField(file.text, 'sha256'),
        `${sourcePath} has SHA-256 ${actualHash}, but this page records ${meta.sha256}. Sources are verbatim and never edited: restore the file from the original; only for a new source, record its hash here`,
      ),
    );
    return undefined;
  }
  let tree: Root;
  try {
    tree = parseMdx(file.text);
  } catch (error) {
    const place = error as { line?: number; column?: number; place?: { line?: number; column?: number }; reason?: string; message: string };
    problems.push(at(place.line ?? place.place?.line ?? 1, `the page is not valid MDX: ${place.reason ?? place.message}`, place.column ?? place.place?.column));
    return undefined;
  }
  const { blocks, issues, footnoteDefinitions } = extractBlocks(tree);
  for (const issue of issues) problems.push(at(issue.line, issue.message, issue.column));

  const sourceText = new TextDecoder('utf-8').decode(sourceBytes);
  const sourceParagraphs = splitSourceParagraphs(sourceText);
  const dangling = danglingReferences(blocks, sourceParagraphs);
  const lastLine = file.text.split('\n').length;
  // A dangling reference is reported as such below, not again as a difference from the source.
  for (const problem of compareToSource(withoutDanglingReferences(blocks, dangling), sourceParagraphs)) {
    problems.push(at(problem.pageLine ?? lastLine, `text differs from ${sourcePath}: ${problem.message}`));
  }

  for (const block of blocks) {
    for (const mention of block.mentions) {
      if (!known.has(mention.entry)) {
        const suggestions = closestIds(mention.entry, entryIds).map((id) => `"${id}"`);
        problems.push(
          at(
            mention.line,
            `<Mention entry="${mention.entry}"> names no glossary entry (${inputs.glossaryDir}/${mention.entry}.md does not exist)${suggestions.length ? `; closest entries: ${suggestions.join(', ')}` : ''}`,
            mention.column,
          ),
        );
      }
    }
  }
  problems.push(...footnoteProblems(blocks, footnoteDefinitions, dangling).map(({ line, message }) => at(line, message)));

  const article = blocks.filter((block) => !block.debris);
  const document: CorpusDocument = {
    slug,
    file: file.path,
    meta,
    blocks,
    paragraphCount: article.length,
    debrisCount: blocks.length - article.length,
    wordCount: article.reduce((sum, block) => sum + countWords(block.text), 0),
    noteCount: new Set(footnoteDefinitions.map((definition) => definition.label)).size,
    notes: pageNotes(blocks, tree),
  };
  return { document, tree };
}

/** A footnote reference with no definition of its label, which the parser therefore left in the text as `[^label]`. */
interface DanglingReference {
  block: Block;
  label: string;
}

const referenceText = /\[\^([^\]\s]+)\]/gu;

/** References left as text in a paragraph where the source has no such text. */
function danglingReferences(blocks: readonly Block[], source: readonly SourceParagraph[]): DanglingReference[] {
  return blocks.flatMap((block) =>
    [...block.text.matchAll(referenceText)]
      .filter((match) => !source[block.number - 1]?.text.includes(match[0]))
      .map((match) => ({ block, label: match[1] ?? '' })),
  );
}

function withoutDanglingReferences(blocks: readonly Block[], dangling: readonly DanglingReference[]): readonly Block[] {
  if (dangling.length === 0) return blocks;
  return blocks.map((block) => {
    const labels = dangling.filter((reference) => reference.block === block).map((reference) => `[^${reference.label}]`);
    return labels.length === 0 ? block : { ...block, text: normalizeWhitespace(labels.reduce((text, label) => text.replaceAll(label, ' '), block.text)) };
  });
}

/** Footnote ids are anchors too: a label defined twice gives two elements one id. */
function footnoteProblems(
  blocks: readonly Block[],
  definitions: readonly { label: string; line: number }[],
  dangling: readonly DanglingReference[],
): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  // A misspelt reference leaves its definition unused: name the definition in the reference's message instead.
  const suggested = new Set<string>();
  const labels = [...new Set(definitions.map((definition) => definition.label))];
  for (const { block, label } of dangling) {
    const [closest] = closestIds(label, labels, 1);
    const line = definitions.find((definition) => definition.label === closest)?.line;
    if (closest) suggested.add(closest);
    problems.push({
      line: block.line,
      message: `¶ ${block.number} refers to footnote [^${label}], which is not defined${closest ? `; did you mean [^${closest}], defined on line ${line}?` : `: add its definition, [^${label}]: …, at the end of the page`}`,
    });
  }
  const firstDefinition = new Map<string, number>();
  for (const definition of definitions) {
    const first = firstDefinition.get(definition.label);
    if (first === undefined) firstDefinition.set(definition.label, definition.line);
    else
      problems.push({
        line: definition.line,
        message: `anchor collision: footnote [^${definition.label}] is already defined on line ${first}; give each note its own label`,
      });
  }
  const referenced = new Set<string>();
  for (const block of blocks) {
    for (const label of block.footnoteLabels) {
      referenced.add(label);
      if (!firstDefinition.has(label)) problems.push({ line: block.line, message: `¶ ${block.number} refers to footnote [^${label}], which is not defined` });
    }
  }
  for (const [label, line] of firstDefinition) {
    if (!referenced.has(label) && !suggested.has(label)) problems.push({ line, message: `footnote [^${label}] is defined but no paragraph refers to it` });
  }
  return problems;
}

/** 1-based line of a top-level front matter field, or 1 when absent. */
export function lineOfField(text: string, field: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? 1 : index + 1;
}
