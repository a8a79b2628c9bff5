import { parseYaml } from './frontmatter.ts';
import type { ComparisonPage, CorpusDocument } from './model.ts';
import type { Problem } from './problems.ts';
import { comparisonSchema } from './schema.ts';

/**
 * Validates a comparison file against the corpus: every compared document
 * exists, every point gives each document's account, every cited ¶ exists,
 * every claim it names is registered, and "only-one" points really rest on
 * one document.
 */
export function loadComparison(
  file: { path: string; text: string },
  documents: readonly CorpusDocument[],
  claimIds: ReadonlySet<string>,
  problems: Problem[],
): ComparisonPage[] {
  const id = (file.path.split('/').pop() ?? file.path).replace(/\.ya?ml$/u, '');
  const result = parseYaml(file.text, file.path, comparisonSchema, 'comparison');
  if (!result.ok) {
    problems.push(...result.problems);
    return [];
  }
  const { data: comparison, lineOf } = result;
  const before = problems.length;
  const at = (path: PropertyKey[], message: string) => problems.push({ file: file.path, line: lineOf(path), message });
  const bySlug = new Map(documents.map((document) => [document.slug, document]));
  comparison.documents.forEach((slug, index) => {
    if (!bySlug.has(slug)) at(['documents', index], `no document "${slug}" in the corpus (known: ${[...bySlug.keys()].join(', ')})`);
  });
  comparison.points.forEach((point, index) => {
    for (const slug of comparison.documents) {
      if (!(slug in point.accounts))
        at(['points', index, 'accounts'], `point "${point.topic}" gives no account for ${slug}; say what it reports, or that it does not`);
    }
    for (const [slug, account] of Object.entries(point.accounts)) {
      const document = bySlug.get(slug);
      if (!comparison.documents.includes(slug)) at(['points', index, 'accounts', slug], `"${slug}" is not among the compared documents`);
      for (const number of account.paragraphs) {
        if (document && number > document.blocks.length) {
          at(['points', index, 'accounts', slug, 'paragraphs'], `${slug} has no ¶ ${number} (it has ${document.blocks.length} paragraphs)`);
        }
      }
    }
    const speaking = Object.values(point.accounts).filter((account) => account.paragraphs.length > 0).length;
    (point.claims ?? []).forEach((claim, position) => {
      if (!claimIds.has(claim)) at(['points', index, 'claims', position], `point "${point.topic}" names no claim "${claim}" of content/claims`);
    });
    if (point.verdict === 'only-one' && speaking !== 1)
      at(['points', index, 'verdict'], `point "${point.topic}" is marked only-one, but ${speaking} documents cite paragraphs`);
    if (point.verdict !== 'only-one' && speaking < 2)
      at(['points', index, 'verdict'], `point "${point.topic}" is marked ${point.verdict}, but only ${speaking} document cites paragraphs: use only-one`);
  });
  return problems.length === before ? [{ id, file: file.path, comparison }] : [];
}
