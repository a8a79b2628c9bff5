/**
 * Ingesting a new source: checks the text file, drafts its corpus page with
 * every mention of a glossary entry marked, and re-links existing pages
 * without touching the editors' work. Pure logic: scripts/ingest.ts reads and
 * writes the files.
 *
 * Every page this module produces is checked the way the build checks it
 * (buildCorpus), so a draft that is written is a draft that builds.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { isDescription } from '../corpus/aliases.ts';
import { extractBlocks, forEachBlock, type Block } from '../corpus/blocks.ts';
import { baseName, buildCorpus } from '../corpus/build.ts';
import type { ContentFile } from '../corpus/model.ts';
import { parseFrontmatter } from '../corpus/frontmatter.ts';
import { escapeHeading, escapeParagraph } from './mdx-escape.ts';
import { parseMdx } from '../corpus/parse.ts';
import { formatProblem, type Problem } from '../corpus/problems.ts';
import { documentSchema, entrySchema, slugPattern, type DocumentMeta } from '../corpus/schema.ts';
import { sha256 } from '../text/hash.ts';
import { splitSourceParagraphs } from '../text/paragraphs.ts';
import { foldForMatching, normalizeWhitespace } from '../text/normalize.ts';

// ---------------------------------------------------------------------------
// The input file

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/**
 * Decodes the bytes of a source file, refusing what cannot be a verbatim
 * article: an empty file, binary data, text that is not UTF-8.
 */
export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  const fail = (line: number | undefined, message: string): Decoded => ({ ok: false, message: `${line ? `${file}:${line}` : file}: ${message}` });
  if (bytes.length === 0) return fail(undefined, 'the file is empty: pass the text file of the article');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(1, `the file is not UTF-8 but UTF-16 (it starts with the byte-order mark ${hex(bytes[0])} ${hex(bytes[1])}): convert it first, e.g. \`iconv -f UTF-16 -t UTF-8 in.txt > out.txt\``);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return fail(lineOfByte(bytes, nul), `the file is binary data, not text (NUL byte at offset ${nul}): pass the article as a plain UTF-8 text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    return fail(
      lineOfByte(bytes, offset),
      `the file is not UTF-8 (byte ${hex(bytes[offset])} at offset ${offset} is not valid UTF-8): convert it from its real encoding, e.g. \`iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt\`, and check the result`,
    );
  }
  const characters = [...text];
  const controls = characters.filter((char) => /\p{Cc}/u.test(char) && !/\s/u.test(char)).length;
  // Scraped text may carry a stray control character; a binary file carries many.
  if (controls > 0 && controls >= Math.max(2, characters.length * 0.01)) {
    return fail(undefined, `the file looks like binary data, not text (${controls} control characters in ${characters.length}): pass the article as a plain UTF-8 text file`);
  }
  if (text.trim() === '') return fail(undefined, 'the file is empty (nothing but white space): pass the text file of the article');
  return { ok: true, text };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range rules out overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      const byte = bytes[index + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// Front matter

/** What the command line says about the article, before validation. */
export interface IngestOptions {
  title?: string;
  publisher?: string;
  authors?: string[];
  /** Publication date, YYYY-MM-DD. */
  date?: string;
  dateNote?: string;
  url?: string;
  receivedFrom?: string;
  language?: string;
  slug?: string;
}

/** The command-line flag that sets each front matter field, for messages. */
const flagOfField: Record<string, string> = {
  title: '--title',
  publisher: '--publisher',
  authors: '--author',
  published: '--date',
  dateNote: '--date-note',
  url: '--url',
  receivedFrom: '--received-from',
  language: '--language',
};

/** A URL slug from a headline: folded to ASCII, words joined by hyphens, cut at a word to at most `maxLength` characters. */
export function slugFromTitle(title: string, maxLength = 60): string {
  const words = foldForMatching(title).replace(/['’]/gu, '').split(/[^a-z0-9]+/u).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength && slug) break;
    slug = next;
  }
  return slug.slice(0, maxLength).replace(/-+$/u, '');
}

export type MetaResult = { ok: true; meta: DocumentMeta; slug: string } | { ok: false; errors: string[] };

/** Validates the command-line metadata and turns it into front matter, naming the flag to fix in every message. */
export function buildMeta(options: IngestOptions, sourceSha256: string): MetaResult {
  const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const missing = (['title', 'publisher', 'date'] as const).filter((key) => !given(options[key])).map((key) => `--${key}`);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [`missing ${missing.join(', ')}: the page's front matter requires the headline, the outlet and the publication date, e.g. --title "Headline as published" --publisher "Outlet" --date 2023-06-20`],
    };
  }
  const errors: string[] = [];
  const title = given(options.title) ?? '';
  const date = given(options.date) ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date)) errors.push(`--date must be a date written YYYY-MM-DD, such as 2023-06-20 (got "${date}")`);
  const slug = given(options.slug) ?? slugFromTitle(title);
  if (!slug) errors.push(`cannot derive a URL slug from the title "${title}": pass one with --slug, e.g. --slug my-article`);
  else if (!slugPattern.test(slug)) errors.push(`--slug "${slug}" must be lower-case letters, digits and single hyphens, such as "my-article": it becomes the page's permanent URL`);
  if (errors.length > 0) return { ok: false, errors };

  const candidate = {
    title,
    publisher: given(options.publisher),
    authors: (options.authors ?? []).map((author) => author.trim()).filter(Boolean),
    published: date,
    dateNote: given(options.dateNote),
    url: given(options.url),
    receivedFrom: given(options.receivedFrom),
    language: given(options.language) ?? 'en',
    source: `${slug}.txt`,
    sha256: sourceSha256,
  };
  const result = documentSchema.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)));
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        if (field === 'published') return `--date "${date}" is not a date of the calendar: write it YYYY-MM-DD, such as 2023-06-20`;
        return `${flagOfField[field] ?? field}: ${issue.message}`;
      }),
    };
  }
  return { ok: true, meta: result.data, slug };
}

