/**
 * Marking mentions in an MDX corpus page: `<Mention>` tags inserted around
 * every unmarked name of a known entry, and nothing else changed.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { extractBlocks, forEachBlock, type Block } from '../corpus/blocks.ts';
import { parseMdx } from '../corpus/parse.ts';
import { normalizeWhitespace } from '../text/normalize.ts';
import { originalSpan, type OffsetMap } from '../text/offset-map.ts';
import { findMentions, forDocument, matchText, type Match, type Matcher } from './match.ts';
import { alignRaw, plainText } from './mdx-text.ts';

/** A mention that linking added, located for the report. */
export interface LinkedMention {
  entry: string;
  /** ¶ number. */
  paragraph: number;
  text: string;
  description: boolean;
  /** The entry's name that `text` is a spelling variant of, if it was found as one. */
  variantOf?: string;
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

/** What a block holds besides its text (a mention, a note reference), by its offsets into the block's joined plain text. */
interface Markup {
  from: number;
  to: number;
  /** How the report names it. */
  what: string;
}

/**
 * Marks every mention of a known entry in an MDX corpus page that is not yet
 * marked. Only plain text of the numbered blocks of the article (paragraphs
 * and the heading, not those of `<Debris>`, which is no part of it) is
 * touched, never an existing `<Mention>`, footnote or note, and nothing but
 * `<Mention>` tags is inserted. A name that is not marked because it overlaps
 * existing markup, or stands inside a longer name, is reported with the
 * reason. The tags go
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
  forEachBlock(tree, ({ node, debris }) => {
    number += 1;
    if (debris) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const plan = planBlock(page, node, documentMatcher);
    const line = node.position?.start.line ?? 1;
    for (const missed of plan.unmapped)
      warnings.push(`line ${line}, ¶ ${number}: "${missed}" was not marked: its escapes could not be mapped; mark it by hand`);
    for (const passed of plan.passedOver) warnings.push(`line ${line}, ¶ ${number}: ${passed}`);
    if (plan.insertions.length === 0) return;
    const local = plan.insertions.map((insertion) => ({ ...insertion, at: insertion.at - start }));
    const block = page.slice(start, end);
    if (!confirmBlock(block, applyInsertions(block, local), plan.matches)) {
      warnings.push(
        `line ${line}, ¶ ${number}: ${plan.matches.map((match) => `"${match.text}"`).join(', ')} not marked: the block would not read back the same; mark by hand`,
      );
      return;
    }
    insertions.push(...plan.insertions);
    added.push(
      ...plan.matches.map((match) => ({
        entry: match.entry,
        paragraph: number,
        text: match.text,
        description: match.description,
        ...(match.variantOf === undefined ? {} : { variantOf: match.variantOf }),
      })),
    );
  });
  return { text: applyInsertions(page, insertions), added, warnings };
}

/** The entries a page's article names: those it already marks, and those whose names occur in its text. */
function namedEntries(tree: Root, matcher: Matcher): Set<string> {
  const named = new Set<string>();
  for (const block of extractBlocks(tree).blocks.filter((candidate) => !candidate.debris)) {
    for (const mention of block.mentions) named.add(mention.entry);
    for (const match of findMentions(block.text, matcher)) named.add(match.entry);
  }
  return named;
}

function planBlock(
  page: string,
  node: Paragraph | Heading,
  matcher: Matcher,
): { insertions: Insertion[]; matches: Match[]; unmapped: string[]; passedOver: string[] } {
  // The block's plain text, with markers where footnote references sit, so
  // that word boundaries are judged on what a reader sees.
  const segments: Segment[] = [];
  const markup: Markup[] = [];
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
      markup.push({ from, to: joined.length, what: 'a line break' });
    } else if (child.type === 'footnoteReference') {
      joined += '\uFFFC';
      markup.push({ from, to: joined.length, what: `the note reference [^${child.label ?? child.identifier}]` });
    } else {
      joined += plainText(child);
      const entry =
        child.type === 'mdxJsxTextElement' ? child.attributes.find((attribute) => 'name' in attribute && attribute.name === 'entry')?.value : undefined;
      const text = joined.slice(from);
      markup.push({ from, to: joined.length, what: typeof entry === 'string' ? `the existing mention "${text}" (${entry})` : `the markup around "${text}"` });
    }
  }
  const segmentOf = (start: number, end: number) => segments.find((segment) => segment.from <= start && end <= segment.to);
  // Names that overlap markup cannot be marked; those not wholly inside it (an existing mention of a shorter name) are reported.
  const overlapping: { start: number; end: number; entry: string; markup: Markup[] }[] = [];
  const { mentions: found, passedOver } = matchText(joined, matcher, (start, end, entry) => {
    if (segmentOf(start, end)) return true;
    const overlapped = markup.filter((item) => start < item.to && item.from < end);
    if (!overlapped.some((item) => item.from <= start && end <= item.to)) overlapping.push({ start, end, entry, markup: overlapped });
    return false;
  });
  // The longest of the names tried at one place is the one to report.
  const skipped: typeof overlapping = [];
  for (const name of [...overlapping].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    const covered = [...found, ...skipped].some((other) => name.start < other.end && other.start < name.end);
    if (!covered) skipped.push(name);
  }
  skipped.sort((a, b) => a.start - b.start);
  const reasons = [
    ...skipped.map(
      (name) =>
        `"${joined.slice(name.start, name.end)}" (${name.entry}) was not marked: it overlaps ${name.markup.map((item) => item.what).join(' and ')}; if the longer name is meant, mark it by hand`,
    ),
    ...passedOver.map(
      (name) => `"${name.text}" (${name.entry}) was not marked: ${name.reason}; add that name to an entry, or mark the shorter one by hand if it is meant`,
    ),
  ];

  const insertions: Insertion[] = [];
  const matches: Match[] = [];
  const unmapped: string[] = [];
  const maps = new Map<Segment, OffsetMap | null>();
  for (const match of found) {
    const segment = segmentOf(match.start, match.end);
    if (!segment) continue;
    if (!maps.has(segment)) maps.set(segment, alignRaw(page.slice(segment.start, segment.end), segment.value));
    const map = maps.get(segment);
    if (!map) {
      unmapped.push(match.text);
      continue;
    }
    const raw = originalSpan(map, match.start - segment.from, match.end - segment.from);
    insertions.push({ at: segment.start + raw.start, text: `<Mention entry="${match.entry}">`, closing: false });
    insertions.push({ at: segment.start + raw.end, text: '</Mention>', closing: true });
    matches.push(match);
  }
  return { insertions, matches, unmapped, passedOver: reasons };
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
