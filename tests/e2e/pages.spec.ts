import { expect, fixturePages, test } from './site.ts';

test('the build has a home page, every document, the glossary, the moved document and a 404 page', ({ site }) => {
  // The gates visit the fixture site's pages on both fixture builds: they must be the same.
  expect(site.pages()).toEqual(fixturePages);
  expect(site.pages()).toEqual(
    expect.arrayContaining([
      '/',
      '/404.html',
      '/documents/harbour-bridge-reopens/',
      '/documents/council-answers-questions/',
      '/documents/bridge-closure-notice/',
      '/compare/two-reports-of-the-reopening/',
      '/glossary/',
      '/glossary/arber-cucaj/',
      '/search/',
    ]),
  );
});

for (const path of fixturePages) {
  test(`${path} loads with no console errors, and every link and #anchor on it resolves under the base path`, async ({ page, request, site }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(site.href(path));
    expect(response?.status()).toBe(200);
    // The links of the page as served (a moved document's page goes on to where it moved in the browser).
    const served = await request.get(site.href(path));
    const html = await served.text();
    expect(html.match(/<h1[\s>]/gu) ?? []).toHaveLength(1);
    const origin = new URL(site.url).origin;
    const links = [...html.matchAll(/\shref="([^"]*)"/gu)].map((match) => new URL((match[1] ?? '').replaceAll('&amp;', '&'), served.url()));
    const idsByPage = new Map<string, Set<string>>();
    for (const url of links.filter((link) => link.origin === origin)) {
      expect(url.pathname.startsWith(site.base), `${path} links to ${url.pathname}, outside the base path ${site.base}`).toBe(true);
      let ids = idsByPage.get(url.pathname);
      if (!ids) {
        const target = await request.get(url.pathname);
        expect(target.status(), `${path} links to ${url.pathname}`).toBe(200);
        ids = new Set([...(await target.text()).matchAll(/\sid="([^"]+)"/gu)].map((match) => match[1] ?? ''));
        idsByPage.set(url.pathname, ids);
      }
      if (url.hash) expect(ids.has(decodeURIComponent(url.hash.slice(1))), `${path} links to ${url.href}`).toBe(true);
    }
    await page.waitForLoadState('load');
    expect(errors).toEqual([]);
  });
}

test('an unknown address gets the 404 page', async ({ page, site }) => {
  const response = await page.goto(site.href('/documents/no-such-document/'));
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});
