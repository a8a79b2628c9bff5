import type { CorpusDocument } from '../corpus/model.ts';
import type { Problem } from '../corpus/problems.ts';
import { formatReferences, type PrintedReferences, printedStyles } from '../site/citation.ts';
import type { DocumentGlossary, DocumentReads, RenderedDocument } from './document-task.ts';

/** What a document's page shows that the corpus check prepared: its text, where it has no problems, and its printed citations. */
export interface DocumentPage {
  html?: string;
  references: PrintedReferences;
  /** The access date the references give, `YYYY-MM-DD`. */
  accessed: string;
}

/** One page checked, what its page shows where its front matter could be read, and what it read to get there: what the cache keeps. */
export interface PreparedDocument {
  document?: CorpusDocument;
  problems: Problem[];
  page?: DocumentPage;
  reads: DocumentReads;
}

/**
 * Completes a page the task checked (src/node/document-task.ts) with its
 * printed citations, in the thread that gathers the results: citeproc costs a
 * document page more than its rendering, but holds about 100 MB in each
 * thread that formats, so one thread does, beside the workers, rather than
 * each worker or Astro's rendering after them. A page kept from an earlier
 * day goes through it again, for the day's access date. The citations are
 * printed even on a page with problems (under `astro dev`): they need only
 * the front matter.
 */
export function pagePreparer(citation: DocumentGlossary['citation']): (rendered: RenderedDocument) => PreparedDocument {
  const context = { siteUrl: citation.siteUrl, siteName: citation.siteName, accessed: new Date(citation.accessed) };
  return ({ document, problems, html, reads }) => {
    if (!document) return { problems, reads };
    const references = formatReferences({ slug: document.slug, meta: document.meta }, context, printedStyles);
    return { document, problems, page: { ...(html === undefined ? {} : { html }), references, accessed: citation.accessed }, reads };
  };
}
