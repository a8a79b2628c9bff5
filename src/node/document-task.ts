import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../corpus/build.ts';
import type { ContentFile, CorpusDocument, ParsedContext } from '../corpus/model.ts';
import type { Problem } from '../corpus/problems.ts';
import { corpusPageRenderer, type CorpusPageRenderer } from '../markdown/render-page.ts';

/**
 * What every page's check and rendering share: the glossary as far as a page
 * needs it, and where the sources are. Plain data, so that a worker thread
 * can be sent it once.
 */
export interface DocumentGlossary {
  /** Ids of every glossary file, refused entries included (src/corpus/build.ts `CorpusPlan.known`). */
  known: string[];
  /** The loaded entries' ids, for suggestions. */
  entryIds: string[];
  /** Entry id → its type's plural label, for the paragraphs' search titles. */
  typeLabels: [string, string][];
  /** The base path links are under (src/config.ts). */
  base: string;
  /** Where the sources are on disk, and the file names there (the `.txt` files a page may name). */
  sourcesPath: string;
  sourceNames: string[];
  /** The folders as messages name them. */
  sourcesDir: string;
  glossaryDir: string;
}

/** One page to check and render, and the claims its paragraphs report. */
export interface DocumentTask {
  file: ContentFile;
  claims: ParsedContext['claims'];
}

/** One page checked, and its HTML where it has no problems. */
export interface RenderedDocument {
  document?: CorpusDocument;
  problems: Problem[];
  html?: string;
}

/**
 * The per-document work of the corpus check, as the main thread or a worker
 * runs it: check the page against its source and the glossary, then render
 * it from the tree the check parsed. The renderer is made once per glossary.
 */
export function documentRenderer(glossary: DocumentGlossary): (task: DocumentTask) => RenderedDocument {
  const names = new Set(glossary.sourceNames);
  const inputs = {
    // Read here rather than sent: each page needs one source, and only the thread that checks it.
    source: (name: string) => (names.has(name) ? readFileSync(join(glossary.sourcesPath, name)) : undefined),
    known: new Set(glossary.known),
    entryIds: glossary.entryIds,
    sourcesDir: glossary.sourcesDir,
    glossaryDir: glossary.glossaryDir,
  };
  let render: CorpusPageRenderer | undefined;
  return ({ file, claims }) => {
    const { document, problems, tree } = checkDocument(file, inputs);
    if (!tree) return { document, problems };
    render ??= corpusPageRenderer({ base: glossary.base, typeLabels: new Map(glossary.typeLabels) });
    return { document, problems, html: render.tree(tree, { claims }) };
  };
}
