/**
 * Plans end to end against the real backend and sandbox: build a plan from a filter (grant a role
 * to a department), review it, approve it, apply it, see the results, check the sandbox changed,
 * and create the undo plan.
 */
import type { Page } from '@playwright/test';
import type { Result } from '../src-preload/contract';
import { expect, snapshot, test, waitForApp } from './fixtures';
import type { Harness } from './harness/server';

// The sandbox seeds 1,000 people and the first sync pages through them.
test.describe.configure({ timeout: 300_000 });

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function syncSandbox(harness: Harness): Promise<string> {
  const { instance } = await ok<{ instance: { id: string } }>(harness.backend.invoke('sandbox:explore'));
  const job = await ok<{ id: string }>(harness.backend.invoke('sync:start', { instanceId: instance.id }));
  expect((await harness.backend.services.jobs.wait(job.id)).state).toBe('succeeded');
  return instance.id;
}

/** Picks an option of a searchable Mantine Select by typing part of its label. */
async function pick(page: Page, testId: string, text: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: text, exact: false }).first().click();
}

test('build from a filter, approve, apply to the sandbox, see results, create the undo plan', async ({
  app,
  harness,
}) => {
  const instanceId = await syncSandbox(harness);
  const b = harness.backend;
  // Approvals are recorded under the administrator's own name (Settings); set it before approving.
  await ok(b.invoke('settings:update', { administratorName: 'Dana Whitfield' }));

  // A small department (a readable review) and an ordinary profile role some of its people lack.
  const people = (
    await ok<{ rows: { id: number; department: string | null; removed: boolean }[] }>(
      b.invoke('people:search', { instanceId, limit: 1000 }),
    )
  ).rows;
  const sizes = new Map<string, number>();
  for (const p of people) if (p.department && !p.removed) sizes.set(p.department, (sizes.get(p.department) ?? 0) + 1);
  const department = [...sizes.entries()].filter(([, n]) => n >= 3).sort((x, y) => x[1] - y[1])[0]![0];
  const roles = await ok<
    { id: number; name: string; utaOnly: boolean; removed: boolean; privileged: boolean | null; holders: number }[]
  >(b.invoke('roles:list', { instanceId }));
  const role = roles
    .filter((r) => !r.utaOnly && !r.removed && r.privileged !== true)
    .sort((x, y) => x.holders - y.holders)[0]!;
  await ok(b.invoke('roles:setPrivileged', { instanceId, roleId: role.id, privileged: false }));

  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  await expect(app.getByTestId('plans-empty')).toContainText('No plans yet');

  await app.getByTestId('new-plan').click();
  await app.getByLabel('Title').fill(`Grant ${role.name} to ${department}`);
  await pick(app, 'bulk-role', role.name);
  await pick(app, 'bulk-department', department);
  await app.getByTestId('build-from-filter').click();

  // The review: a diff per person, totals, the call estimate against the hourly budget.
  const page = app.getByTestId('plan-page');
  await expect(page).toBeVisible();
  await expect(app.getByTestId('plan-state')).toHaveText('Draft');
  await expect(app.getByTestId('person-diff').first()).toBeVisible();
  await expect(app.getByTestId('diff-added').first()).toContainText(role.name);
  await expect(app.getByTestId('plan-estimate')).toContainText(/uses \d+ calls/);
  await expect(app.getByTestId('plan-estimate')).toContainText(/left this hour/);
  const operations = await app.getByTestId('operation-row').count();
  expect(operations).toBeGreaterThan(0);

  await app.getByTestId('submit-plan').click();
  await expect(app.getByTestId('plan-state')).toHaveText('In review');
  await snapshot(app, 'plans-review');
  await app.getByTestId('approve-plan').click();
  await expect(app.getByTestId('plan-state')).toHaveText('Approved');
  await expect(page.getByText(/Approved by .+/).first()).toBeVisible();

  await app.getByTestId('apply-plan').click();
  await expect(app.getByRole('dialog')).toContainText(`${operations} operations`);
  await app.getByTestId('confirm-apply').click();
  await expect(app.getByTestId('plan-state')).toHaveText('Applied', { timeout: 150_000 });
  await expect(app.getByTestId('apply-summary')).toContainText(`${operations} applied and verified`);
  await expect(app.getByTestId('apply-results').getByText('Applied and verified')).toHaveCount(operations);
  await snapshot(app, 'plans-applied');

  // The sandbox changed: a fresh sync brings the granted role into the mirror.
  const result = await ok<{ operations: { personId: number }[] }>(
    b.invoke('plans:result', { planId: await planIdOf(harness, instanceId) }),
  );
  await syncAgain(harness, instanceId);
  for (const op of result.operations.slice(0, 5)) {
    const person = await ok<{ roles: { id: number }[] }>(b.invoke('people:get', { instanceId, personId: op.personId }));
    expect(person.roles.map((r) => r.id)).toContain(role.id);
  }

  await app.getByTestId('create-undo').click();
  await expect(app.getByRole('heading', { name: /^Undo: / })).toBeVisible();
  await expect(app.getByTestId('plan-state')).toHaveText('Draft');
  await expect(app.getByTestId('operation-row')).toHaveCount(operations);
  await expect(app.getByTestId('diff-removed').first()).toContainText(role.name);
  await snapshot(app, 'plans-undo');

  // The audit trail records it all and its chain is intact.
  await app.getByTestId('tab-audit-trail').click();
  await expect(app.getByTestId('audit-entries')).toContainText('plan.applied');
  await app.getByTestId('verify-chain').click();
  await expect(app.getByTestId('verify-result')).toContainText('Intact');
});

async function planIdOf(harness: Harness, instanceId: string): Promise<string> {
  const plans = await ok<{ id: string; state: string }[]>(harness.backend.invoke('plans:list', { instanceId }));
  return plans.find((p) => p.state === 'applied')!.id;
}

async function syncAgain(harness: Harness, instanceId: string): Promise<void> {
  const job = await ok<{ id: string }>(harness.backend.invoke('sync:start', { instanceId }));
  expect((await harness.backend.services.jobs.wait(job.id)).state).toBe('succeeded');
}
