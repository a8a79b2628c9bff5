import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import type { CorpusBuild } from '../../src/corpus/model.ts';
import { loadCorpus, loadRenderedCorpus } from '../../src/node/load-corpus.ts';
import { astroBuild, filesOf } from './astro-build.ts';
import { dirsUnder } from './content-dirs.ts';

/**
 * The per-page work of the corpus check runs in worker threads; the build
 * must not depend on how many: the model, the problems and every page (its text and citations)
 * are the same with one thread (all in the main thread) as with several.
 */
async function renderedWith(content: string, workers: number): Promise<{ build: CorpusBuild; pages: Map<string, string> }> {
  const pages = new Map<string, string>();
  const { documentDigests, ...build } = await loadRenderedCorpus(process.cwd(), dirsUnder(content), {
    workers,
    onRendered: (slug, page) => pages.set(slug, JSON.stringify(page)),
    accessed: '2026-12-01',
  });
  // Only the document cache computes them, and there is none here.
  expect(documentDigests.size).toBe(0);
  return { build, pages };
}

const generated = await mkdtemp(join(tmpdir(), 'parallel-build-'));
await generateCorpus(generated, 40);
afterAll(() => rm(generated, { recursive: true, force: true }));

const brokenDir = 'tests/fixtures/broken';
const broken = readdirSync(brokenDir)
  .filter((name) => statSync(join(brokenDir, name)).isDirectory())
  .map((name) => join(brokenDir, name));

describe.each([['tests/fixtures/site'], [generated], ...broken.map((dir) => [dir])])('the corpus check of %s', (content) => {
  it('gives the same model, problems and pages with two worker threads as in the main thread alone', async () => {
    const single = await renderedWith(content, 1);
    const parallel = await renderedWith(content, 2);
    expect(JSON.stringify(parallel.build)).toBe(JSON.stringify(single.build));
    // Pages arrive as threads finish them; the pages written are what must agree.
    expect([...parallel.pages.keys()].sort()).toEqual([...single.pages.keys()].sort());
    for (const [slug, page] of single.pages) expect(parallel.pages.get(slug), slug).toBe(page);
  });

  it('builds the same model and problems as the single-threaded buildCorpus', async () => {
    const parallel = await renderedWith(content, 2);
    const single = await loadCorpus(process.cwd(), dirsUnder(content));
    expect(JSON.stringify(parallel.build)).toBe(JSON.stringify(single));
  });
});

it('builds a byte-identical site with CORPUS_WORKERS=1 and CORPUS_WORKERS=2', async () => {
  const builds = [];
  // Clean, so that the second build checks every page again rather than reusing the first's (src/node/document-cache.ts).
  process.env.CORPUS_CLEAN = '1';
  for (const workers of ['1', '2']) {
    process.env.CORPUS_WORKERS = workers;
    builds.push(await astroBuild('tests/fixtures/site'));
  }
  delete process.env.CORPUS_WORKERS;
  delete process.env.CORPUS_CLEAN;
  const [single, parallel] = builds.map((build) => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/stage checks: 2 documents \(0 reused from the cache, 2 checked\)/u);
    return filesOf(build.outDir);
  });
  await Promise.all(builds.map((build) => rm(build.outDir, { recursive: true, force: true })));
  expect([...(parallel?.keys() ?? [])].sort()).toEqual([...(single?.keys() ?? [])].sort());
  for (const [path, bytes] of single ?? []) expect(parallel?.get(path)?.equals(bytes), path).toBe(true);
});
