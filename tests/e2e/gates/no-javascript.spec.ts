import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, fixturePages, test } from '../site.ts';

test.use({ javaScriptEnabled: false });

/**
 * What must hold with JavaScript off: every paragraph of source text is
 * visible, every mention is a link, and every note reference leads to a note
 * that is shown once the reference is followed.
 */
async function problems(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const paragraph of await page.locator('.para').all()) {
    if (!(await paragraph.isVisible())) found.push(`hidden paragraph ${(await paragraph.getAttribute('id')) ?? '?'}`);
  }
  const mentions = await page
    .locator('[data-entry]')
    .evaluateAll((elements) =>
      elements.filter((element) => !(element instanceof HTMLAnchorElement && element.getAttribute('href'))).map((element) => element.textContent ?? ''),
    );
  found.push(...mentions.map((text) => `mention without a link: ${text}`));
  for (const reference of await page.locator('[data-footnote-ref]').all()) {
    const target = decodeURIComponent(((await reference.getAttribute('href')) ?? '').slice(1));
    if (!target || (await page.locator(`[id="${target}"]`).count()) === 0) {
      found.push(`note reference to missing #${target}`);
      continue;
    }
    await reference.click();
    if (!(await page.locator(`[id="${target}"]`).isVisible())) found.push(`note #${target} stays hidden when its reference is followed`);
  }
  return found;
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    test.skip(({ site }) => site.name !== 'fixture' && width !== 1280, 'widths do not depend on the base path: one is enough there');

    for (const path of fixturePages) {
      test(`${path} reads fully without JavaScript`, async ({ page, site }) => {
        await page.goto(site.href(path));
        await expect(page.locator('main')).not.toBeEmpty();
        expect(await problems(page)).toEqual([]);
      });
    }
  });
}

test('the gate fails on a page that needs JavaScript', async ({ page, site }) => {
  test.skip(site.name !== 'fixture', 'a proof of the gate itself, made once');
  await page.setContent(readFileSync('tests/fixtures/gates/needs-javascript.html', 'utf8'));
  expect(await problems(page)).toEqual(['hidden paragraph p2', 'mention without a link: mention', 'note reference to missing #fn-x']);
});
