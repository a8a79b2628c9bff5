import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../corpus/build.ts';
import type { ContentFile, CorpusDocument, ParsedContext } from '../corpus/model.ts';
import type { Problem } from '../corpus/problems.ts';
import { corpusPageRenderer, type CorpusPageRenderer } from '../markdown/render-page.ts';
import { sha256 } from '../text/hash.ts';

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
  /**
   * What a page's printed citations name besides the document: the site, and
   * the access date they give (the build's day). Not the check's: it is here
   * to reach src/node/document-page.ts, which formats them, and the cache key
   * (all but the day, which is checked on reuse).
   */
  citation: { siteUrl: string; siteName: string; accessed: string };
}

/** One page to check and render, and the claims its paragraphs report. */
export interface DocumentTask {
  file: ContentFile;
  claims: ParsedContext['claims'];
}

/**
 * What a page's check and rendering read of the glossary's three lookups and
 * of the sources, each read with what it returned: with the page itself and
 * the rest of the glossary, everything its result depends on
 * (src/node/document-cache.ts reuses a result while every read still returns
 * the same). A lookup read as a whole (iterated, or its size asked) is a
 * dependency on all of it.
 */
export interface DocumentReads {
  /** Each source the page named → the SHA-256 of its bytes, or null where there was no such file. */
  sources: [string, string | null][];
  /** Each id looked up in `known` → whether it was there. */
  known: [string, boolean][];
  /** Each id looked up in `typeLabels` → its label, or null. */
  typeLabels: [string, string | null][];
  /** The lookups read as a whole. */
  whole: ('known' | 'entryIds' | 'typeLabels')[];
}

/** One page checked, its HTML where it has no problems, and what it read to get there. */
export interface RenderedDocument {
  document?: CorpusDocument;
  problems: Problem[];
  html?: string;
  reads: DocumentReads;
}

/** Where the lookups of the page being checked record what they are asked, each id once: the answer does not change within a page. */
interface Recorder {
  reads: DocumentReads;
  asked: { known: Set<string>; typeLabels: Set<string> };
}

function readWhole(recorder: Recorder, lookup: DocumentReads['whole'][number]): void {
  if (!recorder.reads.whole.includes(lookup)) recorder.reads.whole.push(lookup);
}

/** A set that records, for the page being checked, each id it is asked about. */
class RecordingSet extends Set<string> {
  readonly #recorder: Recorder;
  constructor(values: readonly string[], recorder: Recorder) {
    super(values);
    this.#recorder = recorder;
  }
  override has(id: string): boolean {
    const found = super.has(id);
    const { reads, asked } = this.#recorder;
    if (!asked.known.has(id)) {
      asked.known.add(id);
      reads.known.push([id, found]);
    }
    return found;
  }
  override get size(): number {
    readWhole(this.#recorder, 'known');
    return super.size;
  }
  override forEach(...args: Parameters<Set<string>['forEach']>): void {
    readWhole(this.#recorder, 'known');
    super.forEach(...args);
  }
  override values(): SetIterator<string> {
    readWhole(this.#recorder, 'known');
    return super.values();
  }
  override keys(): SetIterator<string> {
    return this.values();
  }
  override entries(): SetIterator<[string, string]> {
    readWhole(this.#recorder, 'known');
    return super.entries();
  }
  override [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
}

/** A map that records, for the page being checked, each id it is asked about. */
class RecordingMap extends Map<string, string> {
  readonly #recorder: Recorder;
  constructor(entries: readonly [string, string][], recorder: Recorder) {
    super(entries);
    this.#recorder = recorder;
  }
  override get(id: string): string | undefined {
    const label = super.get(id);
    const { reads, asked } = this.#recorder;
    if (!asked.typeLabels.has(id)) {
      asked.typeLabels.add(id);
      reads.typeLabels.push([id, label ?? null]);
    }
    return label;
  }
  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }
  override get size(): number {
    readWhole(this.#recorder, 'typeLabels');
    return super.size;
  }
  override forEach(...args: Parameters<Map<string, string>['forEach']>): void {
    readWhole(this.#recorder, 'typeLabels');
    super.forEach(...args);
  }
  override entries(): MapIterator<[string, string]> {
    readWhole(this.#recorder, 'typeLabels');
    return super.entries();
  }
  override keys(): MapIterator<string> {
    readWhole(this.#recorder, 'typeLabels');
    return super.keys();
  }
  override values(): MapIterator<string> {
    readWhole(this.#recorder, 'typeLabels');
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

/** A list whose every use (an element, its length, a method) records that the page being checked read it whole. */
function recordingList(values: readonly string[], recorder: Recorder): readonly string[] {
  return new Proxy(values, {
    get: (target, property, receiver) => {
      readWhole(recorder, 'entryIds');
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * The per-document work of the corpus check, as the main thread or a worker
 * runs it: check the page against its source and the glossary, then render
 * it from the tree the check parsed. The renderer is made once per glossary.
 * Every read of the glossary's lookups and of the sources is recorded in the
 * result's `reads`; a page's check runs from start to end without yielding,
 * even where a thread holds two pages (src/node/worker-pool.ts), so one
 * recorder serves them all.
 */
export function documentRenderer(glossary: DocumentGlossary): (task: DocumentTask) => RenderedDocument {
  const names = new Set(glossary.sourceNames);
  const recorder: Recorder = { reads: noReads(), asked: { known: new Set(), typeLabels: new Set() } };
  const inputs = {
    // Read here rather than sent: each page needs one source, and only the thread that checks it.
    source: (name: string) => {
      const bytes = names.has(name) ? readFileSync(join(glossary.sourcesPath, name)) : undefined;
      recorder.reads.sources.push([name, bytes ? sha256(bytes) : null]);
      return bytes;
    },
    known: new RecordingSet(glossary.known, recorder),
    entryIds: recordingList(glossary.entryIds, recorder),
    sourcesDir: glossary.sourcesDir,
    glossaryDir: glossary.glossaryDir,
  };
  const typeLabels = new RecordingMap(glossary.typeLabels, recorder);
  let render: CorpusPageRenderer | undefined;
  return ({ file, claims }) => {
    const reads = noReads();
    recorder.reads = reads;
    recorder.asked = { known: new Set(), typeLabels: new Set() };
    const { document, problems, tree } = checkDocument(file, inputs);
    if (!tree) return { document, problems, reads };
    render ??= corpusPageRenderer({ base: glossary.base, typeLabels });
    return { document, problems, html: render.tree(tree, { claims }), reads };
  };
}

function noReads(): DocumentReads {
  return { sources: [], known: [], typeLabels: [], whole: [] };
}
