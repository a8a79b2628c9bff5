import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './chromium.ts';
import { type SiteName, sites } from './sites.ts';

/**
 * The fixture corpus built under /corpus/ and served as Netlify or Cloudflare
 * Pages serve it, with the response headers of its _headers file
 * (tests/e2e/static-host.ts): the publishing tests, the header, the clean
 * search excerpts, the reading, search and citation paths (base-path.spec.ts)
 * and the quality gates, all under the recommended headers.
 *
 *   npx playwright test -c tests/e2e/publishing.config.ts
 *
 * It serves on the fixture-base site's port (tests/e2e/sites.ts): run it when
 * the main configuration's servers are not running, or set E2E_PORT for both.
 * UPDATE_SCREENSHOTS=1 rewrites docs/screenshots/header-*.png.
 */
const site = sites['fixture-base'];

export default defineConfig<object, { siteName: SiteName }>({
  testDir: '.',
  testMatch: ['publishing.spec.ts', 'header.spec.ts', 'search-excerpts.spec.ts', 'base-path.spec.ts', 'gates/**/*.spec.ts'],
  // As in playwright.config.ts: Lighthouse and the byte budgets run on the site at the root only.
  testIgnore: ['gates/lighthouse.spec.ts', 'gates/budgets.spec.ts'],
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/publishing',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'published',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumPath ? { executablePath: chromiumPath, args: chromiumFlags } : {},
        baseURL: site.url,
        siteName: 'fixture-base',
      },
    },
  ],
  webServer: {
    name: 'published',
    command: 'npx node tests/e2e/static-host.ts fixture-base --build',
    // The project's root, where the build and the site folders are.
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    url: site.url,
    reuseExistingServer: process.env.E2E_REUSE_SERVERS === '1',
    timeout: 600_000,
  },
});
