import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/corpus/mentions.ts';
import type { DocumentPage } from '../../../src/node/document-page.ts';
import { openPageStore, readDocumentPage, readMentionPage } from '../../../src/node/page-store.ts';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'page-store-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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

  it('removes what an earlier check stored and this one did not: a document, a page of mentions, an entry no longer mentioned', () => {
    const dir = folder();
    const first = openPageStore(dir);
    first.writeDocument('kept', page('<p>kept</p>'));
    first.writeDocument('gone', page('<p>gone</p>'));
    first.writeMentionPages({ mentionsByEntry: { mek: Array.from({ length: 201 }, (_, index) => mention('mek', index + 1)), ncri: [mention('ncri', 1)] } });
    first.finish();
    expect(existsSync(join(dir, 'mentions', 'mek', '2.json'))).toBe(true);
    const second = openPageStore(dir);
    second.writeDocument('kept', page('<p>kept</p>'));
    second.writeMentionPages({ mentionsByEntry: { mek: [mention('mek', 1)] } });
    second.finish();
    expect(readDocumentPage(dir, 'gone')).toBeUndefined();
    expect(readDocumentPage(dir, 'kept')?.html).toBe('<p>kept</p>');
    expect(existsSync(join(dir, 'mentions', 'mek', '2.json'))).toBe(false);
    expect(existsSync(join(dir, 'mentions', 'ncri'))).toBe(false);
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
