/**
 * Browsing offline, end to end against the real backend and sandbox: sync from the header (plan,
 * confirm, progress, summary), search a person by part of their last name, open them, see their
 * roles and organization path; the Roles, Organizations and Programs screens.
 */
import type { Page } from '@playwright/test';
import type { ConnectionDetails, JobInfo } from '../src-preload/contract';
import { expect, snapshot, test } from './fixtures';
import type { Harness } from './harness/server';

// Starting the sandbox seeds 1,000 people, and a sync fetches them: give these tests room.
test.describe.configure({ timeout: 360_000 });

async function explore(harness: Harness): Promise<string> {
  const r = await harness.backend.invoke('sandbox:explore');
  if (!r.ok) throw new Error(`sandbox:explore: ${r.error.message}`);
  return (r.data as ConnectionDetails).instance.id;
}

/** A sync through the backend, for tests about what comes after it. */
async function syncInBackend(harness: Harness, instanceId: string): Promise<void> {
  const r = await harness.backend.invoke('sync:start', { instanceId });
  if (!r.ok) throw new Error(`sync:start: ${r.error.message}`);
  const done = await harness.backend.services.jobs.wait((r.data as JobInfo).id);
  expect(done.state).toBe('succeeded');
}

interface Someone {
  id: number;
  role_id: number;
  first_name: string;
  last_name: string;
  role: string;
  org: string;
  parent: string;
}

/** A person with a profile role, in an organization that has a parent (so the path has two steps). */
function pickSomeone(harness: Harness): Someone {
  return harness.backend.services.db
    .prepare(
      `SELECT p.id, p.first_name, p.last_name, r.id AS role_id, r.name AS role, o.name AS org, parent.name AS parent
       FROM mirror_people p
       JOIN mirror_role_holdings h ON h.instance_id = p.instance_id AND h.person_id = p.id
       JOIN mirror_roles r ON r.instance_id = p.instance_id AND r.id = h.role_id
       JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       JOIN mirror_organizations parent ON parent.instance_id = p.instance_id AND parent.id = o.parent_id
       WHERE p.deleted_at IS NULL AND length(p.last_name) >= 6
       ORDER BY p.id LIMIT 1`,
    )
    .get() as Someone;
}

async function openScreen(app: Page, harness: Harness, hash: string): Promise<void> {
  await app.goto(`${harness.url}#${hash}`);
}

test('syncs from the header, searches a person by part of their last name, opens them', async ({ app, harness }) => {
  const instanceId = await explore(harness);
  await openScreen(app, harness, '/people');
  // Never synced: the screen and the header say so, and offer the sync.
  await expect(app.getByTestId('browse-never-synced')).toBeVisible();
  await expect(app.getByTestId('last-synced')).toHaveText('Never synced');

  await app.getByTestId('sync-now').click();
  const dialog = app.getByRole('dialog', { name: /^Sync / });
  await expect(dialog.getByTestId('sync-plan-message')).toHaveText(/^About \d+ calls; [\d,]+ left this hour\.$/);
  await snapshot(app, 'sync-plan');
  await dialog.getByTestId('sync-confirm').click();
  // Progress shows while it runs (kept only if we catch it: the sandbox is quick).
  await dialog
    .getByTestId('sync-progress')
    .waitFor({ timeout: 3_000 })
    .then(() => snapshot(app, 'sync-progress'))
    .catch(() => undefined);
  const result = dialog.getByTestId('sync-result');
  await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 120_000 });
  await expect(dialog.getByTestId('sync-summary-table').locator('tr[data-kind="people"]')).toContainText('1,000');
  await snapshot(app, 'sync-summary');
  await dialog.getByTestId('sync-close').click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('last-synced')).toHaveText('Synced just now');

  // Search by a piece of the last name; the person is among the rows.
  const someone = pickSomeone(harness);
  const part = someone.last_name.slice(1, 5);
  const table = app.getByTestId('people-table');
  await expect(table).toHaveAttribute('data-total', '1000');
  await app.getByLabel('Search people').fill(part);
  await expect(table).toHaveAttribute('data-results-for', part);
  const row = table.locator(`[data-testid="person-row"][data-person-id="${someone.id}"]`);
  await expect(row).toBeVisible();
  await expect(table.getByTestId('person-row').first()).toContainText(new RegExp(part, 'i'));
  await snapshot(app, 'people-search');

  // Their role is marked privileged meanwhile: the person page flags it.
  const marked = await harness.backend.invoke('roles:setPrivileged', {
    instanceId,
    roleId: someone.role_id,
    privileged: true,
  });
  expect(marked.ok).toBe(true);
  await row.click();
  await expect(app).toHaveURL(new RegExp(`#/people/${someone.id}$`));
  const page = app.getByTestId('person-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${someone.first_name} ${someone.last_name}`);
  await expect(page.getByTestId('person-roles')).toContainText(someone.role);
  await expect(page.locator('[data-testid="person-role"][data-privileged]')).toContainText(someone.role);
  const path = page.getByTestId('person-org-path');
  await expect(path).toContainText(someone.parent);
  await expect(path).toContainText(someone.org);
  await snapshot(app, 'person-page');

  // Back on the list, the search is still there.
  await app.getByRole('link', { name: 'People', exact: true }).first().click();
  await expect(app.getByLabel('Search people')).toHaveValue(part);
});

