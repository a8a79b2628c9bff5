import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/**
 * Where the integration builds write. Inside the project on purpose: Astro
 * puts the prerender bundle of a build whose output folder lies outside the
 * working directory in the project's shared `.astro/.prerender/`, where two
 * such builds at once would overwrite each other's.
 */
export const workDir = 'node_modules/.cache/corpus-tests';

export interface BuildResult {
  /** The exit code: 0 when the build succeeded. */
  code: number | null;
  /** Standard output and standard error, interleaved as written. */
  output: string;
  /** The built site, a fresh folder; the caller removes it. */
  outDir: string;
}

/**
 * Runs the real `astro build` (the site's config, plugins and corpus checks)
 * on the content folder `contentDir`, into a fresh output folder. Each corpus
 * folder has an Astro cache of its own (isolated-cache.config.mjs), kept
 * between runs, so that builds of different corpora can run at once. Resolves
 * whatever the outcome: the test reads the code and the output. `env` adds
 * to the environment (CORPUS_DEBUG=1, say). `outDir` builds into a given
 * folder instead, as `npm run build` builds into `dist/` each time: Astro
 * reuses a page of an earlier build only into the same output folder.
 */
export async function astroBuild(contentDir: string, env: NodeJS.ProcessEnv = {}, outDir?: string): Promise<BuildResult> {
  await mkdir(workDir, { recursive: true });
  outDir ??= await mkdtemp(join(workDir, 'dist-'));
  const cacheDir = astroCacheDir(contentDir);
  return new Promise<BuildResult>((settle, fail) => {
    const child = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'tests/integration/isolated-cache.config.mjs', '--outDir', outDir],
      { env: { ...process.env, ...env, CORPUS_CONTENT: contentDir, CORPUS_TEST_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => settle({ code, output, outDir }));
  });
}

/** The Astro cache of the builds of the corpus folder `contentDir`, kept between them. */
export function astroCacheDir(contentDir: string): string {
  return join(workDir, `cache-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 16)}`);
}

/** Every file under `dir`, relative path → bytes: what two builds are compared by. */
export function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}
