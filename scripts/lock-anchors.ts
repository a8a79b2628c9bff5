/**
 * Publishes the current paragraph anchors: adds every anchor of the corpus to
 * the committed lock file. Nothing is ever removed; the build then refuses any
 * change that would make a recorded anchor vanish.
 */
import { updateAnchorLock } from '../src/corpus/anchors.ts';
import { formatProblems } from '../src/corpus/problems.ts';
import { readAnchorLock, writeAnchorLock } from '../src/node/anchor-lock.ts';
import { contentDirs } from '../src/config.ts';
import { loadCorpus } from '../src/node/load-corpus.ts';

const root = process.cwd();
const { model, problems } = await loadCorpus(root);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const { lock } = await readAnchorLock(root);
const updated = updateAnchorLock(lock, model.anchors);
await writeAnchorLock(root, updated);
console.log(`${contentDirs.anchorLock}: ${updated.anchors.length} anchors (${updated.anchors.length - lock.anchors.length} newly published).`);
