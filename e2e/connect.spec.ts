/**
 * The Connect screen end to end, against the real backend, the real sandbox and a real Secret
 * Service: the newcomer's one click to a green connection test, and a connection made by pasting
 * the registry the sandbox prints, kept across a reload, then removed with its secrets.
 */
import { expect, snapshot, test, waitForApp } from './fixtures';
import { startHarness, type Harness } from './harness/server';

const harnessInstanceId = (harness: Harness, name = 'Second sandbox') =>
  (harness.backend.services.db.prepare('SELECT id FROM instances WHERE name = ?').get(name) as { id: string }).id;

// The sandbox seeds 1,000 people before the first call: give these tests room.
test.describe.configure({ timeout: 240_000 });

test('newcomer: explore with the sandbox instance, every function answers', async ({ app }) => {
  await expect(app.getByTestId('home-empty')).toBeVisible();
  await snapshot(app, 'home-first-start');
  await app.getByRole('button', { name: 'Explore with the sandbox instance' }).click();
  // While the sandbox seeds, the screen says what is happening (kept only if we catch it).
  await app
    .getByTestId('explore-progress')
    .waitFor({ timeout: 2_000 })
    .then(() => snapshot(app, 'explore-progress'))
    .catch(() => undefined);

  // The Connect screen opens on the sandbox with its test.
  await expect(app.getByTestId('screen-connect')).toBeVisible({ timeout: 120_000 });
  await expect(app.getByTestId('connection-summary')).toContainText('Sandbox (built-in)');
  const results = app.getByTestId('connection-test-results');
  const rows = results.locator('tr[data-status]');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(18);
  await expect(results.locator('tr[data-status="ok"], tr[data-status="accepted"]')).toHaveCount(count);
  await expect(results.locator('tr[data-status="failed"], tr[data-status="missing-token"]')).toHaveCount(0);
  await expect(app.getByTestId('connection-test-summary')).toContainText(`${count} of ${count} functions working`);
  await expect(app.getByTestId('call-budget')).toContainText(/of 1,000 used/);
  await snapshot(app, 'connect-sandbox-green');
});

