import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './tests/e2e/chromium.ts';
import { sites, type SiteName } from './tests/e2e/sites.ts';

/**
 * Three sites, three projects (tests/e2e/sites.ts):
 * - fixture: the small fixture corpus (tests/fixtures/site), built fresh; every behaviour test and gate;
 * - fixture-base: the same corpus built to be served under /corpus/, with the headers of its _headers file, as Netlify or
 *   Cloudflare Pages serve it; the gates, the publishing tests (feeds, sitemap, robots.txt, headers), the search excerpts and
 *   a reading, search and citation path;
 * - corpus: the published corpus as `npm run build` left it in dist/; a content smoke test only.
 */
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: chromiumPath ? { executablePath: chromiumPath, args: chromiumFlags } : {},
};

function project(siteName: SiteName, files: { testMatch?: string[]; testIgnore?: string[] }) {
  return { name: siteName, ...files, use: { ...browser, baseURL: sites[siteName].url, siteName } };
}

/** Specs that run against the published corpus (the views need its dated events and located places); everything else runs against fixtures. */
const contentSpecs = ['content-smoke.spec.ts', 'views.spec.ts'];
/** What must also hold under a base path and the recommended headers. */
const baseSpecs = ['gates/**/*.spec.ts', 'base-path.spec.ts', 'publishing.spec.ts', 'search-excerpts.spec.ts'];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Generous, for a loaded machine: these only stop a test that hangs, and nothing here asserts on time.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    project('fixture', { testIgnore: [...contentSpecs, 'base-path.spec.ts'] }),
    project('fixture-base', { testMatch: baseSpecs, testIgnore: ['gates/lighthouse.spec.ts', 'gates/budgets.spec.ts'] }),
    project('corpus', { testMatch: contentSpecs }),
  ],
  // Each server builds its site first (through npm, so that the project's own Node runs it): the fixture sites every run,
  // the published corpus only when dist/ is missing, since `npm test` has just built it. A server already listening is
  // reused only with E2E_REUSE_SERVERS=1 (then nothing is rebuilt), so that a stale build is never tested by accident.
  webServer: [
    { name: 'fixture', command: 'npm run preview:e2e -- fixture --build', url: sites.fixture.url },
    { name: 'fixture-base', command: 'npm run preview:e2e -- fixture-base --build', url: sites['fixture-base'].url },
    { name: 'corpus', command: 'npm run preview:e2e -- corpus --build-if-missing', url: sites.corpus.url },
  ].map((server) => ({ ...server, reuseExistingServer: process.env.E2E_REUSE_SERVERS === '1', timeout: 600_000 })),
});
