/**
 * The names of glossary entries, as linking uses them: read from the entry
 * files the way the build reads them.
 */
import { baseName } from '../corpus/build.ts';
import { parseFrontmatter } from '../corpus/frontmatter.ts';
import type { ContentFile } from '../corpus/model.ts';
import type { Problem } from '../corpus/problems.ts';
import { entrySchema } from '../corpus/schema.ts';

/** A glossary entry's id and the names it goes by. */
export interface GlossaryName {
  id: string;
  name: string;
  aliases: readonly string[];
  /** Entries whose naming in a document lets this entry's descriptions be linked there. */
  context: readonly string[];
}

/** Reads the names of glossary entries from their files, as the build does. */
export function glossaryNames(files: readonly ContentFile[]): { names: GlossaryName[]; problems: Problem[] } {
  const names: GlossaryName[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const result = parseFrontmatter(file.text, file.path, entrySchema);
    if (!result.ok) problems.push(...result.problems);
    else names.push({ id: baseName(file.path, '.md'), name: result.data.name, aliases: result.data.aliases, context: result.data.context });
  }
  return { names, problems };
}

/** All capitals, with at least two letters (MEK, U.S.): an acronym, which matches only text in capitals. */
export function isAcronym(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && !/\p{Ll}/u.test(text);
}
