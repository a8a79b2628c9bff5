import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/corpus/blocks.ts';
import { parseFrontmatter } from '../../../src/corpus/frontmatter.ts';
import { parseMdx } from '../../../src/corpus/parse.ts';
import { entrySchema, type EntryType } from '../../../src/corpus/schema.ts';
import { type ClaimBlock, likelyClaims, sentenceSpans } from '../../../src/ingest/likely-claims.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

/** Entry id → type, as the glossary in `dir` has them. */
function entryTypes(dir: string): Map<string, EntryType> {
  const types = new Map<string, EntryType>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
    const front = parseFrontmatter(readFileSync(join(dir, name), 'utf8'), name, entrySchema);
    if (front.ok) types.set(name.slice(0, -'.md'.length), front.data.type);
  }
  return types;
}

/** The blocks of a page, with the mentions its editors (or ingest) marked. */
const blocksOf = (path: string) => extractBlocks(parseMdx(readFileSync(path, 'utf8'))).blocks;
/** What a test compares: where, on what cue, by whom. */
const found = (blocks: readonly ClaimBlock[], types: ReadonlyMap<string, EntryType>) =>
  likelyClaims(blocks, types).map(({ paragraph, cue, claimant }) => ({ paragraph, cue, claimant }));

const corpusTypes = entryTypes('content/glossary');
const fixtureTypes = entryTypes('tests/fixtures/ingest/glossary');
const balkanInsight = blocksOf('content/corpus/mek-has-not-respected-the-2014-agreement.mdx');
const stateDepartment = blocksOf('content/corpus/us-state-department-reacts.mdx');
/** The paragraphs of an ingest fixture's source, no mention marked: what ingest meets before linking. */
const unmarked = (name: string): ClaimBlock[] =>
  splitSourceParagraphs(readFileSync(join('tests/fixtures/ingest', name), 'utf8')).map(({ number, text }) => ({
    number,
    kind: 'paragraph',
    debris: false,
    text,
    mentions: [],
  }));
/** A paragraph of a published page, by ¶ number. */
const paragraph = (blocks: readonly ClaimBlock[], number: number) => blocks.filter((block) => block.number === number);

