/**
 * The acceptance flow of the admin console (#11), as an administrator does it, all in the UI on a
 * synced sandbox: one draft made current in the header; a person created from the New person
 * form; a program assignment from the program's page; a privileged role for two people ticked on
 * the People list; all in that one draft. Submitted, approved (the privileged operations by a
 * second administrator with a reason, through the four-eyes dialog), applied to the sandbox; then
 * the People list shows the new person, their organization, the assignment and the roles at once,
 * with no sync in between. A screenshot at each step.
 */
import type { Page } from '@playwright/test';
import { expect, exploreAndSync, ok, snapshot, test, waitForApp } from './fixtures';

test.describe.configure({ timeout: 600_000 });

interface Person {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  removed: boolean;
  status: string | null;
}
interface Role {
  id: number;
  name: string;
  utaOnly: boolean;
  removed: boolean;
  holders: number;
  privileged: boolean | null;
}
interface Assignment {
  personId: number;
  roleId: number;
  roleName: string | null;
}

const DRAFT = 'Onboarding and access, week 49';

/** Picks the option whose text contains `text` in the open Select or MultiSelect. */
async function pickOption(app: Page, text: string) {
  await app.getByRole('option').filter({ hasText: text }).first().click();
}

test('new person, program assignment and a privileged role from a selection, one draft, four-eyes, applied, People up to date', async ({
  app,
  harness,
}) => {
  await app.setViewportSize({ width: 1360, height: 860 });
  const b = harness.backend;
  const instanceId = await exploreAndSync(harness);
  const syncedAt = b.services.db.prepare('SELECT count(*) FROM sync_runs').pluck().get() as number;

  // What the steps work on, read from the mirror: a program with its UTA roles and someone not on
  // it, a profile role few hold (marked privileged, as an administrator would on Roles), an
  // organization for the newcomer.
  const programs = await ok<{ id: number; name: string; assignments: number; removed: boolean }[]>(
    b.invoke('programs:list', { instanceId }),
  );
  const program = programs
    .filter((p) => !p.removed && p.assignments > 3)
    .sort((x, y) => y.assignments - x.assignments)[0]!;
  const assignments = await ok<Assignment[]>(b.invoke('programs:assignments', { instanceId, programId: program.id }));
  const utaRole = { id: assignments[0]!.roleId, name: assignments[0]!.roleName! };
  const onProgram = new Set(assignments.map((a) => a.personId));
  const everyone = (await ok<{ rows: Person[] }>(b.invoke('people:search', { instanceId, limit: 1000 }))).rows;
  const reviewer = everyone.find(
    (p) => !p.removed && p.status === 'Active' && !onProgram.has(p.id) && p.lastName.length >= 4,
  )!;
  const roles = await ok<Role[]>(b.invoke('roles:list', { instanceId }));
  const role = roles.filter((r) => !r.utaOnly && !r.removed).sort((x, y) => x.holders - y.holders)[0]!;
  await ok(b.invoke('roles:setPrivileged', { instanceId, roleId: role.id, privileged: true }));
  const tree = await ok<{ id: number; name: string; children: { id: number; name: string }[] }[]>(
    b.invoke('organizations:tree', { instanceId }),
  );
  const organization = tree[0]!.children.find((c) => c.name.length > 4) ?? tree[0]!;

  // 1. One draft, made current in the header.
  await app.goto(`${harness.url}#/people`);
  await waitForApp(app);
  await app.getByTestId('draft-selector').click();
  await app.getByRole('menuitem', { name: 'New draft…' }).click();
  await app.getByRole('dialog', { name: 'New draft plan' }).getByLabel('Title').fill(DRAFT);
  await app.getByRole('button', { name: 'Create and make current' }).click();
  await expect(app.getByTestId('draft-selector')).toContainText(`${DRAFT} (0)`);
  await snapshot(app, 'acceptance-1-draft');

  // 2. A new person from the New person form.
  await app.getByRole('button', { name: /New person/ }).click();
  const form = app.getByTestId('new-person-dialog');
  await form.getByTestId('new-person-first').fill('Noor');
  await form.getByTestId('new-person-last').fill('Haddad-Lindqvist');
  await form.getByTestId('new-person-email').fill('noor.haddad-lindqvist@example.org');
  await form.getByTestId('new-person-title').fill('Program Officer');
  await form.getByTestId('new-person-organization').click();
  await form.getByTestId('new-person-organization').fill(organization.name);
  await pickOption(app, organization.name);
  await expect(form.getByTestId('new-person-side')).toBeVisible();
  await expect(form.getByTestId('action-draft')).toContainText(DRAFT);
  await snapshot(app, 'acceptance-2-new-person');
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(app.getByTestId('draft-selector')).toContainText(`${DRAFT} (1)`);

  // 3. A program assignment from the program's page.
  await app.goto(`${harness.url}#/programs/${program.id}`);
  await waitForApp(app);
  await app.getByRole('button', { name: 'Add reviewers or applicants…' }).click();
  const add = app.getByTestId('add-people-dialog');
  await add.getByTestId('person-picker').fill(reviewer.lastName);
  await pickOption(app, reviewer.email);
  // Close the people list before the next field (a click on the dialog's title).
  await add.getByText(`Add people to ${program.name}`).click();
  await add.getByTestId('uta-role-select').click();
  await app.getByRole('option', { name: utaRole.name, exact: true }).first().click();
  await expect(add.getByTestId('build-preview')).toContainText('Adds 1 operation');
  await snapshot(app, 'acceptance-3-program-assignment');
  await add.getByTestId('action-submit').click();
  await expect(add).toBeHidden();
  await expect(app.getByTestId('draft-selector')).toContainText(`${DRAFT} (2)`);

  // 4. A privileged role for two people ticked on the People list (a Shift range), same draft.
  await app.goto(`${harness.url}#/people`);
  await waitForApp(app);
  const rows = app.getByTestId('person-row');
  await rows.nth(0).getByTestId('person-tick').click();
  await rows
    .nth(1)
    .getByTestId('person-tick')
    .click({ modifiers: ['Shift'] });
  await expect(app.getByTestId('bulk-count')).toHaveText('2 selected');
  const ticked = [await rows.nth(0).getAttribute('data-person-id'), await rows.nth(1).getAttribute('data-person-id')];
  await app.getByTestId('bulk-act').click();
  await app.getByRole('menuitem', { name: 'Add a profile role…' }).click();
  const grant = app.getByTestId('add-role-dialog');
  await grant.getByTestId('role-select').click();
  await app.getByRole('option', { name: `${role.name} (privileged)` }).click();
  await expect(grant.getByTestId('action-plan')).toHaveValue(new RegExp(`${DRAFT}.*current draft`));
  await expect(grant.getByTestId('build-preview')).toContainText('Adds 2 operations');
  await snapshot(app, 'acceptance-4-role-from-selection');
  await grant.getByTestId('action-submit').click();
  await expect(grant).toBeHidden();
  await expect(app.getByTestId('draft-selector')).toContainText(`${DRAFT} (4)`);

  // 5. The one draft holds all four; submit it.
  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  await app.getByTestId('plan-row').filter({ hasText: DRAFT }).click();
  await expect(app.getByTestId('operation-row')).toHaveCount(4);
  await app.getByTestId('submit-plan').click();
  await expect(app.getByTestId('plan-state')).toHaveText('In review');
  await snapshot(app, 'acceptance-5-plan-in-review');

  // 6. Approve: the plan (privileged excepted), then each privileged grant by a second
  // administrator with a reason, through the four-eyes dialog.
  await app.getByTestId('approve-plan').click();
  await expect(app.getByRole('dialog', { name: 'Your name, once' })).toBeVisible();
  await app.getByTestId('administrator-name').fill('Dana Whitfield');
  await app.getByTestId('save-administrator-name').click();
  await expect(app.getByText(/Approved by Dana Whitfield/)).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const row = app.getByTestId('operation-row').filter({ hasText: 'needs its own approval' }).first();
    await row.getByTestId('operation-checkbox').check();
    await app.getByTestId('approve-selected').click();
    const dialog = app.getByRole('dialog', { name: 'Approve a privileged operation' });
    await expect(dialog).toBeVisible();
    await app.getByTestId('approval-reason').fill('Covers the grant cycle while the team lead is away');
    await app.getByTestId('second-approver').fill('Bea Second');
    if (i === 0) await snapshot(app, 'acceptance-6-four-eyes');
    await app.getByTestId('confirm-privileged-approval').click();
    await expect(dialog).toBeHidden();
  }
  await expect(app.getByTestId('plan-state')).toHaveText('Approved');
  await expect(app.getByText(/Approved by Bea Second/)).toHaveCount(2);
  await snapshot(app, 'acceptance-7-approved');

  // 7. Apply to the sandbox.
  await app.getByTestId('apply-plan').click();
  await app.getByTestId('confirm-apply').click();
  await expect(app.getByTestId('plan-state')).toHaveText('Applied', { timeout: 240_000 });
  await expect(app.getByTestId('apply-summary')).toContainText('4 applied and verified');
  await snapshot(app, 'acceptance-8-applied');

  // 8. People shows the new state without a sync.
  expect(b.services.db.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(syncedAt);
  await app.goto(`${harness.url}#/people`);
  await waitForApp(app);
  await app.getByTestId('people-search').fill('Haddad-Lindqvist');
  const table = app.getByTestId('people-table');
  await expect(table).toHaveAttribute('data-results-for', 'Haddad-Lindqvist');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('noor.haddad-lindqvist@example.org');
  await expect(rows.first()).toContainText(organization.name);
  await snapshot(app, 'acceptance-9-people-new-person');

  // The role's holders, by the People filter: the two ticked, with the role.
  await app.getByTestId('people-search').fill('');
  await app.getByRole('button', { name: 'Filters' }).click();
  await app.getByTestId('people-filters').getByRole('combobox', { name: 'Role' }).fill(role.name);
  await app.getByRole('option', { name: role.name, exact: true }).click();
  await expect(table).toHaveAttribute('data-total', String(role.holders + 2));
  for (const id of ticked) await expect(table.locator(`[data-person-id="${id}"]`)).toBeVisible();
  await snapshot(app, 'acceptance-10-people-role-holders');

  // The reviewer's page lists the program assignment.
  await app.goto(`${harness.url}#/people/${reviewer.id}`);
  await waitForApp(app);
  await expect(app.getByTestId('person-program').filter({ hasText: program.name })).toContainText(utaRole.name);
  await snapshot(app, 'acceptance-11-person-assignment');
});
