import { expect, test } from '@playwright/test';
import { siteUrl } from '../../src/config.ts';

const documentUrl = '/documents/mek-has-not-respected-the-2014-agreement/';

test('a paragraph URL scrolls to that paragraph and highlights it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${documentUrl}#p17`);
  const paragraph = page.locator('#p17');
  await expect(paragraph).toBeInViewport();
  await expect(page.locator('#p2')).not.toBeInViewport();
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p17');
  const highlighted = await paragraph.evaluate((element) => getComputedStyle(element).backgroundColor);
  const plain = await page.locator('#p16').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(highlighted).not.toBe(plain);
});

test('every paragraph shows its number, which links to its permanent anchor', async ({ page }) => {
  await page.goto(documentUrl);
  const numbers = page.locator('.para > .para-num');
  await expect(numbers).toHaveCount(24);
  await expect(numbers.nth(6)).toHaveText('¶ 7');
  await expect(numbers.nth(6)).toHaveAttribute('href', '#p7');
});

test('focusing a paragraph reveals a button that copies its permanent URL, at the public site address', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(documentUrl);
  await page.locator('#p3 .para-num').focus();
  await page.keyboard.press('Tab');
  const button = page.locator('#p3 .copy-link');
  await expect(button).toBeFocused();
  await expect(page.locator('#p3 .para-tools')).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${siteUrl}${documentUrl}#p3`);
});
