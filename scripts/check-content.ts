/**
 * Checks the content as the build does (front matter, fidelity to the sources,
 * mentions, notes, comparisons, the editorial lock and corrections) without
 * building the site, and prints every problem as `file:line: message`.
 *
 *   npm run check:content
 */
import { formatProblems } from '../src/corpus/problems.ts';
import { loadCorpus } from '../src/node/load-corpus.ts';

const { model, problems, editorial } = await loadCorpus(process.cwd());
if (problems.length > 0) {
  console.error(formatProblems(problems, 'a build would stop'));
  process.exit(1);
}
console.log(
  `${model.documents.length} documents, ${model.entries.length} glossary entries, ${model.comparisons.length} comparisons and ${model.corrections.length} corrections: no problems` +
    (editorial.unlocked.length > 0 ? `; ${editorial.unlocked.length} units of editorial text not yet recorded as published (npm run lock)` : '.'),
);
