/**
 * `npm run build`: `astro build` (the corpus check, exports and pages), then
 * the search index (scripts/search-index.ts), each in a process of its own.
 *
 *   npm run build               # reuses the pages earlier builds checked and rendered
 *   npm run build -- --clean    # checks and renders every page again, and rewrites that cache
 *
 * A script rather than `astro build && node scripts/search-index.ts`: npm
 * passes what follows `--` to the last command only. `--clean` is
 * CORPUS_CLEAN=1 for the build (src/integration/corpus.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

function clean(): boolean {
  try {
    return parseArgs({ options: { clean: { type: 'boolean', default: false } } }).values.clean;
  } catch (error) {
    console.error(`npm run build: ${(error as Error).message}; the one option is --clean (npm run build -- --clean).`);
    process.exit(2);
  }
}

const env = clean() ? { ...process.env, CORPUS_CLEAN: '1' } : process.env;
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const searchIndex = fileURLToPath(new URL('./search-index.ts', import.meta.url));
for (const args of [[astro, 'build'], [searchIndex]]) {
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? 1);
}
