/**
 * Source text full of Markdown, GFM and MDX syntax, for the tests that a
 * drafted page reads back as its source, before and after linking.
 */
import { extractBlocks } from '../../../src/corpus/blocks.ts';
import { compareToSource } from '../../../src/corpus/fidelity.ts';
import { parseMdx } from '../../../src/corpus/parse.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

/** A small deterministic random generator, so that a failing case can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const trickyPieces = [
  '1. not a list',
  '2) nor this',
  '123456789. long',
  '# not a heading',
  '###',
  '#hashtag',
  '- dash',
  '+ plus',
  '* star',
  '> quote',
  '>',
  '<',
  '    indented',
  '\tTabbed',
  '<b>x</b>',
  '<Mention entry="mek">x</Mention>',
  '<Debris>',
  '</Debris>',
  '{y}',
  '{',
  '}',
  '{/* c */}',
  'a*b*c_d_',
  '**bold**',
  '__u__',
  '_',
  '*',
  '[x](y)',
  '[^1]',
  '[^1]:',
  '[x]: /url',
  '![img](src)',
  '[',
  ']',
  '(',
  ')',
  '| a | b |',
  '|---|---|',
  ':-:',
  '---',
  '***',
  '___',
  '===',
  '- - -',
  '&amp;',
  '&#199;',
  '&#x41;',
  '&copy;',
  '&copy',
  'AT&T',
  '~~x~~',
  '~y~',
  '~~~',
  '```',
  '`code`',
  ':emoji:',
  '$x$',
  '\\',
  '\\*',
  'end\\',
  '\\\\',
  'import x from "y"',
  'export const a = 1',
  'import',
  '<!-- c -->',
  '^',
  '!',
  '1.',
  '10)',
  '=',
  '-',
  '+',
  '"quoted"',
  '“curly”',
  'e.g.',
  '3,000',
  '100%',
  'plain words',
  '\u00a0',
  ' ',
  '- [ ] task',
  '* [x] done',
  '\u2028',
  '\f',
  '\u200b',
  '\u00ad',
  'MEK’s',
  "MEK's",
  'Bledi Çuçi',
  'Çuçi’s',
  'Cuci',
  'State Police',
  'Albanian Police operation',
  'Tirana',
  'US',
  'us',
];

/** A source of one to four paragraphs of one to three lines, each line a few tricky pieces. */
export function trickySource(next: () => number): string {
  const pick = () => trickyPieces[Math.floor(next() * trickyPieces.length)] ?? '';
  const separators = ['', ' ', ' ', '  '];
  const line = () => Array.from({ length: 1 + Math.floor(next() * 4) }, pick).join(separators[Math.floor(next() * separators.length)] ?? ' ');
  const paragraph = () => Array.from({ length: 1 + Math.floor(next() * 3) }, line).join(next() < 0.2 ? '\r\n' : '\n');
  return Array.from({ length: 1 + Math.floor(next() * 4) }, paragraph).join('\n\n');
}

/** Problems of a page body against its source, as the build sees them: none when the body reads back as the source. */
export function readBackProblems(body: string, source: string): string[] {
  const { blocks, issues } = extractBlocks(parseMdx(body));
  return [
    ...issues.map((issue) => `${issue.line}: ${issue.message}`),
    ...compareToSource(blocks, splitSourceParagraphs(source)).map((problem) => problem.message),
  ];
}