test.describe('with a slow sandbox', () => {
  // 250 ms a call makes the sync last long enough for Cancel to land before it finishes.
  test.use({ harnessOptions: { backend: { sandbox: { latencyMs: 250 } } } });

  test('a cancelled sync is resumed, and says so', async ({ app, harness }) => {
    await explore(harness);
    await openScreen(app, harness, '/people');
    await app.getByTestId('sync-now').click();
    const dialog = app.getByRole('dialog', { name: /^Sync / });
    await dialog.getByTestId('sync-confirm').click();
    await dialog.getByTestId('sync-cancel').click();
    const result = dialog.getByTestId('sync-result');
    await expect(result).toHaveAttribute('data-state', 'cancelled');
    await expect(result).toContainText('The next sync continues where this one stopped');
    // The header says the last run did not finish.
    await expect(app.getByTestId('sync-now')).toHaveText('Resume sync');
    await snapshot(app, 'sync-cancelled');

    await result.getByRole('button', { name: 'Resume sync' }).click();
    await expect(dialog.getByTestId('sync-resumes')).toBeVisible();
    await snapshot(app, 'sync-resume-plan');
    await dialog.getByTestId('sync-confirm').click();
    await expect(result).toHaveAttribute('data-state', 'succeeded', { timeout: 120_000 });
    await expect(result).toContainText('resumed 1 time after an interruption');
    await dialog.getByTestId('sync-close').click();
    await expect(app.getByTestId('last-synced')).toHaveText('Synced just now');
    await expect(app.getByTestId('people-table')).toHaveAttribute('data-total', '1000');
  });
});

test('keyboard: / searches, arrows and Enter open a person, Escape clears', async ({ app, harness }) => {
  const instanceId = await explore(harness);
  await syncInBackend(harness, instanceId);
  const someone = pickSomeone(harness);
  await openScreen(app, harness, '/people');
  const table = app.getByTestId('people-table');
  await expect(table).toHaveAttribute('data-total', '1000');

  await table.click({ position: { x: 400, y: 10 } });
  await app.keyboard.press('/');
  const search = app.getByLabel('Search people');
  await expect(search).toBeFocused();
  await app.keyboard.type(`${someone.first_name} ${someone.last_name}`);
  await expect(table).toHaveAttribute('data-results-for', `${someone.first_name} ${someone.last_name}`);
  await app.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(table).toHaveAttribute('data-total', '1000');

  await app.keyboard.type(someone.last_name);
  await expect(table).toHaveAttribute('data-results-for', someone.last_name);
  const ids = await table
    .getByTestId('person-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-person-id'))));
  const index = ids.indexOf(someone.id);
  expect(index).toBeGreaterThanOrEqual(0);
  await app.keyboard.press('ArrowDown'); // into the table, on the first row
  await expect(table).toBeFocused();
  for (let i = 0; i < index; i++) await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('person-page')).toHaveAttribute('data-person-id', String(someone.id));
});

