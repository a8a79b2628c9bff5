import { expect, test } from './site.ts';
import { documentPath } from '../../src/routes.ts';

const ledger = documentPath('harbour-bridge-reopens');
const radio = documentPath('council-answers-questions');

test('a paragraph URL scrolls to that paragraph and highlights it', async ({ page, site }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(site.href(`${ledger}#p12`));
  const paragraph = page.locator('#p12');
  await expect(paragraph).toBeInViewport();
  await expect(page.locator('#p2')).not.toBeInViewport();
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p12');
  const highlighted = await paragraph.evaluate((element) => getComputedStyle(element).backgroundColor);
  const plain = await page.locator('#p11').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(highlighted).not.toBe(plain);
});

test('every paragraph shows its number, which links to its permanent anchor', async ({ page, site }) => {
  await page.goto(site.href(ledger));
  const numbers = page.locator('.para > .para-num');
  await expect(numbers).toHaveCount(16);
  await expect(numbers.nth(6)).toHaveText('¶ 7');
  await expect(numbers.nth(6)).toHaveAttribute('href', '#p7');
});

test('focusing a paragraph reveals a button that copies its permanent URL, at the public site address', async ({ page, context, site }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(site.href(ledger));
  await page.locator('#p3 .para-num').focus();
  await page.keyboard.press('Tab');
  const button = page.locator('#p3 .copy-link');
  await expect(button).toBeFocused();
  await expect(page.locator('#p3 .para-tools')).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(site.permanentUrl(`${ledger}#p3`));
});

test('a published anchor of a document that moved leads to the paragraph it was redirected to', async ({ page, site }) => {
  await page.goto(site.href('/documents/bridge-closure-notice/#p2'));
  await expect(page).toHaveURL(site.permanentUrl(`${ledger}#p4`));
  await expect(page.locator('#p4')).toBeInViewport();
});

test('a published anchor that vanished from a page leads to the paragraph it was redirected to', async ({ page, site }) => {
  await page.goto(site.href(`${radio}#p10`));
  await expect(page).toHaveURL(site.permanentUrl(`${radio}#p9`));
  await expect(page.locator('#p9')).toBeInViewport();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page of a moved document links to where each of its anchors went', async ({ page, site }) => {
    await page.goto(site.href('/documents/bridge-closure-notice/'));
    await expect(page.locator('h1')).toHaveText('This page has moved');
    await expect(page.locator('main a')).toHaveText([ledger, `${ledger}#p2`, `${ledger}#p4`]);
    expect(await page.locator('main a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      site.href(ledger),
      site.href(`${ledger}#p2`),
      site.href(`${ledger}#p4`),
    ]);
  });
});