/** Front matter in the field order of the README, omitting what is unknown. */
export function renderFrontmatter(meta: DocumentMeta): string {
  const ordered = {
    title: meta.title,
    publisher: meta.publisher,
    authors: meta.authors,
    published: meta.published,
    dateNote: meta.dateNote,
    url: meta.url,
    receivedFrom: meta.receivedFrom,
    language: meta.language,
    source: meta.source,
    sha256: meta.sha256,
  };
  const defined = Object.fromEntries(Object.entries(ordered).filter(([, value]) => value !== undefined));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n`;
}

// ---------------------------------------------------------------------------
// The page body

export interface SourceParagraphLines {
  /** 1-based line of the source file on which the paragraph starts. */
  line: number;
  lines: string[];
}

/** The source's paragraphs with their lines as written: the same split as splitSourceParagraphs. */
export function sourceParagraphLines(source: string): SourceParagraphLines[] {
  const paragraphs: SourceParagraphLines[] = [];
  let current: SourceParagraphLines | undefined;
  source.split(/\r\n|\r|\n/u).forEach((line, index) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      paragraphs.push(current);
    }
    current.lines.push(line);
  });
  return paragraphs;
}

/** The MDX of one source paragraph; the first is the page's `#` heading when it is the headline. */
function draftBlock(paragraph: SourceParagraphLines, index: number, title: string): string {
  const isHeadline = index === 0 && normalizeWhitespace(paragraph.lines.join('\n')) === normalizeWhitespace(title);
  return isHeadline ? escapeHeading(paragraph.lines) : escapeParagraph(paragraph.lines);
}

/** The page body: the source's paragraphs, escaped, separated by blank lines. */
export function draftBody(source: string, title: string): string {
  return `${sourceParagraphLines(source)
    .map((paragraph, index) => draftBlock(paragraph, index, title))
    .join('\n\n')}\n`;
}

/**
 * Paragraphs of `source` that no escaping can write as plain MDX text, with a
 * message each. In practice these are web and e-mail addresses: GFM turns
 * them into links after escapes are resolved, and the build refuses links in
 * the source text.
 */
export function unrepresentableParagraphs(source: string, sourcePath: string, title: string): string[] {
  const errors: string[] = [];
  const expected = splitSourceParagraphs(source);
  sourceParagraphLines(source).forEach((paragraph, index) => {
    const mdx = draftBlock(paragraph, index, title);
    const where = `${sourcePath}:${paragraph.line}: ¶ ${index + 1}`;
    let blocks: Block[] = [];
    let issues: string[] = [];
    try {
      const extracted = extractBlocks(parseMdx(mdx));
      blocks = extracted.blocks;
      issues = extracted.issues.map((issue) => issue.message);
    } catch (error) {
      issues = [(error as Error).message];
    }
    if (issues.length > 0 || blocks.length !== 1 || blocks[0]?.text !== expected[index]?.text) {
      errors.push(`${where} cannot be written as plain MDX (${issues[0] ?? `it reads back as "${blocks.map((block) => block.text).join(' / ')}"`}): please report this as a bug of src/ingest/mdx-escape.ts`);
    }
  });
  return errors;
}

function plainText(node: RootContent | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as (RootContent | PhrasingContent)[]).map((child) => plainText(child)).join('') : '';
}

