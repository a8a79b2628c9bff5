import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's own collector, with the options its `gc()` takes. */
type Collector = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Collects all garbage now, in the way that also hands back to the system the
 * memory V8 keeps for reuse. Once a heap has shrunk, V8 keeps its freed pages
 * resident for the heap to grow into again, and gives them back only on a
 * collection that reduces memory, which it starts by itself only when the
 * process has been idle for seconds: never in a build. After the corpus check
 * the model is let go, and Astro's rendering then needs a fraction of that
 * heap; at 10,000 generated documents the build kept 1.1 GB of freed pages
 * through the whole rendering (docs/benchmark-log.md, the fifteenth run). A full collection
 * ("last resort") is the one a script can ask for; the collector is reached
 * through a context created while `--expose-gc` is set, the flag cleared at
 * once, so that no other code sees a global `gc`. Returns the resident memory
 * before and after, in bytes.
 */
export function releaseFreedMemory(): { before: number; after: number } {
  const before = process.memoryUsage.rss();
  setFlagsFromString('--expose-gc');
  let collect: Collector;
  try {
    collect = runInNewContext('gc') as Collector;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return { before, after: process.memoryUsage.rss() };
}

/**
 * Resident memory over which a build that renders only some pages gives the
 * check's memory back too. A rebuild after an edited note at 1,000 generated
 * documents holds under 0.8 GB, and giving back cost it 0.5 to 1.4 s (the
 * heap grew back at once); at 10,000 the same rebuild peaked at 3,415 to
 * 3,498 MiB without it, above the cold build's 2,910 MiB, and at 2,084 to
 * 2,118 MiB with it, no slower.
 */
const largeProcess = 1.5 * 1024 ** 3;

/**
 * Whether the check's memory is given back before Astro renders: where every
 * page is rendered (a cold build, or one asked to clean), where rendering
 * needs the most, and where the process holds more than {@link largeProcess}.
 */
export function givesMemoryBack(everyPage: boolean, rss: number): boolean {
  return everyPage || rss > largeProcess;
}
