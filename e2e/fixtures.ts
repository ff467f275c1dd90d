/**
 * Each test gets its own data folder, its own keychain service name and its own harness (the
 * real backend), and a page that is open on the app once it says it is ready. Tests wait on app
 * state, never on sleeps.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type Harness, type HarnessOptions } from './harness/server';
import { REPO_ROOT } from './harness/paths';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e/artifacts');

interface Fixtures {
  /** Options of the harness (a spec sets them with `test.use`), e.g. a slower sandbox. */
  harnessOptions: Partial<Omit<HarnessOptions, 'dataDir'>>;
  dataDir: string;
  harness: Harness;
  app: Page;
}

export const test = base.extend<Fixtures>({
  harnessOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir, harnessOptions }, use, testInfo) => {
    // Workers share one throwaway keyring: each test keeps its entries under a name of its own,
    // so no worker ever sees (or deletes) another's.
    const keychainService = `Admin Desk e2e w${testInfo.workerIndex} ${crypto.randomUUID()}`;
    const harness = await startHarness({
      ...harnessOptions,
      backend: { keychainService, ...harnessOptions.backend },
      dataDir,
    });
    await use(harness);
    const { db, vault } = harness.backend.services;
    for (const id of db.prepare('SELECT id FROM instances').pluck().all() as string[]) {
      await vault.deleteInstance(id).catch(() => 0);
    }
    await harness.close();
  },
  app: async ({ page, harness }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(harness.url);
    await waitForApp(page);
    await use(page);
    // A CSP violation or an uncaught error fails the test that caused it.
    expect(errors, 'errors in the browser console').toEqual([]);
  },
});

export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
}

/** Saves a screenshot as a kept artifact (e2e/artifacts/<name>.png). */
export async function snapshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export { expect };
