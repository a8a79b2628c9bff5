import type { Page } from '@playwright/test';
import { documentPath, entryPath, glossaryIndexPath } from '../../src/routes.ts';
import { expect, test, type SiteUnderTest } from './site.ts';

const ledger = documentPath('harbour-bridge-reopens');
const radio = documentPath('council-answers-questions');

async function search(page: Page, site: SiteUnderTest, query: string) {
  await page.goto(site.href('/search/'));
  await page.getByLabel('Search the documents and the glossary').fill(query);
  await expect(page.locator('#search-status')).toContainText(query.replaceAll('"', '') ? 'for' : '');
}

async function resultLinks(page: Page) {
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
  return page.locator('#search-results .search-result > a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** Result links without their highlight parameter: `/documents/x/#p7`. */
async function resultTargets(page: Page) {
  return (await resultLinks(page)).map((link) => link.replace(/\?[^#]*/u, ''));
}

test('a name finds its glossary entry first, then the paragraphs that mention it', async ({ page, site }) => {
  await search(page, site, 'Rrapaj');
  await expect(page.locator('#search-status')).toHaveText('4 results for “Rrapaj”.');
  const links = await resultLinks(page);
  expect(links[0]).toBe(site.href(`${entryPath('teuta-rrapaj')}?highlight=Rrapaj`));
  // The union's entry names her too.
  expect(links.slice(1).sort()).toEqual(
    [`${entryPath('harbour-workers-union')}?highlight=Rrapaj`, `${ledger}?highlight=Rrapaj#p8`, `${radio}?highlight=Rrapaj#p7`]
      .map((path) => site.href(path))
      .sort(),
  );
  const result = page.locator('#search-results .search-result', { has: page.locator(`a[href="${site.href(`${ledger}?highlight=Rrapaj#p8`)}"]`) });
  await expect(result.locator('.result-paragraph')).toHaveText(' ¶ 8');
  await expect(result.locator('.result-excerpt mark').first()).toHaveText('Rrapaj,');
});

test('a name without diacritics finds it written with them, and the reverse', async ({ page, site }) => {
  for (const query of ['Cucaj', 'Çuçaj']) {
    await search(page, site, query);
    await expect(page.locator('#search-status')).toHaveText(/results for/u);
    expect(await resultTargets(page), query).toEqual(
      expect.arrayContaining([entryPath('arber-cucaj'), `${ledger}#p5`, `${ledger}#p6`, `${radio}#p4`, `${radio}#p6`].map((path) => site.href(path))),
    );
  }
});

test('an acronym and a full name both find the entity', async ({ page, site }) => {
  for (const query of ['HWU', 'Harbour Workers Union']) {
    await search(page, site, query);
    expect((await resultTargets(page))[0], query).toBe(site.href(entryPath('harbour-workers-union')));
  }
});

test('a quoted phrase finds the paragraph with those words in that order, and following it lands on the marked words', async ({ page, site }) => {
  await search(page, site, '"head of of"');
  await expect(page.locator('#search-status')).toHaveText('1 result for “"head of of"”.');
  await page.locator('#search-results a').first().click();
  await expect(page).toHaveURL(site.permanentUrl(`${ledger}?highlight=head+of+of#p8`));
  const paragraph = page.locator('#p8');
  await expect(paragraph).toBeInViewport();
  await expect(paragraph.locator('mark.pagefind-highlight').first()).toHaveText('head of of');
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p8');
});

test('a query that finds nothing says so and suggests entries with close names', async ({ page, site }) => {
  await search(page, site, 'Rrapaaj');
  await expect(page.locator('#search-status')).toHaveText('No results for “Rrapaaj”.');
  await expect(page.locator('#search-suggestions a')).toHaveText(['Teuta Rrapaj']);
  await expect(page.locator('#search-suggestions a')).toHaveAttribute('href', site.href(entryPath('teuta-rrapaj')));
});

test('filters narrow the results and show counts; the URL keeps query and filters', async ({ page, site }) => {
  await search(page, site, 'police');
  await page.getByText('Filters', { exact: true }).click();
  const outlet = page.getByRole('checkbox', { name: /^Radio Portvale/u });
  await expect(page.locator('fieldset', { hasText: 'Outlet' }).locator('label', { hasText: 'Radio Portvale' }).locator('.filter-count')).toHaveText('(1)');
  await outlet.check();
  await expect(page).toHaveURL(/[?&]outlet=Radio\+Portvale/u);
  await expect(page.locator('#search-status')).toHaveText('2 results for “police”.');
  const links = await resultLinks(page);
  expect(links.map((link) => link.replace(/\?[^#]*/u, '')).sort()).toEqual([site.href(`${radio}#p6`), site.href(`${radio}#p8`)]);

  await page.goto(page.url());
  await expect(page.getByLabel('Search the documents and the glossary')).toHaveValue('police');
  await expect(page.getByRole('checkbox', { name: /^Radio Portvale/u })).toBeChecked();
  expect(await resultLinks(page)).toEqual(links);
});

test('filters load only when the reader opens them; a document is chosen by typing its title', async ({ page, site }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await search(page, site, 'police');
  await expect(page.locator('#search-status')).toHaveText('4 results for “police”.');
  expect(requested.filter((url) => url.includes('/pagefind/filter/'))).toEqual([]);
  await page.getByText('Filters', { exact: true }).click();
  await expect(page.locator('fieldset', { hasText: 'Outlet' }).locator('.filter-count').first()).toHaveText(/\(\d+\)/u);
  await page.getByLabel('In one document').fill('council answers');
  await expect(page.locator('#search-document-titles option').first()).toHaveAttribute('value', 'Portvale council answers questions on the Harbour Bridge');
  await page.getByLabel('In one document').fill('Portvale council answers questions on the Harbour Bridge');
  await page.getByLabel('In one document').press('Enter');
  await expect(page).toHaveURL(/[?&]document=Portvale\+council/u);
  expect((await resultTargets(page)).sort()).toEqual([`${radio}#p6`, `${radio}#p8`].map((path) => site.href(path)));
});

test('the entity-type filter keeps only paragraphs that mention an entity of that type', async ({ page, site }) => {
  await page.goto(site.href('/search/?q=police'));
  await expect(page.locator('#search-status')).toHaveText(/results? for “police”/u);
  const documents = (links: string[]) => links.filter((link) => link.startsWith(site.href('/documents/'))).sort();
  expect(documents(await resultTargets(page))).toEqual([`${ledger}#p10`, `${radio}#p6`, `${radio}#p8`].map((path) => site.href(path)).sort());
  await page.goto(site.href('/search/?q=police&type=People'));
  await expect(page.locator('#search-status')).toHaveText(/results? for “police”/u);
  // ¶ 6 names the mayor; ¶ 8 names only the union, and the Coastal Ledger's ¶ 10 no one.
  expect(documents(await resultTargets(page))).toEqual([site.href(`${radio}#p6`)]);
});

test('debris and page furniture are not indexed', async ({ page, site }) => {
  await search(page, site, 'Marku');
  expect(await resultTargets(page)).toEqual([site.href(entryPath('klea-marku'))]);
  await search(page, site, '"Related posts"');
  expect((await resultLinks(page)).filter((link) => link.startsWith(site.href('/documents/')))).toEqual([]);
  await search(page, site, 'Skip');
  expect((await resultLinks(page)).filter((link) => link.startsWith(site.href('/documents/')))).toEqual([]);
});

test('a moved document’s page is not a search result', async ({ page, site }) => {
  await search(page, site, 'moved');
  expect((await resultLinks(page)).filter((link) => link.includes('bridge-closure-notice'))).toEqual([]);
});

test('markup typed as a query stays text', async ({ page, site }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await search(page, site, '<img src=x onerror=alert(1)>');
  await expect(page.locator('#search-status')).toContainText('for “<img src=x onerror=alert(1)>”.');
  await resultLinks(page);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('/ and Ctrl+K jump to the search box from any page, and Enter opens the results', async ({ page, site }) => {
  await page.goto(site.href(ledger));
  await page.keyboard.press('/');
  await expect(page.locator('#site-search-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+k');
  await expect(page.locator('#site-search-input')).toBeFocused();
  await page.keyboard.type('Portvale');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(site.permanentUrl('/search/?q=Portvale'));
  await expect(page.locator('#search-status')).toHaveText(/results? for “Portvale”/u);
  await page.keyboard.press('/');
  await expect(page.locator('#search-status')).toBeVisible();
});

test('results are reachable by keyboard and announced', async ({ page, site }) => {
  await search(page, site, 'Rrapaj');
  await expect(page.locator('#search-status')).toHaveAttribute('role', 'status');
  await page.getByLabel('Search the documents and the glossary').focus();
  let reachedResult = false;
  for (let step = 0; step < 40 && !reachedResult; step += 1) {
    await page.keyboard.press('Tab');
    reachedResult = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
  }
  expect(reachedResult).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/highlight=Rrapaj/u);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links to the glossary', async ({ page, site }) => {
    await page.goto(site.href('/search/?q=Cucaj'));
    await expect(page.locator('.search-needs-js')).toBeVisible();
    await expect(page.locator(`.search-needs-js a[href="${site.href(glossaryIndexPath)}"]`)).toBeVisible();
    await expect(page.locator('#search-form')).toBeHidden();
  });
});
