/**
 * Composing plans end to end against the real backend and sandbox: a long plan grouped by person
 * and paged; remove an operation; apply the approved part with the rest split into a new draft;
 * the People page shows the new role straight after the apply (no sync); the original and its
 * undo link to each other; Discard asks first; CSV problems are shown before any plan exists.
 */
import type { Page } from '@playwright/test';
import type { Result } from '../src-preload/contract';
import { expect, snapshot, test, waitForApp } from './fixtures';
import type { Harness } from './harness/server';

test.describe.configure({ timeout: 300_000 });

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function syncSandbox(harness: Harness): Promise<string> {
  const { instance } = await ok<{ instance: { id: string } }>(harness.backend.invoke('sandbox:explore'));
  // Approvals are recorded under the administrator's own name (Settings); set it before approving.
  await ok(harness.backend.invoke('settings:update', { administratorName: 'Dana Whitfield' }));
  const job = await ok<{ id: string }>(harness.backend.invoke('sync:start', { instanceId: instance.id }));
  expect((await harness.backend.services.jobs.wait(job.id)).state).toBe('succeeded');
  return instance.id;
}

type Person = { id: number; email: string; removed: boolean; accessType: string | null; status: string | null };
type Role = {
  id: number;
  name: string;
  utaOnly: boolean;
  removed: boolean;
  privileged: boolean | null;
  holders: number;
};

/** An ordinary role and 60 active people who lack it. */
async function cast(harness: Harness, instanceId: string) {
  const b = harness.backend;
  const roles = await ok<Role[]>(b.invoke('roles:list', { instanceId }));
  // An ordinary role classified as not privileged (a privileged grant is approved on its own).
  const role = roles
    .filter((r) => !r.utaOnly && !r.removed && r.privileged !== true && !/admin|audit|manag|financ|sign/i.test(r.name))
    .sort((x, y) => x.holders - y.holders)[0]!;
  await ok(b.invoke('roles:setPrivileged', { instanceId, roleId: role.id, privileged: false }));
  const people = (await ok<{ rows: Person[] }>(b.invoke('people:search', { instanceId, limit: 1000 }))).rows;
  const lacking: Person[] = [];
  for (const p of people.filter((x) => !x.removed && x.status === 'Active' && x.accessType === '1')) {
    const d = await ok<{ roles: { id: number }[] }>(b.invoke('people:get', { instanceId, personId: p.id }));
    if (!d.roles.some((r) => r.id === role.id)) lacking.push(p);
    if (lacking.length === 60) break;
  }
  return { role, people: lacking, all: people };
}

async function openPlan(app: Page, harness: Harness, title: string) {
  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  await app
    .getByTestId('plan-row')
    .filter({ has: app.getByText(title, { exact: true }) })
    .first()
    .click();
  await expect(app.getByTestId('plan-page')).toBeVisible();
}

async function stateOf(harness: Harness, planId: string): Promise<string> {
  return (await ok<{ plan: { state: string } }>(harness.backend.invoke('plans:get', { planId }))).plan.state;
}

