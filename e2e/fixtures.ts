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
import type { Result } from '../src-preload/contract';
import { startHarness, type Harness, type HarnessOptions } from './harness/server';
import { REPO_ROOT } from './harness/paths';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e/artifacts');

/**
 * A failed test prints the backend's warnings and errors (an INTERNAL answer's cause is only in
 * the log, and the data folder is deleted after the test), so a CI run that failed once can be
 * read without reproducing it.
 */
function reportBackendErrors(dataDir: string, title: string): void {
  const file = path.join(dataDir, 'logs', 'app.log');
  if (!fs.existsSync(file)) return;
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /"level":"(warn|error)"/.test(line));
  if (lines.length > 0) console.log(`backend warnings and errors during “${title}”:\n${lines.slice(-20).join('\n')}`);
}

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
  dataDir: async ({}, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-e2e-'));
    await use(dir);
    if (testInfo.status !== testInfo.expectedStatus) reportBackendErrors(dir, testInfo.title);
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

/** The data of a channel's answer, or a thrown error naming its code and message. */
export async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

/** The built-in sandbox connected and synced through the channels; its instance id. */
export async function exploreAndSync(harness: Harness): Promise<string> {
  const b = harness.backend;
  const { instance } = await ok<{ instance: { id: string } }>(b.invoke('sandbox:explore'));
  const job = await ok<{ id: string }>(b.invoke('sync:start', { instanceId: instance.id }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
  return instance.id;
}

/**
 * The open draft plan submitted, approved (a privileged operation through the four-eyes dialog,
 * with `reason` and a second administrator) and applied, waited for until Applied.
 */
export async function approveAndApplyOpenPlan(page: Page, reason: string, timeout = 300_000): Promise<void> {
  await expect(page.getByTestId('plan-state')).toHaveText('Draft');
  await page.getByTestId('submit-plan').click();
  await expect(page.getByTestId('plan-state')).toHaveText('In review');
  await page.getByTestId('approve-plan').click();
  const privileged = page.getByTestId('privileged-approval');
  await expect(page.getByTestId('plan-state').filter({ hasText: 'Approved' }).or(privileged)).toBeVisible();
  if (await privileged.isVisible()) {
    await page.getByTestId('approval-reason').fill(reason);
    await page.getByTestId('second-approver').fill('Bea Second');
    await page.getByTestId('confirm-privileged-approval').click();
  }
  await expect(page.getByTestId('plan-state')).toHaveText('Approved');
  await page.getByTestId('apply-plan').click();
  await page.getByTestId('confirm-apply').click();
  await expect(page.getByTestId('plan-state')).toHaveText('Applied', { timeout });
}

export { expect };
