import type { Page } from '@playwright/test';
import robotsParser from 'robots-parser';
import { correctionsFeedPath, documentPath, documentsFeedPath, headersFilePath, robotsPath, sitemapPath } from '../../src/routes.ts';
import { formatDate } from '../../src/site/format.ts';
import { immutableCaching, parsePolicy, readPageHead } from '../../src/site/security-headers.ts';
import { atomEntries, atomProblems, sitemapIndexProblems, sitemapLocations, sitemapXsd, wellFormednessErrors, xsdErrors } from '../support/xml-validators.ts';
import { expect, fixtureCorpus, test } from './site.ts';
import { sites } from './sites.ts';

/**
 * Being found and followed (sitemap, robots.txt, the two Atom feeds) on any
 * host, and, on a host that sends the headers of the build's _headers file
 * (the fixture-base site of tests/e2e/sites.ts), the headers themselves: the pages' own policy with frame-ancestors, nosniff, a
 * referrer policy, and immutable caching for hashed files only.
 */

const ledger = documentPath('harbour-bridge-reopens');

test('every page announces both feeds in its head', ({ site }) => {
  const missing = site.pages().filter((path) => {
    const html = site.html(path);
    return ![documentsFeedPath, correctionsFeedPath].every(
      (feed) => html.includes(`<link rel="alternate" type="application/atom+xml"`) && html.includes(`href="${site.href(feed)}"`),
    );
  });
  expect(missing).toEqual([]);
});

test('the documents feed is valid Atom: every document newest first, at its permanent URL, with its outlet, date and summary', async ({ request, site }) => {
  const response = await request.get(site.href(documentsFeedPath));
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  expect(await wellFormednessErrors(xml)).toEqual([]);
  expect(atomProblems(xml)).toEqual([]);
  const documents = [...fixtureCorpus.model.documents].sort((a, b) => b.meta.published.localeCompare(a.meta.published));
  const entries = atomEntries(xml);
  expect(entries.map((entry) => entry.id)).toEqual(documents.map((document) => site.permanentUrl(documentPath(document.slug))));
  entries.forEach((entry, index) => {
    const { meta } = documents[index] ?? { meta: undefined };
    expect(entry.title).toBe(meta?.title);
    expect(entry.published).toBe(`${meta?.published}T00:00:00.000Z`);
    expect(entry.summary.startsWith(`${meta?.publisher}, ${formatDate(meta?.published ?? '')}`), entry.summary).toBe(true);
    expect(entry.categories).toEqual([meta?.publisher]);
  });
  expect(xml).toContain(`<link rel="self" href="${site.permanentUrl(documentsFeedPath)}"/>`);
});

test('the corrections feed is valid Atom with every correction of the corpus', async ({ request, site }) => {
  const xml = await (await request.get(site.href(correctionsFeedPath))).text();
  expect(await wellFormednessErrors(xml)).toEqual([]);
  expect(atomProblems(xml)).toEqual([]);
  expect(atomEntries(xml)).toHaveLength(fixtureCorpus.model.corrections.length);
  expect(xml).toContain(`<link rel="self" href="${site.permanentUrl(correctionsFeedPath)}"/>`);
});

test('the sitemap lists every page that may be indexed, at its permanent URL, and validates against the sitemaps.org schema', async ({ request, site }) => {
  const index = await (await request.get(site.href(sitemapPath))).text();
  expect(sitemapIndexProblems(index)).toEqual([]);
  const sitemaps = sitemapLocations(index);
  expect(sitemaps).toEqual([site.permanentUrl('/sitemap-0.xml')]);
  const sitemap = await (await request.get(sitemaps[0] ?? '')).text();
  expect(await xsdErrors(sitemap, sitemapXsd)).toEqual([]);
  const indexable = site.pages().filter((path) => path !== '/404.html' && !readPageHead(site.html(path)).noindex);
  expect(indexable).toContain(ledger);
  expect(indexable).not.toContain('/documents/bridge-closure-notice/');
  expect(sitemapLocations(sitemap).sort()).toEqual(indexable.map((path) => site.permanentUrl(path)).sort());
});

