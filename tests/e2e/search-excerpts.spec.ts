import type { Page } from '@playwright/test';
import { documentPath, entryPath } from '../../src/routes.ts';
import { expect, type SiteUnderTest, test } from './site.ts';

/**
 * Search excerpts read as the text: no note marks (the Coastal Ledger's ¶ 5
 * calls a note right after the mayor's name), no paragraph numbers, no
 * glossary metadata, and every word apart from the next.
 */

/** The excerpt of the result that leads to `path` (its highlight parameter aside), as the search page shows it. */
async function excerptOf(page: Page, site: SiteUnderTest, query: string, path: string): Promise<string | undefined> {
  await page.goto(site.href(`/search/?q=${encodeURIComponent(query)}`));
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#search-results .search-result').first()).toBeVisible();
  const results = await page.locator('#search-results .search-result').evaluateAll((items) =>
    items.map((item) => [
      item
        .querySelector('a')
        ?.getAttribute('href')
        ?.replace(/\?[^#]*/u, '') ?? '',
      item.querySelector('.result-excerpt')?.textContent ?? '',
    ]),
  );
  return new Map(results.map(([href, excerpt]) => [href, excerpt])).get(site.href(path));
}

test('a paragraph’s excerpt leaves out the mark of the note on the name it matched', async ({ page, site }) => {
  const excerpt = await excerptOf(page, site, 'Cucaj', `${documentPath('harbour-bridge-reopens')}#p5`);
  expect(excerpt).toBe(
    'Mayor Arber Cucaj told reporters that the repairs had been “finished on time and within the budget” set by the Portvale Town Council in the spring.',
  );
});

test('a glossary entry’s excerpt gives its summary and other names, not its metadata, each word apart', async ({ page, site }) => {
  const excerpt = await excerptOf(page, site, 'Cucaj', entryPath('arber-cucaj'));
  expect(excerpt).toBe(
    'Arbër Çuçaj. Mayor of Portvale, a fictional town of this test corpus, who spoke for the town council when the Harbour Bridge reopened. Also written Arber Cucaj · Çuçaj · Cucaj. Arbër',
  );
});
