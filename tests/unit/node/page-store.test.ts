import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/corpus/mentions.ts';
import type { DocumentPage } from '../../../src/node/document-page.ts';
import { documentPageDigest, openPageStore, readDocumentPage, readEntryBodies, readEntryParagraphs, readMentionPage } from '../../../src/node/page-store.ts';
import { sha256 } from '../../../src/text/hash.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

const folder = () => temporaryFolder('page-store-');

function page(html: string): DocumentPage {
  return { html, references: { apa: { article: 'A', edition: 'E' }, chicago: { article: 'A', edition: 'E' } }, accessed: '2026-12-01' };
}

function mention(entry: string, paragraph: number): Mention {
  return { entry, document: 'a', paragraph, text: entry, context: { before: '', match: entry, after: '' } };
}

/** Sets a file's modification time far in the past, so that a rewrite shows. */
function age(path: string): void {
  utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
}

/** Each check's store, written in full; what a page reads of it is what the last check gave. */
describe('the page store', () => {
  it('gives each page what the last check stored', () => {
    const dir = folder();
    const first = openPageStore(dir);
    first.writeDocument('a', page('<p>one</p>'));
    first.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', 1)] } });
    first.finish();
    const second = openPageStore(dir);
    second.writeDocument('a', page('<p>two</p>'));
    second.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', 2)] } });
    second.finish();
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>two</p>');
    expect(readMentionPage(dir, 'mek', 1).map((each) => each.paragraph)).toEqual([2]);
  });

  it('leaves a file that already holds what it would be given as it is, and rewrites one that does not', () => {
    const dir = folder();
    const first = openPageStore(dir);
    first.writeDocument('same', page('<p>kept</p>'));
    first.writeDocument('edited', page('<p>before</p>'));
    first.finish();
    const same = join(dir, 'documents', 'same.json');
    const edited = join(dir, 'documents', 'edited.json');
    age(same);
    age(edited);
    const second = openPageStore(dir);
    second.writeDocument('same', page('<p>kept</p>'));
    // As long as the text it replaces, so that only the bytes tell them apart.
    second.writeDocument('edited', page('<p>after!</p>'));
    second.finish();
    expect(statSync(same).mtime.getFullYear()).toBe(2000);
    expect(statSync(edited).mtime.getFullYear()).not.toBe(2000);
    expect(JSON.parse(readFileSync(edited, 'utf8')).html).toBe('<p>after!</p>');
  });

  it('leaves a document stored from where the last check stored it from as it is, without making or comparing it, while its file is as that check left it', () => {
    const dir = folder();
    const first = openPageStore(dir);
    first.writeDocument('a', page('<p>kept</p>'), 'key-1 made-1');
    first.writeDocument('b', page('<p>kept</p>'), 'key-2 made-1');
    first.finish();
    const digest = documentPageDigest(dir, 'a');
    expect(digest).toBe(sha256(readFileSync(join(dir, 'documents', 'a.json'))));
    // A page said to come from the same place is taken to be the same, byte for byte: another one shows it was not made.
    const second = openPageStore(dir);
    second.writeDocument('a', page('<p>not made</p>'), 'key-1 made-1');
    second.writeDocument('b', page('<p>made</p>'), 'key-2 made-2');
    second.finish();
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>kept</p>');
    expect(documentPageDigest(dir, 'a')).toBe(digest);
    expect(readDocumentPage(dir, 'b')?.html).toBe('<p>made</p>');
    expect(documentPageDigest(dir, 'b')).toBe(sha256(readFileSync(join(dir, 'documents', 'b.json'))));

    // Altered in place since: stored again, and its digest is of what it now holds.
    writeFileSync(join(dir, 'documents', 'a.json'), JSON.stringify(page('<p>edited by hand</p>')));
    const third = openPageStore(dir);
    third.writeDocument('a', page('<p>kept</p>'), 'key-1 made-1');
    third.finish();
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>kept</p>');
    expect(documentPageDigest(dir, 'a')).toBe(digest);
    // Without a place, compared as before.
    const fourth = openPageStore(dir);
    fourth.writeDocument('a', page('<p>compared</p>'));
    fourth.finish();
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>compared</p>');
    expect(documentPageDigest(dir, 'a')).toBe(sha256(readFileSync(join(dir, 'documents', 'a.json'))));
  });

  it('trusts nothing of the last check when asked to clean, or when other code stored the documents', () => {
    const dir = folder();
    const first = openPageStore(dir);
    first.writeDocument('a', page('<p>kept</p>'), 'key-1 made-1');
    first.finish();
    const clean = openPageStore(dir, { clean: true });
    clean.writeDocument('a', page('<p>compared</p>'), 'key-1 made-1');
    clean.finish();
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>compared</p>');

    // The index as a check of other code would have left it: the same place, another version.
    const indexPath = join(dir, 'documents.json');
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { version: string };
    writeFileSync(indexPath, JSON.stringify({ ...index, version: 'other code' }));
    const later = openPageStore(dir);
    later.writeDocument('a', page('<p>compared again</p>'), 'key-1 made-1');
    later.finish();
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>compared again</p>');
  });

  it('removes what an earlier check stored and this one did not: a document, a page of mentions, an entry no longer mentioned', () => {
    const dir = folder();
    const first = openPageStore(dir);
    first.writeDocument('kept', page('<p>kept</p>'));
    first.writeDocument('gone', page('<p>gone</p>'));
    first.writeMentionPages({ mentionsByEntry: { mek: Array.from({ length: 201 }, (_, index) => mention('mek', index + 1)), ncri: [mention('ncri', 1)] } });
    first.finish();
    expect(readMentionPage(dir, 'mek', 2).map((each) => each.paragraph)).toEqual([201]);
    const filesBefore = readdirSync(dir);
    const second = openPageStore(dir);
    second.writeDocument('kept', page('<p>kept</p>'));
    second.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', 1)] } });
    second.finish();
    expect(readDocumentPage(dir, 'gone')).toBeUndefined();
    expect(readDocumentPage(dir, 'kept')?.html).toBe('<p>kept</p>');
    expect(readMentionPage(dir, 'mek', 1).map((each) => each.paragraph)).toEqual([1]);
    expect(readMentionPage(dir, 'mek', 2)).toEqual([]);
    expect(readMentionPage(dir, 'ncri', 1)).toEqual([]);
    // The last check's file of mentions is gone, and no file was added but this check's: the store does not grow with each check.
    expect(readdirSync(dir).length).toBe(filesBefore.length);
    expect(readdirSync(dir).filter((name) => name.endsWith('.data'))).toHaveLength(1);
  });

  it("keeps the last check's mentions where every page is the same, and otherwise writes them from the first page that differs", () => {
    const dir = folder();
    const dataFile = () => readdirSync(dir).filter((name) => name.endsWith('.data'));
    const check = (mentionsByEntry: Record<string, Mention[]>) => {
      const store = openPageStore(dir);
      store.writeMentionPages({ mentionsByEntry });
      store.finish();
    };
    const paragraphs = (entry: string, page: number) => readMentionPage(dir, entry, page).map((each) => each.paragraph);
    const many = (entry: string, count: number, from = 1) => Array.from({ length: count }, (_, index) => mention(entry, from + index));
    check({ mek: many('mek', 250), ncri: many('ncri', 3) });
    const [first] = dataFile();
    age(join(dir, 'mentions.json'));
    check({ mek: many('mek', 250), ncri: many('ncri', 3) });
    expect(dataFile()).toEqual([first]);
    expect(statSync(join(dir, 'mentions.json')).mtime.getFullYear()).toBe(2000);

    // The last page differs: the pages before it are the last check's bytes, copied.
    check({ mek: many('mek', 250), ncri: many('ncri', 3, 7) });
    expect(dataFile()).not.toEqual([first]);
    expect(dataFile()).toHaveLength(1);
    expect(paragraphs('mek', 1)).toEqual(many('mek', 200).map((each) => each.paragraph));
    expect(paragraphs('mek', 2)).toEqual(many('mek', 50, 201).map((each) => each.paragraph));
    expect(paragraphs('ncri', 1)).toEqual([7, 8, 9]);

    // The same first pages and no more.
    const [second] = dataFile();
    check({ mek: many('mek', 250) });
    expect(dataFile()).not.toEqual([second]);
    expect(paragraphs('mek', 2)).toHaveLength(50);
    expect(paragraphs('ncri', 1)).toEqual([]);

    // A file altered since, its length kept: its bytes are compared, not trusted.
    const [third = ''] = dataFile();
    const altered = readFileSync(join(dir, third), 'utf8').replace('"paragraph":1,', '"paragraph":9,');
    writeFileSync(join(dir, third), altered);
    expect(paragraphs('mek', 1)[0]).toBe(9);
    check({ mek: many('mek', 250) });
    expect(dataFile()).not.toEqual([third]);
    expect(paragraphs('mek', 1)[0]).toBe(1);
  });

  it("keeps the last check's mentions unmade and uncompared where they were made from the same, as long as their file is as that check left it", () => {
    const dir = folder();
    const dataFile = () => readdirSync(dir).filter((name) => name.endsWith('.data'));
    const check = (paragraph: number, madeFrom?: string) => {
      const store = openPageStore(dir);
      store.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', paragraph)] } }, madeFrom);
      store.finish();
    };
    const shown = () => readMentionPage(dir, 'mek', 1).map((each) => each.paragraph);
    check(1, 'inputs-1');
    const [first = ''] = dataFile();
    // Said to be made from the same: kept as they are, whatever they would be (the digest stands for the mentions).
    check(2, 'inputs-1');
    expect(dataFile()).toEqual([first]);
    expect(shown()).toEqual([1]);

    // The file altered since, its length kept: its time tells, and the pages are made and compared.
    writeFileSync(join(dir, first), readFileSync(join(dir, first), 'utf8').replace('"paragraph":1,', '"paragraph":9,'));
    age(join(dir, first));
    expect(shown()).toEqual([9]);
    check(1, 'inputs-1');
    expect(shown()).toEqual([1]);
    const [second = ''] = dataFile();
    expect(second).not.toBe(first);

    // Made from something else: compared, and where the bytes are the same the file stays, its index saying what they are made from now.
    check(1, 'inputs-2');
    expect(dataFile()).toEqual([second]);
    check(3, 'inputs-2');
    expect(shown()).toEqual([1]);
    // Nothing said: compared, as ever.
    check(3);
    expect(shown()).toEqual([3]);
    check(3, 'inputs-2');
    expect(shown()).toEqual([3]);
  });

  it("gives each entry's paragraphs and description as the last check stored them", () => {
    const dir = folder();
    const body = (html: string) => ({ madeFrom: html.length.toString(), html });
    const checks: [Record<string, number[]>, Record<string, ReturnType<typeof body>>][] = [
      [{ mek: [1, 1_000_002] }, { mek: body('<p>One.</p>') }],
      [
        { mek: [3], constructor: [4] },
        { mek: body('<p>Two.</p>'), constructor: body('<p>Three.</p>') },
      ],
    ];
    for (const [paragraphs, bodies] of checks) {
      const store = openPageStore(dir);
      store.writeEntryParagraphs(paragraphs);
      store.writeEntryBodies(bodies);
      store.finish();
      expect(readEntryParagraphs(dir)).toEqual(paragraphs);
      expect(readEntryBodies(dir)).toEqual(bodies);
      expect(openPageStore(dir).lastEntryBodies()).toEqual(bodies);
    }
    writeFileSync(join(dir, 'entry-bodies.json'), '{"half');
    expect(openPageStore(dir).lastEntryBodies()).toEqual({});
  });

  it('gives each page of mentions its own, the first and the last of an entry, whatever the entry is called', () => {
    const dir = folder();
    const store = openPageStore(dir);
    const many = Array.from({ length: 401 }, (_, index) => mention('mek', index + 1));
    // Names an object already has a property of, and text beyond ASCII, whose bytes outnumber its characters.
    const odd = { ...mention('constructor', 7), text: 'Ashraf 3 — «Manez»', context: { before: 'In Albania, ', match: 'Ashraf 3 — «Manez»', after: '.' } };
    const proto = mention('__proto__', 3);
    store.writeMentionPages({
      mentionsByEntry: Object.fromEntries([
        ['mek', many],
        ['constructor', [odd]],
        ['__proto__', [proto]],
      ]),
    });
    store.finish();
    expect(readMentionPage(dir, 'mek', 1).map((each) => each.paragraph)).toEqual(many.slice(0, 200).map((each) => each.paragraph));
    expect(readMentionPage(dir, 'mek', 2).map((each) => each.paragraph)).toEqual(many.slice(200, 400).map((each) => each.paragraph));
    expect(readMentionPage(dir, 'mek', 3)).toEqual([many[400]]);
    expect(readMentionPage(dir, 'mek', 4)).toEqual([]);
    expect(readMentionPage(dir, 'mek', 0)).toEqual([]);
    expect(readMentionPage(dir, 'constructor', 1)).toEqual([odd]);
    expect(readMentionPage(dir, '__proto__', 1)).toEqual([proto]);
    expect(readMentionPage(dir, 'toString', 1)).toEqual([]);
    expect(readMentionPage(dir, 'hasOwnProperty', 1)).toEqual([]);
  });

  it('gives a page of mentions what the last check stored, in the same process (astro dev)', () => {
    const dir = folder();
    for (const paragraph of [1, 2, 3]) {
      const store = openPageStore(dir);
      store.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', paragraph)] } });
      store.finish();
      expect(readMentionPage(dir, 'mek', 1).map((each) => each.paragraph)).toEqual([paragraph]);
    }
  });

  it('removes the folders of mentions an older layout stored', () => {
    const dir = folder();
    mkdirSync(join(dir, 'mentions', 'mek'), { recursive: true });
    writeFileSync(join(dir, 'mentions', 'mek', '1.json'), '[]');
    const store = openPageStore(dir);
    store.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', 1)] } });
    store.finish();
    expect(existsSync(join(dir, 'mentions'))).toBe(false);
    expect(readMentionPage(dir, 'mek', 1)).toHaveLength(1);
  });

  it('starts in a folder that does not exist yet, or holds a file left by an older layout', () => {
    const dir = join(folder(), 'store');
    mkdirSync(join(dir, 'stray'), { recursive: true });
    writeFileSync(join(dir, 'stray', 'old.json'), '{}');
    const store = openPageStore(dir);
    store.writeDocument('a', page('<p>a</p>'));
    store.finish();
    expect(existsSync(join(dir, 'stray', 'old.json'))).toBe(false);
    expect(readDocumentPage(dir, 'a')?.html).toBe('<p>a</p>');
  });
});
