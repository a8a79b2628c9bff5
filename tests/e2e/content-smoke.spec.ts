import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusIndexPath, glossaryIndexPath, homePath, outputFile, searchPath } from '../../src/routes.ts';
import { sites } from './sites.ts';
import { expect, test } from './site.ts';

/**
 * The published corpus (the `corpus` project: dist/, as `npm run build` built
 * it) only has to load: every document page with all its paragraphs, and an
 * entry page of each type, free of axe violations. What the pages do is
 * tested on the fixture site, so editing the corpus never breaks a test here
 * unless a page stops rendering. What to visit comes from the build's own
 * open data (corpus.json), so the test always matches the build it runs on.
 */
interface PublishedCorpus {
  documents: { slug: string; url: string; paragraphCount: number; debrisCount: number }[];
  glossary: { id: string; url: string; name: string; type: string; mentionCount: number }[];
}

const corpusFile = join(sites.corpus.outDir, outputFile(corpusIndexPath));
const published: PublishedCorpus = existsSync(corpusFile) ? JSON.parse(readFileSync(corpusFile, 'utf8')) : { documents: [], glossary: [] };
const entryOfEachType = published.glossary.filter((entry, index) => published.glossary.findIndex((other) => other.type === entry.type) === index);
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The path (base path included) to visit for a permanent URL of the build, whatever host it was built for. */
function pathOf(url: string): string {
  return new URL(url).pathname;
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('the build holds the published corpus', () => {
  expect(existsSync(corpusFile), `${corpusFile}: run npm run build`).toBe(true);
  expect(published.documents.length).toBeGreaterThan(0);
  expect(entryOfEachType.length).toBeGreaterThan(0);
});

for (const document of published.documents) {
  test(`the document ${document.slug} loads with all its paragraphs and no axe violations`, async ({ page }) => {
    const response = await page.goto(pathOf(document.url));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('.para')).toHaveCount(document.paragraphCount + document.debrisCount);
    await expect(page.locator('.para .para-text').last()).not.toBeEmpty();
    expect(await axeViolations(page)).toEqual([]);
  });
}

for (const entry of entryOfEachType) {
  test(`the ${entry.type} entry ${entry.id} loads with its mentions and no axe violations`, async ({ page }) => {
    const response = await page.goto(pathOf(entry.url));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(entry.name);
    if (entry.mentionCount > 0) await expect(page.locator('.mention-list li').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the home page, the glossary and the search page load', async ({ page, site }) => {
  for (const path of [homePath, glossaryIndexPath, searchPath]) {
    const response = await page.goto(site.href(path));
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
  }
  await page.goto(site.href(glossaryIndexPath));
  await expect(page.locator('.entry-group .card')).toHaveCount(published.glossary.length);
});