// ---------------------------------------------------------------------------
// Matching glossary names in text

/** A glossary entry's id and the names it goes by. */
export interface GlossaryName {
  id: string;
  name: string;
  aliases: readonly string[];
  /** Entries whose naming in a document lets this entry's descriptions be linked there. */
  context: readonly string[];
}

/** Reads the names of glossary entries from their files, as the build does. */
export function glossaryNames(files: readonly ContentFile[]): { names: GlossaryName[]; problems: Problem[] } {
  const names: GlossaryName[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const result = parseFrontmatter(file.text, file.path, entrySchema);
    if (!result.ok) problems.push(...result.problems);
    else names.push({ id: baseName(file.path, '.md'), name: result.data.name, aliases: result.data.aliases, context: result.data.context });
  }
  return { names, problems };
}

/** Text folded for matching, with the offset in the original of every folded character. */
export interface FoldedText {
  folded: string;
  /** origin[i] is the offset in the original text of folded character i; origin[folded.length] is the original's length. */
  origin: number[];
}

/** Typographic variants that must not stop a name from matching: curly quotes and apostrophes, dashes. */
const punctuationVariants: Record<string, string> = {
  '’': "'", '‘': "'", 'ʼ': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '″': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '−': '-',
};

/**
 * Folds text character by character (lower case, no diacritics, one kind of
 * apostrophe, quote and dash, white space runs as one space), keeping the way
 * back to the original offsets that matches must be reported in.
 */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    let piece: string;
    if (/\s/u.test(char)) piece = folded === '' || folded.endsWith(' ') ? '' : ' ';
    else piece = punctuationVariants[char] ?? foldForMatching(char);
    for (let index = 0; index < piece.length; index += 1) origin.push(offset);
    folded += piece;
    offset += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

interface Form {
  entry: string;
  /** The name as the glossary writes it. */
  text: string;
  folded: string;
  /** All capitals (MEK, U.S.): matches only text in capitals, so "us" is not the US. */
  acronym: boolean;
  /** No capital at all ("compound"): matches only text in lower case, and only in a document about the entry. */
  description: boolean;
}

/** A description and the entries whose naming makes it refer to its entry. */
interface Description {
  form: Form;
  refersWhenNamed: ReadonlySet<string>;
}

/** A glossary name the matcher will not link, and why. */
export interface SkippedForm {
  entry: string;
  text: string;
  reason: string;
}

export interface Matcher {
  /** Linkable forms by their first folded character, longest first. */
  byFirst: ReadonlyMap<string, readonly Form[]>;
  /** Descriptions, linkable only in a document that names their entry or its context (see `forDocument`). */
  descriptions: readonly Description[];
  skipped: readonly SkippedForm[];
}

