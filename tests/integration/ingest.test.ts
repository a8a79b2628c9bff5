/**
 * The ingest command as a user runs it (`node scripts/ingest.ts …`): what it
 * refuses, what it writes, and that what it writes passes the real corpus
 * loader. The logic behind it has its unit tests in tests/unit/ingest and
 * tests/unit/linking.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDirs, contentRoot, type ContentDirs } from '../../src/config.ts';
import type { CorpusModel } from '../../src/corpus/model.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';

const fixtures = 'tests/fixtures/ingest';
const realGlossaryDir = 'content/glossary';

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
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    hash.update(join(entry.parentPath, entry.name));
    if (entry.isFile()) hash.update(readFileSync(join(entry.parentPath, entry.name)));
  }
  return hash.digest('hex');
}

/** The content directories of the real corpus, moved under `content`. */
function dirsUnder(content: string): ContentDirs {
  return Object.fromEntries(Object.entries(contentDirs).map(([key, path]) => [key, join(content, relative(contentRoot, path))])) as ContentDirs;
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

describe('npm run ingest refuses bad input with a clear message and writes nothing', () => {
  const required = ['--title', 'A headline', '--publisher', 'An Outlet', '--date', '2023-06-21'];
  const cases: { name: string; args: (content: string) => string[]; message: RegExp }[] = [
    { name: 'an empty file', args: () => [`${fixtures}/bad/empty.txt`, ...required], message: /bad\/empty\.txt: the file is empty: / },
    {
      name: 'a file of white space only',
      args: () => [`${fixtures}/bad/blank.txt`, ...required],
      message: /bad\/blank\.txt: the file is empty \(nothing but white space\)/,
    },
    {
      name: 'a file that is not UTF-8',
      args: () => [`${fixtures}/bad/latin1.txt`, ...required],
      message: /bad\/latin1\.txt:1: the file is not UTF-8 \(byte 0xe9 at offset 3 is not valid UTF-8\): convert it/,
    },
    {
      name: 'a UTF-16 file (bytes 0xff 0xfe)',
      args: () => [`${fixtures}/bad/utf16.txt`, ...required],
      message: /bad\/utf16\.txt:1: the file is not UTF-8 but UTF-16 \(it starts with the byte-order mark 0xff 0xfe\)/,
    },
    {
      name: 'binary data with NUL bytes',
      args: () => [`${fixtures}/bad/binary.bin`, ...required],
      message: /bad\/binary\.bin:3: the file is binary data, not text \(NUL byte at offset 8\)/,
    },
    {
      name: 'binary data of control characters',
      args: () => [`${fixtures}/bad/controls.txt`, ...required],
      message: /bad\/controls\.txt: the file looks like binary data, not text \(10 control characters in 24\)/,
    },
    {
      name: 'a duplicate of a source already in the corpus',
      args: () => ['content/sources/us-state-department-reacts.txt', ...required, '--slug', 'another-slug'],
      message:
        /content\/sources\/us-state-department-reacts\.txt is a duplicate of .*\/content\/sources\/us-state-department-reacts\.txt \(identical bytes, SHA-256 b65442b5/,
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
    {
      name: 'a missing --title',
      args: () => [`${fixtures}/tricky.txt`, '--publisher', 'P', '--date', '2023-06-21'],
      message: /^missing --title: the page's front matter requires/m,
    },
    { name: 'a missing --publisher', args: () => [`${fixtures}/tricky.txt`, '--title', 'T', '--date', '2023-06-21'], message: /^missing --publisher: / },
    { name: 'a missing --date', args: () => [`${fixtures}/tricky.txt`, '--title', 'T', '--publisher', 'P'], message: /^missing --date: / },
    {
      name: 'a date not written YYYY-MM-DD',
      args: () => [`${fixtures}/tricky.txt`, '--title', 'T', '--publisher', 'P', '--date', '21 June 2023'],
      message: /--date must be a date written YYYY-MM-DD/,
    },
    {
      name: 'an existing page without --update',
      args: () => [`${fixtures}/tricky.txt`, ...required, '--slug', 'us-state-department-reacts'],
      message:
        /content\/corpus\/us-state-department-reacts\.mdx already exists: ingest never overwrites a page\. To re-link its mentions keeping the editors' work, run with --update us-state-department-reacts/,
    },
    {
      name: 'a text file with --update',
      args: () => [`${fixtures}/tricky.txt`, '--update', 'us-state-department-reacts'],
      message: /--update re-links an existing page and takes no text file/,
    },
    {
      name: 'an --update of a page that does not exist',
      args: () => ['--update', 'no-such-page'],
      message: /corpus\/no-such-page\.mdx: no such page: --update takes the slug/,
    },
    {
      name: 'a --publish of a page that does not exist',
      args: () => ['--publish', 'no-such-page'],
      message: /corpus\/no-such-page\.mdx: no such page: --publish takes the slug/,
    },
    {
      name: 'a file that does not exist',
      args: () => [`${fixtures}/no-such-file.txt`, ...required],
      message: /^ingest: tests\/fixtures\/ingest\/no-such-file\.txt: no such file \(looked in .*\): check the path/m,
    },
    {
      name: 'UTF-16 without a byte-order mark',
      args: () => [`${fixtures}/bad/utf16-no-bom.txt`, ...required],
      message:
        /bad\/utf16-no-bom\.txt:1: the file is not UTF-8 but looks like UTF-16 little-endian without a byte-order mark \(every other byte is NUL\): convert it first, e\.g\. `iconv -f UTF-16LE -t UTF-8/,
    },
    {
      name: 'a --url without its scheme',
      args: () => [`${fixtures}/tricky.txt`, ...required, '--url', 'www.example.com/x'],
      message: /--url "www\.example\.com\/x" has no scheme: write the address in full, e\.g\. --url https:\/\/www\.example\.com\/x/,
    },
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
      '--title',
      'Tricky: a test of escaping',
      '--publisher',
      'Test Wire',
      '--author',
      'Ana Author',
      '--author',
      'Ben Writer',
      '--date',
      '2024-01-02',
      '--url',
      'https://example.org/tricky',
      '--content',
      content,
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const slug = 'tricky-a-test-of-escaping';
    expect(readFileSync(join(content, 'sources', `${slug}.txt`))).toEqual(readFileSync(`${fixtures}/tricky.txt`));
    const page = readFileSync(join(content, 'corpus', `${slug}.mdx`), 'utf8');
    expect(page).toMatch(
      /^---\ntitle: "Tricky: a test of escaping"\npublisher: Test Wire\nauthors:\n {2}- Ana Author\n {2}- Ben Writer\npublished: 2024-01-02\nurl: https:\/\/example.org\/tricky\nlanguage: en\nsource: tricky-a-test-of-escaping.txt\nsha256: [0-9a-f]{64}\ndraft: true\n---\n\n1\\. Not a list: <Mention entry="mek">MEK<\/Mention>'s/u,
    );
    expect(stdout).toMatch(/Mentions marked: \d+, of \d+ entries\n(?:.*\n)* {2}mek +\d+\n/u);
    expect(stdout).toMatch(/Names and acronyms that match no glossary entry/u);

    const { model, problems } = await loadCorpus('/', dirsUnder(content), { drafts: 'include' });
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
        '--title',
        meta.title,
        '--publisher',
        meta.publisher,
        '--date',
        meta.published,
        '--slug',
        slug,
        ...meta.authors.flatMap((author) => ['--author', author]),
        '--content',
        content,
      ]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const { model, problems } = await loadCorpus('/', dirsUnder(content), { drafts: 'include' });
      expect(problems).toEqual([]);

      const wanted = [...linkedPairs(published, slug).values()];
      const found = linkedPairs(model, slug);
      expect(wanted.length).toBeGreaterThan(20);
      expect(wanted.filter((pair) => !found.has(pair.key)).map((pair) => `${pair.key} ${JSON.stringify(pair.texts)}`)).toEqual([]);
    },
  );
});

describe('npm run ingest writes a draft that cannot be published by accident', () => {
  const slug = 'albanian-police-raid-mek-camp-near-durres';
  const ingestDebris = (content: string) =>
    runIngest([
      `${fixtures}/debris.txt`,
      '--title',
      'Albanian Police Raid MEK Camp Near Durrës',
      '--publisher',
      'Balkan Wire',
      '--date',
      '2023-06-20',
      '--content',
      content,
    ]);

  it('marks the page draft: true with a review list of suggested debris, the headline and the descriptions linked; a production build leaves it out', async () => {
    const content = tempContent();
    const { status, stdout, stderr } = ingestDebris(content);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const page = readFileSync(join(content, 'corpus', `${slug}.mdx`), 'utf8');
    expect(page).toMatch(/\ndraft: true\nreview:\n {2}- "¶ 1: suggested as debris \(the site's name or tagline\)/u);
    expect(page).toContain('<Debris reason="suggested by ingest: a photo credit">\nNICOLAS MAETERLINCK/Belga/AFP\n</Debris>');
    expect(page).toContain('  - \'¶ 4: taken as the headline (the # heading): "Albanian police raid MEK camp near Durres"\'');
    expect(page).toMatch(/\n# <Mention entry="albanian-state-police">Albanian police<\/Mention> /u);
    expect(stdout).toMatch(/To review \(the page's review list: check each item, then delete it from the list\): \d+\n/u);

    const production = await loadCorpus('/', dirsUnder(content));
    expect(production.problems).toEqual([]);
    expect(production.model.documents).toEqual([]);
    const dev = await loadCorpus('/', dirsUnder(content), { drafts: 'include' });
    expect(dev.problems).toEqual([]);
    expect(dev.model.documents.map((document) => document.slug)).toEqual([slug]);
  });

  it('--publish refuses while review items are open, listing them, and publishes once the editor has deleted them', async () => {
    const content = tempContent();
    expect(ingestDebris(content).status).toBe(0);
    const pagePath = join(content, 'corpus', `${slug}.mdx`);
    const before = fingerprint(content);
    const refused = runIngest(['--publish', slug, '--content', content]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /albanian-police-raid-mek-camp-near-durres\.mdx:10: 14 review items are still open, so the page stays a draft:\n {2}- ¶ 1: suggested as debris/u,
    );
    expect(refused.stderr).toMatch(/delete it from the review list, then run --publish again\n\nNothing was written\./u);
    expect(fingerprint(content)).toBe(before);

    // The editor checks each item and deletes it from the list.
    const reviewed = readFileSync(pagePath, 'utf8').replace(/^review:\n(?: {2}- .*\n)+/mu, 'review: []\n');
    writeFileSync(pagePath, reviewed);
    const published = runIngest(['--publish', slug, '--content', content]);
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    expect(published.stdout).toMatch(/^Published .*albanian-police-raid-mek-camp-near-durres\.mdx: draft: true removed/u);
    expect(readFileSync(pagePath, 'utf8')).toBe(reviewed.replace('draft: true\nreview: []\n', ''));
    const production = await loadCorpus('/', dirsUnder(content));
    expect(production.problems).toEqual([]);
    expect(production.model.documents.map((document) => document.slug)).toEqual([slug]);
  });
});

describe("npm run ingest --update keeps the editors' work", () => {
  /** Tags are tokens: the original must be a subsequence of the result, and all that was added must be <Mention> tags. */
  function insertedTags(original: string, result: string): string[] {
    const tokens = (text: string) => text.match(/<\/?Mention[^>]*>|[\s\S]/gu) ?? [];
    const before = tokens(original);
    const inserted: string[] = [];
    let index = 0;
    for (const token of tokens(result)) {
      if (index < before.length && token === before[index]) index += 1;
      else inserted.push(token);
    }
    expect(index, 'every character and tag of the page is kept, in order').toBe(before.length);
    expect(
      inserted.every((token) => token.startsWith('<Mention ') || token === '</Mention>'),
      `only <Mention> tags were added: ${inserted.join(' ')}`,
    ).toBe(true);
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

  it('keeps footnotes, Debris, escapes and hand-placed mentions of a hand-edited page, marking only what is unmarked and nothing in Debris', async () => {
    const content = tempContent();
    cpSync(`${fixtures}/manual-work/corpus`, join(content, 'corpus'), { recursive: true });
    cpSync(`${fixtures}/manual-work/sources`, join(content, 'sources'), { recursive: true });
    const pagePath = join(content, 'corpus', 'manual-work.mdx');
    const original = readFileSync(pagePath, 'utf8');

    const first = runIngest(['--update', 'manual-work', '--content', content]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Mentions added: 4, of 4 entries/);
    // The page marks Ashraf 3 (by hand), so "raid" in the headline is taken to be the operation there, for the editor to confirm.
    expect(first.stdout).toContain(
      'Descriptions marked, as this document names their entry or its context (confirm each, or unwrap it): 1\n  ¶   1  "raid" → police-operation-at-ashraf-3',
    );
    const updated = readFileSync(pagePath, 'utf8');
    expect(insertedTags(original, updated).sort()).toEqual(
      ['bledi-cuci', 'durres', 'gjkko', 'mek', 'police-operation-at-ashraf-3'].map((entry) => `<Mention entry="${entry}">`),
    );
    // The footnote on Çuçi, the hand-placed lower-case mentions, the escapes and the note are as the editor left them.
    expect(updated).toContain('<Mention entry="bledi-cuci">Bledi &#199;u&#231;i</Mention>[^cuci] said');
    expect(updated).toContain('the <Mention entry="ashraf-3">compound</Mention> near <Mention entry="durres">Durres</Mention>.');
    expect(updated).toContain(
      '1\\. <Mention entry="bledi-cuci">Cuci</Mention> said the \\[<Mention entry="police-operation-at-ashraf-3">police operation</Mention>\\]',
    );
    expect(updated).toContain('\\<b\\>x\\</b\\> \\{y\\} \\& more, as the <Mention entry="mek">MEK</Mention>’s members');
    expect(updated).toContain(
      '<Debris reason="links to other posts of the site the text was copied from">\nRelated posts\n\nAlbanian Police has bad news for the MEK\n</Debris>',
    );
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
    expect(stderr).toMatch(
      /manual-work\.mdx:\d+: text differs from .*manual-work\.txt: ¶ 2 differs from the source \(source line 3\): .*\[-lawfully-\]\{\+lawfuly\+\}/,
    );
    expect(stderr).toMatch(/does not pass the build's checks: fix it first, then run --update again/);
    expect(status).toBe(1);
    expect(fingerprint(content)).toBe(before);
  });
});
