/**
 * Paragraphs of a new draft that likely report a claim, for the editor to
 * register in content/claims/: reported speech ("X said", "X told",
 * "X denied", "according to X", "in a statement, X", "…,” stated X"), each
 * with its claimant where a mention names one. This is advice, not a review
 * item: a claim the register does not hold is no error, so the list never
 * stops --publish (see report.ts). Pure logic on the draft's blocks.
 */
import { claimantTypes } from '../corpus/claims.ts';
import type { EntryType } from '../corpus/schema.ts';

/** What the detection reads of a block: its ¶, its text and the mentions in it. */
export interface ClaimBlock {
  number: number;
  kind: 'paragraph' | 'heading';
  debris: boolean;
  text: string;
  mentions: readonly { entry: string; start: number; end: number }[];
}

/** Who makes a claim: a glossary entry a mention names, else the words that name the speaker, else nobody found. */
export type LikelyClaimant = { entry: string } | { words: string } | undefined;

export interface LikelyClaim {
  /** ¶ number. */
  paragraph: number;
  /** The words that mark reported speech: "said", "according to", "in a statement". */
  cue: string;
  claimant: LikelyClaimant;
  /** The sentence that reports it. */
  sentence: string;
}

/**
 * Verbs of reported speech, as written after their subject ("Cuci said") or
 * after a quotation ("…,” stated a spokesperson"). Only past tenses and the
 * present forms that are no common nouns: "claims" and "reports" stand for
 * nouns too often ("the claims of…").
 */
const speechVerbs =
  /\b(?:said|says|told|tells|stated|claimed|alleged|alleges|denied|denies|accused|accuses|added|insisted|insists|maintained|argued|asserted|announced|warned|confirmed|clarified|mentioned|emphasi[sz]ed|stressed|declared|acknowledged|admitted)\b/gu;
/** Cues that introduce the speaker after them. */
const phraseCues = /\b(?:according to|in a (?:statement|press release|press conference)|in an interview)\b/giu;
/** A word before the verb that makes it no verb of speech: "the alleged attack", "was said", "Iran's claimed…". */
const notASpeechVerb = /(?:\b(?:the|a|an|its|their|his|her|these|those|such|was|were|is|are|be|been|being)|['’]s)\s+$/iu;
/** Sentence openers that are no subject: "Regarding the death of…, Minister Çuçi clarified". */
const introductory =
  /^(?:regarding|concerning|asked|when|while|after|following|before|in|on|during|meanwhile|however|speaking|as|despite|since|earlier|later|separately|nevertheless)\b[^,]*,\s*/iu;
/** A relative clause inside a subject, whose mentions are not the speaker: "the NCRI, of which MEK is a leading member, said". */
const relativeClause = /,\s*(?:of which|in which|of whom|which|who|whom|whose|where)\b[^,]*,/giu;
/** Words a speaker's name is made of besides capitalised ones: "the secretariat of the National Council", "a spokesperson for the State Department". */
const speakerWords = new Set(
  'the a an of for and de al el she he it they we spokesperson spokesman spokeswoman secretariat office ministry minister official officials head director chief leader leaders representative government police authorities prosecutor prosecutors court sources witnesses residents group members lawyers diplomats embassy'.split(
    ' ',
  ),
);
/** Abbreviations whose full stop ends no sentence: Intl.Segmenter splits after them. */
const abbreviation = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Gov|Sen|Rep|St|Jr|Sr|No|vs)|\b\p{Lu}|\b(?:\p{Lu}\.)+\p{Lu})\.\s*$/u;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a paragraph as [start, end) offsets, not broken after "Mr." or "U.S.". */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const last = spans[spans.length - 1];
    if (last && abbreviation.test(text.slice(last[0], last[1]))) last[1] = index + segment.length;
    else spans.push([index, index + segment.length]);
  }
  return spans;
}

/** The likely claims of a draft, in reading order: one per sentence of reported speech, outside headings and debris. */
export function likelyClaims(blocks: readonly ClaimBlock[], entryTypes: ReadonlyMap<string, EntryType>): LikelyClaim[] {
  const claims: LikelyClaim[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || block.debris) continue;
    for (const [start, end] of sentenceSpans(block.text)) {
      const claim = claimIn(block, start, end, entryTypes);
      if (claim) claims.push(claim);
    }
  }
  return claims;
}

interface Cue {
  start: number;
  end: number;
  verb: boolean;
}

/** The first cue of reported speech in a sentence, with its claimant. */
function claimIn(block: ClaimBlock, start: number, end: number, entryTypes: ReadonlyMap<string, EntryType>): LikelyClaim | undefined {
  const text = block.text;
  const sentence = text.slice(start, end);
  const cues: Cue[] = [
    ...[...sentence.matchAll(speechVerbs)]
      .filter((match) => !notASpeechVerb.test(sentence.slice(0, match.index)))
      .map((match) => ({ start: start + match.index, end: start + match.index + match[0].length, verb: true })),
    ...[...sentence.matchAll(phraseCues)].map((match) => ({ start: start + match.index, end: start + match.index + match[0].length, verb: false })),
  ];
  const cue = cues.sort((a, b) => a.start - b.start)[0];
  if (!cue) return undefined;
  const claimant = findClaimant(block, speakerSpans(text, start, end, cue), entryTypes);
  // "according to the agreement" names no speaker: no reported speech.
  if (!cue.verb && claimant === undefined) return undefined;
  return { paragraph: block.number, cue: text.slice(cue.start, cue.end), claimant, sentence: sentence.trim() };
}

/** Where the speaker stands, in the order to look: before a verb, after a quotation's verb or a phrase. */
interface SpeakerSpan {
  start: number;
  end: number;
  /** Before the cue: the nearest mention is the last; after it, the first. */
  before: boolean;
}

