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

/** Every page at a desktop and a phone width, one page load each; on the base-path build one width is enough. */
for (const path of fixturePages) {
  test(`${path} reads fully without JavaScript, at desktop and phone widths`, async ({ page, site }) => {
    await page.goto(site.href(path));
    await expect(page.locator('main')).not.toBeEmpty();
    const found: Record<number, string[]> = {};
    for (const width of site.name === 'fixture' ? [1280, 375] : [1280]) {
      await page.setViewportSize({ width, height: 800 });
      const widthProblems = await problems(page);
      if (widthProblems.length > 0) found[width] = widthProblems;
    }
    expect(found).toEqual({});
  });
}

test('the gate fails on a page that needs JavaScript', async ({ page, site }) => {
  test.skip(site.name !== 'fixture', 'a proof of the gate itself, made once');
  await page.setContent(readFileSync('tests/fixtures/gates/needs-javascript.html', 'utf8'));
  expect(await problems(page)).toEqual(['hidden paragraph p2', 'mention without a link: mention', 'note reference to missing #fn-x']);
});
