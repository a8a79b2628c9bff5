import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import Tinypool from 'tinypool';
import type { CorpusDocument } from '../corpus/model.ts';
import type { Problem } from '../corpus/problems.ts';
import type { DocumentCache, Kept, Stored } from './document-cache.ts';
import { type DocumentPage, type PreparedDocument, pagePreparer } from './document-page.ts';
import { type DocumentGlossary, type DocumentTask, documentRenderer, type RenderedDocument } from './document-task.ts';

/**
 * How many threads check and render pages: CORPUS_WORKERS where set (1 keeps
 * the work in the main thread), otherwise one per core.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.CORPUS_WORKERS);
  return Number.isInteger(set) && set > 0 ? set : availableParallelism();
}

/**
 * A page checked: its document and problems, in the order of the tasks, and
 * where the cache holds it, the digest of its document's bytes
 * (src/node/document-cache.ts `serializedDocument`). What its page shows went
 * to `onRendered`.
 */
export type CheckedDocument = { document?: CorpusDocument; problems: Problem[]; documentDigest?: string };

/**
 * Checks and renders every page, spread over `workers` threads (tinypool);
 * what each page shows goes to `onRendered` as it arrives, so that none is
 * held longer than needed, with where the cache holds it, if it does. The
 * results come back in task order, whatever order the threads finish in, so
 * that the build does not depend on the number of threads. Where a `cache` is
 * given, a page it still holds is not checked again: its result is the same
 * as a check would give.
 */
export async function checkDocuments(
  glossary: DocumentGlossary,
  tasks: readonly DocumentTask[],
  workers: number,
  onRendered: (slug: string, page: DocumentPage, stored?: Stored) => void,
  cache?: DocumentCache,
): Promise<CheckedDocument[]> {
  const pass = ({ document, problems, page }: PreparedDocument, kept?: Kept): CheckedDocument => {
    if (document && page) onRendered(document.slug, page, kept?.stored);
    return { document, problems, ...(kept ? { documentDigest: kept.documentDigest } : {}) };
  };
  const prepare = pagePreparer(glossary.citation);
  const keep = (task: DocumentTask, result: RenderedDocument): CheckedDocument => {
    const prepared = prepare(result);
    return pass(prepared, cache?.keep(task, prepared));
  };
  const checks = tasks.map((task) => {
    const reused = cache?.reuse(task);
    if (!reused) return undefined;
    if (reused.page?.accessed === glossary.citation.accessed) return pass(reused, reused.kept);
    // Kept on an earlier day: the check and the text still hold, the citations' access date does not.
    return keep(task, { document: reused.document, problems: reused.problems, html: reused.page?.html, reads: reused.reads });
  });
  const pending = tasks.flatMap((task, index) => (checks[index] ? [] : [{ task, index }]));
  if (workers <= 1 || pending.length < 2) {
    const render = documentRenderer(glossary);
    for (const { task, index } of pending) checks[index] = keep(task, render(task));
    return checks as CheckedDocument[];
  }
  const threads = Math.min(workers, pending.length);
  const pool = new Tinypool({
    // The worker is TypeScript, loaded as the main process loads the project's modules: by Node's type stripping.
    filename: fileURLToPath(new URL('./document-worker.ts', import.meta.url)),
    workerData: glossary,
    minThreads: threads,
    maxThreads: threads,
    // A page waits in each thread while it checks another, so that a thread never idles while this one, which
    // formats the citations and stores each result, gets round to sending it the next (a second each at 1,000 pages).
    // The check is synchronous, so a thread still checks one page at a time.
    concurrentTasksPerWorker: 2,
  });
  // Three pages a thread are sent at a time, the next once a page is kept. Sent all at once, the threads ran ahead of
  // this thread, and the pages they had checked waited unread in their messages: at 10,000 generated documents the
  // astro build peaked at 3,434 MB against 2,604 MB so, with the same time and output.
  try {
    await pLimit(threads * 3).map(pending, async ({ task, index }) => {
      checks[index] = keep(task, await pool.run(task));
    });
    return checks as CheckedDocument[];
  } finally {
    await pool.destroy();
  }
}
