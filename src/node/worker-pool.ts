import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { CorpusDocument } from '../corpus/model.ts';
import type { Problem } from '../corpus/problems.ts';
import { type DocumentGlossary, type DocumentTask, documentRenderer } from './document-task.ts';

/**
 * How many threads check and render pages: CORPUS_WORKERS where set (1 keeps
 * the work in the main thread), otherwise one per core.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.CORPUS_WORKERS);
  return Number.isInteger(set) && set > 0 ? set : availableParallelism();
}

/** A page checked: its document and problems, in the order of the tasks. Its HTML went to `onRendered`. */
export type CheckedDocument = { document?: CorpusDocument; problems: Problem[] };

/**
 * Checks and renders every page, spread over `workers` threads (tinypool);
 * each page's HTML goes to `onRendered` as it arrives, so that none is held
 * longer than needed. The results come back in task order, whatever order
 * the threads finish in, so that the build does not depend on the number of
 * threads.
 */
export async function checkDocuments(
  glossary: DocumentGlossary,
  tasks: readonly DocumentTask[],
  workers: number,
  onRendered: (slug: string, html: string) => void,
): Promise<CheckedDocument[]> {
  const keep = ({ document, problems, html }: ReturnType<ReturnType<typeof documentRenderer>>): CheckedDocument => {
    if (document && html !== undefined) onRendered(document.slug, html);
    return { document, problems };
  };
  if (workers <= 1 || tasks.length < 2) {
    const render = documentRenderer(glossary);
    return tasks.map((task) => keep(render(task)));
  }
  const threads = Math.min(workers, tasks.length);
  const pool = new Tinypool({
    // The worker is TypeScript, loaded as the main process loads the project's modules: by Node's type stripping.
    filename: fileURLToPath(new URL('./document-worker.ts', import.meta.url)),
    workerData: glossary,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    return await Promise.all(tasks.map(async (task) => keep(await pool.run(task))));
  } finally {
    await pool.destroy();
  }
}
