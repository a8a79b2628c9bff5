import { describe, expect, it } from 'vitest';
import { ingestReport, updateReport } from '../../../src/ingest/report.ts';
import type { LikelyClaim } from '../../../src/ingest/likely-claims.ts';
import type { LinkResult } from '../../../src/linking/link.ts';

const linked: LinkResult = {
  text: '',
  added: [
    { entry: 'mek', paragraph: 1, text: 'MEK', description: false },
    { entry: 'bledi-cuci', paragraph: 2, text: 'Cuci', description: false },
    { entry: 'mek', paragraph: 2, text: 'PMOI', description: false },
    { entry: 'ashraf-3', paragraph: 12, text: 'compound', description: true },
    { entry: 'mek', paragraph: 12, text: 'Mujahedeen-e-Khalq', description: false, variantOf: 'Mujahedin-e-Khalq' },
  ],
  warnings: ['line 5, ¶ 2: "Tehran" not marked: the block would not read back the same; mark by hand'],
};
const blocks = [
  { number: 1, text: 'The MEK and NATO met the Interior Minister of Kosovo.', mentions: [{ start: 4, end: 7 }] },
  { number: 2, text: 'Cuci and NATO.', mentions: [] },
];
const nothingLinked: LinkResult = { text: '', added: [], warnings: [] };

/** What follows the first lines of either report, for `linked` and `blocks`. */
const linking = (heading: string) => [
  `${heading}: 4, of 2 entries`,
  '  mek           3',
  '  bledi-cuci    1',
  '',
  'Descriptions marked, as this document names their entry or its context (confirm each, or unwrap it): 1',
  '  ¶  12  "compound" → ashraf-3',
  '',
  "Spelling variants of known names marked (confirm each and add it to the entry's aliases, or unwrap it): 1",
  '  ¶  12  "Mujahedeen-e-Khalq" ≈ Mujahedin-e-Khalq → mek',
  '',
  'Not marked (check by hand):',
  '  line 5, ¶ 2: "Tehran" not marked: the block would not read back the same; mark by hand',
  '',
  'Names and acronyms that match no glossary entry (candidates for new entries or aliases; times found, in ¶): 3',
  '  NATO                           2  ¶ 1, 2',
  '  Cuci                           1  ¶ 2',
  '  Interior Minister of Kosovo    1  ¶ 1',
  '',
];

describe('ingestReport', () => {
  it('names the files written, then counts names marked by entry, lists descriptions, spelling variants, what was not marked and the candidates', () => {
    const files = {
      input: 'in.txt',
      title: 'A headline',
      sourcePath: 'content/sources/a.txt',
      pagePath: 'content/corpus/a.mdx',
      sha256: 'ab12',
      warnings: [],
      review: [],
    };
    expect(ingestReport(files, linked, blocks, [])).toBe(
      [
        'Ingested in.txt as "A headline":',
        '  content/sources/a.txt  the verbatim source, 2 paragraphs, SHA-256 ab12',
        '  content/corpus/a.mdx  the draft page (draft: true): read it against the source, add notes and <Debris>, check the review list, then run npm run ingest -- --publish content/corpus/a.mdx',
        '',
        'To review: nothing (the review list is empty).',
        '',
        ...linking('Mentions marked'),
        'Paragraphs that likely report a claim: none found.',
        '',
      ].join('\n'),
    );
  });

  it('ends with the paragraphs that likely report a claim, their claimant, cue and words, and how to register one', () => {
    const claims: LikelyClaim[] = [
      {
        paragraph: 5,
        cue: 'told',
        claimant: { entry: 'bledi-cuci' },
        sentence: 'Interior Minister Bledi Cuci told media that the police were “enforcing a court order” to seize devices.',
      },
      {
        paragraph: 7,
        cue: 'said',
        claimant: { words: 'she' },
        sentence: '“I guarantee you that the death of the person in the compound was not caused by the State Police,” she said.',
      },
      { paragraph: 12, cue: 'said', claimant: undefined, sentence: 'Said to be closed.' },
    ];
    const report = ingestReport(
      { input: 'in.txt', title: 'T', sourcePath: 's', pagePath: 'p', sha256: 'ab12', warnings: [], review: [] },
      nothingLinked,
      [],
      claims,
    );
    expect(report.split('\n').slice(-6)).toEqual([
      'Paragraphs that likely report a claim (reported speech; advice, not review items): 3',
      '  ¶   5  bledi-cuci         told: "Interior Minister Bledi Cuci told media that the police were “enforcing a…"',
      '  ¶   7  "she" (no entry)   said: "“I guarantee you that the death of the person in the compound was not caused…"',
      '  ¶  12  speaker not found  said: "Said to be closed."',
      'Register those a reader would want traced as content/claims/<id>.md: claimant, statement, and each paragraph with its exact words (README, "Adding a claim").',
      '',
    ]);
  });
});

describe('updateReport', () => {
  it('says the page was updated and reports what linking added', () => {
    expect(updateReport('content/corpus/a.mdx', linked, blocks)).toBe(
      ['Updated content/corpus/a.mdx: every annotation and note kept.', '', ...linking('Mentions added')].join('\n'),
    );
  });

  it('says a page with nothing to add is up to date, with no lists', () => {
    expect(updateReport('content/corpus/a.mdx', nothingLinked, [{ number: 1, text: 'No names.', mentions: [] }])).toBe(
      [
        'content/corpus/a.mdx is up to date: no unmarked mention of a known entry; nothing was written.',
        '',
        'Mentions added: none.',
        '',
        'Names and acronyms that match no glossary entry: none.',
        '',
      ].join('\n'),
    );
  });
});
