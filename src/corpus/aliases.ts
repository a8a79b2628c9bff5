/**
 * An alias with no capital letter ("compound", "police raid", "2014
 * agreement") is a description, not a name: it refers to the entry only in a
 * text that is about it. Ingest links descriptions only in such texts, and
 * the glossary lists them apart from the names.
 */
export function isDescription(alias: string): boolean {
  return !/\p{Lu}/u.test(alias);
}

/** An entry's aliases, names apart from descriptions, each in the glossary's order. */
export function splitAliases(aliases: readonly string[]): { names: string[]; descriptions: string[] } {
  return { names: aliases.filter((alias) => !isDescription(alias)), descriptions: aliases.filter(isDescription) };
}
