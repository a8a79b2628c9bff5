/**
 * Candidates for new glossary entries: capitalised names and acronyms in a
 * page's text that no mention covers.
 */
import { isAcronym } from './names.ts';

export interface Candidate {
  name: string;
  count: number;
}

/** Words that start sentences without being names. */
const sentenceStarters = new Set(
  'a about according after all also an and as at before but by during for from he her his however i if in it its many meanwhile no not of on one or our over regarding she since so some that the their then there these they this those thus to two under unfortunately we when while with yes you'.split(
    ' ',
  ),
);

/** Lower-case words that may join the parts of a name: "Council of Resistance of Iran". Not "and", which more often joins two names. */
const nameConnectors = new Set(['of', 'the', 'for', 'de', 'e', 'del', 'der', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'do', 'du', 'des', 'la', 'le']);

/** A paragraph's text and the spans its mentions cover (a Block has both). */
export interface MarkedText {
  text: string;
  mentions: readonly { start: number; end: number }[];
  /** Inside `<Debris>`: not part of the article, so no source of candidates. */
  debris?: boolean;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * Capitalised multi-word names and acronyms that no mention covers, outside
 * debris, counted:
 * candidates for new glossary entries or aliases. A capitalised common word
 * that opens a sentence ("The", "However") is not part of a name.
 */
export function findCandidates(blocks: readonly MarkedText[]): Candidate[] {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.debris) continue;
    for (const name of candidatesIn(block.text, block.mentions)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function candidatesIn(text: string, mentions: MarkedText['mentions']): string[] {
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