/** One mention of an entry found in text; offsets into that text. */
export interface Match {
  entry: string;
  start: number;
  end: number;
  text: string;
  /** Found by a description ("compound"), which an editor should confirm. */
  description: boolean;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Builds the matcher for an entry list. Names (with a capital letter) are
 * linked wherever they occur. Lower-case aliases are descriptions ("police
 * raid", "compound"), linked only in a document that is about their entry
 * (`forDocument`). An alias that only adds lower-case words to another
 * entry's name ("MEK camp", "breakdown of diplomatic relations with Tehran")
 * is left out: the name inside it is linked instead. A name shared by two
 * entries is ambiguous and left to the editor.
 */
export function buildMatcher(entries: readonly GlossaryName[]): Matcher {
  const skipped: SkippedForm[] = [];
  const forms: Form[] = [];
  const descriptions: Description[] = [];
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const text of [entry.name, ...entry.aliases]) {
      const folded = foldWithOffsets(text).folded.trim();
      const acronym = isAcronym(text);
      const description = isDescription(text);
      const key = `${folded}\u0000${acronym}\u0000${description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const form = { entry: entry.id, text, folded, acronym, description };
      if (folded.length < 2) skipped.push({ entry: entry.id, text, reason: 'shorter than 2 characters' });
      else if (description) descriptions.push({ form, refersWhenNamed: new Set([entry.id, ...entry.context]) });
      else forms.push(form);
    }
  }

  const owners = new Map<string, Set<string>>();
  for (const form of forms) {
    const key = `${form.folded}\u0000${form.acronym}`;
    owners.set(key, (owners.get(key) ?? new Set()).add(form.entry));
  }
  const unambiguous = forms.filter((form) => {
    const entriesOfName = owners.get(`${form.folded}\u0000${form.acronym}`) ?? new Set();
    if (entriesOfName.size === 1) return true;
    skipped.push({ entry: form.entry, text: form.text, reason: `ambiguous: also a name of ${[...entriesOfName].filter((id) => id !== form.entry).join(', ')}` });
    return false;
  });

  const linkable = unambiguous.filter((form) => {
    const others = indexForms(unambiguous.filter((other) => other.entry !== form.entry));
    for (const inner of scan(form.text, others, () => true)) {
      const rest = form.text.slice(0, inner.start) + form.text.slice(inner.end);
      if (!/\p{Lu}/u.test(rest)) {
        skipped.push({ entry: form.entry, text: form.text, reason: `only adds lower-case words to "${inner.text}" (${inner.entry}), which is linked instead` });
        return false;
      }
    }
    return true;
  });
  return { byFirst: indexForms(linkable), descriptions, skipped };
}

/**
 * The matcher for one document: its names, plus the descriptions of every
 * entry that the document names (`named`), or whose context it names. A
 * description that would refer to two entries there is left to the editor.
 */
export function forDocument(matcher: Matcher, named: ReadonlySet<string>): Matcher {
  const active = matcher.descriptions.filter((description) => [...description.refersWhenNamed].some((id) => named.has(id)));
  const owners = new Map<string, Set<string>>();
  for (const { form } of active) owners.set(form.folded, (owners.get(form.folded) ?? new Set()).add(form.entry));
  const skipped = [...matcher.skipped];
  const linkable: Form[] = [];
  for (const { form } of active) {
    const entriesOfDescription = owners.get(form.folded) ?? new Set();
    if (entriesOfDescription.size === 1) linkable.push(form);
    else skipped.push({ entry: form.entry, text: form.text, reason: `ambiguous here: also a description of ${[...entriesOfDescription].filter((id) => id !== form.entry).join(', ')}` });
  }
  const names = [...matcher.byFirst.values()].flat();
  return { byFirst: indexForms([...names, ...linkable]), descriptions: [], skipped };
}

function isAcronym(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && !/\p{Ll}/u.test(text);
}

function indexForms(forms: readonly Form[]): Map<string, Form[]> {
  const index = new Map<string, Form[]>();
  for (const form of forms) {
    const first = form.folded[0] ?? '';
    index.set(first, [...(index.get(first) ?? []), form]);
  }
  for (const list of index.values()) list.sort((a, b) => b.folded.length - a.folded.length || a.entry.localeCompare(b.entry));
  return index;
}

/**
 * Every mention of a known entry in `text`, left to right, not overlapping:
 * at each position the longest name wins. A name matches whole words only
 * (a possessive ’s stays outside it), whatever its case and diacritics, except
 * that an acronym matches only capitals. `allowed` can rule out spans, such as
 * words that are already marked.
 */
export function findMentions(text: string, matcher: Matcher, allowed: (start: number, end: number) => boolean = () => true): Match[] {
  return scan(text, matcher.byFirst, allowed);
}

function scan(text: string, byFirst: ReadonlyMap<string, readonly Form[]>, allowed: (start: number, end: number) => boolean): Match[] {
  const { folded, origin } = foldWithOffsets(text);
  const matches: Match[] = [];
  let index = 0;
  while (index < folded.length) {
    const match = matchAt(text, folded, origin, index, byFirst, allowed);
    if (match) {
      matches.push(match.match);
      index = match.next;
    } else {
      index += 1;
    }
  }
  return matches;
}

function matchAt(
  text: string,
  folded: string,
  origin: readonly number[],
  index: number,
  byFirst: ReadonlyMap<string, readonly Form[]>,
  allowed: (start: number, end: number) => boolean,
): { match: Match; next: number } | undefined {
  const first = folded[index] ?? '';
  // Inside a word: no name starts here.
  if (isWordChar(folded[index - 1]) && isWordChar(first)) return undefined;
  for (const form of byFirst.get(first) ?? []) {
    if (!folded.startsWith(form.folded, index)) continue;
    const next = index + form.folded.length;
    if (isWordChar(folded[next]) && isWordChar(form.folded[form.folded.length - 1])) continue;
    const start = origin[index] ?? 0;
    const end = origin[next] ?? text.length;
    const written = text.slice(start, end);
    // Acronyms only in capitals ("us" is not the US); descriptions only in lower case ("Operation Mersad" is
    // not "the operation"); other names only where written with a capital.
    const casing = form.acronym ? !/\p{Ll}/u.test(written) : form.description ? !/\p{Lu}/u.test(written) : /\p{Lu}/u.test(written);
    if (!casing || !allowed(start, end)) continue;
    return { match: { entry: form.entry, start, end, text: written, description: form.description }, next };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Marking mentions in MDX

/** A mention that linking added, located for the report. */
export interface LinkedMention {
  entry: string;
  /** ¶ number. */
  paragraph: number;
  text: string;
  description: boolean;
}

export interface LinkResult {
  text: string;
  added: LinkedMention[];
  /** Mentions found but not marked, with the reason, for the report. */
  warnings: string[];
}

interface Insertion {
  at: number;
  text: string;
  closing: boolean;
}

interface Segment {
  /** Offsets into the block's joined plain text. */
  from: number;
  to: number;
  value: string;
  /** Offsets of the node in the MDX file. */
  start: number;
  end: number;
}

/**
 * Marks every mention of a known entry in an MDX corpus page that is not yet
 * marked. Only plain text of the numbered blocks (paragraphs, the heading,
 * the paragraphs of `<Debris>`) is touched, never an existing `<Mention>`,
 * footnote or note, and nothing but `<Mention>` tags is inserted. The tags go
 * into the file text at offsets mapped through its escapes, and each changed
 * block is re-parsed to confirm that its text is unchanged and that it gained
 * exactly the intended mentions; a block that fails is left as it was.
 */
export function linkMentions(page: string, matcher: Matcher): LinkResult {
  const tree = parseMdx(page);
  const documentMatcher = forDocument(matcher, namedEntries(tree, matcher));
  const insertions: Insertion[] = [];
  const added: LinkedMention[] = [];
  const warnings: string[] = [];
  let number = 0;
  forEachBlock(tree, ({ node }) => {
    number += 1;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const plan = planBlock(page, node, documentMatcher);
    const line = node.position?.start.line ?? 1;
    for (const missed of plan.unmapped) warnings.push(`line ${line}, ¶ ${number}: "${missed}" was not marked: its escapes could not be mapped; mark it by hand`);
    if (plan.insertions.length === 0) return;
    const local = plan.insertions.map((insertion) => ({ ...insertion, at: insertion.at - start }));
    const block = page.slice(start, end);
    if (!confirmBlock(block, applyInsertions(block, local), plan.matches)) {
      warnings.push(`line ${line}, ¶ ${number}: ${plan.matches.map((match) => `"${match.text}"`).join(', ')} not marked: the block would not read back the same; mark by hand`);
      return;
    }
    insertions.push(...plan.insertions);
    added.push(...plan.matches.map((match) => ({ entry: match.entry, paragraph: number, text: match.text, description: match.description })));
  });
  return { text: applyInsertions(page, insertions), added, warnings };
}

/** The entries a page names: those it already marks, and those whose names occur in its text. */
function namedEntries(tree: Root, matcher: Matcher): Set<string> {
  const named = new Set<string>();
  for (const block of extractBlocks(tree).blocks) {
    for (const mention of block.mentions) named.add(mention.entry);
    for (const match of findMentions(block.text, matcher)) named.add(match.entry);
  }
  return named;
}

function planBlock(page: string, node: Paragraph | Heading, matcher: Matcher): { insertions: Insertion[]; matches: Match[]; unmapped: string[] } {
  // The block's plain text, with markers where footnote references sit, so
  // that word boundaries are judged on what a reader sees.
  const segments: Segment[] = [];
  let joined = '';
  for (const child of node.children) {
    const from = joined.length;
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type === 'text' && start !== undefined && end !== undefined) {
      joined += child.value;
      segments.push({ from, to: joined.length, value: child.value, start, end });
    } else if (child.type === 'break') {
      joined += '\n';
    } else if (child.type === 'footnoteReference') {
      joined += '\uFFFC';
    } else {
      joined += plainText(child);
    }
  }
  const segmentOf = (start: number, end: number) => segments.find((segment) => segment.from <= start && end <= segment.to);
  const found = findMentions(joined, matcher, (start, end) => segmentOf(start, end) !== undefined);

  const insertions: Insertion[] = [];
  const matches: Match[] = [];
  const unmapped: string[] = [];
  const maps = new Map<Segment, RawMap | null>();
  for (const match of found) {
    const segment = segmentOf(match.start, match.end);
    if (!segment) continue;
    if (!maps.has(segment)) maps.set(segment, alignRaw(page.slice(segment.start, segment.end), segment.value));
    const map = maps.get(segment);
    const rawStart = map?.start[match.start - segment.from];
    const rawEnd = map?.end[match.end - segment.from - 1];
    if (rawStart === undefined || rawEnd === undefined) {
      unmapped.push(match.text);
      continue;
    }
    insertions.push({ at: segment.start + rawStart, text: `<Mention entry="${match.entry}">`, closing: false });
    insertions.push({ at: segment.start + rawEnd, text: '</Mention>', closing: true });
    matches.push(match);
  }
  return { insertions, matches, unmapped };
}

interface RawMap {
  /** For each character of a text node's value, where its source starts and ends in the file's text of the node. */
  start: number[];
  end: number[];
}

/**
 * Maps a text node's value back onto the MDX it was parsed from: a value
 * character may come from itself, a backslash escape or a character
 * reference; white space at line ends and starts may be dropped. Returns null
 * when the two cannot be aligned, and the caller then leaves the node alone.
 */
export function alignRaw(raw: string, value: string): RawMap | null {
  const start: number[] = [];
  const end: number[] = [];
  let index = 0;
  let position = 0;
  while (position < value.length) {
    const char = raw[index];
    if (char === undefined) return null;
    const next = raw[index + 1];
    if (char === '\\' && next !== undefined && /[!-/:-@[-`{-~]/u.test(next) && value[position] === next) {
      start.push(index);
      end.push(index + 2);
      index += 2;
      position += 1;
      continue;
    }
    if (char === '&') {
      const reference = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/u.exec(raw.slice(index, index + 40))?.[0];
      const decoded = reference ? decodeReference(reference) : undefined;
      if (reference && decoded !== undefined && decoded !== reference && value.startsWith(decoded, position)) {
        for (let k = 0; k < decoded.length; k += 1) {
          start.push(index);
          end.push(index + reference.length);
        }
        index += reference.length;
        position += decoded.length;
        continue;
      }
    }
    if (char === value[position]) {
      start.push(index);
      end.push(index + 1);
      index += 1;
      position += 1;
      continue;
    }
    if (/\s/u.test(char)) {
      index += 1;
      continue;
    }
    return null;
  }
  return { start, end };
}

