import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './tests/e2e/chromium.ts';
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumPath
          ? { executablePath: chromiumPath, args: chromiumFlags }
          : {},
      },
    },
  ],
  webServer: {
    // Through npm so that the project's own Node runs the server.
    command: `npm run preview -- --port ${port}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
