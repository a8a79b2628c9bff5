/**
 * Checks the content as the build does (front matter, fidelity to the sources,
 * mentions, notes, comparisons, claims, the editorial lock and corrections)
 * without building the site, and prints every problem as `file:line: message`.
 * Drafts are left out, as a production build leaves them out; `--drafts`
 * checks them too.
 *
 *   npm run check:content [-- --drafts]
 */
import { formatProblems } from '../src/corpus/problems.ts';
import { loadCorpus } from '../src/node/load-corpus.ts';

const drafts = process.argv.includes('--drafts') ? 'include' : 'leave-out';
const { model, problems, editorial, leftOut } = await loadCorpus(process.cwd(), undefined, { drafts });
for (const { file, reason } of leftOut) console.log(`left out ${file}: ${reason}`);
if (problems.length > 0) {
  console.error(formatProblems(problems, 'a build would stop'));
  process.exit(1);
}
console.log(
  `${model.documents.length} documents, ${model.entries.length} glossary entries, ${model.comparisons.length} comparisons and ${model.corrections.length} corrections: no problems` +
    (editorial.unlocked.length > 0 ? `; ${editorial.unlocked.length} units of editorial text not yet recorded as published (npm run lock)` : '.'),
);
