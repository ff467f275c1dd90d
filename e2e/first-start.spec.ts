/**
 * First start on a machine without any Secret Service: `npm start` (its browser fallback) runs
 * in an environment whose D-Bus session bus points nowhere, so the OS keychain is unavailable.
 * The Connect screen explains how to start a keyring; "Explore with the sandbox instance" still
 * works (its credentials are made up); a sync fills the People list. The suite itself runs in a
 * throwaway keyring, so this spec starts its own process with that keyring taken away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { snapshot, waitForApp } from './fixtures';
import { REPO_ROOT } from './harness/paths';

test.describe.configure({ timeout: 240_000 });

const PEOPLE = 300;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `npm start` with no keychain, no Electron; answers once it prints where to open it. */
async function startWithoutKeychain(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ADMIN_DESK_REQUIRE_KEYCHAIN;
  delete env.ADMIN_DESK_KEYCHAIN_SERVICE;
  delete env.DISPLAY;
  // Nowhere: without this libdbus would fall back to $XDG_RUNTIME_DIR/bus.
  env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(dataDir, 'no-bus-here')}`;
  env.ADMIN_DESK_BROWSER = electronInstalled() ? '1' : '';
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/start.mjs'), '--no-build', '--data', dataDir, '--port', '0'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not open in time:\n${out}`)), 90_000);
    const look = () => {
      const m = /Open: (http\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', look);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
  });
  return { child, url, output: () => out };
}

function electronInstalled(): boolean {
  try {
    const name = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/electron/path.txt'), 'utf8').trim();
    return fs.existsSync(path.join(REPO_ROOT, 'node_modules/electron/dist', name));
  } catch {
    return false;
  }
}

let dataDir = '';
let started: Started | undefined;
test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-first-start-'));
  // A smaller sandbox than the default 1,000 people: the same code, a quicker sync.
  fs.writeFileSync(path.join(dataDir, 'sandbox-options.json'), JSON.stringify({ people: PEOPLE }));
});
test.afterEach(async () => {
  if (started?.child.pid && started.child.exitCode === null) {
    const exited = new Promise((r) => started!.child.once('exit', r));
    process.kill(-started.child.pid, 'SIGTERM');
    await exited;
  }
  started = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('without any keychain: explores the sandbox to a synced People list', async ({ page }) => {
  started = await startWithoutKeychain(dataDir);
  // The fallback says so in plain lines, with no stack trace.
  expect(started.output()).not.toMatch(/TypeError|^\s+at /m);

  await page.goto(`${started.url}#/connect`);
  await waitForApp(page);
  const notice = page.getByTestId('vault-unavailable');
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('keyring-help')).toContainText('gnome-keyring-daemon --unlock --components=secrets');
  await expect(notice).toContainText('dbus-run-session');
  const explore = page.getByRole('button', { name: 'Explore with the sandbox instance' });
  await expect(explore).toBeEnabled();
  await snapshot(page, 'first-start-no-keychain');

  await explore.click();
  await expect(page.getByTestId('explore-progress')).toBeHidden({ timeout: 120_000 });
  await expect(page.getByText(/\d+ of \d+ functions working/).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The sandbox did not start' })).toHaveCount(0);
  await snapshot(page, 'first-start-sandbox-connected');
  // Connect edits the connection; the instance list is managed in Settings, which links back.
  await page.getByTestId('connect-to-settings').click();
  await expect(page.getByTestId('settings-to-connect')).toBeVisible();

  await page.goto(`${started.url}#/people`);
  await page.getByTestId('sync-now').click();
  const dialog = page.getByRole('dialog', { name: /^Sync / });
  await dialog.getByTestId('sync-confirm').click();
  await expect(dialog.getByTestId('sync-result')).toHaveAttribute('data-state', 'succeeded', { timeout: 120_000 });
  await snapshot(page, 'first-start-sync-summary');
  await dialog.getByTestId('sync-close').click();
  const table = page.getByTestId('people-table');
  await expect(table).toHaveAttribute('data-total', String(PEOPLE));
  await expect(table.getByTestId('person-row').first()).toBeVisible();
  await snapshot(page, 'first-start-people');
  // Home ticks the first three steps, Sync among them.
  await page.goto(`${started.url}#/`);
  const steps = page.getByTestId('getting-started');
  await expect(steps).toContainText('A local copy to work on offline (done)');
  await expect(steps).toContainText('or the built-in sandbox (done)');
  await snapshot(page, 'first-start-home-checklist');
  // The keychain really was absent the whole time.
  await page.goto(`${started.url}#/connect`);
  await expect(page.getByTestId('vault-unavailable')).toBeVisible();
});