const decodedReferences = new Map<string, string>();

/** What a character reference stands for, asked of the parser itself so that named references need no table here. */
function decodeReference(reference: string): string | undefined {
  if (!decodedReferences.has(reference)) {
    const first = parseMdx(`a${reference}`).children[0];
    const value = first?.type === 'paragraph' ? plainText(first) : undefined;
    decodedReferences.set(reference, value?.startsWith('a') ? value.slice(1) : reference);
  }
  return decodedReferences.get(reference);
}

/** Inserts tags in one pass; at one offset a closing tag goes before an opening one. */
function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const sorted = [...insertions].sort((a, b) => a.at - b.at || Number(b.closing) - Number(a.closing));
  let result = '';
  let last = 0;
  for (const insertion of sorted) {
    result += text.slice(last, insertion.at) + insertion.text;
    last = insertion.at;
  }
  return result + text.slice(last);
}

/** Parses one block alone and reads its text and mentions, or undefined if it is not one clean block. */
function soleBlock(mdx: string): Block | undefined {
  try {
    const { blocks, issues } = extractBlocks(parseMdx(mdx));
    return blocks.length === 1 && issues.length === 0 ? blocks[0] : undefined;
  } catch {
    return undefined;
  }
}

function confirmBlock(before: string, after: string, matches: readonly Match[]): boolean {
  const old = soleBlock(before);
  const linked = soleBlock(after);
  if (!old || !linked || old.text !== linked.text) return false;
  const keys = (block: Block) => block.mentions.map((mention) => `${mention.entry}\u0000${block.text.slice(mention.start, mention.end)}`);
  const expected = [...keys(old), ...matches.map((match) => `${match.entry}\u0000${normalizeWhitespace(match.text)}`)].sort();
  const actual = keys(linked).sort();
  return expected.length === actual.length && expected.every((key, index) => key === actual[index]);
}

