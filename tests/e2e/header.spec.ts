import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { documentPath } from '../../src/routes.ts';
import { expect, test } from './site.ts';

/**
 * The header at three widths: on one line on a desktop (the site's name, its
 * sections, the search box), the search box on a line of its own on a
 * tablet, stacked on a phone; the "/" hint inside the field at every width.
 * Each width's screenshot is attached to the report, and written to
 * docs/screenshots/ with UPDATE_SCREENSHOTS=1.
 */

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} is not shown`);
  return found;
}

const bottom = (b: Box) => b.y + b.height;
const right = (b: Box) => b.x + b.width;
/** Whether two boxes share a line: each one's middle lies within the other's height. */
const sameLine = (a: Box, b: Box) =>
  a.y <= b.y + b.height / 2 && b.y + b.height / 2 <= bottom(a) && b.y <= a.y + a.height / 2 && a.y + a.height / 2 <= bottom(b);

async function header(page: Page) {
  const bar = page.locator('.site-header-bar');
  return {
    header: page.locator('.site-header'),
    name: await box(bar.locator('.site-name')),
    links: await Promise.all((await bar.locator('nav li a').all()).map(box)),
    field: await box(bar.locator('#site-search-input')),
    hint: await box(bar.locator('.shortcut-hint')),
    button: await box(bar.getByRole('button', { name: 'Search' })),
  };
}

async function shoot(width: string, locator: Locator) {
  const image = await locator.screenshot();
  await test.info().attach(`header-${width}.png`, { body: image, contentType: 'image/png' });
  if (process.env.UPDATE_SCREENSHOTS) {
    mkdirSync('docs/screenshots', { recursive: true });
    await locator.screenshot({ path: `docs/screenshots/header-${width}.png` });
  }
}

function expectHintInsideField(hint: Box, field: Box, button: Box) {
  expect(hint.x).toBeGreaterThanOrEqual(field.x + 2);
  expect(right(hint)).toBeLessThanOrEqual(right(field) - 2);
  expect(hint.y).toBeGreaterThanOrEqual(field.y);
  expect(bottom(hint)).toBeLessThanOrEqual(bottom(field));
  expect(right(hint)).toBeLessThan(button.x);
}

test('on a desktop the name, the sections and the search box share one line, the hint inside the field', async ({ page, site }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(site.href(documentPath('harbour-bridge-reopens')));
  const { header: element, name, links, field, hint, button } = await header(page);
  for (const other of [...links, field, button]) expect(sameLine(name, other)).toBe(true);
  expect(links.every((link, index) => index === 0 || link.x > right(links[index - 1] as Box))).toBe(true);
  expect(field.x).toBeGreaterThan(right(links.at(-1) as Box));
  expectHintInsideField(hint, field, button);
  expect((await box(element)).height).toBeLessThan(80);
  await shoot('desktop', element);
});

test('on a tablet the search box takes the line below the sections', async ({ page, site }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await page.goto(site.href(documentPath('harbour-bridge-reopens')));
  const { header: element, name, links, field, hint, button } = await header(page);
  for (const link of links) expect(sameLine(name, link)).toBe(true);
  expect(field.y).toBeGreaterThan(bottom(name));
  expect(sameLine(field, button)).toBe(true);
  expectHintInsideField(hint, field, button);
  await shoot('tablet', element);
});

test('on a phone the name, the sections and the search box stack, nothing wider than the screen', async ({ page, site }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(site.href(documentPath('harbour-bridge-reopens')));
  const { header: element, name, links, field, hint, button } = await header(page);
  for (const link of links) {
    expect(link.y).toBeGreaterThanOrEqual(bottom(name));
    expect(link.height).toBeGreaterThanOrEqual(24);
    expect(right(link)).toBeLessThanOrEqual(390);
  }
  expect(field.y).toBeGreaterThanOrEqual(Math.max(...links.map(bottom)));
  expectHintInsideField(hint, field, button);
  expect(right(button)).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot('phone', element);
});

test('the hint gives way to what is typed', async ({ page, site }) => {
  await page.goto(site.href('/'));
  await expect(page.locator('.site-header .shortcut-hint')).toBeVisible();
  await page.locator('#site-search-input').fill('Cucaj');
  await expect(page.locator('.site-header .shortcut-hint')).toBeHidden();
});
