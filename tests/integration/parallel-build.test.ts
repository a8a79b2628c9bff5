import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { contentDirs, contentRoot, type ContentDirs } from '../../src/config.ts';
import type { CorpusBuild } from '../../src/corpus/model.ts';
import { loadCorpus, loadRenderedCorpus } from '../../src/node/load-corpus.ts';
import { astroBuild } from './astro-build.ts';

/**
 * The per-page work of the corpus check runs in worker threads; the build
 * must not depend on how many: the model, the problems and every page's HTML
 * are the same with one thread (all in the main thread) as with several.
 */
function dirsUnder(content: string): ContentDirs {
  return Object.fromEntries(Object.entries(contentDirs).map(([key, path]) => [key, join(content, relative(contentRoot, path))])) as ContentDirs;
}

async function renderedWith(content: string, workers: number): Promise<{ build: CorpusBuild; html: Map<string, string> }> {
  const html = new Map<string, string>();
  const build = await loadRenderedCorpus(process.cwd(), dirsUnder(content), { workers, onRendered: (slug, text) => html.set(slug, text) });
  return { build, html };
}

/** Every file under `dir`, relative path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

const generated = await mkdtemp(join(tmpdir(), 'parallel-build-'));
await generateCorpus(generated, 40);
afterAll(() => rm(generated, { recursive: true, force: true }));

const brokenDir = 'tests/fixtures/broken';
const broken = readdirSync(brokenDir)
  .filter((name) => statSync(join(brokenDir, name)).isDirectory())
  .map((name) => join(brokenDir, name));

describe.each([['tests/fixtures/site'], [generated], ...broken.map((dir) => [dir])])('the corpus check of %s', (content) => {
  it('gives the same model, problems and HTML with two worker threads as in the main thread alone', async () => {
    const single = await renderedWith(content, 1);
    const parallel = await renderedWith(content, 2);
    expect(JSON.stringify(parallel.build)).toBe(JSON.stringify(single.build));
    // Pages arrive as threads finish them; the pages written are what must agree.
    expect([...parallel.html.keys()].sort()).toEqual([...single.html.keys()].sort());
    for (const [slug, html] of single.html) expect(parallel.html.get(slug), slug).toBe(html);
  });

  it('builds the same model and problems as the single-threaded buildCorpus', async () => {
    const parallel = await renderedWith(content, 2);
    const single = await loadCorpus(process.cwd(), dirsUnder(content));
    expect(JSON.stringify(parallel.build)).toBe(JSON.stringify(single));
  });
});

it('builds a byte-identical site with CORPUS_WORKERS=1 and CORPUS_WORKERS=2', async () => {
  const builds = [];
  for (const workers of ['1', '2']) {
    process.env.CORPUS_WORKERS = workers;
    builds.push(await astroBuild('tests/fixtures/site'));
  }
  delete process.env.CORPUS_WORKERS;
  const [single, parallel] = builds.map((build) => {
    expect(build.code, build.output).toBe(0);
    return filesOf(build.outDir);
  });
  await Promise.all(builds.map((build) => rm(build.outDir, { recursive: true, force: true })));
  expect([...(parallel?.keys() ?? [])].sort()).toEqual([...(single?.keys() ?? [])].sort());
  for (const [path, bytes] of single ?? []) expect(parallel?.get(path)?.equals(bytes), path).toBe(true);
});
