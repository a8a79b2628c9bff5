import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusModel } from '../corpus/model.ts';
import type { Mention } from '../corpus/mentions.ts';
import type { DocumentPage } from './document-page.ts';
import { mentionPages } from '../site/page-model.ts';

/**
 * What the corpus check prepares for the pages, on disk: each document's
 * rendered text and printed citations, and each entry's mentions page by page. Each page reads only
 * its own file, so no page holds more than it shows, however large the corpus.
 */
export function preparePageStore(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'documents'), { recursive: true });
}

/** Stores what a document's page shows, for the page to read. */
export function documentWriter(dir: string): (slug: string, page: DocumentPage) => void {
  return (slug, page) => writeFileSync(join(dir, 'documents', `${slug}.json`), JSON.stringify(page));
}

export function writeMentionPages(dir: string, model: CorpusModel): void {
  for (const { entry, page, mentions } of mentionPages(model)) {
    mkdirSync(join(dir, 'mentions', entry), { recursive: true });
    writeFileSync(join(dir, 'mentions', entry, `${page}.json`), JSON.stringify(mentions));
  }
}

/**
 * What a document's page shows, or undefined where there is no such document.
 * Its `html` is undefined where the check refused the page (only under
 * `astro dev`, which keeps running).
 */
export function readDocumentPage(dir: string, slug: string): DocumentPage | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'documents', `${slug}.json`), 'utf8')) as DocumentPage;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function readMentionPage(dir: string, entry: string, page: number): Mention[] {
  try {
    return JSON.parse(readFileSync(join(dir, 'mentions', entry, `${page}.json`), 'utf8')) as Mention[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
