import type { VFile } from 'vfile';

/** The annotation plugins apply to corpus pages only, not to glossary entries. */
export function isCorpusPage(file: VFile, corpusDir: string): boolean {
  return typeof file.path === 'string' && file.path.startsWith(corpusDir);
}