describe('likelyClaims', () => {
  it('finds the reported speech of the Balkan Insight report, with the speaker the mention names, past an appositive or a relative clause', () => {
    expect(found(balkanInsight, corpusTypes)).toEqual([
      { paragraph: 5, cue: 'told', claimant: { entry: 'bledi-cuci' } },
      { paragraph: 6, cue: 'said', claimant: { entry: 'bledi-cuci' } },
      { paragraph: 7, cue: 'said', claimant: { words: 'she' } },
      { paragraph: 8, cue: 'denied', claimant: { entry: 'muhamet-rrumbullaku' } },
      { paragraph: 9, cue: 'said', claimant: { entry: 'ncri' } },
      { paragraph: 10, cue: 'said', claimant: { entry: 'ncri' } },
      { paragraph: 13, cue: 'said', claimant: { entry: 'albanian-ministry-of-interior' } },
      { paragraph: 14, cue: 'said', claimant: { words: 'It' } },
      { paragraph: 15, cue: 'added', claimant: { entry: 'albanian-ministry-of-interior' } },
    ]);
  });

  it('finds the speaker after a quotation and after "In a statement", and passes over places and introductory phrases', () => {
    expect(found(stateDepartment, corpusTypes)).toEqual([
      { paragraph: 4, cue: 'In a statement', claimant: { entry: 'us-department-of-state' } },
      { paragraph: 6, cue: 'stated', claimant: { entry: 'us-department-of-state' } },
      { paragraph: 7, cue: 'added', claimant: { entry: 'us-department-of-state' } },
      { paragraph: 8, cue: 'mentioned', claimant: { entry: 'muhamet-rrumbullaku' } },
      { paragraph: 10, cue: 'clarified', claimant: { entry: 'bledi-cuci' } },
      { paragraph: 13, cue: 'emphasized', claimant: { entry: 'us-department-of-state' } },
    ]);
  });

  it('finds nothing in narration, a refusal to comment, "expressed support" or a participle', () => {
    for (const [blocks, number] of [
      [balkanInsight, 2], // "…, saying that its members might have been involved…": the subject is too far to name
      [balkanInsight, 4], // "One person died on Tuesday as police raided the compound…"
      [balkanInsight, 16], // "The 2014 agreement … has mostly been kept secret."
      [stateDepartment, 5], // "The US Department of State expressed support for the police action…"
      [stateDepartment, 9], // "However, Albanian officials did not disclose the details…"
      [stateDepartment, 11], // "When asked about …, Minister Çuçi declined to comment."
    ] as const) {
      expect(paragraph(blocks, number), `¶ ${number}`).toHaveLength(1);
      expect(found(paragraph(blocks, number), corpusTypes), `¶ ${number}`).toEqual([]);
    }
  });

  it('names the speaker in words where no mention is marked: a tail attribution, a subject, "says" after a comma', () => {
    expect(found(unmarked('debris.txt'), corpusTypes)).toEqual([
      { paragraph: 5, cue: 'said', claimant: { words: 'Interior Minister Bledi Cuci' } },
      { paragraph: 8, cue: 'said', claimant: { words: 'The Mujahedeen-e-Khalq' } },
    ]);
    expect(found(unmarked('tricky.txt'), corpusTypes)).toEqual([
      { paragraph: 2, cue: 'says', claimant: { words: 'the State Police' } },
      { paragraph: 5, cue: 'said', claimant: undefined },
    ]);
  });

  it('takes the speaker of a tail attribution from after the last comma, not an entry named in the reported words', () => {
    const text = 'The operation was authorised by the Special Court, the police said.';
    const court = { entry: 'gjkko', start: text.indexOf('Special Court'), end: text.indexOf('Special Court') + 'Special Court'.length };
    const block: ClaimBlock = { number: 1, kind: 'paragraph', debris: false, text, mentions: [court] };
    expect(found([block], corpusTypes)).toEqual([{ paragraph: 1, cue: 'said', claimant: { words: 'the police' } }]);
  });

  it('reads "according to the authorities" as reported speech', () => {
    const block: ClaimBlock = {
      number: 1,
      kind: 'paragraph',
      debris: false,
      text: 'According to the authorities, three dozen people were injured.',
      mentions: [],
    };
    expect(found([block], corpusTypes)).toEqual([{ paragraph: 1, cue: 'According to', claimant: { words: 'the authorities' } }]);
  });

  it('passes over a place nearer the verb for an entry that can make a claim', () => {
    const [block] = unmarked('tricky.txt').filter((paragraph) => paragraph.number === 5);
    const text = block?.text ?? '';
    const at = (words: string, entry: string) => ({ entry, start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const marked = { ...block, mentions: [at('Albanian State Police', 'albanian-state-police'), at('US', 'united-states')] } as ClaimBlock;
    expect(found([marked], fixtureTypes)).toEqual([{ paragraph: 5, cue: 'said', claimant: { entry: 'albanian-state-police' } }]);
  });

  it('reads "the alleged", "was reported" and "according to the agreement" as no reported speech', () => {
    const block = (text: string): ClaimBlock => ({ number: 1, kind: 'paragraph', debris: false, text, mentions: [] });
    for (const text of [
      'The alleged server rooms were searched.',
      'One death was reported in the camp.',
      'According to the 2014 agreement, the members may stay.',
      'Its claimed purpose was humanitarian.',
    ]) {
      expect(found([block(text)], corpusTypes), text).toEqual([]);
    }
  });

  it('leaves out headings and debris: the headline repeats the body, debris is not the article', () => {
    const said = { number: 1, text: 'Cuci said the police were not responsible.', mentions: [{ entry: 'bledi-cuci', start: 0, end: 4 }] };
    expect(found([{ ...said, kind: 'heading', debris: false }], corpusTypes)).toEqual([]);
    expect(found([{ ...said, kind: 'paragraph', debris: true }], corpusTypes)).toEqual([]);
    expect(found([{ ...said, kind: 'paragraph', debris: false }], corpusTypes)).toEqual([{ paragraph: 1, cue: 'said', claimant: { entry: 'bledi-cuci' } }]);
  });

  it('quotes the sentence that reports the claim, not the whole paragraph', () => {
    const [claim] = likelyClaims(paragraph(balkanInsight, 10), corpusTypes);
    expect(claim?.sentence).toBe(
      'Many of them are in critical condition and some were transferred to Mother Teresa Hospital in Tirana,” the secretariat of the National Council of Resistance of Iran said.',
    );
  });
});

describe('sentenceSpans', () => {
  it('does not end a sentence after "Mr." or "U.S."', () => {
    const text = 'A member, Mr. Ali Mostashari, was killed. The U.S. Department of State said so.';
    expect(sentenceSpans(text).map(([start, end]) => text.slice(start, end))).toEqual([
      'A member, Mr. Ali Mostashari, was killed. ',
      'The U.S. Department of State said so.',
    ]);
  });
});
