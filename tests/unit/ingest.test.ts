import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractBlocks } from '../../src/corpus/blocks.ts';
import type { CorpusModel } from '../../src/corpus/model.ts';
import { compareToSource } from '../../src/corpus/fidelity.ts';
import { decodeSource, firstInvalidUtf8 } from '../../src/ingest/decode.ts';
import { draftBody, unrepresentableParagraphs } from '../../src/ingest/draft.ts';
import { buildMeta, slugFromTitle } from '../../src/ingest/metadata.ts';
import { findCandidates } from '../../src/linking/candidates.ts';
import { linkMentions } from '../../src/linking/link.ts';
import { buildMatcher, findMentions, forDocument, type Matcher } from '../../src/linking/match.ts';
import { alignRaw } from '../../src/linking/mdx-text.ts';
import { glossaryNames, type GlossaryName } from '../../src/linking/names.ts';
import { escapeInline } from '../../src/ingest/mdx-escape.ts';
import { parseMdx } from '../../src/corpus/parse.ts';
import { splitSourceParagraphs } from '../../src/text/paragraphs.ts';
import type { ContentDirs } from '../../src/config.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';

const fixtures = 'tests/fixtures/ingest';
const realGlossaryDir = 'content/glossary';

// ---------------------------------------------------------------------------
// Helpers

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh content directory with a copy of the real glossary, and optionally the real sources and pages. */
function tempContent(options: { sources?: boolean; corpus?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  temporaryDirs.push(root);
  const content = join(root, 'content');
  mkdirSync(content);
  cpSync(realGlossaryDir, join(content, 'glossary'), { recursive: true });
  if (options.sources) cpSync('content/sources', join(content, 'sources'), { recursive: true });
  if (options.corpus) cpSync('content/corpus', join(content, 'corpus'), { recursive: true });
  return content;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function commandEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CORPUS_CONTENT;
  return env;
}

/** Runs the command as a user would: `node scripts/ingest.ts …`. */
function runIngest(args: string[]): Run {
  const result = spawnSync(process.execPath, ['scripts/ingest.ts', ...args], { encoding: 'utf8', env: commandEnv() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking, so that independent runs can overlap. */
function runIngestAsync(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/ingest.ts', ...args], { encoding: 'utf8', env: commandEnv() }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** A hash of every file's path and bytes under `dir`: equal before and after means nothing was written. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    hash.update(join(entry.parentPath, entry.name));
    if (entry.isFile()) hash.update(readFileSync(join(entry.parentPath, entry.name)));
  }
  return hash.digest('hex');
}

function dirsUnder(content: string): ContentDirs {
  return {
    corpus: join(content, 'corpus'),
    glossary: join(content, 'glossary'),
    sources: join(content, 'sources'),
    comparisons: join(content, 'comparisons'),
    anchorLock: join(content, 'anchors.lock.json'),
  };
}

interface Pair {
  key: string;
  /** The words of every mention of the entry in the paragraph. */
  texts: string[];
}

/** Every (entry, ¶) that a document links. */
function linkedPairs(model: CorpusModel, slug: string): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  const document = model.documents.find((candidate) => candidate.slug === slug);
  for (const block of document?.blocks ?? []) {
    for (const mention of block.mentions) {
      const key = `${mention.entry} ¶${block.number}`;
      const pair = pairs.get(key) ?? { key, texts: [] };
      pair.texts.push(block.text.slice(mention.start, mention.end));
      pairs.set(key, pair);
    }
  }
  return pairs;
}

function realGlossary(): GlossaryName[] {
  const files = readdirSync(realGlossaryDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ path: join(realGlossaryDir, name), text: readFileSync(join(realGlossaryDir, name), 'utf8') }));
  const { names, problems } = glossaryNames(files);
  expect(problems).toEqual([]);
  return names;
}

