import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bench, table } from '../../scripts/bench.ts';
import { workDir } from './astro-build.ts';

/**
 * The benchmark's quick mode, so that the generator and the measurements
 * cannot rot. It checks what the figures must contain, never how fast they
 * are (durations are only required to be reported): timing targets are read
 * from `npm run bench`, not asserted, so a busy machine passes alike.
 *
 * The benchmark builds under os.tmpdir(); this test points TMPDIR inside the
 * project (see astro-build.ts), so that Astro keeps the prerender bundle in the
 * output folder rather than in the project's shared `.astro/.prerender/`,
 * which another build outside the project could overwrite midway.
 */
process.env.TMPDIR = resolve(workDir, 'bench');
mkdirSync(process.env.TMPDIR, { recursive: true });

describe('npm run bench -- --quick', () => {
  it('generates, builds and measures corpora of 10 and 100 documents', async () => {
    const results = await bench([10, 100], () => undefined);
    expect(results.map((result) => result.corpus.documents)).toEqual([10, 100]);
    for (const { corpus, build, rebuild, entryRebuild, browser } of results) {
      expect(corpus.paragraphs).toBeGreaterThanOrEqual(15 * corpus.documents);
      expect(corpus.paragraphs).toBeLessThanOrEqual(40 * corpus.documents);
      expect(corpus.entries).toBe(Math.round(corpus.documents / 2));
      expect(corpus.mentions / corpus.words).toBeGreaterThan(0.08);
      expect(corpus.mentions / corpus.words).toBeLessThan(0.12);
      expect(build.pages).toBeGreaterThan(corpus.documents + corpus.entries);
      for (const [stage, ms] of Object.entries(build.stages)) expect(Number.isFinite(ms), `the build logs the duration of stage ${stage}`).toBe(true);
      expect(build.peakAstroRssBytes).toBeGreaterThan(0);
      expect(build.peakSearchIndexRssBytes).toBeGreaterThan(0);
      expect(build.peakRssBytes).toBe(Math.max(build.peakAstroRssBytes, build.peakSearchIndexRssBytes));
      expect(build.searchIndexBytes).toBeGreaterThan(0);
      expect(Number.isFinite(rebuild.totalMs), 'the rebuild after one edited note is timed').toBe(true);
      // The table's peak of the rebuilds.
      expect(Math.min(rebuild.peakRssBytes, entryRebuild.peakRssBytes)).toBeGreaterThan(0);
      expect(build.routeFiles).toBeGreaterThan(build.pages);
      expect(build.renderedFiles, 'a first build renders every file').toBe(build.routeFiles);
      expect(rebuild.renderedFiles).toBeGreaterThan(0);
      expect(rebuild.renderedFiles).toBeLessThan(rebuild.routeFiles);
      // The renamed entry's page and the documents that mention it are among the files rendered again, and not every file is.
      expect(entryRebuild.mentionedIn).toBeGreaterThan(0);
      expect(entryRebuild.renderedFiles).toBeGreaterThan(entryRebuild.mentionedIn);
      expect(entryRebuild.renderedFiles).toBeLessThan(entryRebuild.routeFiles);
      expect(browser.searchPage).toBeGreaterThan(0);
      // The rare word occurs in one paragraph of one document; the common name in many.
      expect(browser.rare.results).toBe(1);
      expect(browser.common.results).toBeGreaterThan(1);
      for (const search of [browser.rare, browser.common]) {
        expect(search.bytes).toBeGreaterThan(0);
        expect(Number.isFinite(search.ms)).toBe(true);
      }
      expect(browser.pages.document?.html).toBeGreaterThan(0);
      expect(browser.pages.document?.js).toBeGreaterThan(0);
    }
    expect(table(results).split('\n')).toHaveLength(4);
  });
});