test('filters: role, internal/external, last login; no results offers to clear them', async ({ app, harness }) => {
  const instanceId = await explore(harness);
  await syncInBackend(harness, instanceId);
  const db = harness.backend.services.db;
  // The role most held by internal staff, so both filters leave rows to see.
  const role = db
    .prepare(
      `SELECT r.name, count(*) AS n FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
       JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id AND p.deleted_at IS NULL
       GROUP BY r.id ORDER BY sum(p.is_external = 0) DESC, n DESC LIMIT 1`,
    )
    .get() as { name: string; n: number };
  const internalWithRole = db
    .prepare(
      `SELECT count(*) FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
       JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id AND p.deleted_at IS NULL
       WHERE r.name = ? AND p.is_external = 0`,
    )
    .pluck()
    .get(role.name) as number;
  const never = db
    .prepare("SELECT count(*) FROM mirror_people WHERE deleted_at IS NULL AND (last_login IS NULL OR last_login = '')")
    .pluck()
    .get() as number;

  await openScreen(app, harness, '/people');
  const table = app.getByTestId('people-table');
  await expect(table).toHaveAttribute('data-total', '1000');
  await app.getByRole('button', { name: 'Filters' }).click();
  const filters = app.getByTestId('people-filters');
  await filters.getByRole('combobox', { name: 'Role' }).fill(role.name);
  await app.getByRole('option', { name: role.name, exact: true }).click();
  await expect(table).toHaveAttribute('data-total', String(role.n));
  await filters.getByText('Internal', { exact: true }).click();
  await expect(table).toHaveAttribute('data-total', String(internalWithRole));
  await snapshot(app, 'people-filters');

  await app.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(table).toHaveAttribute('data-total', '1000');
  await filters.getByRole('combobox', { name: 'Last login' }).click();
  await app.getByRole('option', { name: 'Never logged in' }).click();
  await expect(table).toHaveAttribute('data-total', String(never));

  // Nobody matches: the table says so and offers the way back.
  await app.getByLabel('Search people').fill('zzqqxx');
  await expect(app.getByTestId('people-empty')).toContainText('Nobody matches');
  await snapshot(app, 'people-no-results');
  await app.getByTestId('people-empty').getByRole('button', { name: 'Clear filters' }).click();
  await app.getByTestId('people-empty').getByRole('button', { name: 'Clear the search' }).click();
  await expect(table).toHaveAttribute('data-total', '1000');
  await expect(app.getByLabel('Search people')).toHaveValue('');
});

test('roles: privileged suggestions with one-click accept, a role and its holders', async ({ app, harness }) => {
  const instanceId = await explore(harness);
  await syncInBackend(harness, instanceId);
  await openScreen(app, harness, '/roles');

  const suggestions = app.getByTestId('privilege-suggestion');
  await expect(suggestions.first()).toBeVisible();
  const before = await suggestions.count();
  const first = suggestions.first();
  const roleId = await first.getAttribute('data-role-id');
  await first
    .getByRole('button', { name: /^Mark .* privileged$/ })
    .first()
    .click();
  await expect(suggestions).toHaveCount(before - 1);
  const row = app.locator(`[data-testid="role-row"][data-role-id="${roleId}"]`);
  await expect(row.getByTestId('privileged-control')).toHaveAttribute('data-value', 'yes');
  await snapshot(app, 'roles');

  // A role with holders: its page lists them and their departments.
  const held = app.locator('[data-testid="role-row"]:not([data-holders="0"])').first();
  await held.click();
  await expect(app.getByTestId('role-page')).toBeVisible();
  await expect(app.getByTestId('person-row').first()).toBeVisible();
  await snapshot(app, 'role-page');
});

test('organizations tree and programs, in the dark theme', async ({ app, harness }) => {
  const instanceId = await explore(harness);
  await syncInBackend(harness, instanceId);
  await harness.backend.invoke('settings:update', { theme: 'dark' });
  await openScreen(app, harness, '/organizations');
  await expect(app.locator('html')).toHaveAttribute('data-color-scheme', 'dark');
  const nodes = app.getByTestId('organization-node');
  await expect(nodes.first()).toBeVisible();
  // The root is open; pick its first child and see its people.
  await nodes.nth(1).click();
  await expect(app.getByTestId('organization-panel')).toBeVisible();
  await expect(app.getByTestId('person-row').first()).toBeVisible();
  await snapshot(app, 'organizations');

  await openScreen(app, harness, '/programs');
  await expect(app.getByTestId('program-row').first()).toBeVisible();
  await app.getByTestId('program-row').first().click();
  await expect(app.getByTestId('assignment-row').first()).toBeVisible();
  await snapshot(app, 'program-page');

  const someone = pickSomeone(harness);
  await openScreen(app, harness, `/people/${someone.id}`);
  await expect(app.getByTestId('person-page')).toBeVisible();
  await snapshot(app, 'person-page-dark');
});

test('no instance: the browse screens point to Connect', async ({ app, harness }) => {
  await openScreen(app, harness, '/people');
  await expect(app.getByTestId('browse-no-instance')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Explore with the sandbox instance' })).toBeVisible();
  await openScreen(app, harness, '/organizations');
  await expect(app.getByTestId('browse-no-instance')).toBeVisible();
});
