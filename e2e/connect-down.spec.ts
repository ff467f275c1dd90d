/**
 * The Connect screen when things go wrong: a server that is down is one plain answer within
 * seconds (not a row per function), its calls are not counted against the hourly limit, and a
 * 5,000-character name is refused at the name field, in words, with the focus on it.
 */
import net from 'node:net';
import type { ConnectionDetails } from '../src-preload/contract';
import { expect, snapshot, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a server that is down: one clear answer in seconds, and no call counted', async ({ app, harness }) => {
  const sandbox = await harness.backend.services.sandbox.ensure();
  const saved = await harness.backend.invoke('connections:save', {
    instance: {
      name: 'Acme (down)',
      host: `http://127.0.0.1:${await closedPort()}`,
      alias: sandbox.alias,
      rootCompanyId: sandbox.rootCompanyId,
      apiVersion: 1,
    },
    username: sandbox.apiUser.username,
    password: sandbox.apiUser.password,
    functions: Object.entries(sandbox.functions).map(([name, f]) => ({
      name,
      type: f.type,
      action: f.action,
      token: f.token,
      fields: f.fields,
      ...(f.reportid ? { reportid: f.reportid } : {}),
    })),
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const id = (saved.data as ConnectionDetails).instance.id;
  await harness.backend.invoke('settings:update', { activeInstanceId: id });
  await app.goto(`${harness.url}#/connect`);
  await expect(app.getByTestId('call-budget')).toContainText('0 of 1,000 used');

  const started = Date.now();
  await app.getByRole('button', { name: 'Test connection' }).click();
  const summary = app.getByTestId('connection-test-summary');
  await expect(summary).toContainText('The server could not be reached', { timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(summary).toContainText('nothing answers at that address');
  await expect(summary).toContainText('Check the base URL and your network');
  await expect(summary).not.toContainText('Fix the token');
  await expect(app.getByTestId('connection-test-results')).toHaveCount(0);
  await expect(app.getByTestId('call-budget')).toContainText('0 of 1,000 used');
  await snapshot(app, 'connect-server-down');
});

test('a 5,000-character connection name is refused at the field, in words', async ({ app, harness }) => {
  test.setTimeout(60_000);
  await app.goto(`${harness.url}#/connect`);
  await app.getByTestId('connect-empty').getByRole('button', { name: 'New connection' }).click();
  const form = app.getByTestId('connection-form');
  const name = form.getByLabel(/^Name/);
  await name.fill('A'.repeat(5000));
  await form.getByLabel(/^Host/).fill('https://acme.smartsimple.com');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(form.getByText('This name is 5,000 characters long. Keep it to 120 or fewer')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByTestId('save-invalid')).toContainText('Not saved:');
  await snapshot(app, 'connect-long-name');
});
