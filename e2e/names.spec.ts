/**
 * Names, not codes: the plan diff and the plans list show role names and words (no "(14543)", no
 * raw access codes), the list shows the plan's risk, states are not cut at 1280x800, and an
 * over-long People search says so at the field.
 */
import type { Result } from '../src-preload/contract';
import { expect, snapshot, test, waitForApp } from './fixtures';

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

test('no raw ids in the plan diff; risk and states readable in the list; long search explained', async ({
  app,
  harness,
}) => {
  test.setTimeout(540_000);
  await app.setViewportSize({ width: 1280, height: 800 });
  const b = harness.backend;
  const { instance } = await ok<{ instance: { id: string } }>(b.invoke('sandbox:explore'));
  const instanceId = instance.id;
  const job = await ok<{ id: string }>(b.invoke('sync:start', { instanceId }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
  const people = (
    await ok<{ rows: { id: number; status: string; removed: boolean }[] }>(
      b.invoke('people:search', { instanceId, limit: 100 }),
    )
  ).rows.filter((p) => !p.removed && p.status === 'Active');
  const plan = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title: 'Access clean-up' }));
  for (const p of people.slice(0, 10)) {
    const r = await b.invoke('plans:addOperation', {
      planId: plan.id,
      operations: [{ kind: 'set_access', personId: p.id, accessType: '0' }],
    });
    if (r.ok && (r.data as { rejected: unknown[] }).rejected.length === 0) break;
  }

  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  const row = app.getByTestId('plan-row').filter({ hasText: 'Access clean-up' });
  await expect(row.getByTestId('plan-risk')).toBeVisible();
  const badge = row.locator('.mantine-Badge-root').first();
  const fits = await badge.evaluate((el) => {
    const label = el.querySelector('.mantine-Badge-label') ?? el;
    return label.scrollWidth <= label.clientWidth + 1;
  });
  expect(fits, 'the state badge shows its whole label').toBe(true);
  await snapshot(app, 'names-plans-list');
  await row.click();
  const diff = app.getByTestId('plan-diff');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('No access');
  await expect(diff).not.toContainText(/\(\d{3,}\)/);
  await expect(diff).not.toContainText(/"\d" -> "\d"/);
  await snapshot(app, 'names-plan-diff');

  await app.goto(`${harness.url}#/people`);
  await waitForApp(app);
  await app.getByTestId('people-search').fill('x'.repeat(5000));
  await expect(app.getByText('Search is limited to 200 characters: shorten it to search.')).toBeVisible();
  await snapshot(app, 'names-long-search');
});