const glossary: GlossaryName[] = [
  { id: 'mek', name: "People's Mojahedin Organization of Iran", aliases: ['MEK', 'PMOI', 'PMOI/MEK', 'People’s Mujahedin of Iran'], context: [] },
  { id: 'bledi-cuci', name: 'Bledi Çuçi', aliases: ['Bledi Cuci', 'Çuçi', 'Cuci'], context: [] },
  { id: 'albanian-state-police', name: 'Albanian State Police', aliases: ['State Police', 'Albanian Police', 'Albanian police'], context: [] },
  { id: 'police-operation', name: 'Police operation at Ashraf 3', aliases: ['police operation', 'police raid', 'operation', 'Albanian Police operation'], context: ['ashraf-3'] },
  { id: 'ashraf-3', name: 'Ashraf 3', aliases: ['compound', 'Ashraf', '“Ashraf” camp', 'MEK camp'], context: ['mek'] },
  { id: 'prison', name: 'Evin Prison', aliases: ['compound'], context: [] },
  { id: 'united-states', name: 'United States', aliases: ['US', 'USA', 'U.S.'], context: [] },
  { id: 'tehran', name: 'Tehran', aliases: [], context: [] },
  { id: 'rupture', name: 'Rupture of relations', aliases: ['breakdown of diplomatic relations with Tehran'], context: [] },
  { id: 'albania', name: 'Albania', aliases: ['A'], context: [] },
  { id: 'one', name: 'Special Court', aliases: [], context: [] },
  { id: 'two', name: 'Special court', aliases: [], context: [] },
];

function marked(text: string, matcher: Matcher): string {
  let result = '';
  let last = 0;
  for (const match of findMentions(text, matcher)) {
    result += `${text.slice(last, match.start)}[${match.text}|${match.entry}]`;
    last = match.end;
  }
  return result + text.slice(last);
}

// ---------------------------------------------------------------------------

describe('finding mentions of glossary entries', () => {
  const matcher = buildMatcher(glossary);

  it('finds every occurrence, whatever the case and diacritics', () => {
    expect(marked('Cuci met Çuçi, and BLEDI ÇUÇI met Bledi Cuci.', matcher)).toBe(
      '[Cuci|bledi-cuci] met [Çuçi|bledi-cuci], and [BLEDI ÇUÇI|bledi-cuci] met [Bledi Cuci|bledi-cuci].',
    );
  });

  it('finds names written with decomposed diacritics, keeping the marks inside the mention', () => {
    expect(marked('Minister C\u0327uc\u0327i spoke.', matcher)).toBe('Minister [C\u0327uc\u0327i|bledi-cuci] spoke.');
  });

  it('leaves a possessive ’s or \'s outside the mention', () => {
    expect(marked("MEK’s members and MEK's leaders", matcher)).toBe("[MEK|mek]’s members and [MEK|mek]'s leaders");
  });

  it('never matches inside a longer word, but does next to a hyphen', () => {
    expect(marked('MEKs, AMEK, Cucis, Tehrani, anti-Tehran, Albania-based', matcher)).toBe('MEKs, AMEK, Cucis, Tehrani, anti-[Tehran|tehran], [Albania|albania]-based');
  });

  it('lets the longest name win, left to right and without overlap', () => {
    expect(marked('the Albanian State Police and the State Police; PMOI/MEK', matcher)).toBe(
      'the [Albanian State Police|albanian-state-police] and the [State Police|albanian-state-police]; [PMOI/MEK|mek]',
    );
  });

  it('matches an acronym only where it is written in capitals', () => {
    expect(marked('the US assured us; Us and USA and the U.S. agreed', matcher)).toBe('the [US|united-states] assured us; Us and [USA|united-states] and the [U.S.|united-states] agreed');
  });

  it('matches other names only where written with a capital', () => {
    expect(marked('the state police and the State police', matcher)).toBe('the state police and the [State police|albanian-state-police]');
  });

  it('links lower-case aliases (descriptions) only in a document about their entry', () => {
    const text = 'after the police raid on the compound, a police operation';
    expect(marked(text, matcher)).toBe(text);
    expect(marked(text, forDocument(matcher, new Set(['tehran'])))).toBe(text);
    // ashraf-3 is in the context of the police operation, and the MEK in that of Ashraf 3.
    expect(marked(text, forDocument(matcher, new Set(['ashraf-3'])))).toBe('after the [police raid|police-operation] on the [compound|ashraf-3], a [police operation|police-operation]');
    expect(marked(text, forDocument(matcher, new Set(['mek'])))).toBe('after the police raid on the [compound|ashraf-3], a police operation');
  });

  it('matches a description only where it is written in lower case', () => {
    expect(marked('Operation Mersad; the operation', forDocument(matcher, new Set(['ashraf-3'])))).toBe('Operation Mersad; the [operation|police-operation]');
  });

  it('leaves a description to the editor where it would refer to two entries', () => {
    const both = forDocument(matcher, new Set(['ashraf-3', 'prison']));
    expect(marked('the compound', both)).toBe('the compound');
    expect(both.skipped).toContainEqual(expect.objectContaining({ entry: 'ashraf-3', text: 'compound', reason: 'ambiguous here: also a description of prison' }));
    expect(marked('the compound', forDocument(matcher, new Set(['prison'])))).toBe('the [compound|prison]');
  });

  it('links the name inside an alias that only adds lower-case words to it', () => {
    expect(marked('the Albanian Police operation at the MEK camp; a breakdown of diplomatic relations with Tehran', matcher)).toBe(
      'the [Albanian Police|albanian-state-police] operation at the [MEK|mek] camp; a breakdown of diplomatic relations with [Tehran|tehran]',
    );
  });

  it('skips names shorter than two characters and names that two entries share', () => {
    expect(marked('A Special Court', matcher)).toBe('A Special Court');
    expect(matcher.skipped.map((form) => form.reason)).toEqual(expect.arrayContaining(['shorter than 2 characters', 'ambiguous: also a name of two']));
  });

  it('matches across line breaks and typographic variants of quotes and apostrophes', () => {
    expect(marked('Bledi\n  Cuci and People\'s Mujahedin of Iran in the "Ashraf" camp', matcher)).toBe(
      '[Bledi\n  Cuci|bledi-cuci] and [People\'s Mujahedin of Iran|mek] in the ["Ashraf" camp|ashraf-3]',
    );
  });
});

