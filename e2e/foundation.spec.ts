/**
 * The foundation, end to end: the real renderer in Chromium against the real backend. Add an
 * instance from Settings (through Connect's New connection, the one form for it), reload, see it
 * persisted; the home screen in light and dark themes.
 */
import { expect, snapshot, test, waitForApp } from './fixtures';

test("adds an instance from Settings through Connect's New connection and keeps it across a reload", async ({
  app,
  harness,
}) => {
  await app.goto(`${harness.url}#/settings`);
  await expect(app.getByTestId('screen-settings')).toBeVisible();
  await expect(app.getByTestId('instances-empty')).toBeVisible();

  // One way to add an instance: Settings' button opens Connect's New connection form.
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  await expect(app).toHaveURL(/#\/connect\/new$/);
  const form = app.getByTestId('connection-form');
  await expect(form).toBeVisible();
  await form.getByLabel(/^Name/).fill('Acme production');
  await form.getByLabel(/^Host/).fill('not a url');
  await form.getByLabel(/^Alias/).fill('acme');
  await form.getByLabel(/^Root company ID/).fill('825646');
  await form.getByLabel(/^API username/).fill('api.user@acme.org');
  await form.getByLabel(/^Password/).fill('s3cret-password');
  await form.getByRole('button', { name: /^Save/ }).click();
  // The form refuses a bad host before anything is sent.
  await expect(form.getByText(/URL/i).first()).toBeVisible();
  await expect(app.getByTestId('connection-form')).toBeVisible();
  await form.getByLabel(/^Host/).fill('https://acme.smartsimple.com');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(app).toHaveURL(/#\/connect$/);
  await expect(app.getByTestId('connection-summary')).toContainText('Acme production');
  await snapshot(app, 'settings-add-instance-via-connect');

  await app.goto(`${harness.url}#/settings`);
  await expect(app.getByRole('row', { name: /Acme production/ })).toBeVisible();
  await snapshot(app, 'settings-instance-added');
  await app.reload();
  await waitForApp(app);
  await expect(app.getByRole('row', { name: /Acme production/ })).toBeVisible();
  // And it is in the database, not only on screen.
  const stored = harness.backend.services.db.prepare('SELECT name, host, alias, root_company_id FROM instances').all();
  expect(stored).toEqual([
    { name: 'Acme production', host: 'https://acme.smartsimple.com', alias: 'acme', root_company_id: '825646' },
  ]);
  // Settings has no second form for it.
  await expect(app.getByRole('dialog', { name: 'Add instance' })).toHaveCount(0);
});

test('the home screen in light and dark themes', async ({ app, harness }) => {
  await app.goto(`${harness.url}#/`);
  await app.goto(`${harness.url}#/settings`);
  await app.getByTestId('theme-setting').getByText('Light', { exact: true }).click();
  await expect(app.locator('html')).toHaveAttribute('data-color-scheme', 'light');
  await app.goto(`${harness.url}#/`);
  await waitForApp(app);
  await snapshot(app, 'home-light');

  await app.goto(`${harness.url}#/settings`);
  await app.getByTestId('theme-setting').getByText('Dark', { exact: true }).click();
  await expect(app.locator('html')).toHaveAttribute('data-color-scheme', 'dark');
  await app.goto(`${harness.url}#/`);
  await snapshot(app, 'home-dark');
  // The choice is stored by the backend and survives a reload.
  await app.reload();
  await waitForApp(app);
  await expect(app.locator('html')).toHaveAttribute('data-color-scheme', 'dark');
});

test('keyboard: Ctrl+number jumps between screens', async ({ app }) => {
  await app.keyboard.press('Control+8');
  await expect(app.getByTestId('screen-settings')).toBeVisible();
  await app.keyboard.press('Control+2');
  await expect(app).toHaveURL(/#\/people/);
});