function speakerSpans(text: string, sentenceStart: number, sentenceEnd: number, cue: Cue): SpeakerSpan[] {
  const before = text.slice(sentenceStart, cue.start);
  const clauseEnd = (from: number) => {
    const comma = text.slice(from, sentenceEnd).search(/[,;]/u);
    return comma < 0 ? sentenceEnd : from + comma;
  };
  if (!cue.verb) {
    // "according to the ministry"; "In a statement issued by X, the USA reacted": the subject after the comma, else the phrase itself.
    const after = { start: cue.end, end: clauseEnd(cue.end), before: false };
    if (/^according/iu.test(text.slice(cue.start, cue.end))) return [after];
    if (before.replace(introductory, '').trim() === '')
      return [{ start: after.end + 1, end: nounPhraseEnd(text, after.end + 1, sentenceEnd), before: false }, after];
    // "The ministry, in a statement, accused…": the subject before it.
    return [{ start: sentenceStart + subjectStart(before), end: cue.start, before: true }];
  }
  // "…,” stated a spokesperson for the State Department"; "…, says the State Police". After a comma only "says":
  // "Muhamet Rrumbullaku, the Director of the State Police, said the police…" has its subject before.
  const verb = text.slice(cue.start, cue.end);
  const inverted = /[”"’],?\s*$/u.test(before) || (verb === 'says' && /,\s*$/u.test(before));
  if (inverted && /^\s+(?:(?:the|a|an)\b|\p{Lu})/u.test(text.slice(cue.end, sentenceEnd))) {
    return [{ start: cue.end, end: clauseEnd(cue.end), before: false }];
  }
  return [{ start: sentenceStart + subjectStart(before), end: cue.start, before: true }];
}

/**
 * Where the subject of a verb at the end of `before` starts: after a
 * quotation, a semicolon or an introductory phrase, and, in a tail
 * attribution ("The court ordered the search, the police said"), after the
 * last comma, so that an entry named in the reported words is not taken for
 * the speaker.
 */
function subjectStart(before: string): number {
  let start = Math.max(before.lastIndexOf('”'), before.lastIndexOf('"'), before.lastIndexOf(';')) + 1;
  const opener = introductory.exec(before.slice(start));
  if (opener) start += opener[0].length;
  const comma = before.lastIndexOf(',');
  if (comma >= start && isSpeakerPhrase(before.slice(comma + 1))) start = comma + 1;
  return start;
}

/** Whether `text` is a speaker's noun phrase alone: "the police", "Interior Minister Bledi Cuci". */
function isSpeakerPhrase(text: string): boolean {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word) || speakerWords.has(word.toLowerCase()));
}

/** The end of the noun phrase that starts at `from`: capitalised words and the small words of names ("the Ministry of the Interior"). */
function nounPhraseEnd(text: string, from: number, limit: number): number {
  let end = from;
  for (const match of text.slice(from, limit).matchAll(/\S+/gu)) {
    const word = match[0].replace(/[,.;:”"’)]+$/u, '');
    if (!/^[“"(]?\p{Lu}/u.test(word) && !speakerWords.has(word.toLowerCase())) break;
    end = from + match.index + word.length;
    if (word !== match[0]) break;
  }
  return end;
}

/**
 * The claimant in the first span that names one: a person mentioned there
 * (the nearest to the cue), else the nearest entry that can make a claim; a
 * mention in a relative clause ("…, of which MEK is a member,") does not
 * count. Without one, the words of the speaker's noun phrase.
 */
function findClaimant(block: ClaimBlock, spans: readonly SpeakerSpan[], entryTypes: ReadonlyMap<string, EntryType>): LikelyClaimant {
  for (const span of spans) {
    const relative = [...block.text.slice(span.start, span.end).matchAll(relativeClause)].map(
      (match) => [span.start + match.index, span.start + match.index + match[0].length] as const,
    );
    const inSpan = block.mentions.filter(
      (mention) =>
        mention.start >= span.start &&
        mention.end <= span.end &&
        !relative.some(([from, to]) => mention.start >= from && mention.end <= to) &&
        claimantTypes.includes(entryTypes.get(mention.entry) ?? 'place'),
    );
    const ordered = span.before ? [...inSpan].reverse() : inSpan;
    const chosen = ordered.find((mention) => entryTypes.get(mention.entry) === 'person') ?? ordered[0];
    if (chosen) return { entry: chosen.entry };
  }
  const first = spans[0];
  if (!first) return undefined;
  const words = (
    first.before
      ? trailingNounPhrase(block.text.slice(first.start, first.end))
      : block.text.slice(first.start, nounPhraseEnd(block.text, first.start, first.end))
  ).trim();
  // Determiners alone ("the" of "according to the agreement") name nobody.
  return /^(?:(?:the|a|an|of|for|and|de|al|el)\b\s*)*$/iu.test(words) ? undefined : { words };
}

/** The noun phrase that ends `text`, read backwards: "the secretariat of the National Council", "she", "It". */
function trailingNounPhrase(text: string): string {
  const words = text.trim().split(/\s+/u);
  const kept: string[] = [];
  for (const word of words.reverse()) {
    if (/[,”"]$/u.test(word) && kept.length > 0) break;
    const bare = word.replace(/[,”"’]+$/u, '');
    if (!/^\p{Lu}/u.test(bare) && !speakerWords.has(bare.toLowerCase())) break;
    kept.unshift(bare);
  }
  while (kept.length > 1 && /^(?:of|for|and|de)$/iu.test(kept[0] ?? '')) kept.shift();
  return kept.join(' ');
}