describe('candidates for new entries', () => {
  it('lists unmatched capitalised multi-word names and acronyms, not sentence-initial common words', () => {
    const text = 'The Interior Minister met the MEK. However, Vice President Mike Pence and NATO said the National Council of Resistance of Iran agreed. The Iranian regime said so.';
    const mentions = [{ start: text.indexOf('MEK'), end: text.indexOf('MEK') + 3 }];
    expect(findCandidates([{ text, mentions }, { text: 'Interior Minister', mentions: [] }])).toEqual([
      { name: 'Interior Minister', count: 2 },
      { name: 'National Council of Resistance of Iran', count: 1 },
      { name: 'NATO', count: 1 },
      { name: 'Vice President Mike Pence', count: 1 },
    ]);
  });
});

describe('checking the input file', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Çuçi ✓ 𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc3, 0x28]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(1); // cut short
  });

  it('accepts text with a stray control character', () => {
    expect(decodeSource(new TextEncoder().encode('An article\u0007 with a bell in a long enough line of text.\n'), 'a.txt')).toEqual({
      ok: true,
      text: 'An article\u0007 with a bell in a long enough line of text.\n',
    });
  });
});

describe('front matter from the command line', () => {
  const hash = 'a'.repeat(64);

  it('derives the slug from the title', () => {
    expect(slugFromTitle('MEK has not respected the 2014 agreement, Albania Says')).toBe('mek-has-not-respected-the-2014-agreement-albania-says');
    expect(slugFromTitle('Çuçi’s “answer”: no!')).toBe('cucis-answer-no');
    expect(slugFromTitle('word '.repeat(30)).length).toBeLessThanOrEqual(60);
  });

  it('names every missing required flag at once', () => {
    expect(buildMeta({ title: ' ' }, hash)).toEqual({ ok: false, errors: [expect.stringMatching(/^missing --title, --publisher, --date: /u)] });
  });

  it('names the flag of an invalid field', () => {
    const result = buildMeta({ title: 'T', publisher: 'P', date: '2023-06-20', url: 'not a url', language: 'English' }, hash);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^--url: /u), expect.stringMatching(/^--language: /u)]);
  });

  it('refuses a day that does not exist', () => {
    expect(buildMeta({ title: 'T', publisher: 'P', date: '2023-02-30' }, hash)).toEqual({ ok: false, errors: ['--date "2023-02-30" is not a date of the calendar: write it YYYY-MM-DD, such as 2023-06-20'] });
  });

  it('refuses a date not written YYYY-MM-DD and a slug that is not a slug', () => {
    const result = buildMeta({ title: 'T', publisher: 'P', date: '20/06/2023', slug: 'My Article' }, hash);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringContaining('--date must be a date written YYYY-MM-DD'), expect.stringContaining('--slug "My Article" must be')]);
  });
});

// ---------------------------------------------------------------------------

