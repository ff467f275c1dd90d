/**
 * Actions where the administrator stands, end to end against the real backend and sandbox: on a
 * person, a role, a program and an organization page, and the New person form. Each action is
 * previewed, lands in the current draft chosen in the header (never on the instance), and the
 * plan shows it with names; the draft's "Open plan" link opens that plan.
 */
import type { Locator, Page } from '@playwright/test';
import type { PlanDetail, Result } from '../src-preload/contract';
import { expect, snapshot, test, waitForApp } from './fixtures';
import type { Harness } from './harness/server';

test.describe.configure({ timeout: 420_000 });

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

type Person = {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  status: string | null;
  accessType: string | null;
  userType: string | null;
  companyId: number | null;
  organization: string | null;
  isExternal: boolean;
  removed: boolean;
};
type Role = {
  id: number;
  name: string;
  utaOnly: boolean;
  removed: boolean;
  privileged: boolean | null;
  holders: number;
};
type Detail = Person & {
  roles: { id: number; name: string; privileged: boolean | null; utaOnly: boolean }[];
  programs: { programId: number }[];
};

async function syncSandbox(harness: Harness) {
  const b = harness.backend;
  const { instance } = await ok<{ instance: { id: string } }>(b.invoke('sandbox:explore'));
  await ok(b.invoke('settings:update', { administratorName: 'Dana Whitfield' }));
  const job = await ok<{ id: string }>(b.invoke('sync:start', { instanceId: instance.id }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
  const instanceId = instance.id;
  const roles = await ok<Role[]>(b.invoke('roles:list', { instanceId }));
  const people = (await ok<{ rows: Person[] }>(b.invoke('people:search', { instanceId, limit: 1000 }))).rows;
  return { instanceId, roles, people };
}

/** Makes a new draft current through the header's chooser. */
async function newDraft(app: Page, title: string) {
  await app.getByTestId('draft-selector').click();
  await app.getByRole('menuitem', { name: 'New draft…' }).click();
  const dialog = app.getByRole('dialog', { name: 'New draft plan' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create and make current' }).click();
  await expect(app.getByTestId('draft-selector')).toContainText(`${title} (0)`);
}

/** Picks `option` in a Mantine Select (typing narrows it). */
async function pick(app: Page, select: Locator, option: string) {
  await select.click();
  await select.fill(option);
  await app.getByRole('option', { name: option, exact: true }).first().click();
}

/** Submits an action dialog and waits for the notification that it was added. */
async function addToPlan(app: Page, dialog: Locator, draft: string) {
  await expect(dialog.getByTestId('action-draft')).toContainText(`the draft "${draft}"`);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText(`to "${draft}"`).last()).toBeVisible();
}

async function draftOps(harness: Harness, instanceId: string, title: string) {
  const plans = await ok<{ id: string; title: string }[]>(harness.backend.invoke('plans:list', { instanceId }));
  const plan = plans.find((p) => p.title === title)!;
  const detail = await ok<PlanDetail>(harness.backend.invoke('plans:get', { planId: plan.id }));
  return { planId: plan.id, ops: detail.people.flatMap((p) => p.operations) };
}

test('a person page: profile, roles, program, expiry into the current draft; password reset explained; the plan with names', async ({
  app,
  harness,
}) => {
  const { instanceId, roles, people } = await syncSandbox(harness);
  const b = harness.backend;
  // A plain active user with an ordinary profile role to remove and one to add.
  let person: Detail | undefined;
  for (const p of people.filter((x) => !x.removed && x.status === 'Active' && x.accessType === '1')) {
    const d = await ok<Detail>(b.invoke('people:get', { instanceId, personId: p.id }));
    if (d.roles.some((r) => !r.utaOnly && r.privileged !== true) && d.userType === '10') {
      person = d;
      break;
    }
  }
  const held = person!.roles.find((r) => !r.utaOnly && r.privileged !== true)!;
  const toAdd = roles.find((r) => !r.utaOnly && !r.removed && !person!.roles.some((h) => h.id === r.id))!;
  const uta = roles.find((r) => r.utaOnly && !r.removed)!;
  const programs = await ok<{ id: number; name: string; removed: boolean }[]>(
    b.invoke('programs:list', { instanceId }),
  );
  const program = programs.find((p) => !p.removed && !person!.programs.some((a) => a.programId === p.id))!;
  const name = `${person!.firstName} ${person!.lastName}`;

  await app.goto(`${harness.url}#/people/${person!.id}`);
  await waitForApp(app);
  await newDraft(app, 'Desk work');
  await expect(app.getByTestId('person-actions')).toBeVisible();
  await snapshot(app, 'entity-actions-person-page');

  // Edit the profile: only what changes goes in; the change is listed before it is added.
  await app.getByRole('button', { name: 'Edit profile…' }).click();
  let dialog = app.getByTestId('edit-profile-dialog');
  await dialog.getByTestId('field-sf_Email').fill('not an e-mail');
  await expect(dialog).toContainText('"not an e-mail" is not an e-mail address.');
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await dialog.getByTestId('field-sf_Email').fill(person!.email);
  await dialog.getByTestId('field-sf_Title').fill('Grants Lead');
  await expect(dialog.getByTestId('profile-changes')).toContainText('Title:');
  await expect(dialog.getByTestId('profile-changes')).toContainText('→ Grants Lead');
  await snapshot(app, 'entity-actions-edit-profile');
  await addToPlan(app, dialog, 'Desk work');

  // Add a role: the preview says what it adds.
  await app.getByRole('button', { name: 'Add role…' }).click();
  dialog = app.getByTestId('add-role-dialog');
  await pick(app, dialog.getByTestId('role-select'), toAdd.privileged ? `${toAdd.name} (privileged)` : toAdd.name);
  await expect(dialog.getByTestId('preview-change')).toHaveText(`Add profile role ${toAdd.name} · 1 person`);
  await snapshot(app, 'entity-actions-add-role');
  await addToPlan(app, dialog, 'Desk work');

  // Remove a role from the button beside it.
  await app
    .getByTestId('person-role')
    .filter({ hasText: held.name })
    .getByRole('button', { name: `Remove ${held.name}…` })
    .click();
  dialog = app.getByTestId('remove-role-dialog');
  await expect(dialog.getByTestId('preview-change')).toHaveText(`Remove profile role ${held.name} · 1 person`);
  await addToPlan(app, dialog, 'Desk work');

  // A program assignment.
  await app.getByRole('button', { name: 'Add to a program…' }).click();
  dialog = app.getByTestId('add-assignment-dialog');
  await pick(app, dialog.getByTestId('program-select'), program.name);
  await pick(app, dialog.getByTestId('uta-role-select'), uta.name);
  await expect(dialog.getByTestId('preview-change')).toHaveText(`Assign ${uta.name} on ${program.name} · 1 person`);
  await snapshot(app, 'entity-actions-add-assignment');
  await addToPlan(app, dialog, 'Desk work');

  // The access expiry.
  await app.getByRole('button', { name: 'Access' }).click();
  await app.getByRole('menuitem', { name: 'Access expiry…' }).click();
  dialog = app.getByTestId('access-dialog');
  await dialog.getByTestId('expiry-day').fill('2031-06-30');
  await expect(dialog.getByTestId('preview-change')).toHaveText('Access Expiry → 2031-06-30 · 1 person');
  await snapshot(app, 'entity-actions-access-expiry');
  await addToPlan(app, dialog, 'Desk work');

  // "Open plan" in the notification opens that plan (#/plans?plan=<id>); Back returns here.
  await app.getByRole('link', { name: 'Open plan' }).last().click();
  await expect(app.getByTestId('plan-page')).toBeVisible();
  expect(app.url()).toMatch(/#\/plans\?plan=[\w-]+$/);
  await expect(app.getByTestId('plan-page')).toContainText('Desk work');
  await app.goBack();
  await expect(app.getByTestId('person-actions')).toBeVisible();

  // Password reset: not faked.
  await app.getByRole('button', { name: 'Access' }).click();
  await app.getByRole('menuitem', { name: 'Reset password…' }).click();
  dialog = app.getByTestId('password-reset-dialog');
  await expect(dialog).toContainText('has no call that resets, sets or sends a password');
  await snapshot(app, 'entity-actions-password-reset');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Deactivate: the preview says exactly what changes; cancelled, nothing added.
  await app.getByRole('button', { name: 'Deactivate…' }).click();
  dialog = app.getByTestId('deactivate-dialog');
  await expect(dialog.getByTestId('build-preview')).toContainText('Access Type → No access · 1 person');
  await expect(dialog.getByTestId('build-preview')).toContainText('Status → Inactive · 1 person');
  await snapshot(app, 'entity-actions-deactivate-preview');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const { planId, ops } = await draftOps(harness, instanceId, 'Desk work');
  expect(ops.map((o) => o.kind)).toEqual(['update_fields', 'add_role', 'remove_role', 'add_assignment', 'set_access']);
  expect(ops.every((o) => o.personId === person!.id)).toBe(true);
  expect(ops.map((o) => o.summary)).toEqual([
    expect.stringMatching(/^Update: Title: ".*" -> "Grants Lead"$/),
    `Add profile role ${toAdd.name}`,
    `Remove profile role ${held.name}`,
    `Assign ${uta.name} on ${program.name}`,
    expect.stringMatching(/^Change access: Access Expiry: ".*" -> "2031-06-30"$/),
  ]);
  await expect(app.getByTestId('draft-selector')).toContainText('Desk work (5)');

  // The header's draft chooser opens the current draft too.
  await app.getByTestId('draft-selector').click();
  await app.getByRole('menuitem', { name: 'Open "Desk work"' }).click();
  await expect(app.getByTestId('plan-page')).toBeVisible();
  expect(app.url()).toContain(`#/plans?plan=${planId}`);
  const diff = app.getByTestId('person-diff').filter({ hasText: name });
  await expect(diff).toContainText(`+ ${program.name} · ${uta.name}`);
  await expect(diff).toContainText(toAdd.name);
  await expect(diff).not.toContainText(/Program assignment \d/);
  await snapshot(app, 'entity-actions-person-plan');
  // A reload stays on the plan.
  await app.reload();
  await waitForApp(app);
  await expect(app.getByTestId('plan-page')).toBeVisible();
});

test('a role page adds and removes holders, a program page adds reviewers and takes the ticked off, an inactive person is reactivated', async ({
  app,
  harness,
}) => {
  const { instanceId, roles, people } = await syncSandbox(harness);
  const b = harness.backend;
  // An ordinary profile role with a few holders, and someone active without it.
  const role = roles
    .filter((r) => !r.utaOnly && !r.removed && r.privileged !== true && r.holders >= 3)
    .sort((x, y) => x.holders - y.holders)[0]!;
  const holders = (
    await ok<{ rows: Person[] }>(b.invoke('people:search', { instanceId, filters: { roleId: role.id }, limit: 1000 }))
  ).rows;
  const newcomer = people.find(
    (p) => !p.removed && p.status === 'Active' && p.accessType === '1' && !holders.some((h) => h.id === p.id),
  )!;

  await app.goto(`${harness.url}#/roles/${role.id}`);
  await waitForApp(app);
  await newDraft(app, 'Access tidy-up');

  // Add a holder picked from the mirror by name.
  await app.getByRole('button', { name: 'Add holders…' }).click();
  let dialog = app.getByTestId('add-people-dialog');
  await dialog.getByTestId('person-picker').fill(newcomer.lastName);
  await app.getByTestId('person-option').filter({ hasText: newcomer.email }).first().click();
  await app.keyboard.press('Escape');
  await expect(dialog.getByTestId('preview-change')).toHaveText(`Add profile role ${role.name} · 1 person`);
  await snapshot(app, 'entity-actions-role-add-holders');
  await addToPlan(app, dialog, 'Access tidy-up');

  // Remove it from two holders ticked in the list.
  await app.getByRole('button', { name: 'Remove holders…' }).click();
  dialog = app.getByTestId('remove-holders-dialog');
  await expect(dialog.getByTestId('holder-checkbox')).toHaveCount(holders.length);
  await dialog.getByTestId('holder-checkbox').nth(0).check();
  await dialog.getByTestId('holder-checkbox').nth(1).check();
  await expect(dialog.getByTestId('preview-change')).toHaveText(`Remove profile role ${role.name} · 2 people`);
  await snapshot(app, 'entity-actions-role-remove-holders');
  await addToPlan(app, dialog, 'Access tidy-up');

  // A program: add a reviewer or applicant with one of its roles, take two ticked assignments off.
  const programs = await ok<{ id: number; name: string; removed: boolean; assignments: number }[]>(
    b.invoke('programs:list', { instanceId }),
  );
  const program = programs
    .filter((p) => !p.removed && p.assignments >= 3)
    .sort((x, y) => x.assignments - y.assignments)[0]!;
  const assignments = await ok<{ personId: number; personName: string; roleName: string; roleId: number }[]>(
    b.invoke('programs:assignments', { instanceId, programId: program.id }),
  );
  const outsider = people.find(
    (p) => !p.removed && p.status === 'Active' && !assignments.some((a) => a.personId === p.id) && p.id !== newcomer.id,
  )!;
  const utaRole = assignments[0]!.roleName;
  await app.goto(`${harness.url}#/programs/${program.id}`);
  await waitForApp(app);
  await app.getByRole('button', { name: 'Add reviewers or applicants…' }).click();
  dialog = app.getByTestId('add-people-dialog');
  await dialog.getByTestId('person-picker').fill(outsider.lastName);
  await app.getByTestId('person-option').filter({ hasText: outsider.email }).first().click();
  await app.keyboard.press('Escape');
  await pick(app, dialog.getByTestId('uta-role-select'), utaRole);
  await expect(dialog.getByTestId('preview-change')).toHaveText(`Assign ${utaRole} on ${program.name} · 1 person`);
  await snapshot(app, 'entity-actions-program-add');
  await addToPlan(app, dialog, 'Access tidy-up');
  await app.getByTestId('assignment-checkbox').nth(0).check();
  await app.getByTestId('assignment-checkbox').nth(1).check();
  await app.getByTestId('remove-selected-assignments').click();
  dialog = app.getByTestId('remove-assignments-dialog');
  await expect(dialog.getByTestId('removals').locator('li')).toHaveCount(2);
  await snapshot(app, 'entity-actions-program-remove');
  await addToPlan(app, dialog, 'Access tidy-up');
  await expect(app.getByTestId('remove-selected-assignments')).toContainText('(0)');

  // Someone who cannot sign in: Reactivate (User access, Active).
  const inactive = people.find((p) => !p.removed && (p.accessType === '0' || p.status === 'Inactive'))!;
  await app.goto(`${harness.url}#/people/${inactive.id}`);
  await waitForApp(app);
  await app.getByRole('button', { name: 'Reactivate…' }).click();
  dialog = app.getByTestId('reactivate-dialog');
  await expect(dialog.getByTestId('build-preview')).toContainText('· 1 person');
  await snapshot(app, 'entity-actions-reactivate');
  await addToPlan(app, dialog, 'Access tidy-up');

  const { ops } = await draftOps(harness, instanceId, 'Access tidy-up');
  expect(ops.map((o) => o.kind).sort()).toEqual(
    [
      'add_role',
      'remove_role',
      'remove_role',
      'add_assignment',
      'remove_assignment',
      'remove_assignment',
      'set_access',
    ].sort(),
  );
  expect(ops.find((o) => o.kind === 'add_role')).toMatchObject({
    personId: newcomer.id,
    summary: `Add profile role ${role.name}`,
  });
  expect(ops.find((o) => o.kind === 'add_assignment')).toMatchObject({
    personId: outsider.id,
    summary: `Assign ${utaRole} on ${program.name}`,
  });
  expect(ops.filter((o) => o.kind === 'remove_assignment').map((o) => o.summary)).toEqual([
    expect.stringContaining(`from ${program.name}`),
    expect.stringContaining(`from ${program.name}`),
  ]);
  expect(ops.find((o) => o.kind === 'set_access')).toMatchObject({
    personId: inactive.id,
    after: expect.objectContaining({}),
  });
  expect(ops.find((o) => o.kind === 'set_access')!.summary).toMatch(
    /^Change access: .*(No access -> User|"Inactive" -> "Active")/,
  );

  await app.getByTestId('draft-selector').click();
  await expect(app.getByRole('menuitem', { name: /Access tidy-up · 7 operations/ })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.getByRole('link', { name: 'Open plan' }).last().click();
  await expect(app.getByTestId('plan-page')).toBeVisible();
  await expect(app.getByTestId('plan-diff')).toContainText(`+ ${program.name} · ${utaRole}`);
  await expect(app.getByTestId('plan-diff')).toContainText(`− ${program.name} ·`);
  await snapshot(app, 'entity-actions-role-program-plan');
});

test('an organization: a new person from the form (checked at the fields, a duplicate e-mail linked), deactivate its people with the count', async ({
  app,
  harness,
}) => {
  const { instanceId, roles, people } = await syncSandbox(harness);
  const b = harness.backend;
  const tree = await ok<
    { id: number; name: string; isExternal: boolean; removed: boolean; people: number; children: unknown[] }[]
  >(b.invoke('organizations:tree', { instanceId }));
  type Org = { id: number; name: string; isExternal: boolean; removed: boolean; people: number; children: Org[] };
  const all: Org[] = [];
  const walk = (nodes: Org[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
  walk(tree as Org[]);
  const org = all.filter((o) => o.isExternal && !o.removed && o.children.length === 0 && o.people >= 2)[0]!;
  const someone = people.find((p) => !p.removed && p.companyId !== org.id)!;
  const role = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== true)!;
  const canSignIn = people.filter(
    (p) => !p.removed && p.companyId === org.id && p.status === 'Active' && p.accessType !== '0',
  );

  await app.goto(`${harness.url}#/organizations/${org.id}`);
  await waitForApp(app);
  await newDraft(app, 'Grantee changes');
  await app.getByRole('button', { name: 'Add a person…' }).click();
  const dialog = app.getByTestId('new-person-dialog');
  // The organization comes filled in, with its path and its side.
  await expect(dialog.getByTestId('new-person-organization')).toHaveValue(new RegExp(`${org.name}$`));
  await expect(dialog.getByTestId('new-person-side')).toContainText('External');
  await dialog.getByTestId('new-person-first').fill('Aroha');
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await expect(dialog).toContainText('Still needed: the last name and an e-mail address of their own.');
  await dialog.getByTestId('new-person-last').fill('Ngata');
  await dialog.getByTestId('new-person-email').fill('aroha.ngata@');
  await expect(dialog).toContainText('"aroha.ngata@" is not an e-mail address.');
  // An e-mail someone already has: said at the field, with a link to them.
  await dialog.getByTestId('new-person-email').fill(someone.email.toUpperCase());
  await expect(dialog.getByTestId('email-owner')).toContainText(`${someone.firstName} ${someone.lastName}`);
  await expect(dialog.getByTestId('email-owner').getByRole('link')).toHaveAttribute('href', `#/people/${someone.id}`);
  await snapshot(app, 'entity-actions-new-person-duplicate');
  await dialog.getByTestId('new-person-email').fill('aroha.ngata@example.org');
  await expect(dialog.getByTestId('email-owner')).toHaveCount(0);
  await dialog.getByTestId('new-person-title').fill('Programme Coordinator');
  await dialog.getByTestId('new-person-roles').click();
  await app.getByRole('option', { name: role.name, exact: true }).click();
  await app.keyboard.press('Escape');
  await snapshot(app, 'entity-actions-new-person');
  await addToPlan(app, dialog, 'Grantee changes');

  // Deactivate its people: the preview counts them and says what changes.
  await app.getByRole('button', { name: 'Deactivate…' }).click();
  const deactivate = app.getByTestId('deactivate-organization-dialog');
  await expect(deactivate.getByTestId('build-preview')).toContainText(
    `Adds ${canSignIn.length} operation${canSignIn.length === 1 ? '' : 's'} to the plan`,
  );
  await expect(deactivate.getByTestId('build-preview')).toContainText(
    `Status → Inactive · ${canSignIn.length} ${canSignIn.length === 1 ? 'person' : 'people'}`,
  );
  const orgPeople = people.filter((p) => !p.removed && p.companyId === org.id).length;
  if (orgPeople > canSignIn.length)
    await expect(deactivate.getByTestId('organization-unchanged')).toContainText(
      `${orgPeople - canSignIn.length} of the ${orgPeople} already cannot sign in`,
    );
  await snapshot(app, 'entity-actions-organization-deactivate');
  await addToPlan(app, deactivate, 'Grantee changes');

  const { ops } = await draftOps(harness, instanceId, 'Grantee changes');
  expect(ops.filter((o) => o.kind === 'deactivate')).toHaveLength(canSignIn.length);
  const created = ops.find((o) => o.kind === 'create_person')!;
  expect(created.summary).toBe(`Create Aroha Ngata <aroha.ngata@example.org> in ${org.name} with ${role.name}`);
  expect(created.after).toMatchObject({ 'sf_Is External': '1', sf_Title: 'Programme Coordinator' });

  // The People screen offers the same form.
  await app.goto(`${harness.url}#/people`);
  await waitForApp(app);
  await app.getByTestId('new-person').click();
  await expect(app.getByRole('dialog', { name: 'New person' })).toBeVisible();
  await expect(app.getByTestId('new-person-organization')).toHaveValue('');
});
