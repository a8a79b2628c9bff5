import { claimPath, claimsIndexPath, correctionsPath, documentPath, entryPath } from '../../src/routes.ts';
import { expect, test } from './site.ts';

test.use({ javaScriptEnabled: false });

const ledger = documentPath('harbour-bridge-reopens');

test('from a paragraph to the claim it reports, to its other report, to the claim that answers it, and back, without JavaScript', async ({ page, site }) => {
  await page.goto(site.href(ledger));
  // The paragraph's quiet marker in its notes column.
  await page.locator('aside.sidenotes .claim-marker a', { hasText: 'Under the 2019 maintenance contract' }).click();
  await expect(page).toHaveURL(site.href(claimPath('three-years-without-inspection')));
  await expect(page.locator('h1')).toHaveText('Under the 2019 maintenance contract the Harbour Bridge went three years without an inspection.');

  // Every report of it, each quoted and linked to its paragraph.
  const appearances = page.locator('.claim-appearances li');
  await expect(appearances).toHaveCount(2);
  await expect(appearances.nth(1).locator('blockquote')).toHaveText('gone three years without an inspection under the 2019 maintenance contract');
  await appearances.nth(1).locator('a').click();
  await expect(page).toHaveURL(site.href(`${documentPath('council-answers-questions')}#p5`));
  await page.goBack();

  // The claim it answers, and from there back to this one.
  await page.locator('.claim-responses a', { hasText: 'Every pier' }).click();
  await expect(page).toHaveURL(site.href(claimPath('every-pier-inspected-twice')));
  await expect(page.locator('.claim-responses li', { hasText: 'Contradicted by' })).toContainText('Under the 2019 maintenance contract');
  await page.locator('.claim-appearances a').first().click();
  await expect(page).toHaveURL(site.href(`${ledger}#p7`));
});

test('the claims index lists every claim with its claimant and status, readable without JavaScript', async ({ page, site }) => {
  await page.goto(site.href(claimsIndexPath));
  await expect(page.locator('.claims-index > li')).toHaveCount(2);
  await expect(page.locator('.claims-filter')).toBeHidden();
  await expect(page.locator('.claims-index > li').first()).toContainText('Disputed');
});

test('an entry lists the claims it made and those about it', async ({ page, site }) => {
  await page.goto(site.href(entryPath('arber-cucaj')));
  await expect(page.locator('.entry-claims')).toContainText('Every pier of the Harbour Bridge was inspected twice');
  await page.goto(site.href(entryPath('harbour-bridge')));
  await expect(page.locator('.entry-claims h3')).toHaveText(['About Harbour Bridge']);
});

test('a corrected note shows its correction at the foot of its page and on the Corrections page', async ({ page, site }) => {
  await page.goto(site.href(ledger));
  const foot = page.locator('.page-corrections');
  await expect(foot).toContainText('Clarified on 20 March 2024');
  await expect(foot).toContainText('The note now says that 12 March 2024 is the date of this report.');
  await expect(foot.locator('blockquote')).toHaveText('Tuesday 12 March 2024.');

  await page.goto(site.href(correctionsPath));
  const item = page.locator('.correction-list li').first();
  await expect(item).toContainText('note [^tuesday]');
  await item.locator('a').first().click();
  await expect(page).toHaveURL(site.href(`${ledger}#fn-tuesday`));
});
