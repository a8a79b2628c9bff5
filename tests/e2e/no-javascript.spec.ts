import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('a document reads in full without JavaScript: every paragraph, mentions as links', async ({ page }) => {
  await page.goto('/documents/mek-has-not-respected-the-2014-agreement/');
  await expect(page.locator('.para')).toHaveCount(24);
  await expect(page.locator('#p24')).toBeVisible();
  const mention = page.locator('#p5 a.mention').first();
  await expect(mention).toHaveText('Bledi Cuci');
  await expect(mention).toHaveAttribute('href', '/glossary/bledi-cuci/');
  await expect(page.locator('.copy-link')).toHaveCount(0);
});

test('a glossary entry lists its mentions, each linking to its paragraph', async ({ page }) => {
  await page.goto('/glossary/bledi-cuci/');
  const links = page.locator('.mention-list a');
  await expect(links.first()).toHaveAttribute('href', '/documents/mek-has-not-respected-the-2014-agreement/#p5');
  await expect(page.locator('.mention-list mark').first()).toHaveText('Bledi Cuci');
});
