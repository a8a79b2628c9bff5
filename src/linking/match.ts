/**
 * Finding mentions of glossary entries in plain text: a matcher built once
 * from the glossary's names, narrowed for each document to the descriptions
 * that refer there (forDocument), and the scan that finds whole-word matches,
 * longest first.
 */
import { isDescription } from '../corpus/aliases.ts';
import { originalSpan, type OffsetMap } from '../text/offset-map.ts';
import { foldWithOffsets } from './fold.ts';
import { isAcronym, type GlossaryName } from './names.ts';

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
      const folded = foldWithOffsets(text).text.trim();
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
    skipped.push({
      entry: form.entry,
      text: form.text,
      reason: `ambiguous: also a name of ${[...entriesOfName].filter((id) => id !== form.entry).join(', ')}`,
    });
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
    else
      skipped.push({
        entry: form.entry,
        text: form.text,
        reason: `ambiguous here: also a description of ${[...entriesOfDescription].filter((id) => id !== form.entry).join(', ')}`,
      });
  }
  const names = [...matcher.byFirst.values()].flat();
  return { byFirst: indexForms([...names, ...linkable]), descriptions: [], skipped };
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
  const folded = foldWithOffsets(text);
  const matches: Match[] = [];
  let index = 0;
  while (index < folded.text.length) {
    const match = matchAt(text, folded, index, byFirst, allowed);
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
  folded: OffsetMap,
  index: number,
  byFirst: ReadonlyMap<string, readonly Form[]>,
  allowed: (start: number, end: number) => boolean,
): { match: Match; next: number } | undefined {
  const first = folded.text[index] ?? '';
  // Inside a word: no name starts here.
  if (isWordChar(folded.text[index - 1]) && isWordChar(first)) return undefined;
  for (const form of byFirst.get(first) ?? []) {
    if (!folded.text.startsWith(form.folded, index)) continue;
    const next = index + form.folded.length;
    if (isWordChar(folded.text[next]) && isWordChar(form.folded[form.folded.length - 1])) continue;
    const { start, end } = originalSpan(folded, index, next);
    const written = text.slice(start, end);
    // Acronyms only in capitals ("us" is not the US); descriptions only in lower case ("Operation Mersad" is
    // not "the operation"); other names only where written with a capital.
    const casing = form.acronym ? !/\p{Ll}/u.test(written) : form.description ? !/\p{Lu}/u.test(written) : /\p{Lu}/u.test(written);
    if (!casing || !allowed(start, end)) continue;
    return { match: { entry: form.entry, start, end, text: written, description: form.description }, next };
  }
  return undefined;
}