test('robots.txt lets crawlers read every page and names the sitemap', async ({ request, site }) => {
  const text = await (await request.get(site.href(robotsPath))).text();
  const robots = robotsParser(site.permanentUrl(robotsPath), text);
  expect(robots.getSitemaps()).toEqual([site.permanentUrl(sitemapPath)]);
  for (const path of ['/', ledger, '/search/']) expect(robots.isAllowed(site.permanentUrl(path), 'Googlebot'), path).toBe(true);
});

test.describe('served with the headers of _headers', () => {
  test.beforeEach(({ siteName }, testInfo) => {
    testInfo.skip(!sites[siteName].headers, 'needs a host that sends _headers: the fixture-base site');
  });

  /** Every response a page loads while `act` runs: its URL and headers. */
  async function responses(page: Page, act: () => Promise<void>): Promise<Map<string, Record<string, string>>> {
    const seen = new Map<string, Record<string, string>>();
    page.on('response', (response) => seen.set(response.url(), response.headers()));
    await act();
    return seen;
  }

  test('every response carries the policy its pages carry, with frame-ancestors, and nosniff and a referrer policy', async ({ page, site }) => {
    const seen = await responses(page, async () => {
      await page.goto(site.href(ledger));
      await page.goto(site.href('/search/?q=Cucaj'));
      await expect(page.locator('#search-results li').first()).toBeVisible();
      await page.goto(site.href('/no-such-page/'));
    });
    const pagePolicy = parsePolicy(readPageHead(site.html(ledger)).policy ?? '');
    expect(seen.size).toBeGreaterThan(10);
    for (const [url, headers] of seen) {
      const policy = parsePolicy(headers['content-security-policy'] ?? '');
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      policy.delete('frame-ancestors');
      expect(policy, url).toEqual(pagePolicy);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    }
  });

  test('hashed files are cached for a year, and nothing else is', async ({ page, site }) => {
    const seen = await responses(page, async () => {
      await page.goto(site.href('/search/?q=Cucaj'));
      await expect(page.locator('#search-results li').first()).toBeVisible();
    });
    const hashed = [...seen.keys()].filter((url) => /\/(_astro|pagefind\/(fragment|index|filter))\//u.test(url));
    expect(hashed.some((url) => url.includes('/_astro/'))).toBe(true);
    expect(hashed.some((url) => url.includes('/pagefind/fragment/'))).toBe(true);
    expect(hashed.some((url) => url.includes('/pagefind/index/'))).toBe(true);
    for (const [url, headers] of seen) {
      expect(headers['cache-control'], url).toBe(hashed.includes(url) ? immutableCaching : undefined);
    }
    expect([...seen.keys()]).toContain(site.permanentUrl('/pagefind/pagefind.js'));
  });

  test('a page under the header policy runs its scripts: citing, searching, preview cards, without a violation', async ({ page, site }) => {
    // The citation library is the largest script; on a loaded machine it takes its time.
    test.setTimeout(180_000);
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { violations: string[] }).violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(site.href(ledger));
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('button', { name: 'Cite this document' }).click();
    await expect(page.locator('#cite-dialog .citation-text').first()).toContainText(site.permanentUrl(ledger), { timeout: 90_000 });
    await page.keyboard.press('Escape');
    await page.locator('#p5 a.mention').first().hover();
    await expect(page.locator('#mention-card .mention-card-name')).toHaveText('Arbër Çuçaj');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    await page.goto(site.href('/search/?q=Rrapaj'));
    await expect(page.locator('#search-results li').first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  test('no page can be framed, not even by the site itself', async ({ page, site }) => {
    await page.goto(site.href('/'));
    const blocked = new Promise<string>((resolveBlocked) =>
      page.on('console', (message) => message.text().includes('frame-ancestors') && resolveBlocked(message.text())),
    );
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, site.href(ledger));
    expect(await blocked).toContain("frame-ancestors 'none'");
    expect(await page.locator('iframe').contentFrame().locator('.site-header').count()).toBe(0);
  });

  test('the _headers file itself is not served', async ({ request, site }) => {
    expect((await request.get(site.href(headersFilePath))).status()).toBe(404);
  });
});