// ---------------------------------------------------------------------------
// Candidates for new entries

export interface Candidate {
  name: string;
  count: number;
}

/** Words that start sentences without being names. */
const sentenceStarters = new Set(
  'a about according after all also an and as at before but by during for from he her his however i if in it its many meanwhile no not of on one or our over regarding she since so some that the their then there these they this those thus to two under unfortunately we when while with yes you'.split(' '),
);

/** Lower-case words that may join the parts of a name: "Council of Resistance of Iran". Not "and", which more often joins two names. */
const nameConnectors = new Set(['of', 'the', 'for', 'de', 'e', 'del', 'der', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'do', 'du', 'des', 'la', 'le']);

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * Capitalised multi-word names and acronyms that no mention covers, counted:
 * candidates for new glossary entries or aliases. A capitalised common word
 * that opens a sentence ("The", "However") is not part of a name.
 */
export function findCandidates(blocks: readonly { text: string; mentions: readonly { start: number; end: number }[] }[]): Candidate[] {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    for (const name of candidatesIn(block.text, block.mentions)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function candidatesIn(text: string, mentions: readonly { start: number; end: number }[]): string[] {
  const tokens: Token[] = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’./-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu)].map((match) => {
    const word = match[0].replace(/['’]s$/u, '');
    return { word, start: match.index, end: match.index + word.length };
  });
  const covered = (token: Token) => mentions.some((mention) => token.start < mention.end && mention.start < token.end);
  const capitalised = (token: Token) => /^\p{Lu}/u.test(token.word);
  const acronym = (token: Token) => isAcronym(token.word);
  const sentenceStart = (token: Token) => /(?:^|[.!?:;“"‘(]\s*)$/u.test(text.slice(0, token.start).trimEnd());

  const names: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !capitalised(run[run.length - 1] as Token)) run.pop();
    const first = run[0];
    if (first && sentenceStart(first) && sentenceStarters.has(first.word.toLowerCase())) run.shift();
    const capitals = run.filter(capitalised).length;
    const only = run[0];
    if (capitals >= 2 || (run.length === 1 && only && acronym(only))) names.push(run.map((token) => token.word).join(' '));
    run = [];
  };
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const joined = previous !== undefined && run.length > 0 && /^\s+$/u.test(text.slice(previous.end, token.start));
    if (!joined) flush();
    if (covered(token)) {
      flush();
      return;
    }
    if (capitalised(token)) run.push(token);
    else if (run.length > 0 && nameConnectors.has(token.word)) run.push(token);
    else flush();
  });
  flush();
  return names;
}

