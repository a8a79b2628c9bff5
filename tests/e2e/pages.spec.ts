import { expect, test } from '@playwright/test';
import { builtPages } from './site.ts';

const pages = builtPages();

test('the build has a home page, both documents, the glossary and a 404 page', () => {
  expect(pages).toEqual(
    expect.arrayContaining([
      '/',
      '/404.html',
      '/documents/mek-has-not-respected-the-2014-agreement/',
      '/documents/us-state-department-reacts/',
      '/glossary/',
      '/glossary/mek/',
    ]),
  );
});

for (const path of pages) {
  test(`${path} loads with no console errors and every internal link resolves`, async ({ page, request, baseURL }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(path);
    expect(response?.ok()).toBe(true);
    await expect(page.locator('h1')).toHaveCount(1);

    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const internal = [...new Set(hrefs.filter((href) => href.startsWith(baseURL ?? '')))];
    const idsByPage = new Map<string, Set<string>>();
    for (const href of internal) {
      const url = new URL(href);
      let ids = idsByPage.get(url.pathname);
      if (!ids) {
        const target = await request.get(url.pathname);
        expect(target.status(), `${path} links to ${url.pathname}`).toBe(200);
        const html = await target.text();
        ids = new Set([...html.matchAll(/\sid="([^"]+)"/gu)].map((match) => match[1] ?? ''));
        idsByPage.set(url.pathname, ids);
      }
      if (url.hash) expect(ids.has(decodeURIComponent(url.hash.slice(1))), `${path} links to ${href}`).toBe(true);
    }
    expect(errors).toEqual([]);
  });
}

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/documents/no-such-document/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});
