/**
 * Finding mentions of glossary entries in plain text: a matcher built once
 * from the glossary's names, narrowed for each document to the descriptions
 * that refer there (forDocument), and the scan that finds whole-word matches,
 * longest first, and names spelled another way (spelling variants).
 */
import { isDescription } from '../corpus/aliases.ts';
import { originalSpan, type OffsetMap } from '../text/offset-map.ts';
import { foldWithOffsets } from './fold.ts';
import { isAcronym, type GlossaryName } from './names.ts';
import { editDistance, isSpellingVariant } from './near.ts';
import { isNameConnector, isTitleWord, properNames, type ProperName } from './proper-names.ts';

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
  /** Found as a spelling variant of this name of the entry ("Mujahedeen-e-Khalq" of "Mujahedin-e-Khalq"), which an editor should confirm. */
  variantOf?: string;
}

/** A name of an entry found in text but not taken as a mention of it, and why. */
export interface PassedOver {
  entry: string;
  start: number;
  end: number;
  text: string;
  reason: string;
}

/** Rules out spans of the text (words already marked, say); told the entry that would be linked. */
export type Allowed = (start: number, end: number, entry: string) => boolean;

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
 * words that are already marked. See `matchText` for spelling variants and
 * names inside longer names.
 */
export function findMentions(text: string, matcher: Matcher, allowed: Allowed = () => true): Match[] {
  return matchText(text, matcher, allowed).mentions;
}

/**
 * The mentions of `findMentions`, and the names passed over, with the reason.
 * Besides exact names, a proper name of the text that is a spelling variant of
 * an entry's name ("Mujahedeen-e-Khalq" of "Mujahedin-e-Khalq") is a mention,
 * marked `variantOf` for an editor to confirm. A name that stands after "of"
 * (or another connector) inside a longer proper name that is no entry is
 * passed over: "Iran" in "Council of Resistance of Iran" is not the country,
 * but "Albania" in "Prime Minister of Albania" is.
 */
export function matchText(text: string, matcher: Matcher, allowed: Allowed = () => true): { mentions: Match[]; passedOver: PassedOver[] } {
  const names = properNames(text);
  const variants = spellingVariants(text, names, matcher, allowed);
  const passed = new Map<number, PassedOver>();
  const exact = scan(text, matcher.byFirst, (start, end, entry) => {
    if (variants.some((variant) => start < variant.end && variant.start < end) || !allowed(start, end, entry)) return false;
    const longer = enclosingName(names, start, end);
    if (!longer) return true;
    const candidate = { entry, start, end, text: text.slice(start, end), reason: `it stands inside the longer name "${longer.text}", which no entry knows` };
    if ((passed.get(start)?.end ?? 0) < end) passed.set(start, candidate);
    return false;
  });
  const mentions = [...exact, ...variants].sort((a, b) => a.start - b.start);
  const passedOver = [...passed.values()].filter((name) => !mentions.some((mention) => name.start < mention.end && mention.start < name.end));
  return { mentions, passedOver };
}

/**
 * The longer proper name that a match at start..end stands in after a
 * connector ("University of Tirana"), unless every capitalised word before
 * the connector is a title or a state's form ("Prime Minister of Albania").
 */
function enclosingName(names: readonly ProperName[], start: number, end: number): ProperName | undefined {
  const name = names.find((candidate) => candidate.start < start && end <= candidate.end);
  if (!name) return undefined;
  const before = name.words.filter((word) => word.end <= start);
  const previous = before[before.length - 1];
  if (!previous || !isNameConnector(previous)) return undefined;
  const firstConnector = before.findIndex(isNameConnector);
  const head = before.slice(0, firstConnector);
  return head.every((word) => isTitleWord(word.word)) ? undefined : name;
}

/**
 * Spelling variants of entries' names among the proper names of the text
 * (see isSpellingVariant), the longest first and not overlapping. A span that
 * is a variant of the names of two entries is left alone, as is one that an
 * exact name matches.
 */
function spellingVariants(text: string, names: readonly ProperName[], matcher: Matcher, allowed: Allowed): Match[] {
  const forms = [...matcher.byFirst.values()].flat().filter((form) => !form.acronym && !form.description);
  const exact = new Set(forms.map((form) => form.folded));
  const variants: Match[] = [];
  for (const name of names) {
    const { words } = name;
    for (let length = words.length; length > 0; length -= 1) {
      for (let from = 0; from + length <= words.length; from += 1) {
        const first = words[from];
        const last = words[from + length - 1];
        if (!first?.capitalised || !last?.capitalised) continue;
        const { start, end } = { start: first.start, end: last.end };
        if (variants.some((variant) => start < variant.end && variant.start < end)) continue;
        const written = text.slice(start, end);
        const folded = foldWithOffsets(written).text.trim();
        if (exact.has(folded)) continue;
        const near = forms
          .filter((form) => isSpellingVariant(folded, form.folded))
          .map((form) => ({ form, distance: editDistance(folded, form.folded) }))
          .sort((a, b) => a.distance - b.distance);
        const closest = near[0]?.form;
        if (!closest || near.some(({ form }) => form.entry !== closest.entry) || !allowed(start, end, closest.entry)) continue;
        variants.push({ entry: closest.entry, start, end, text: written, description: false, variantOf: closest.text });
      }
    }
  }
  return variants;
}

function scan(text: string, byFirst: ReadonlyMap<string, readonly Form[]>, allowed: Allowed): Match[] {
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
  allowed: Allowed,
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
    if (!casing || !allowed(start, end, form.entry)) continue;
    return { match: { entry: form.entry, start, end, text: written, description: form.description }, next };
  }
  return undefined;
}