/** A small deterministic random generator, so that a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const trickyPieces = [
  '1. not a list', '2) nor this', '123456789. long', '# not a heading', '###', '#hashtag', '- dash', '+ plus', '* star', '> quote', '>', '<', '    indented', '\tTabbed',
  '<b>x</b>', '<Mention entry="mek">x</Mention>', '<Debris>', '</Debris>', '{y}', '{', '}', '{/* c */}', 'a*b*c_d_', '**bold**', '__u__', '_', '*', '[x](y)', '[^1]', '[^1]:', '[x]: /url', '![img](src)', '[', ']', '(', ')',
  '| a | b |', '|---|---|', ':-:', '---', '***', '___', '===', '- - -', '&amp;', '&#199;', '&#x41;', '&copy;', '&copy', 'AT&T', '~~x~~', '~y~', '~~~', '```', '`code`', ':emoji:', '$x$', '\\', '\\*', 'end\\', '\\\\',
  'import x from "y"', 'export const a = 1', 'import', '<!-- c -->', '^', '!', '1.', '10)', '=', '-', '+', '"quoted"', '“curly”', 'e.g.', '3,000', '100%', 'plain words', '\u00a0', ' ',
  '- [ ] task', '* [x] done', '\u2028', '\f', '\u200b', '\u00ad',
  'MEK’s', "MEK's", 'Bledi Çuçi', 'Çuçi’s', 'Cuci', 'State Police', 'Albanian Police operation', 'Tirana', 'US', 'us',
];

function fuzzSource(next: () => number): string {
  const pick = () => trickyPieces[Math.floor(next() * trickyPieces.length)] ?? '';
  const separators = ['', ' ', ' ', '  '];
  const line = () => Array.from({ length: 1 + Math.floor(next() * 4) }, pick).join(separators[Math.floor(next() * separators.length)] ?? ' ');
  const paragraph = () => Array.from({ length: 1 + Math.floor(next() * 3) }, line).join(next() < 0.2 ? '\r\n' : '\n');
  return Array.from({ length: 1 + Math.floor(next() * 4) }, paragraph).join('\n\n');
}

describe('writing source text as MDX', () => {
  const matcher = buildMatcher(realGlossary());

  /** Problems of a page body against its source, as the build sees them. */
  function problems(body: string, source: string): string[] {
    const { blocks, issues } = extractBlocks(parseMdx(body));
    return [...issues.map((issue) => `${issue.line}: ${issue.message}`), ...compareToSource(blocks, splitSourceParagraphs(source)).map((problem) => problem.message)];
  }

  it.each(trickyPieces.filter((piece) => piece.trim() !== ''))('reads %j back unchanged, alone, at a line start, inside a line and as the headline', (piece) => {
    const source = `${piece}\n\nx ${piece} y\nx\n${piece}\n\n${piece}${piece}`;
    expect(problems(draftBody(splitSourceParagraphs(source), 'Another title'), source)).toEqual([]);
    expect(problems(draftBody(splitSourceParagraphs(source), piece), source)).toEqual([]);
  });

  it('reads 200 random mixes of Markdown, GFM and MDX syntax back unchanged, before and after linking mentions', () => {
    const next = random(20230620);
    for (let round = 0; round < 200; round += 1) {
      const source = fuzzSource(next);
      if (source.trim() === '') continue;
      const firstParagraph = splitSourceParagraphs(source)[0]?.text ?? '';
      const body = draftBody(splitSourceParagraphs(source), round % 3 === 0 ? firstParagraph : 'Title');
      expect(problems(body, source), `round ${round}: ${JSON.stringify(source)}`).toEqual([]);
      const linked = linkMentions(body, matcher);
      expect(linked.warnings, `round ${round}`).toEqual([]);
      expect(problems(linked.text, source), `round ${round}: ${JSON.stringify(source)}`).toEqual([]);
    }
  });

  it('escapes only what needs it, leaving ordinary punctuation readable', () => {
    expect(escapeInline('Mr. Ali (the man), 3,000 people: “no!” 50% & more')).toBe('Mr. Ali (the man), 3,000 people: “no!” 50% & more');
    expect(draftBody(splitSourceParagraphs('1. a\n# b\n- c\nimport d'), 'T')).toBe('1\\. a\n\\# b\n\\- c\nimport d\n');
    expect(draftBody(splitSourceParagraphs('import d from "e"'), 'T')).toBe('&#105;mport d from "e"\n');
  });

  it('keeps web and e-mail addresses, which GFM links whatever the escaping, as source text', () => {
    const source = 'Headline\n\nSee www.example.com, https://example.org/a?b=c and write to press@example.org.\n\nNo address here.';
    expect(unrepresentableParagraphs(splitSourceParagraphs(source), 'in.txt', 'Headline')).toEqual([]);
  });
});