test('a long plan paged by person, remove, apply the approved part, People without a sync, undo links, discard', async ({
  app,
  harness,
}) => {
  const instanceId = await syncSandbox(harness);
  const b = harness.backend;
  const { role, people } = await cast(harness, instanceId);
  expect(people.length).toBe(60);
  const built = await ok<{ plan: { id: string } }>(
    b.invoke('plans:buildFromSelection', {
      instanceId,
      title: 'Sixty grants',
      personIds: people.map((p) => p.id),
      action: { kind: 'add_role', roleId: role.id },
    }),
  );
  const planId = built.plan.id;

  // Grouped by person, 20 people a page.
  await openPlan(app, harness, 'Sixty grants');
  await expect(app.getByTestId('person-diff')).toHaveCount(20);
  await expect(app.getByTestId('plan-diff-range').first()).toHaveText('People 1–20 of 60');
  const height = await app.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(6000);
  await snapshot(app, 'plans-compose-long-plan');
  await app.getByRole('button', { name: '3', exact: true }).first().click();
  await expect(app.getByTestId('plan-diff-range').first()).toHaveText('People 41–60 of 60');

  // Remove one operation, with a confirmation.
  await app.getByTestId('remove-operation').first().click();
  await expect(app.getByRole('dialog')).toContainText('Remove this operation?');
  await app.getByTestId('confirm-remove').click();
  await expect(app.getByTestId('plan-diff-range').first()).toHaveText('People 41–59 of 59');

  // Submit, approve two, apply the approved part: the rest goes to a new draft.
  await app.getByTestId('submit-plan').click();
  await expect(app.getByTestId('plan-state')).toHaveText('In review');
  await app.getByRole('button', { name: '1', exact: true }).first().click();
  const boxes = app.getByTestId('operation-checkbox');
  // Two of them, one at a time. The role is not privileged, and the policy's default approves the grants
  // of a plan past its bulk line with the plan (bulkGrants: with_plan), so no four-eyes dialog here
  // (e2e/four-eyes.spec.ts covers privileged ones).
  for (const n of [0, 1]) {
    await boxes.nth(n).check();
    await app.getByTestId('approve-selected').click();
    await expect(app.getByText(/Approved by /)).toHaveCount(n + 1);
  }
  await expect(app.getByRole('dialog', { name: 'Approve a privileged operation' })).toHaveCount(0);
  await app.getByTestId('apply-approved').click();
  await expect(app.getByRole('dialog')).toContainText('57 not approved yet move to a new draft');
  await snapshot(app, 'plans-compose-apply-approved-confirm');
  await app.getByTestId('confirm-apply-approved').click();
  await expect(app.getByTestId('plan-state')).toHaveText('Applied', { timeout: 150_000 });
  await expect(app.getByTestId('plan-links')).toContainText('Operations not approved moved to');
  await expect(app.getByTestId('plan-warnings')).toHaveCount(0);
  await expect(app.getByTestId('apply-summary')).toContainText('2 applied and verified');
  await snapshot(app, 'plans-compose-applied-part');

  const result = await ok<{ operations: { personId: number }[] }>(b.invoke('plans:result', { planId }));
  expect(result.operations).toHaveLength(2);
  const plans = await ok<{ id: string; title: string; state: string; operations: number }[]>(
    b.invoke('plans:list', { instanceId }),
  );
  const rest = plans.find((p) => p.title === 'Sixty grants (not approved yet)')!;
  expect(rest).toMatchObject({ state: 'draft', operations: 57 });

  // People shows the new role at once: no sync ran since the apply.
  const someone = result.operations[0]!.personId;
  await app.goto(`${harness.url}#/people/${someone}`);
  await waitForApp(app);
  await expect(app.getByTestId('person-role').filter({ hasText: role.name })).toBeVisible();
  await snapshot(app, 'plans-compose-person-after-apply');

  // Undo: the two plans link to each other, and once the undo is applied the original says so.
  await openPlan(app, harness, 'Sixty grants');
  await app.getByTestId('create-undo').click();
  await expect(app.getByTestId('plan-links')).toContainText('Undoes plan');
  await app.getByTestId('submit-plan').click();
  await app.getByTestId('approve-plan').click();
  await expect(app.getByTestId('plan-state')).toHaveText('Approved');
  await app.getByTestId('apply-plan').click();
  await app.getByTestId('confirm-apply').click();
  await expect(app.getByTestId('plan-state')).toHaveText('Applied', { timeout: 150_000 });
  await snapshot(app, 'plans-compose-undo-applied');
  await app.getByTestId('plan-links').getByRole('button', { name: 'Sixty grants', exact: true }).click();
  await expect(app.getByTestId('plan-links')).toContainText('Undone by plan');
  await expect(app.getByTestId('plan-links')).toContainText('Applied');
  await snapshot(app, 'plans-compose-original-undone');

  // Discard the split-off draft: it asks, with an optional reason.
  await app.getByTestId('plan-links').getByRole('button', { name: 'Sixty grants (not approved yet)' }).click();
  await expect(app.getByTestId('plan-links')).toContainText('Split from plan');
  await app.getByTestId('discard-plan').click();
  await expect(app.getByRole('dialog')).toContainText('Discard "Sixty grants (not approved yet)"?');
  await app.getByTestId('discard-reason').fill('Not this quarter');
  await snapshot(app, 'plans-compose-discard-confirm');
  await app.getByTestId('confirm-discard').click();
  await expect.poll(() => stateOf(harness, rest.id)).toBe('discarded');
});

test('CSV problems are shown before a plan exists, and Build makes one plan', async ({ app, harness }) => {
  const instanceId = await syncSandbox(harness);
  const { role, people } = await cast(harness, instanceId);
  const [a, c] = people as [Person, Person];
  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  await app.getByTestId('new-plan').click();
  await app.getByRole('tab', { name: 'From a CSV' }).click();

  // A broken quote, in plain words.
  await app.getByTestId('csv-text').fill(`email,Dept,roles\n${a.email},ok,${role.name}\n${c.email},"Sales"D,x`);
  await app.getByTestId('csv-check').click();
  await expect(app.getByTestId('csv-error')).toContainText(
    'Line 3: a quoted value in the field "Dept" has text right after its closing quote. Open the file in a spreadsheet and save it as CSV again.',
  );

  // Problems by line, the field highlighted; no plan yet.
  await app
    .getByTestId('csv-text')
    .fill(`email,roles\n${a.email},${role.name}\nnobody@nowhere.example,${role.name}\n${c.email},No Such Role`);
  await app.getByTestId('csv-check').click();
  await expect(app.getByTestId('csv-preview')).toContainText('3 rows, 2 matched: 1 operation for 1 person');
  await expect(app.getByTestId('csv-problem-row')).toHaveCount(2);
  await expect(app.getByTestId('csv-problem-row').first()).toContainText(
    'No person with e-mail nobody@nowhere.example',
  );
  await expect(app.locator('[data-problem="true"]').first()).toHaveText('nobody@nowhere.example');
  await snapshot(app, 'plans-compose-csv-preview');
  expect(await ok<unknown[]>(harness.backend.invoke('plans:list', { instanceId }))).toHaveLength(0);

  // A title too long is refused at the field, not cut.
  await app.getByTestId('plan-title').fill('x'.repeat(230));
  await expect(app.getByText('The title is 230 characters; a plan title is at most 200.')).toBeVisible();
  await expect(app.getByTestId('csv-build')).toBeDisabled();
  await app.getByTestId('plan-title').fill('Roles from the spring list');

  await app.getByTestId('csv-build').click();
  await expect(app.getByTestId('plan-page')).toBeVisible();
  await expect(app.getByTestId('operation-row')).toHaveCount(1);
  const plans = await ok<{ title: string }[]>(harness.backend.invoke('plans:list', { instanceId }));
  expect(plans.map((p) => p.title)).toEqual(['Roles from the spring list']);
});