test('pastes a registry for a second instance, tests it, keeps it across a reload, removes it', async ({
  app,
  harness,
}) => {
  const sandbox = await harness.backend.services.sandbox.ensure();
  const functionCount = Object.keys(sandbox.functions).length;
  // The sandbox instance first, so the pasted one is a second instance beside it.
  await app.getByRole('button', { name: 'Explore with the sandbox instance' }).click();
  await expect(app.getByTestId('connection-test-results')).toBeVisible({ timeout: 120_000 });

  await app.getByRole('button', { name: 'New connection' }).click();
  const form = app.getByTestId('connection-form');
  await form.getByLabel(/^Name/).fill('Second sandbox');
  await form.getByRole('button', { name: 'Paste registry JSON' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste registry JSON' });
  const box = dialog.getByLabel('Registry JSON');

  // A broken entry is named with what is wrong, and nothing is used.
  await box.fill(JSON.stringify({ 'users.list': { type: 'usr', action: 'list', token: 'short' } }));
  await expect(dialog.getByTestId('paste-errors')).toContainText('users.list: type "usr" is not a record type');
  await expect(dialog.getByTestId('paste-errors')).toContainText('users.list: the token must be 8 to 200 characters.');
  await snapshot(app, 'connect-paste-errors');

  // The whole CLI output: registry plus host, alias, root company id and API user.
  const cliOutput = {
    url: sandbox.url,
    alias: sandbox.alias,
    rootCompanyId: sandbox.rootCompanyId,
    apiVersion: sandbox.apiVersion,
    apiUser: sandbox.apiUser,
    functions: sandbox.functions,
  };
  await box.fill(JSON.stringify(cliOutput, null, 2));
  await expect(dialog.getByTestId('paste-summary')).toContainText(`${functionCount} functions found`);
  await dialog.getByRole('button', { name: 'Use this registry' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.getByLabel(/^Host/)).toHaveValue(sandbox.url.replace(/\/+$/, ''));
  await expect(form.getByLabel(/^API username/)).toHaveValue(sandbox.apiUser.username);
  await expect(form.getByTestId('function-row')).toHaveCount(functionCount);
  await expect(form.getByTestId('functions-table').getByText('new', { exact: true })).toHaveCount(functionCount);
  await form.getByRole('button', { name: 'Save connection' }).click();

  // Saved, made active, and the test runs green against the same sandbox.
  await expect(app.getByTestId('connection-summary')).toContainText('Second sandbox');
  await expect(app.getByTestId('connection-test-none')).toBeVisible();
  await app.getByRole('button', { name: 'Test connection' }).click();
  const results = app.getByTestId('connection-test-results');
  await expect(results.locator('tr[data-status]')).toHaveCount(functionCount);
  await expect(results.locator('tr[data-status="failed"], tr[data-status="missing-token"]')).toHaveCount(0);
  await expect(app.getByTestId('connection-test-summary')).toContainText(
    `${functionCount} of ${functionCount} functions working`,
  );
  await snapshot(app, 'connect-pasted-green');

  // After a reload: still configured, secrets stored (but never shown), last test kept.
  await app.reload();
  await waitForApp(app);
  await expect(app.getByTestId('connection-summary')).toContainText('Second sandbox');
  const table = app.getByTestId('functions-table');
  await expect(table.getByText('set', { exact: true })).toHaveCount(functionCount);
  await expect(table.getByText('not set', { exact: true })).toHaveCount(0);
  const password = app.getByTestId('connection-form').getByLabel(/^Password/);
  await expect(password).toHaveValue('');
  await expect(app.getByText('Stored in your OS keychain. Leave blank to keep it')).toBeVisible();
  await expect(app.getByTestId('connection-test-results').locator('tr[data-status]')).toHaveCount(functionCount);

  // Edit one function with the token left blank: the stored token is kept.
  await table.getByRole('button', { name: 'Edit function users.ids' }).click();
  const editor = app.getByRole('dialog', { name: 'Edit function users.ids' });
  await expect(editor.getByLabel(/^Token/)).toHaveValue('');
  await editor.getByLabel(/^Fields/).fill('sf_User ID');
  await editor.getByRole('button', { name: 'Keep changes' }).click();
  await expect(app.getByRole('button', { name: 'Test connection' })).toBeDisabled();
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  const row = table.locator('[data-function="users.ids"]');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await expect(row.getByText('set', { exact: true })).toBeVisible();
  expect((await harness.backend.services.vault.instanceStatus(harnessInstanceId(harness))).tokens).toHaveLength(
    functionCount,
  );

  // Remove: the confirmation says the secrets go too, and they do.
  const id = harnessInstanceId(harness);
  expect((await harness.backend.services.vault.instanceStatus(id)).tokens).toHaveLength(functionCount);
  await app.getByRole('button', { name: 'Remove connection' }).click();
  const confirm = app.getByRole('dialog', { name: 'Remove Second sandbox?' });
  await expect(confirm).toContainText('its password and tokens are removed from the keychain too');
  await confirm.getByTestId('confirm-remove-connection').click();
  await expect(app.getByTestId('connection-summary')).toContainText('Sandbox (built-in)');
  expect(await harness.backend.services.vault.instanceStatus(id)).toEqual({ password: false, tokens: [] });
});

test('without a keychain: says why and how to start one, and refuses to save secrets', async ({ page, dataDir }) => {
  const harness = await startHarness({
    dataDir,
    backend: {
      keychain: () =>
        Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    },
  });
  try {
    await page.goto(harness.url);
    await waitForApp(page);
    // The sandbox needs no keychain (its credentials are made up): still offered.
    await expect(page.getByRole('button', { name: 'Explore with the sandbox instance' })).toBeEnabled();
    await page.goto(`${harness.url}#/connect`);
    await expect(page.getByTestId('vault-unavailable')).toContainText('Start or unlock your keyring');
    await expect(page.getByTestId('keyring-help')).toContainText('dbus-run-session');
    await page.getByRole('button', { name: 'New connection' }).click();
    const form = page.getByTestId('connection-form');
    await expect(form.getByLabel(/^Password/)).toBeDisabled();

    await form.getByRole('button', { name: 'Paste registry JSON' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste registry JSON' });
    await dialog
      .getByLabel('Registry JSON')
      .fill(
        JSON.stringify({ 'users.list': { type: 'user', action: 'list', token: 'token-123456', fields: ['sf_Email'] } }),
      );
    await dialog.getByRole('button', { name: 'Use this registry' }).click();
    await expect(form.getByTestId('save-blocked')).toHaveText(
      'Secrets cannot be saved without the OS keychain (see the notice above).',
    );
    await expect(form.getByRole('button', { name: 'Save connection' })).toBeDisabled();
    await snapshot(page, 'connect-no-keychain');

    // A function added by hand: a known name fills its type and action; no token can be entered.
    await form.getByRole('button', { name: 'Add function' }).click();
    const editor = page.getByRole('dialog', { name: 'Add function' });
    await editor.getByLabel(/^Function name/).fill('users.get');
    await expect(editor.getByLabel(/^Record type/)).toHaveValue('user');
    await expect(editor.getByLabel(/^Action/)).toHaveValue('get');
    await expect(editor.getByLabel(/^Token/)).toBeDisabled();
    await editor.getByLabel(/^Fields/).fill('sf_User ID\nsf_Email');
    await editor.getByRole('button', { name: 'Add to the list' }).click();
    await expect(editor).toBeHidden();
    await expect(form.locator('[data-function="users.get"]')).toContainText('not set');

    // Still nothing can be saved, and the form says why.
    await expect(form.getByRole('button', { name: 'Save connection' })).toBeDisabled();
    await expect(form.getByTestId('save-blocked')).toBeVisible();
  } finally {
    await harness.close();
  }
});
