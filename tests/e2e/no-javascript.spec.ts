import { documentPath, entryPath } from '../../src/routes.ts';
import { expect, test } from './site.ts';

test.use({ javaScriptEnabled: false });

const ledger = documentPath('harbour-bridge-reopens');

test('a document reads in full without JavaScript: every paragraph, mentions as links', async ({ page, site }) => {
  await page.goto(site.href(ledger));
  await expect(page.locator('.para')).toHaveCount(16);
  await expect(page.locator('#p16')).toBeVisible();
  const mention = page.locator('#p5 a.mention').first();
  await expect(mention).toHaveText('Arber Cucaj');
  await expect(mention).toHaveAttribute('href', site.href(entryPath('arber-cucaj')));
  await expect(page.locator('.copy-link')).toHaveCount(0);
});

test('a glossary entry lists its mentions, each linking to its paragraph', async ({ page, site }) => {
  await page.goto(site.href(entryPath('arber-cucaj')));
  const links = page.locator('.mention-list a');
  await expect(links.first()).toHaveAttribute('href', site.href(`${ledger}#p5`));
  await expect(page.locator('.mention-list mark').first()).toHaveText('Arber Cucaj');
});
