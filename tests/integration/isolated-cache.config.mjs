// @ts-check
/**
 * The site's own Astro config, with the cache folder a test build is given in
 * CORPUS_TEST_CACHE_DIR (tests/integration/astro-build.ts). Astro keeps the
 * content layer's data store there and the bundle reads it back, so two builds
 * of different corpora sharing one cache could publish each other's glossary.
 */
import config from '../../astro.config.mjs';
import { buildCacheDir } from '../../src/config.ts';

// Where the search-index step also looks (src/config.ts): the site's config leaves Astro's default, which it returns when no folder is given.
export default { ...config, cacheDir: buildCacheDir() };
