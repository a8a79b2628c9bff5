import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, fixturePages, test } from '../site.ts';

/** WCAG 2.2 AA and everything below it. */
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const variants = [
  { name: 'light, desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark, desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light, phone', colorScheme: 'light', viewport: { width: 375, height: 740 } },
  { name: 'dark, phone', colorScheme: 'dark', viewport: { width: 375, height: 740 } },
] as const;

/**
 * Every page in every variant, one page load each: the theme and the width
 * change in place, and axe reads the page as the browser then lays it out.
 * On the base-path build one variant is enough: colours and widths do not
 * depend on the base path.
 */
for (const path of fixturePages) {
  test(`axe, WCAG 2.2 AA: ${path} has no violations in light and dark themes, at desktop and phone widths`, async ({ page, site }) => {
    await page.goto(site.href(path));
    const found: Record<string, string[]> = {};
    for (const variant of site.name === 'fixture' ? variants : variants.slice(0, 1)) {
      await page.emulateMedia({ colorScheme: variant.colorScheme });
      await page.setViewportSize(variant.viewport);
      const variantViolations = await violations(page);
      if (variantViolations.length > 0) found[variant.name] = variantViolations;
    }
    expect(found).toEqual({});
  });
}

for (const variant of variants) {
  test.describe(`axe, WCAG 2.2 AA, ${variant.name}`, () => {
    test.use({ colorScheme: variant.colorScheme, viewport: variant.viewport });
    test.skip(
      ({ site }) => site.name !== 'fixture' && variant !== variants[0],
      'colours and widths do not depend on the base path: one variant is enough there',
    );

    test('with a preview card, the Cite dialog and search results open', async ({ page, site }) => {
      await page.goto(site.href('/documents/harbour-bridge-reopens/'));
      await page.locator('#p5 a.mention').first().focus();
      await expect(page.locator('#mention-card')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Cite this document' }).click();
      await expect(page.locator('#cite-dialog .copy-button').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto(site.href('/search/?q=police&type=People'));
      await expect(page.locator('#search-results li').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test('keyboard: the first Tab reaches the skip link, which moves focus to the content', async ({ page, site }) => {
  await page.goto(site.href('/glossary/'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('keyboard: focus is always visible', async ({ page, site }) => {
  await page.goto(site.href('/documents/council-answers-questions/'));
  for (let step = 0; step < 12; step += 1) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { tag: element.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.outline, `${outline.tag} at step ${step}`).not.toBe('none');
  }
});

test('the gate fails on an inaccessible page', async ({ page, site }) => {
  test.skip(site.name !== 'fixture', 'a proof of the gate itself, made once');
  await page.setContent(readFileSync('tests/fixtures/gates/inaccessible.html', 'utf8'));
  const found = (await violations(page)).map((violation) => violation.split(':')[0]);
  expect(found).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast', 'button-name', 'link-name']));
});