describe('marking mentions in an MDX page', () => {
  const matcher = buildMatcher(glossary);

  it('maps offsets through escapes and character references', () => {
    expect(alignRaw('a\\*b &amp; c', 'a*b & c')).toEqual({ text: 'a*b & c', from: Uint32Array.from([0, 1, 3, 4, 5, 10, 11]), to: Uint32Array.from([1, 3, 4, 5, 10, 11, 12]) });
    expect(alignRaw('a\n   b', 'a\nb')).toEqual({ text: 'a\nb', from: Uint32Array.from([0, 1, 5]), to: Uint32Array.from([1, 2, 6]) });
    expect(alignRaw('abc', 'xyz')).toBeNull();
  });

  it('marks names written with escapes and references, and leaves notes, existing mentions and other text alone', () => {
    const page = [
      '\\*MEK\\* met <Mention entry="united-states">the US</Mention> and B&#108;edi Cuci[^1] in \\[Tehran\\].',
      '',
      '<Debris reason="scraper">',
      'Related: State Police',
      '</Debris>',
      '',
      '[^1]: The MEK and Tehran are not marked in a note.',
      '',
    ].join('\n');
    const result = linkMentions(page, matcher);
    expect(result.warnings).toEqual([]);
    expect(result.text).toBe(
      [
        '\\*<Mention entry="mek">MEK</Mention>\\* met <Mention entry="united-states">the US</Mention> and <Mention entry="bledi-cuci">B&#108;edi Cuci</Mention>[^1] in \\[<Mention entry="tehran">Tehran</Mention>\\].',
        '',
        '<Debris reason="scraper">',
        'Related: <Mention entry="albanian-state-police">State Police</Mention>',
        '</Debris>',
        '',
        '[^1]: The MEK and Tehran are not marked in a note.',
        '',
      ].join('\n'),
    );
    expect(result.added.map((mention) => `${mention.entry} ¶${mention.paragraph}`)).toEqual(['mek ¶1', 'bledi-cuci ¶1', 'tehran ¶1', 'albanian-state-police ¶2']);
  });

  it('marks descriptions where the page names their entry, by name or by an editor\'s mention, and reports them apart', () => {
    const named = linkMentions('The MEK left the compound.\n', matcher);
    expect(named.text).toBe('The <Mention entry="mek">MEK</Mention> left the <Mention entry="ashraf-3">compound</Mention>.\n');
    expect(named.added.map((mention) => [mention.text, mention.description])).toEqual([['MEK', false], ['compound', true]]);
    const marked = 'In <Mention entry="ashraf-3">the camp</Mention>, the operation began.\n';
    expect(linkMentions(marked, matcher).text).toBe('In <Mention entry="ashraf-3">the camp</Mention>, the <Mention entry="police-operation">operation</Mention> began.\n');
    expect(linkMentions('They left the compound.\n', matcher).added).toEqual([]);
  });

  it('does not mark words that run into an existing mention', () => {
    const page = 'Bledi <Mention entry="bledi-cuci">Cuci</Mention> and Mr. <Mention entry="tehran">Tehran</Mention>s.\n';
    expect(linkMentions(page, matcher).text).toBe(page);
  });
});

// ---------------------------------------------------------------------------
// The command

