/**
 * Settings, automatic sync, end to end against the real backend: a period under 5 minutes is
 * refused at its field and nothing is saved; 10 minutes is saved, turning it on shows when the next
 * sync is due.
 */
import { expect, snapshot, test } from './fixtures';

test('automatic sync: off by default, a bad period refused at its field, the next time shown once on', async ({
  app,
  harness,
}) => {
  await harness.backend.invoke('sandbox:explore');
  await app.goto(`${harness.url}#/settings`);
  const section = app.getByTestId('auto-sync-section');
  await expect(section).toBeVisible();
  const toggle = section.getByTestId('auto-sync-enabled');
  await expect(toggle).not.toBeChecked();

  const minutes = section.getByTestId('auto-sync-minutes');
  await minutes.fill('3');
  await section.getByRole('button', { name: 'Save minutes' }).click();
  await expect(section.getByText('Sync at most every 5 minutes: enter 5 or more.')).toBeVisible();
  expect(await harness.backend.invoke('settings:get')).toMatchObject({ data: { autoSync: { everyMinutes: 60 } } });

  await minutes.fill('10');
  await section.getByRole('button', { name: 'Save minutes' }).click();
  await expect(section.getByText('Sync automatically every 10 minutes while Admin Desk is open')).toBeVisible();
  await toggle.click({ force: true });
  await expect(toggle).toBeChecked();
  await expect(section.getByTestId('auto-sync-next')).toHaveText(/^Next automatic sync at \d{2}:\d{2}$/);
  expect(await harness.backend.invoke('settings:get')).toMatchObject({
    data: { autoSync: { enabled: true, everyMinutes: 10 } },
  });
  await section.scrollIntoViewIfNeeded();
  await snapshot(app, 'settings-auto-sync');
});
