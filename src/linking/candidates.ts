/**
 * Candidates for new glossary entries: the proper names and acronyms in a
 * page's text that no mention covers, grouped, counted, with the paragraphs
 * they occur in.
 */
import { foldForMatching } from '../text/normalize.ts';
import { isAcronym } from './names.ts';
import { isPlaceAdjective, isTitleWord, properNames, type NameWord } from './proper-names.ts';

export interface Candidate {
  /** As most often written. */
  name: string;
  count: number;
  /** ¶ numbers, in order. */
  paragraphs: number[];
}

/** A paragraph's text and the spans its mentions cover (a Block has both). */
export interface MarkedText {
  /** ¶ number. */
  number: number;
  text: string;
  mentions: readonly { start: number; end: number }[];
  /** Inside `<Debris>`: not part of the article, so no source of candidates. */
  debris?: boolean;
}

/** Capitalised words that are no names on their own. */
const commonCapitalised = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

/** Common words that open sentences, beyond those proper-names.ts drops from the start of any name. */
const commonOpeners = new Set(
  'although because both each earlier even every few first here instead last later meanwhile more most much nevertheless now once only other others several still such today what when where which who why yesterday yet'.split(
    ' ',
  ),
);

interface Occurrence {
  name: string;
  paragraph: number;
  /** A single word that opens a sentence and may be a common word: a name only if it also stands inside one. */
  weak: boolean;
}

/**
 * Proper names (of one word or more) and acronyms that no mention covers,
 * outside debris, photo credits and link lines, grouped by their folded
 * spelling, most frequent first. A phrase made only of title words and
 * adjectives of places ("Albanian Interior Minister") is no name; nor is a
 * month or a weekday. A single capitalised word that opens a sentence counts
 * ("Britain and…") unless it may be a common word: written in lower case
 * elsewhere in the page ("Police entered…", "…the police"), a plural, a
 * common opener ("Several"); such a word counts only if it also stands
 * inside a sentence.
 */
export function findCandidates(blocks: readonly MarkedText[]): Candidate[] {
  const article = blocks.filter((block) => !block.debris);
  const lowerCaseWords = new Set(article.flatMap((block) => block.text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{M}]*/gu) ?? []));
  const mayBeCommon = (word: string) => lowerCaseWords.has(word.toLowerCase()) || commonOpeners.has(word.toLowerCase()) || /\p{Ll}(?<![siu])s$/u.test(word);
  const occurrences = article.flatMap((block) => candidatesIn(block, mayBeCommon));
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = foldForMatching(occurrence.name);
    groups.set(key, [...(groups.get(key) ?? []), occurrence]);
  }
  const candidates: Candidate[] = [];
  for (const group of groups.values()) {
    if (group.every((occurrence) => occurrence.weak)) continue;
    const spellings = new Map<string, number>();
    for (const { name } of group) spellings.set(name, (spellings.get(name) ?? 0) + 1);
    const [name] = [...spellings].sort((a, b) => b[1] - a[1])[0] ?? [''];
    candidates.push({ name, count: group.length, paragraphs: [...new Set(group.map((occurrence) => occurrence.paragraph))] });
  }
  return candidates.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function candidatesIn(block: MarkedText, mayBeCommon: (word: string) => boolean): Occurrence[] {
  const covered = (word: NameWord) => block.mentions.some((mention) => word.start < mention.end && mention.start < word.end);
  const occurrences: Occurrence[] = [];
  for (const name of properNames(block.text)) {
    // The parts of a name that no mention covers: "Interior Minister" of "Interior Minister Bledi Cuci".
    const pieces: NameWord[][] = [[]];
    for (const word of name.words) {
      if (covered(word)) pieces.push([]);
      else pieces[pieces.length - 1]?.push(word);
    }
    for (const piece of pieces) {
      while (piece.length > 0 && !piece[piece.length - 1]?.capitalised) piece.pop();
      while (piece.length > 0 && !piece[0]?.capitalised) piece.shift();
      const first = piece[0];
      const last = piece[piece.length - 1];
      if (!first || !last || !isCandidate(piece)) continue;
      const text = block.text.slice(first.start, last.end).replace(/\s+/gu, ' ');
      const opensSentence = piece.length === 1 && first === name.words[0] && name.sentenceStart;
      occurrences.push({ name: text, paragraph: block.number, weak: opensSentence && !isAcronym(text) && mayBeCommon(text) });
    }
  }
  return occurrences;
}

function isCandidate(piece: readonly NameWord[]): boolean {
  const capitalised = piece.filter((word) => word.capitalised);
  if (capitalised.every((word) => isTitleWord(word.word) || isPlaceAdjective(word.word))) return false;
  const [only] = piece;
  if (piece.length > 1 || !only) return true;
  return isAcronym(only.word) || (only.word.length > 1 && !commonCapitalised.has(only.word.toLowerCase()));
}
