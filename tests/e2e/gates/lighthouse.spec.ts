import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromiumFlags, chromiumPath } from '../chromium.ts';
import { expect, test } from '../site.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Scores = Record<(typeof categories)[number], number>;
/**
 * What the gate holds to 95. Performance is reported, not asserted: its score
 * is timing, which a busy machine lowers (74 once, for a page that had not
 * changed); what makes a page fast is held to exact budgets in budgets.spec.ts.
 */
const gated = ['accessibility', 'best-practices', 'seo'] as const;

/** Lighthouse's default (mobile, simulated throttling) scores for a URL, as whole percentages. */
async function audit(url: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags });
  try {
    // Generous waits for a busy machine: how long a page takes is no part of what the gate asserts.
    const flags = {
      port: chrome.port,
      output: 'json' as const,
      logLevel: 'error' as const,
      onlyCategories: [...categories],
      maxWaitForFcp: 120_000,
      maxWaitForLoad: 180_000,
    };
    const result = await lighthouse(url, flags);
    if (result?.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
    const found = result?.lhr.categories ?? {};
    return Object.fromEntries(categories.map((category) => [category, Math.round((found[category]?.score ?? 0) * 100)])) as Scores;
  } finally {
    chrome.kill();
  }
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(420_000);

const pages = {
  home: '/',
  document: '/documents/harbour-bridge-reopens/',
  glossary: '/glossary/arber-cucaj/',
  search: '/search/',
};

for (const [kind, path] of Object.entries(pages)) {
  test(`Lighthouse scores the ${kind} page at least 95 in accessibility, best practices and SEO, and reports its performance`, async ({ site }) => {
    const scores = await audit(new URL(site.href(path), site.url).href);
    test.info().annotations.push({ type: 'lighthouse', description: `${kind}: ${JSON.stringify(scores)}` });
    console.log(`lighthouse ${kind} ${JSON.stringify(scores)} (performance is a figure, not a gate)`);
    for (const category of gated) expect(scores[category], `${kind} ${category}`).toBeGreaterThanOrEqual(95);
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
