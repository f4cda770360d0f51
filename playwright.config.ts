import { defineConfig } from '@playwright/test';

// Debian's Chromium (or PLAYWRIGHT_CHROMIUM), never a downloaded browser; scripts/ensure-chromium.sh
// checks for it first. Each spec file gets its own back end
// (e2e/fixtures.ts), which serves the SPA built by `npm run test:e2e` from dist/.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 6_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
