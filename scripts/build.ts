/**
 * `npm run build`: `astro build` (the corpus check, exports and pages), then
 * the search index (scripts/search-index.ts), each in a process of its own.
 *
 *   npm run build               # reuses the pages earlier builds checked and rendered
 *   npm run build -- --clean    # checks and renders every page again, and rewrites that cache
 *   npm run build -- --debug    # an unexpected error shows its stack trace (CORPUS_DEBUG=1)
 *
 * A script rather than `astro build && node scripts/search-index.ts`: npm
 * passes what follows `--` to the last command only. `--clean` is
 * CORPUS_CLEAN=1 for the build, `--debug` CORPUS_DEBUG=1 (src/integration/corpus.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

function options(): { clean: boolean; debug: boolean } {
  try {
    return parseArgs({ options: { clean: { type: 'boolean', default: false }, debug: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    console.error(`npm run build: ${(error as Error).message}; the options are --clean and --debug (npm run build -- --clean).`);
    process.exit(2);
  }
}

const { clean, debug } = options();
const env = { ...process.env, ...(clean ? { CORPUS_CLEAN: '1' } : {}), ...(debug ? { CORPUS_DEBUG: '1' } : {}) };
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const searchIndex = fileURLToPath(new URL('./search-index.ts', import.meta.url));
for (const args of [[astro, 'build'], [searchIndex]]) {
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? 1);
}