// ---------------------------------------------------------------------------
// Plans: what the command writes, decided before anything is written

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
  const paragraphs = splitSourceParagraphs(decoded.text).map((paragraph) => paragraph.text).join('\n\n');
  for (const [name, bytes] of existing.sources) {
    const existingPath = join(existing.dir, 'sources', name);
    if (sha256(bytes) === hash) {
      errors.push(`${request.input} is a duplicate of ${existingPath} (identical bytes, SHA-256 ${hash}): that source is already in the corpus`);
    } else if (splitSourceParagraphs(new TextDecoder('utf-8').decode(bytes)).map((paragraph) => paragraph.text).join('\n\n') === paragraphs) {
      errors.push(`${request.input} has the same text as ${existingPath}, differing only in white space: that source is already in the corpus`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const unrepresentable = unrepresentableParagraphs(decoded.text, request.input, meta.meta.title);
  if (unrepresentable.length > 0) return { ok: false, errors: unrepresentable };

  const names = glossaryNames(existing.glossary);
  if (names.problems.length > 0) return { ok: false, errors: glossaryErrors(names.problems) };
  const draft = `${renderFrontmatter(meta.meta)}\n${draftBody(decoded.text, meta.meta.title)}`;
  const linked = linkMentions(draft, buildMatcher(names.names));

  const sources = new Map(existing.sources).set(meta.meta.source, request.bytes);
  const check = checkPage(pagePath, linked.text, existing, sources);
  if (check.problems.length > 0) {
    return { ok: false, errors: [...check.problems.map(formatProblem), `the drafted page would not build (a bug of the ingest command: please report it)`] };
  }
  const report = [
    `Ingested ${request.input} as "${meta.meta.title}":`,
    `  ${sourcePath}  the verbatim source, ${check.blocks.length} paragraphs, SHA-256 ${hash}`,
    `  ${pagePath}  the draft page: read it against the source, add notes and <Debris>, then run npm run build and npm run anchors:lock`,
    '',
    ...linkingReport('Mentions marked', linked, check.blocks),
  ];
  return { ok: true, writes: [{ path: sourcePath, data: request.bytes }, { path: pagePath, data: linked.text }], report: `${report.join('\n')}\n` };
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
  const report = [
    linked.added.length > 0 ? `Updated ${request.pagePath}: every annotation and note kept.` : `${request.pagePath} is up to date: no unmarked mention of a known entry; nothing was written.`,
    '',
    ...linkingReport('Mentions added', linked, after.blocks),
  ];
  const writes = linked.added.length > 0 ? [{ path: request.pagePath, data: linked.text }] : [];
  return { ok: true, writes, report: `${report.join('\n')}\n` };
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

/** What linking did to a page: names marked, descriptions to confirm, what could not be marked, and names no entry knows. */
function linkingReport(heading: string, linked: LinkResult, blocks: readonly Block[]): string[] {
  return [
    ...mentionReport(heading, linked.added.filter((mention) => !mention.description)),
    ...descriptionReport(linked.added.filter((mention) => mention.description)),
    ...warningReport(linked.warnings),
    '',
    ...candidateReport(findCandidates(blocks)),
  ];
}

function mentionReport(heading: string, mentions: readonly LinkedMention[]): string[] {
  if (mentions.length === 0) return [`${heading}: none.`];
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.entry, (counts.get(mention.entry) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([entry]) => entry.length));
  return [`${heading}: ${mentions.length}, of ${rows.length} entries`, ...rows.map(([entry, count]) => `  ${entry.padEnd(width)}  ${String(count).padStart(3)}`)];
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

function warningReport(warnings: readonly string[]): string[] {
  return warnings.length === 0 ? [] : ['', 'Not marked (check by hand):', ...warnings.map((warning) => `  ${warning}`)];
}

function candidateReport(candidates: readonly Candidate[]): string[] {
  if (candidates.length === 0) return ['Names and acronyms that match no glossary entry: none.'];
  const width = Math.max(...candidates.map((candidate) => candidate.name.length));
  return [
    `Names and acronyms that match no glossary entry (candidates for new entries or aliases): ${candidates.length}`,
    ...candidates.map((candidate) => `  ${candidate.name.padEnd(width)}  ${String(candidate.count).padStart(3)}`),
  ];
}
