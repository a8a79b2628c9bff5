/**
 * The corpus model: what the build reads from the content files and hands to
 * pages and exports, as plain types. Built by build.ts; nothing here runs.
 */
import type { Root } from 'mdast';
import type { Block } from './blocks.ts';
import type { FrontmatterMemo } from './frontmatter.ts';
import type { Mention, RelatedEntry } from './mentions.ts';
import type { PageNotes } from './notes.ts';
import type { Problem } from './problems.ts';
import type { ClaimMeta, Comparison, CorrectionRecord, DocumentMeta, EntryMeta } from './schema.ts';

export interface CorpusDocument {
  slug: string;
  /** Path of the MDX page, relative to the project root. */
  file: string;
  meta: DocumentMeta;
  blocks: Block[];
  /** Paragraphs of the article proper, debris excluded. */
  paragraphCount: number;
  debrisCount: number;
  wordCount: number;
  noteCount: number;
  /** Where the page's note references stand, and what its notes say (for the exports). */
  notes: PageNotes;
}

/** A comparison of documents, point by point (content/comparisons/<id>.yaml). */
export interface ComparisonPage {
  id: string;
  file: string;
  comparison: Comparison;
}

/** What a page's renderer needs beside the page: the glossary, and the claims its paragraphs report. */
export interface ParsedContext {
  entries: readonly GlossaryEntry[];
  /** ¶ number → the claims that paragraph reports. */
  claims: ReadonlyMap<number, readonly ClaimReference[]>;
}

/** A claim as a paragraph that reports it links to it. */
export interface ClaimReference {
  id: string;
  statement: string;
}

/** A claim of the register (content/claims/<id>.md). */
export interface Claim {
  id: string;
  file: string;
  meta: ClaimMeta;
  /** The sourced notes below the front matter, as Markdown. */
  notes: string;
}

export interface GlossaryEntry {
  id: string;
  file: string;
  meta: EntryMeta;
}

/** Everything the pages need, built once per build from the content files. */
export interface CorpusModel {
  documents: CorpusDocument[];
  entries: GlossaryEntry[];
  mentionsByEntry: Record<string, Mention[]>;
  /** Entries mentioned in the same paragraphs, ranked. */
  relatedEntries: Record<string, RelatedEntry[]>;
  /** Every paragraph's permanent URL, site-relative. */
  anchors: string[];
  comparisons: ComparisonPage[];
  /** Changes to published editorial text, as content/corrections.yaml records them, in file order. */
  corrections: CorrectionRecord[];
  /** The claims register, earliest claim first (undated last). */
  claims: Claim[];
}

export interface ContentFile {
  /** Path relative to the project root, e.g. `content/corpus/my-article.mdx`. */
  path: string;
  text: string;
}

export interface CorpusFiles {
  documents: ContentFile[];
  entries: ContentFile[];
  comparisons: ContentFile[];
  /** Whether drafts (`draft: true`) are checked and published, as under `astro dev`, or left out, as in a production build. */
  drafts?: 'include' | 'leave-out';
  /** The claims register; none where a corpus has no content/claims. */
  claims?: ContentFile[];
  /** Source file name (as in front matter `source`) → its bytes. */
  sources: Map<string, Uint8Array>;
  /** Where sources live, for messages: `content/sources`. */
  sourcesDir: string;
  /** Where glossary entries live, for messages: `content/glossary`. */
  glossaryDir: string;
  /**
   * content/corrections.yaml and content/editorial.lock.json (empty where a
   * corpus has none yet). Without them, as when ingest checks a single draft,
   * nothing counts as published.
   */
  corrections?: ContentFile;
  editorialLock?: ContentFile;
  /**
   * Called with each valid document and its parsed page, so that the caller
   * can render it from this one parse. The tree is the caller's to change.
   */
  onParsed?: (document: CorpusDocument, tree: Root, context: ParsedContext) => void;
  /** Valid front matter of glossary entries and claims that an earlier build parsed (src/corpus/frontmatter.ts). */
  frontmatter?: FrontmatterMemo;
}

/** A unit of editorial text the lock guards, as the current content has it. */
export interface EditorialUnit {
  /** Stable key: `documents/<slug>#note-<label>`, `documents/<slug>#metadata`, `glossary/<id>`, `glossary/<id>#when`, `glossary/<id>#coordinates`, `claims/<id>` or `comparisons/<id>#point-<n>`. */
  key: string;
  /** How a message names it: `note [^cuci]`, `the description`. */
  label: string;
  file: string;
  line: number;
  hash: string;
}

/** The committed record of every unit as last published: key → hash. */
export interface EditorialLock {
  units: Record<string, string>;
}

export interface CorpusBuild {
  model: CorpusModel;
  problems: Problem[];
  /** Pages left out of this build, and why: drafts, in a production build. */
  leftOut: { file: string; reason: string }[];
  editorial: {
    /** The editorial text as it stands, for `npm run lock` to record as published. */
    units: EditorialUnit[];
    /** The lock as read. */
    lock: EditorialLock;
    /** Keys of the units not yet in the lock. */
    unlocked: string[];
  };
}
