/**
 * The People list's tools as an administrator uses them, on a synced sandbox: sort by a column
 * (sorted in main, either way, kept after a reload), choose columns, tick people (one, a Shift
 * range, every match without loading them) and put an action for them into a plan, export the
 * list as a CSV (every match, formulas neutralized), save a view and open it again; and Jump to
 * (Ctrl+K) finding a person, a role and a plan by keyboard alone.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, exploreAndSync, ok, snapshot, test, waitForApp } from './fixtures';

test.describe.configure({ timeout: 300_000 });

interface Row {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  lastLogin: string | null;
}

test('sort, columns, ticks into a plan, CSV export and a saved view', async ({ app, harness }) => {
  await app.setViewportSize({ width: 1360, height: 860 });
  const b = harness.backend;
  const instanceId = await exploreAndSync(harness);
  // A name a spreadsheet would run as a formula, to see the export neutralize it.
  const victim = (await ok<{ rows: Row[] }>(b.invoke('people:search', { instanceId, limit: 1 }))).rows[0]!;
  b.services.db
    .prepare(
      'UPDATE mirror_people SET department = \'=HYPERLINK("http://evil.example","x")\' WHERE instance_id = ? AND id = ?',
    )
    .run(instanceId, victim.id);

  await app.goto(`${harness.url}#/people`);
  await waitForApp(app);
  const table = app.getByTestId('people-table');
  await expect(table.getByTestId('person-row').first()).toBeVisible();
  const total = Number(await table.getAttribute('data-total'));
  expect(total).toBeGreaterThan(500);

  // Sort by e-mail, Z to A: main sorts, the first row is the last e-mail of all.
  const emailHeader = app.getByRole('columnheader', { name: 'Email' });
  await emailHeader.getByRole('button').click();
  await expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
  await emailHeader.getByRole('button').click();
  await expect(emailHeader).toHaveAttribute('aria-sort', 'descending');
  const lastEmail = (
    await ok<{ rows: Row[] }>(b.invoke('people:search', { instanceId, limit: 1, sort: { by: 'email', dir: 'desc' } }))
  ).rows[0]!;
  await expect(table.getByTestId('person-row').first()).toHaveAttribute('data-person-id', String(lastEmail.id));
  await snapshot(app, 'people-tools-sorted');

  // Columns: add ID and Title, drop Department; kept after a reload, with the sort.
  await app.getByTestId('columns-menu').click();
  await app.getByTestId('column-id').click();
  await app.getByTestId('column-title').click();
  await app.getByTestId('column-department').click();
  await snapshot(app, 'people-tools-columns');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('columnheader', { name: 'ID' })).toBeVisible();
  await expect(app.getByRole('columnheader', { name: 'Department' })).toHaveCount(0);
  await app.reload();
  await waitForApp(app);
  await expect(app.getByRole('columnheader', { name: 'ID' })).toBeVisible();
  await expect(app.getByRole('columnheader', { name: 'Title' })).toBeVisible();
  await expect(app.getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByTestId('person-row').first()).toHaveAttribute('data-person-id', String(lastEmail.id));

  // Ticks: one, then Shift+click a range of five; the bar counts them.
  const rows = table.getByTestId('person-row');
  await rows.nth(1).getByTestId('person-tick').click();
  await rows
    .nth(5)
    .getByTestId('person-tick')
    .click({ modifiers: ['Shift'] });
  await expect(app.getByTestId('bulk-count')).toHaveText('5 selected');
  await expect(rows.nth(3)).toHaveAttribute('data-checked', 'true');
  await expect(rows.nth(0)).not.toHaveAttribute('data-checked', 'true');
  // A tick is not a click on the row: still on the list.
  await expect(app.getByTestId('screen-people')).toBeVisible();
  const ticked = await Promise.all([1, 2, 3, 4, 5].map((i) => rows.nth(i).getAttribute('data-person-id')));
  await snapshot(app, 'people-tools-ticked');

  // Add a profile role for the five into a new draft plan, chosen in the dialog.
  const roles = await ok<
    { id: number; name: string; utaOnly: boolean; removed: boolean; privileged: boolean | null; holders: number }[]
  >(b.invoke('roles:list', { instanceId }));
  const role = roles
    .filter((r) => !r.utaOnly && !r.removed && r.privileged !== true)
    .sort((x, y) => x.holders - y.holders)[0]!;
  await app.getByTestId('bulk-act').click();
  await app.getByRole('menuitem', { name: 'Add a profile role…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a profile role to 5 people' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await dialog.getByTestId('role-select').click();
  await app.getByRole('option', { name: role.name, exact: true }).click();
  await expect(dialog.getByTestId('action-plan')).toHaveValue('A new draft plan…');
  await dialog.getByTestId('action-new-plan-title').fill('');
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await dialog.getByTestId('action-new-plan-title').fill('Finance access for the five');
  await expect(dialog.getByTestId('build-preview')).toContainText('Adds 5 operations');
  await snapshot(app, 'people-tools-bulk-dialog');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('draft-notification')).toBeVisible();
  await expect(app.getByTestId('bulk-bar')).toHaveCount(0);
  const plans = await ok<{ id: string; title: string; operations: number }[]>(b.invoke('plans:list', { instanceId }));
  const plan = plans.find((p) => p.title === 'Finance access for the five')!;
  const detail = await ok<{ people: { personId: number }[] }>(b.invoke('plans:get', { planId: plan.id }));
  expect(detail.people.map((o) => String(o.personId)).sort()).toEqual([...ticked].sort());
  // It became the current draft.
  await expect(app.getByTestId('draft-selector')).toContainText('Finance access for the five');

  // Every match of a filter, without loading them, less one unticked: into the same (current) draft.
  await app.getByRole('button', { name: 'Filters' }).click();
  await app.getByTestId('people-filters').getByText('External', { exact: true }).click();
  await expect(table).not.toHaveAttribute('data-total', String(total));
  const matching = Number(await table.getAttribute('data-total'));
  // Far more than the rows loaded: the plan is built from the filter, not from loaded rows.
  expect(matching).toBeGreaterThan(500);
  await app.getByTestId('tick-all').click();
  await expect(app.getByTestId('bulk-count')).toHaveText(`All ${matching.toLocaleString('en-US')} matching selected`);
  await rows.first().getByTestId('person-tick').click();
  await expect(app.getByTestId('bulk-count')).toHaveText(
    `${(matching - 1).toLocaleString('en-US')} of ${matching.toLocaleString('en-US')} matching selected (1 unticked)`,
  );
  await snapshot(app, 'people-tools-all-matching');
  await app.getByTestId('bulk-act').click();
  await snapshot(app, 'people-tools-bulk-menu');
  await app.getByRole('menuitem', { name: 'Access, status and expiry…' }).click();
  const allDialog = app.getByTestId('access-dialog');
  await expect(allDialog).toContainText(`Access of ${(matching - 1).toLocaleString('en-US')} matching people`);
  await allDialog.getByTestId('expiry-select').click();
  await app.getByRole('option', { name: 'Ends on a day' }).click();
  await allDialog.getByTestId('expiry-day').fill('2027-03-31');
  await expect(allDialog.getByTestId('action-plan')).toHaveValue(/Finance access for the five/);
  await expect(allDialog.getByTestId('build-preview')).toContainText(
    `Adds ${(matching - 1).toLocaleString('en-US')} operations`,
  );
  await snapshot(app, 'people-tools-all-matching-dialog');
  await allDialog.getByTestId('action-submit').click();
  await expect(allDialog).toBeHidden();
  const after = await ok<{ totals: { byKind: Record<string, number> } }>(b.invoke('plans:get', { planId: plan.id }));
  expect(after.totals.byKind.set_access).toBe(matching - 1);

  // Export: every match of the search, with the columns shown, formulas neutralized.
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table).toHaveAttribute('data-total', String(total));
  await app.getByTestId('columns-menu').click();
  await app.getByTestId('column-department').click();
  await app.keyboard.press('Escape');
  const download = app.waitForEvent('download');
  await app.getByTestId('people-export').click();
  const file = await (await download).path();
  const [header, ...csv] = parse(fs.readFileSync(file, 'utf8')) as string[][];
  expect(header).toEqual([
    'Last name',
    'First name',
    'Email',
    'Organization',
    'Department',
    'Access',
    'Status',
    'Type',
    'Last login',
    'Title',
    'ID',
  ]);
  expect(csv).toHaveLength(total);
  expect(csv[0]![2]).toBe(lastEmail.email);
  const victimRow = csv.find((r) => r[10] === String(victim.id))!;
  expect(victimRow[4]).toBe('\'=HYPERLINK("http://evil.example","x")');

  // A saved view: words, filters, sort and columns; opened again after the list was changed.
  await app.getByTestId('people-search').fill('son');
  await expect(table).toHaveAttribute('data-results-for', 'son');
  const sonTotal = await table.getAttribute('data-total');
  await app.getByTestId('views-menu').click();
  await app.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  await app.getByTestId('view-name-save').click();
  await expect(app.getByRole('dialog', { name: 'Save as a new view' })).toContainText('Give the view a name.');
  await app.getByTestId('view-name').fill('The Sons, newest e-mail first');
  await app.getByTestId('view-name-save').click();
  await expect(app.getByTestId('views-menu')).toHaveText('The Sons, newest e-mail first');
  await app.getByTestId('people-search').fill('');
  await app.getByRole('columnheader', { name: 'Last login' }).getByRole('button').click();
  await expect(app.getByTestId('views-menu')).toContainText('(changed)');
  await app.getByTestId('views-menu').click();
  await snapshot(app, 'people-tools-views-menu');
  await app.getByTestId('saved-view').filter({ hasText: 'The Sons' }).click();
  await expect(table).toHaveAttribute('data-results-for', 'son');
  await expect(table).toHaveAttribute('data-total', sonTotal!);
  await expect(app.getByTestId('people-search')).toHaveValue('son');
  await expect(app.getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'descending');
  await expect(app.getByTestId('views-menu')).toHaveText('The Sons, newest e-mail first');

  // Rename, then delete (asked first).
  await app.getByTestId('views-menu').click();
  await app.getByRole('menuitem', { name: /Rename/ }).click();
  await app.getByTestId('view-name').fill('Sons');
  await app.getByTestId('view-name-save').click();
  await expect(app.getByTestId('views-menu')).toHaveText('Sons');
  await app.getByTestId('views-menu').click();
  await app.getByRole('menuitem', { name: /Delete/ }).click();
  await app.getByTestId('confirm-delete-view').click();
  await expect(app.getByTestId('views-menu')).toHaveText('Views');
  expect(await ok<unknown[]>(b.invoke('views:list', { instanceId }))).toEqual([]);
});

test('Jump to finds a person, a role and a plan by keyboard alone, with their kind', async ({ app, harness }) => {
  const b = harness.backend;
  const instanceId = await exploreAndSync(harness);
  const person = (await ok<{ rows: Row[] }>(b.invoke('people:search', { instanceId, limit: 1, offset: 33 }))).rows[0]!;
  const roles = await ok<{ id: number; name: string }[]>(b.invoke('roles:list', { instanceId }));
  const role = roles.find((r) => r.name.length > 8)!;
  const plan = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title: 'Year-end grantee review' }));

  await app.goto(`${harness.url}#/`);
  await waitForApp(app);
  const palette = app.getByRole('dialog', { name: 'Jump to' });
  const input = palette.getByRole('combobox');

  // Typing goes to the palette only once it is open and focused (under load it can take a moment).
  const openJump = async (): Promise<void> => {
    await app.keyboard.press('Control+k');
    await expect(input).toBeFocused();
  };

  // A person by e-mail: Enter opens the person page.
  await openJump();
  await app.keyboard.type(person.email);
  const first = palette.getByTestId('palette-option').first();
  await expect(first).toContainText(`${person.firstName} ${person.lastName}`);
  await expect(first.getByTestId('palette-kind')).toHaveText('Person');
  await snapshot(app, 'jump-to-person');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app).toHaveURL(new RegExp(`#/people/${person.id}$`));
  await expect(app.getByRole('heading', { name: `${person.firstName} ${person.lastName}` })).toBeVisible();

  // A person by id.
  await openJump();
  await app.keyboard.type(String(person.id));
  await expect(palette.getByTestId('palette-option').first()).toContainText(person.email);

  // A role by part of its name, reached with the arrows.
  await input.fill(role.name.slice(0, 6));
  const roleOption = palette.getByTestId('palette-option').filter({ hasText: role.name });
  await expect(roleOption.first().getByTestId('palette-kind')).toHaveText('Role');
  const options = palette.getByTestId('palette-option');
  const index = (await options.allTextContents()).findIndex((t) => t.includes(role.name));
  for (let i = 0; i < index; i++) await app.keyboard.press('ArrowDown');
  await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
  await snapshot(app, 'jump-to-role');
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(new RegExp(`#/roles/${role.id}$`));

  // A plan by its title: opens on the plan's page.
  await openJump();
  await app.keyboard.type('year-end');
  const planOption = palette.getByTestId('palette-option').filter({ hasText: 'Year-end grantee review' });
  await expect(planOption.getByTestId('palette-kind')).toHaveText('Plan');
  await expect(planOption).toContainText('draft');
  const planIndex = (await options.allTextContents()).findIndex((t) => t.includes('Year-end grantee review'));
  for (let i = 0; i < planIndex; i++) await app.keyboard.press('ArrowDown');
  await snapshot(app, 'jump-to-plan');
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(new RegExp(`#/plans\\?plan=${plan.id}$`));
  await expect(app.getByText('Year-end grantee review').first()).toBeVisible();

  // Screens still come first, with their kind; nothing found says so.
  await openJump();
  await app.keyboard.type('people');
  await expect(palette.getByTestId('palette-option').first()).toContainText('People');
  await expect(palette.getByTestId('palette-option').first().getByTestId('palette-kind')).toHaveText('Screen');
  await input.fill('qqzzxxqq');
  await expect(palette.getByTestId('palette-empty')).toHaveText('Nothing matches “qqzzxxqq”.');
});

test("Plans' By hand builder: people picked, a shared action dialog, a new plan with the title", async ({
  app,
  harness,
}) => {
  await app.setViewportSize({ width: 1360, height: 860 });
  const b = harness.backend;
  const instanceId = await exploreAndSync(harness);
  const [one, two] = (await ok<{ rows: Row[] }>(b.invoke('people:search', { instanceId, limit: 2, offset: 40 }))).rows;
  const roles = await ok<
    { id: number; name: string; privileged: boolean | null; utaOnly: boolean; removed: boolean }[]
  >(b.invoke('roles:list', { instanceId }));
  const role = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== true)!;

  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  await app.getByTestId('new-plan').click();
  await app.getByTestId('plan-title').fill('Two by hand');
  await app.getByRole('tab', { name: 'By hand' }).click();
  const hand = app.getByTestId('hand-builder');
  await expect(hand.getByTestId('bulk-act')).toBeDisabled();
  for (const p of [one!, two!]) {
    await hand.getByTestId('person-picker').fill(p.lastName);
    await app.getByRole('option').filter({ hasText: p.email }).first().click();
  }
  // Close the people list (a click on the dialog's title).
  await app.locator('.mantine-Modal-title').click();
  await hand.getByTestId('bulk-act').click();
  await app.getByRole('menuitem', { name: 'Add a profile role…' }).click();
  const dialog = app.getByTestId('add-role-dialog');
  await dialog.getByTestId('role-select').click();
  await app.getByRole('option').filter({ hasText: role.name }).first().click();
  await expect(dialog.getByTestId('action-draft')).toContainText('Into a new plan, “Two by hand”');
  await expect(dialog.getByTestId('build-preview')).toContainText(/Adds [12] operations?/);
  await snapshot(app, 'plans-by-hand-dialog');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('plan-page')).toContainText('Two by hand');
  const plans = await ok<{ id: string; title: string; operations: number }[]>(b.invoke('plans:list', { instanceId }));
  const made = plans.find((p) => p.title === 'Two by hand');
  expect(made).toBeDefined();
  await snapshot(app, 'plans-by-hand-plan');
});
