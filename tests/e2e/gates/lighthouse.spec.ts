import { expect, test } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromiumFlags, chromiumPath } from '../chromium.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Scores = Record<(typeof categories)[number], number>;

/** Lighthouse's default (mobile, simulated throttling) scores for a URL, as whole percentages. */
async function audit(url: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    const found = result?.lhr.categories ?? {};
    return Object.fromEntries(categories.map((category) => [category, Math.round((found[category]?.score ?? 0) * 100)])) as Scores;
  } finally {
    chrome.kill();
  }
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const pages = {
  home: '/',
  document: '/documents/mek-has-not-respected-the-2014-agreement/',
  glossary: '/glossary/bledi-cuci/',
  search: '/search/',
};

for (const [kind, path] of Object.entries(pages)) {
  test(`Lighthouse scores the ${kind} page at least 95 in every category`, async ({ baseURL }) => {
    const scores = await audit(`${baseURL}${path}`);
    test.info().annotations.push({ type: 'lighthouse', description: `${kind}: ${JSON.stringify(scores)}` });
    console.log(`lighthouse ${kind} ${JSON.stringify(scores)}`);
    for (const category of categories) expect(scores[category], `${kind} ${category}`).toBeGreaterThanOrEqual(95);
  });
}

test('the gate fails on a page without language, title text alternatives or contrast', async () => {
  const fixtures = 'tests/fixtures/gates';
  const server: Server = createServer((request, response) => {
    response.setHeader('Content-Type', request.url?.endsWith('.svg') ? 'image/svg+xml' : 'text/html');
    createReadStream(join(fixtures, request.url === '/favicon.svg' ? '../../../public/favicon.svg' : 'inaccessible.html')).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const scores = await audit(`http://127.0.0.1:${port}/inaccessible.html`);
    expect(scores.accessibility).toBeLessThan(95);
    expect(scores.seo).toBeLessThan(95);
  } finally {
    server.close();
  }
});
