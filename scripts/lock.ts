/**
 * Records what is published: every paragraph anchor of the corpus in the
 * anchor lock, and every unit of editorial text (notes, metadata, entry
 * descriptions, comparison points) at its current wording in the editorial
 * lock. Nothing is ever removed from either; the build then refuses a change
 * that would make an anchor vanish, or change published editorial text
 * without a correction record.
 *
 *   npm run lock
 */
import { contentDirs } from '../src/config.ts';
import { updateAnchorLock } from '../src/corpus/anchors.ts';
import { updateEditorialLock } from '../src/corpus/editorial.ts';
import { formatProblems } from '../src/corpus/problems.ts';
import { readAnchorLock, writeAnchorLock } from '../src/node/anchor-lock.ts';
import { writeEditorialLock } from '../src/node/editorial-lock.ts';
import { loadCorpus } from '../src/node/load-corpus.ts';

const root = process.cwd();
const { model, problems, editorial } = await loadCorpus(root);
if (problems.length > 0) {
  console.error(formatProblems(problems, 'nothing was recorded'));
  process.exit(1);
}
const { lock } = await readAnchorLock(root);
const anchors = updateAnchorLock(lock, model.anchors);
await writeAnchorLock(root, anchors);
console.log(`${contentDirs.anchorLock}: ${anchors.anchors.length} anchors (${anchors.anchors.length - lock.anchors.length} newly published).`);
const published = updateEditorialLock(editorial.lock, editorial.units);
await writeEditorialLock(root, published);
console.log(`${contentDirs.editorialLock}: ${Object.keys(published.units).length} units of editorial text (${editorial.unlocked.length} newly published).`);