describe('npm run ingest refuses bad input with a clear message and writes nothing', () => {
  const required = ['--title', 'A headline', '--publisher', 'An Outlet', '--date', '2023-06-21'];
  const cases: { name: string; args: (content: string) => string[]; message: RegExp }[] = [
    { name: 'an empty file', args: () => [`${fixtures}/bad/empty.txt`, ...required], message: /bad\/empty\.txt: the file is empty: / },
    { name: 'a file of white space only', args: () => [`${fixtures}/bad/blank.txt`, ...required], message: /bad\/blank\.txt: the file is empty \(nothing but white space\)/ },
    { name: 'a file that is not UTF-8', args: () => [`${fixtures}/bad/latin1.txt`, ...required], message: /bad\/latin1\.txt:1: the file is not UTF-8 \(byte 0xe9 at offset 3 is not valid UTF-8\): convert it/ },
    { name: 'a UTF-16 file (bytes 0xff 0xfe)', args: () => [`${fixtures}/bad/utf16.txt`, ...required], message: /bad\/utf16\.txt:1: the file is not UTF-8 but UTF-16 \(it starts with the byte-order mark 0xff 0xfe\)/ },
    { name: 'binary data with NUL bytes', args: () => [`${fixtures}/bad/binary.bin`, ...required], message: /bad\/binary\.bin:3: the file is binary data, not text \(NUL byte at offset 8\)/ },
    { name: 'binary data of control characters', args: () => [`${fixtures}/bad/controls.txt`, ...required], message: /bad\/controls\.txt: the file looks like binary data, not text \(10 control characters in 24\)/ },
    {
      name: 'a duplicate of a source already in the corpus',
      args: () => ['content/sources/us-state-department-reacts.txt', ...required, '--slug', 'another-slug'],
      message: /content\/sources\/us-state-department-reacts\.txt is a duplicate of .*\/content\/sources\/us-state-department-reacts\.txt \(identical bytes, SHA-256 b65442b5/,
    },
    {
      name: 'the same text as a source in the corpus, with other line endings',
      args: (content) => {
        const copy = join(content, '..', 'crlf.txt');
        writeFileSync(copy, readFileSync('content/sources/us-state-department-reacts.txt', 'utf8').replaceAll('\n', '\r\n'));
        return [copy, ...required];
      },
      message: /crlf\.txt has the same text as .*us-state-department-reacts\.txt, differing only in white space/,
    },
    { name: 'a missing --title', args: () => [`${fixtures}/tricky.txt`, '--publisher', 'P', '--date', '2023-06-21'], message: /^missing --title: the page's front matter requires/m },
    { name: 'a missing --publisher', args: () => [`${fixtures}/tricky.txt`, '--title', 'T', '--date', '2023-06-21'], message: /^missing --publisher: / },
    { name: 'a missing --date', args: () => [`${fixtures}/tricky.txt`, '--title', 'T', '--publisher', 'P'], message: /^missing --date: / },
    { name: 'a date not written YYYY-MM-DD', args: () => [`${fixtures}/tricky.txt`, '--title', 'T', '--publisher', 'P', '--date', '21 June 2023'], message: /--date must be a date written YYYY-MM-DD/ },
    {
      name: 'an existing page without --update',
      args: () => [`${fixtures}/tricky.txt`, ...required, '--slug', 'us-state-department-reacts'],
      message: /content\/corpus\/us-state-department-reacts\.mdx already exists: ingest never overwrites a page\. To re-link its mentions keeping the editors' work, run with --update us-state-department-reacts/,
    },
    { name: 'a text file with --update', args: () => [`${fixtures}/tricky.txt`, '--update', 'us-state-department-reacts'], message: /--update re-links an existing page and takes no text file/ },
    { name: 'an --update of a page that does not exist', args: () => ['--update', 'no-such-page'], message: /corpus\/no-such-page\.mdx: no such page: --update takes the slug/ },
  ];

  it.concurrent.for(cases)('$name', async ({ args, message }, { expect }) => {
    const content = tempContent({ sources: true, corpus: true });
    const commandArgs = [...args(content), '--content', content];
    const before = fingerprint(content);
    const { status, stdout, stderr } = await runIngestAsync(commandArgs);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Nothing was written\./);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(fingerprint(content)).toBe(before);
  });

  it('removes the source again when the page cannot be written', () => {
    const content = tempContent();
    writeFileSync(join(content, 'corpus'), 'a file where the corpus directory should be');
    const { status, stderr } = runIngest([`${fixtures}/tricky.txt`, ...required, '--content', content]);
    expect(stderr).toMatch(/could not write the files .*; nothing was kept/);
    expect(status).toBe(1);
    expect(readdirSync(join(content, 'sources'))).toEqual([]);
  });
});

describe('npm run ingest writes a draft that passes the build', () => {
  let published: CorpusModel;
  beforeAll(async () => {
    const build = await loadCorpus(process.cwd());
    expect(build.problems).toEqual([]);
    published = build.model;
  });

  it('stores the source byte for byte and writes a page the real corpus loader accepts, with a report', async () => {
    const content = tempContent();
    const { status, stdout, stderr } = runIngest([
      `${fixtures}/tricky.txt`,
      '--title', 'Tricky: a test of escaping',
      '--publisher', 'Test Wire',
      '--author', 'Ana Author',
      '--author', 'Ben Writer',
      '--date', '2024-01-02',
      '--url', 'https://example.org/tricky',
      '--content', content,
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const slug = 'tricky-a-test-of-escaping';
    expect(readFileSync(join(content, 'sources', `${slug}.txt`))).toEqual(readFileSync(`${fixtures}/tricky.txt`));
    const page = readFileSync(join(content, 'corpus', `${slug}.mdx`), 'utf8');
    expect(page).toMatch(/^---\ntitle: "Tricky: a test of escaping"\npublisher: Test Wire\nauthors:\n  - Ana Author\n  - Ben Writer\npublished: 2024-01-02\nurl: https:\/\/example.org\/tricky\nlanguage: en\nsource: tricky-a-test-of-escaping.txt\nsha256: [0-9a-f]{64}\n---\n\n1\\. Not a list: <Mention entry="mek">MEK<\/Mention>'s/u);
    expect(stdout).toMatch(/Mentions marked: \d+, of \d+ entries\n(?:.*\n)*  mek +\d+\n/u);
    expect(stdout).toMatch(/Names and acronyms that match no glossary entry/u);

    const { model, problems } = await loadCorpus('/', dirsUnder(content));
    expect(problems).toEqual([]);
    expect(model.documents.map((document) => document.slug)).toEqual([slug]);
  });

  it.each(['mek-has-not-respected-the-2014-agreement', 'us-state-department-reacts'])(
    'ingesting %s afresh links every (entry, ¶) the published page links, descriptions such as "compound" included',
    async (slug) => {
      const document = published.documents.find((candidate) => candidate.slug === slug);
      if (!document) throw new Error(`no published document ${slug}`);
      const content = tempContent();
      const { meta } = document;
      const { status, stderr } = runIngest([
        join('content/sources', meta.source),
        '--title', meta.title,
        '--publisher', meta.publisher,
        '--date', meta.published,
        '--slug', slug,
        ...meta.authors.flatMap((author) => ['--author', author]),
        '--content', content,
      ]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const { model, problems } = await loadCorpus('/', dirsUnder(content));
      expect(problems).toEqual([]);

      const wanted = [...linkedPairs(published, slug).values()];
      const found = linkedPairs(model, slug);
      expect(wanted.length).toBeGreaterThan(20);
      expect(wanted.filter((pair) => !found.has(pair.key)).map((pair) => `${pair.key} ${JSON.stringify(pair.texts)}`)).toEqual([]);
    },
  );
});

describe('npm run ingest --update keeps the editors\' work', () => {
  /** Tags are tokens: the original must be a subsequence of the result, and all that was added must be <Mention> tags. */
  function insertedTags(original: string, result: string): string[] {
    const tokens = (text: string) => text.match(/<\/?Mention[^>]*>|[^]/gu) ?? [];
    const before = tokens(original);
    const inserted: string[] = [];
    let index = 0;
    for (const token of tokens(result)) {
      if (index < before.length && token === before[index]) index += 1;
      else inserted.push(token);
    }
    expect(index, 'every character and tag of the page is kept, in order').toBe(before.length);
    expect(inserted.every((token) => token.startsWith('<Mention ') || token === '</Mention>'), `only <Mention> tags were added: ${inserted.join(' ')}`).toBe(true);
    return inserted.filter((token) => token !== '</Mention>');
  }

  it('restores a removed mention of the published page and changes nothing else', async () => {
    const content = tempContent({ sources: true, corpus: true });
    const pagePath = join(content, 'corpus', 'mek-has-not-respected-the-2014-agreement.mdx');
    const page = readFileSync(pagePath, 'utf8');
    const removed = 'near <Mention entry="durres">Durres</Mention> after the';
    expect(page).toContain(removed);
    const edited = page.replace(removed, 'near Durres after the');
    writeFileSync(pagePath, edited);

    const { status, stdout, stderr } = runIngest(['--update', pagePath, '--content', content]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Updated .*mek-has-not-respected-the-2014-agreement\.mdx: every annotation and note kept\./);
    const updated = readFileSync(pagePath, 'utf8');
    expect(updated).toContain(removed);
    const added = insertedTags(edited, updated);
    expect(added).toContain('<Mention entry="durres">');
    // The Debris block (already fully marked) and the notes are kept to the byte.
    const debris = (text: string) => text.slice(text.indexOf('<Debris'), text.indexOf('</Debris>'));
    expect(debris(updated)).toBe(debris(page));
    expect(updated.slice(updated.indexOf('\n[^man]:'))).toBe(page.slice(page.indexOf('\n[^man]:')));

    const { problems } = await loadCorpus('/', dirsUnder(content));
    expect(problems).toEqual([]);
  });

  it('keeps footnotes, Debris, escapes and hand-placed mentions of a hand-edited page, marking only what is unmarked', async () => {
    const content = tempContent();
    cpSync(`${fixtures}/manual-work/corpus`, join(content, 'corpus'), { recursive: true });
    cpSync(`${fixtures}/manual-work/sources`, join(content, 'sources'), { recursive: true });
    const pagePath = join(content, 'corpus', 'manual-work.mdx');
    const original = readFileSync(pagePath, 'utf8');

    const first = runIngest(['--update', 'manual-work', '--content', content]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Mentions added: 6, of 5 entries/);
    // The page marks Ashraf 3 (by hand), so "raid" in the headline is taken to be the operation there, for the editor to confirm.
    expect(first.stdout).toContain('Descriptions marked, as this document names their entry or its context (confirm each, or unwrap it): 1\n  ¶   1  "raid" → police-operation-at-ashraf-3');
    const updated = readFileSync(pagePath, 'utf8');
    expect(insertedTags(original, updated).sort()).toEqual(
      ['albanian-state-police', 'bledi-cuci', 'durres', 'gjkko', 'mek', 'mek', 'police-operation-at-ashraf-3'].map((entry) => `<Mention entry="${entry}">`),
    );
    // The footnote on Çuçi, the hand-placed lower-case mentions, the escapes and the note are as the editor left them.
    expect(updated).toContain('<Mention entry="bledi-cuci">Bledi &#199;u&#231;i</Mention>[^cuci] said');
    expect(updated).toContain('the <Mention entry="ashraf-3">compound</Mention> near <Mention entry="durres">Durres</Mention>.');
    expect(updated).toContain('1\\. <Mention entry="bledi-cuci">Cuci</Mention> said the \\[<Mention entry="police-operation-at-ashraf-3">police operation</Mention>\\]');
    expect(updated).toContain('\\<b\\>x\\</b\\> \\{y\\} \\& more, as the <Mention entry="mek">MEK</Mention>’s members');
    expect(updated).toContain('<Debris reason="links to other posts of the site the text was copied from">\nRelated posts\n\n<Mention entry="albanian-state-police">Albanian Police</Mention> has bad news for the <Mention entry="mek">MEK</Mention>\n</Debris>');
    expect(updated).toContain('[^cuci]: Bledi Çuçi, then Minister of the Interior; the MEK disputes his account of the raid near Durres.');
    expect((await loadCorpus('/', dirsUnder(content))).problems).toEqual([]);

    // A second run finds nothing to add and leaves the file alone.
    const before = fingerprint(content);
    const second = runIngest(['--update', 'manual-work', '--content', content]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/is up to date: no unmarked mention of a known entry; nothing was written\./);
    expect(fingerprint(content)).toBe(before);
  });

  it('refuses to update a page that does not pass the fidelity check, writing nothing', () => {
    const content = tempContent();
    cpSync(`${fixtures}/manual-work/corpus`, join(content, 'corpus'), { recursive: true });
    cpSync(`${fixtures}/manual-work/sources`, join(content, 'sources'), { recursive: true });
    const pagePath = join(content, 'corpus', 'manual-work.mdx');
    writeFileSync(pagePath, readFileSync(pagePath, 'utf8').replace('acted lawfully', 'acted lawfuly'));
    const before = fingerprint(content);
    const { status, stderr } = runIngest(['--update', 'manual-work', '--content', content]);
    expect(stderr).toMatch(/manual-work\.mdx:\d+: text differs from .*manual-work\.txt: ¶ 2 differs from the source \(source line 3\): .*\[-lawfully-\]\{\+lawfuly\+\}/);
    expect(stderr).toMatch(/does not pass the build's checks: fix it first, then run --update again/);
    expect(status).toBe(1);
    expect(fingerprint(content)).toBe(before);
  });
});
