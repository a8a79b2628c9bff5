import { documentPath, entryPath } from '../../src/routes.ts';
import { expect, test } from './site.ts';

/**
 * A reader's path through a site served under a base path (the fixture-base
 * project serves it under /corpus/): reading, following names and notes,
 * searching and citing never leave the base path. The gates run on this
 * site too (playwright.config.ts).
 */

const ledger = documentPath('harbour-bridge-reopens');
const radio = documentPath('council-answers-questions');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('reading: from the home page to a paragraph, its entry, and back through the entry’s mentions', async ({ page, site }) => {
  await page.goto(site.href('/'));
  await page.getByRole('link', { name: 'Harbour bridge reopens after repairs, Portvale council says' }).click();
  await expect(page).toHaveURL(site.permanentUrl(ledger));
  await page.locator('#p5 .para-num').click();
  await expect(page).toHaveURL(site.permanentUrl(`${ledger}#p5`));
  await page.locator('#p5 a.mention[data-entry="arber-cucaj"]').click();
  await expect(page).toHaveURL(site.permanentUrl(entryPath('arber-cucaj')));
  // A link written in the entry's Markdown, to another entry.
  await page.locator('main').getByRole('link', { name: 'Portvale', exact: true }).first().click();
  await expect(page).toHaveURL(site.permanentUrl(entryPath('portvale')));
  await page.goBack();
  await page
    .locator('.mention-list li', { has: page.locator('mark', { hasText: 'Arbër Çuçaj' }) })
    .getByRole('link', { name: '¶ 4' })
    .click();
  await expect(page).toHaveURL(site.permanentUrl(`${radio}#p4`));
  await expect(page.locator('#p4')).toBeInViewport();
});

test('searching: the header search box, a result, and the paragraph with the words marked', async ({ page, site }) => {
  await page.goto(site.href(radio));
  await page.keyboard.press('/');
  await page.keyboard.type('Rrapaj');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(site.permanentUrl('/search/?q=Rrapaj'));
  await expect(page.locator('#search-status')).toHaveText(/results? for “Rrapaj”/u);
  await page.locator(`#search-results a[href="${site.href(`${ledger}?highlight=Rrapaj#p8`)}"]`).click();
  await expect(page).toHaveURL(site.permanentUrl(`${ledger}?highlight=Rrapaj#p8`));
  await expect(page.locator('#p8 mark.pagefind-highlight').first()).toHaveText('Rrapaj');
});

test('searching an index in parts: one search gives results from every part', async ({ page, site }) => {
  // This site's index has a part for each document (tests/e2e/sites.ts): the radio interview and the glossary in the first, the ledger in the second.
  const secondPart = page.waitForResponse((response) => response.url().startsWith(site.permanentUrl('/pagefind/part-2/')) && response.ok());
  await page.goto(site.href('/search/?q=Portvale'));
  await secondPart;
  await expect(page.locator('#search-status')).toHaveText(/results for “Portvale”/u);
  const links = await page.locator('#search-results .search-result > a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  for (const path of [radio, ledger, entryPath('portvale')])
    expect(
      links.some((link) => link.startsWith(site.href(path))),
      path,
    ).toBe(true);
});

test('citing: a paragraph’s citation and copied link carry its permanent URL under the base path', async ({ page, site }) => {
  await page.goto(site.href(ledger));
  expect(site.permanentUrl(ledger)).toMatch(/\/corpus\/documents\//u);
  await page.locator('#p7 .para-num').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(site.permanentUrl(`${ledger}#p7`));
  await page.getByRole('button', { name: 'Cite paragraph 7' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cite ¶ 7' });
  await expect(dialog.locator('.citation-text').first()).toContainText(site.permanentUrl(`${ledger}#p7`));
  await page.keyboard.press('Escape');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', site.permanentUrl(ledger));
});

test('open data: the exports’ addresses are under the base path and are served there', async ({ request, site }) => {
  const corpus = await (await request.get(site.href('/corpus.json'))).json();
  for (const document of corpus.documents as { paragraphsUrl: string; annotationsUrl?: string }[]) {
    for (const url of [document.paragraphsUrl, document.annotationsUrl].filter((value) => value !== undefined)) {
      expect(url.startsWith(site.url), url).toBe(true);
      expect((await request.get(url)).ok(), url).toBe(true);
    }
  }
});
