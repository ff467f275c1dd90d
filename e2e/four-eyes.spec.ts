/**
 * Four-eyes end to end: a privileged operation cannot be approved without a reason, nor by this
 * computer's administrator; a second administrator entering their own name here approves it; the
 * Audit screen's trail then says so in words (plan title, person and role names), with filters.
 */
import type { Result } from '../src-preload/contract';
import { expect, snapshot, test, waitForApp } from './fixtures';

test.describe.configure({ timeout: 300_000 });

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

test('privileged operation: reason required, same administrator refused, second administrator approves; the trail in words', async ({
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
    await ok<{ rows: { id: number; firstName: string; lastName: string; status: string; removed: boolean }[] }>(
      b.invoke('people:search', { instanceId, limit: 200 }),
    )
  ).rows.filter((p) => !p.removed && p.status === 'Active');
  const roles = await ok<
    { id: number; name: string; utaOnly: boolean; removed: boolean; privileged: boolean | null }[]
  >(b.invoke('roles:list', { instanceId }));
  const role = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== true)!;
  await ok(b.invoke('roles:setPrivileged', { instanceId, roleId: role.id, privileged: true }));
  const plan = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title: 'Month-end finance access' }));
  let person = people[0]!;
  for (const p of people) {
    const r = await b.invoke('plans:addOperation', {
      planId: plan.id,
      operations: [{ kind: 'add_role', personId: p.id, roleId: role.id }],
    });
    if (r.ok && (r.data as { rejected: unknown[] }).rejected.length === 0) {
      person = p;
      break;
    }
  }
  await ok(b.invoke('plans:submit', { planId: plan.id }));
  const name = `${person.firstName} ${person.lastName}`;

  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  await app.getByTestId('plan-row').filter({ hasText: 'Month-end finance access' }).click();
  await app.getByTestId('operation-checkbox').first().check();
  await app.getByTestId('approve-selected').click();

  // First time: the administrator's own name, not the computer login.
  await expect(app.getByRole('dialog', { name: 'Your name, once' })).toBeVisible();
  await app.getByTestId('administrator-name').fill('Dana Whitfield');
  await app.getByTestId('save-administrator-name').click();

  const dialog = app.getByRole('dialog', { name: 'Approve a privileged operation' });
  await expect(dialog).toBeVisible();
  await app.getByTestId('confirm-privileged-approval').click();
  await expect(dialog).toContainText('Say why this person needs this access.');
  await app.getByTestId('approval-reason').fill('Covers month-end close while Bo is away');
  // The same administrator cannot be the second pair of eyes.
  await app.getByTestId('second-approver').fill('dana whitfield');
  await app.getByTestId('confirm-privileged-approval').click();
  await expect(dialog).toContainText("Dana Whitfield is this computer's administrator");
  await snapshot(app, 'four-eyes-refused');
  await app.getByTestId('second-approver').fill('Bea Second');
  await app.getByTestId('confirm-privileged-approval').click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('plan-state')).toHaveText('Approved');
  await expect(app.getByTestId('operation-row').first()).toContainText('Approved by Bea Second');
  await expect(app.getByTestId('approval-reason-shown').first()).toContainText('Covers month-end close');
  await snapshot(app, 'four-eyes-approved');

  // The trail on the Audit screen, in words.
  await app.goto(`${harness.url}#/audit`);
  await waitForApp(app);
  const trail = app.getByTestId('trail-table');
  await expect(trail).toContainText(`marked role "${role.name}" privileged`);
  const approval = app.getByTestId('trail-row').filter({ hasText: 'approved the privileged operation' });
  await expect(approval).toContainText('Bea Second');
  await expect(approval).toContainText(`add role ${role.name} for ${name}`);
  await expect(approval).toContainText('"Month-end finance access"');
  await expect(approval).toContainText('Covers month-end close while Bo is away');
  await expect(trail).toContainText('set the administrator name to "Dana Whitfield"');
  await expect(trail).not.toContainText('{"operations"');
  await snapshot(app, 'audit-trail-words');

  await app.getByTestId('trail-kind').click();
  await app.getByRole('option', { name: 'Approvals' }).click();
  await expect(app.getByTestId('trail-row')).toHaveCount(1);
  await expect(app.getByTestId('trail-row')).toContainText('approved the privileged operation');
  await app.getByTestId('trail-kind').click();
  await app.getByRole('option', { name: 'Privileged roles' }).click();
  await expect(app.getByTestId('trail-row')).toContainText(`marked role "${role.name}" privileged`);
  await expect(app.getByTestId('trail-row')).toHaveCount(1);
  await snapshot(app, 'audit-trail-filtered');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await app.getByTestId('trail-search').fill(person.lastName);
  await expect(app.getByTestId('trail-row').first()).toContainText(name);
  await expect(app.getByTestId('trail-row').filter({ hasText: 'set the administrator name' })).toHaveCount(0);
});
