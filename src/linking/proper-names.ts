/**
 * Proper names in running text: runs of capitalised words, joined by the
 * lower-case words that join the parts of a name ("Council of Resistance of
 * Iran") and by possessives ("People’s Mujahedeen Organisation"). Candidates
 * for new entries, spelling variants of known names and names that hold a
 * known name ("University of Tirana") are all read from these runs.
 */
import { furnitureSpans } from '../text/furniture.ts';

/** A word of a name; offsets into the text, a possessive ’s left out. */
export interface NameWord {
  word: string;
  start: number;
  end: number;
  capitalised: boolean;
}

/** A run of words that reads as one proper name; offsets into the text. */
export interface ProperName {
  start: number;
  end: number;
  /** As written, a possessive ’s inside kept, one at the end left out. */
  text: string;
  words: NameWord[];
  /** Opens the text or a sentence (after . ! or ?), where any word has a capital. */
  sentenceStart: boolean;
}

/** Words that start sentences without being names. */
const sentenceStarters = new Set(
  'a about according after all also an and as at before but by during for from he her his however i if in it its many meanwhile no not of on one or our over regarding she since so some that the their then there these they this those thus to two under unfortunately we when while with yes you'.split(
    ' ',
  ),
);

/** Lower-case words that may join the parts of a name: "Council of Resistance of Iran". Not "and", which more often joins two names. */
const nameConnectors = new Set(['of', 'the', 'for', 'de', 'e', 'del', 'der', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'do', 'du', 'des', 'la', 'le']);

/** Whether a word joins the parts of a name. */
export const isNameConnector = (word: NameWord) => !word.capitalised && nameConnectors.has(word.word);

/**
 * Words of a person's title or office ("Interior Minister", "Vice President"),
 * and of a state's form ("Republic of"): with an adjective of a place they make
 * phrases, not names ("Albanian Interior Minister"), and a place named after
 * them in "of" is the place itself ("Prime Minister of Albania").
 */
const titleWords = new Set(
  'minister ministers president vice prime deputy secretary spokesman spokeswoman spokesperson ambassador director chief head commissioner mayor governor judge prosecutor senator leader chairman chairwoman chair general colonel commander officer king queen pope mr mrs ms dr professor interior foreign defence defense justice finance supreme former acting republic kingdom government state city capital people province region district county north south east west central'.split(
    ' ',
  ),
);

/** A word of a title or office, or of a state's form. */
export const isTitleWord = (word: string) => titleWords.has(word.toLowerCase());

/** An adjective or demonym of a place: "Albanian", "European", "Chinese", "British", "American". */
export const isPlaceAdjective = (word: string) => /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|can)$/u.test(word);

const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’./-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

interface Token extends NameWord {
  /** Where the token ends, a possessive ’s included. */
  fullEnd: number;
  possessive: boolean;
}

/**
 * The proper names of a text, left to right: runs of capitalised words with
 * connectors between them, a possessive kept where the name goes on after it
 * ("People’s Mujahedeen") and left out where it ends the name ("Rama’s
 * government": "Rama"). A common word that opens a sentence ("The", "However")
 * is not part of a name. Photo credits and link lines are furniture, not text,
 * and hold no names; nor does a tag written out in the text.
 */
export function properNames(text: string): ProperName[] {
  const furniture = furnitureSpans(text);
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const fullEnd = match.index + match[0].length;
    // Furniture, and the name of a tag written out in the text ("<Mention …>"), are no names.
    if (furniture.some((span) => match.index < span.end && span.start < fullEnd) || /<\/?$/u.test(text.slice(0, match.index))) continue;
    const word = match[0].replace(/['’]s$/u, '');
    tokens.push({ word, start: match.index, end: match.index + word.length, fullEnd, possessive: word !== match[0], capitalised: /^\p{Lu}/u.test(word) });
  }
  const before = (token: Token) => text.slice(0, token.start).trimEnd();
  // A clause too: "However" after a colon or an opening quote is no name either.
  const opensClause = (token: Token) => /(?:^|[.!?:;“"‘(])$/u.test(before(token));
  const opensSentence = (token: Token) => /(?:^|[.!?]["”’)]?)$/u.test(before(token));

  const names: ProperName[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !run[run.length - 1]?.capitalised) run.pop();
    const first = run[0];
    if (first && opensClause(first) && sentenceStarters.has(first.word.toLowerCase())) run.shift();
    while (run.length > 0 && !run[0]?.capitalised) run.shift();
    const head = run[0];
    const last = run[run.length - 1];
    if (head && last) {
      names.push({
        start: head.start,
        end: last.end,
        text: text.slice(head.start, last.end),
        words: run.map(({ word, start, end, capitalised }) => ({ word, start, end, capitalised })),
        sentenceStart: opensSentence(head),
      });
    }
    run = [];
  };
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const joined = previous !== undefined && run.length > 0 && /^\s+$/u.test(text.slice(previous.fullEnd, token.start));
    // A possessive goes on only into another capitalised word: "People’s Mujahedeen", not "Rama’s government".
    if (!joined || (previous?.possessive && !token.capitalised)) flush();
    if (token.capitalised) run.push(token);
    else if (run.length > 0 && nameConnectors.has(token.word)) run.push(token);
    else flush();
  });
  flush();
  return names;
}
