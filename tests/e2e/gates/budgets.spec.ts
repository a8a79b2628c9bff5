import type { Page, Request } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { serveSite } from '../sites.ts';
import { expect, test } from '../site.ts';

/**
 * Performance as budgets a busy machine cannot change: the bytes each kind of
 * page transfers (gzipped, as served; tests/e2e/sites.ts) before any
 * interaction, by kind of resource, and the number of requests, counted from
 * the browser's own network events; and no script that blocks rendering.
 * Nothing here measures time. Budgets are for the fixture site
 * (tests/fixtures/site), in round figures with room above today's, which each
 * test reports (December 2026: CSS 3.5 KB, document JS 5 KB, search page 17 KB
 * of JS and 59 KB of Pagefind); raise one only for a reason you can name.
 */
interface Weight {
  html: number;
  css: number;
  js: number;
  /** Everything else: JSON, WebAssembly, Pagefind's index, images, fonts. */
  other: number;
  requests: number;
}

type Budget = Weight;

const kB = 1024;

const homeBudget: Budget = { html: 4 * kB, css: 8 * kB, js: 2 * kB, other: 0, requests: 5 };

/**
 * A first search, to its results: whenever the page loads Pagefind (at once,
 * or when the reader starts typing), what a search costs is only known when
 * its results are shown.
 */
async function searchForAName(page: Page): Promise<void> {
  await page.getByLabel('Search the documents and the glossary').fill('Rrapaj');
  await expect(page.locator('#search-status')).toHaveText(/results? for “Rrapaj”/u);
}

/** Reading pages load no fonts, images or data: `other` is 0 but for search. */
const pageBudgets: Record<string, { path: string; budget: Budget; interaction?: (page: Page) => Promise<void> }> = {
  'home page': { path: '/', budget: homeBudget },
  'document page': { path: '/documents/harbour-bridge-reopens/', budget: { html: 10 * kB, css: 8 * kB, js: 8 * kB, other: 0, requests: 12 } },
  'glossary entry page': { path: '/glossary/arber-cucaj/', budget: { html: 5 * kB, css: 8 * kB, js: 2 * kB, other: 0, requests: 6 } },
  'glossary index': { path: '/glossary/', budget: { html: 5 * kB, css: 8 * kB, js: 3 * kB, other: 0, requests: 6 } },
  'comparison page': { path: '/compare/two-reports-of-the-reopening/', budget: { html: 4 * kB, css: 8 * kB, js: 2 * kB, other: 0, requests: 5 } },
  // With Pagefind's script, WebAssembly, index chunks and the results' fragments.
  'search page, to the results of a first search': {
    path: '/search/',
    budget: { html: 3 * kB, css: 8 * kB, js: 24 * kB, other: 80 * kB, requests: 24 },
    interaction: searchForAName,
  },
};

/**
 * Records every request from now on, and returns what they transferred once
 * `settle` has run and no request is still open. The favicon is left out:
 * the browser fetches it whenever it pleases.
 */
function recordTraffic(page: Page): (settle: () => Promise<void>) => Promise<Weight> {
  const started: Request[] = [];
  const open = new Set<Request>();
  page.on('request', (request) => {
    if (/\/favicon\.(svg|ico)$/u.test(new URL(request.url()).pathname)) return;
    started.push(request);
    open.add(request);
  });
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return async (settle) => {
    await settle();
    await expect.poll(() => open.size, { message: 'requests still open' }).toBe(0);
    const weight: Weight = { html: 0, css: 0, js: 0, other: 0, requests: started.length };
    for (const request of started) {
      const { responseBodySize } = await request.sizes();
      const kind = { document: 'html', stylesheet: 'css', script: 'js' }[request.resourceType()] ?? 'other';
      weight[kind as keyof Weight] += responseBodySize;
    }
    return weight;
  };
}

/** Scripts that hold up the first render: classic scripts without defer or async, as the browser itself classifies them. */
async function renderBlockingScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
      .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
      .filter((entry) => entry.renderBlockingStatus === 'blocking')
      .map((entry) => entry.name),
  );
}

/** The figures over their budget. */
function overBudget(weight: Weight, budget: Budget): (keyof Weight)[] {
  return (Object.keys(budget) as (keyof Weight)[]).filter((key) => weight[key] > budget[key]);
}

async function loadWeight(page: Page, url: string, interaction?: (page: Page) => Promise<void>): Promise<{ weight: Weight; blocking: string[] }> {
  const traffic = recordTraffic(page);
  const weight = await traffic(async () => {
    await page.goto(url, { waitUntil: 'load' });
    await interaction?.(page);
  });
  return { weight, blocking: await renderBlockingScripts(page) };
}

function report(name: string, weight: Weight): void {
  const figures = `${name}: ${JSON.stringify(weight)}`;
  test.info().annotations.push({ type: 'page weight (bytes transferred)', description: figures });
  console.log(`budget ${figures}`);
}

for (const [kind, { path, budget, interaction }] of Object.entries(pageBudgets)) {
  test(`the ${kind} keeps to its byte and request budget, with no render-blocking script`, async ({ page, site }) => {
    const { weight, blocking } = await loadWeight(page, site.href(path), interaction);
    report(kind, weight);
    expect(blocking).toEqual([]);
    expect(overBudget(weight, budget), `${JSON.stringify(weight)} against ${JSON.stringify(budget)}`).toEqual([]);
  });
}

test('the gate fails on a page over budget, with a render-blocking script', async ({ page, site }) => {
  test.skip(site.name !== 'fixture', 'a proof of the gate itself, made once');
  const server = await serveSite({ outDir: 'tests/fixtures/gates/over-budget', url: 'http://localhost:0/', headers: false });
  try {
    const { port } = server.address() as AddressInfo;
    const { weight, blocking } = await loadWeight(page, `http://localhost:${port}/`);
    expect(blocking).toEqual([`http://localhost:${port}/blocking.js`]);
    expect(overBudget(weight, homeBudget)).toEqual(['html', 'js', 'requests']);
  } finally {
    server.close();
  }
});
