import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the built renderer in Debian's Chromium against the real backend (browser
 * harness). Never `npx playwright install`: it downloads a browser, which fails here.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Two cores, two workers. Every test has its own data folder, harness and keychain name (see
  // fixtures.ts), so the tests of one file may run in both workers: a file of seven tests no longer
  // keeps one worker busy while the other has nothing left to do.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
