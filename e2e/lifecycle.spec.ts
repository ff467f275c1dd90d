/**
 * Lifecycle templates end to end on the sandbox: a roster of 30 reviewers from a CSV (5 people
 * already in the instance, 2 near-duplicates of people in it, 22 new, 1 bad row) read on the
 * Lifecycle screen, each row resolved, the near-duplicates decided by hand, made into a plan that
 * is approved and applied in Plans; then an organization offboarded with a named successor, applied,
 * and after a sync its people hold nothing and the successor holds what was transferred.
 */
import type { Page } from '@playwright/test';
import { approveAndApplyOpenPlan, expect, exploreAndSync, ok, snapshot, test, waitForApp } from './fixtures';
import type { Harness } from './harness/server';

test.describe.configure({ timeout: 600_000 });
test.use({ harnessOptions: { backend: { sandbox: { people: 300 } } } });

interface Person {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
}

async function sync(harness: Harness, instanceId: string): Promise<void> {
  const b = harness.backend;
  const job = await ok<{ id: string }>(b.invoke('sync:start', { instanceId }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
}

const FIRST = ['Amara', 'Bilal', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kalani'];
const LAST = ['Oyelaran', 'Quispe', 'Vasquez-Lund'];

/** 30 rows: 5 people of the instance, 2 near-duplicates (their name, another e-mail), 22 new, 1 bad e-mail. */
function rosterCsv(staff: Person[]): { csv: string; existing: Person[]; near: Person[] } {
  const existing = staff.slice(0, 5);
  const near = staff.slice(5, 7);
  const rows = ['First Name,Last Name,Email'];
  for (const p of existing) rows.push(`${p.firstName},${p.lastName},${p.email}`);
  for (const p of near)
    rows.push(
      `${p.firstName},${p.lastName},${p.firstName.toLowerCase()}.${p.lastName.toLowerCase()}@reviewers.example.net`,
    );
  for (let i = 0; i < 22; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = `${LAST[i % LAST.length]!}${i >= 11 ? '-Berg' : ''}`;
    rows.push(`${first},${last},${first.toLowerCase()}.${last.toLowerCase()}@panel.example.org`);
  }
  rows.push('Robin,Nowhere,robin.nowhere(at)example.org');
  return { csv: rows.join('\n'), existing, near };
}

async function approveAndApply(app: Page, planTitle: string): Promise<void> {
  await expect(app.getByText(planTitle).first()).toBeVisible();
  // The approver sees why each operation is there: the template's step and its reason.
  await expect(app.getByTestId('operation-why').first()).toHaveText(/^[^:]+: \S/);
  // A warning many operations raise is one line with its count.
  const warnings = await app.getByTestId('plan-warning').allTextContents();
  expect(new Set(warnings).size).toBe(warnings.length);
  await app.getByTestId('operation-why').first().scrollIntoViewIfNeeded();
  await snapshot(app, `lifecycle-plan-reasons-${planTitle.split(':')[0]!.split(' ')[0]!.toLowerCase()}`);
  await approveAndApplyOpenPlan(app, 'Offboarding: the successor takes over the programs');
}

async function chooseOption(app: Page, testId: string, text: string, option: string | RegExp): Promise<void> {
  await app.getByTestId(testId).click();
  await app.getByTestId(testId).fill(text);
  await app.getByRole('option', { name: option }).first().click();
}

test('a roster of 30 reviewers from a CSV resolved into an applied plan; an organization offboarded with a successor', async ({
  app,
  harness,
}) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  const b = harness.backend;
  const instanceId = await exploreAndSync(harness);
  await ok(b.invoke('settings:update', { administratorName: 'Dana Whitfield' }));
  const db = b.services.db;
  const program = db
    .prepare('SELECT id, name FROM mirror_programs WHERE instance_id = ? ORDER BY id LIMIT 1')
    .get(instanceId) as { id: number; name: string };
  const reviewer = db
    .prepare("SELECT id FROM mirror_roles WHERE instance_id = ? AND name = 'Reviewer'")
    .pluck()
    .get(instanceId) as number;
  const staff = db
    .prepare(
      `SELECT id, first_name AS firstName, last_name AS lastName, email FROM mirror_people p WHERE instance_id = ? AND is_external = 0
       AND access_type = '1' AND NOT EXISTS (SELECT 1 FROM mirror_program_assignments a WHERE a.instance_id = p.instance_id
       AND a.person_id = p.id AND a.program_id = ? AND a.deleted_at IS NULL) ORDER BY id LIMIT 7`,
    )
    .all(instanceId, program.id) as Person[];
  const { csv, existing, near } = rosterCsv(staff);

  await app.goto(`${harness.url}#/lifecycle`);
  await waitForApp(app);
  await chooseOption(app, 'roster-program', program.name.slice(0, 12), program.name);
  await expect(app.getByTestId('roster-role')).toHaveValue('Reviewer');
  await app
    .locator('input[type=file]')
    .setInputFiles({ name: 'reviewers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(app.getByTestId('roster-file')).toContainText('reviewers.csv');
  await app.getByTestId('roster-read').click();
  const counts = app.getByTestId('roster-counts');
  await expect(counts).toContainText('30 rows: 5 in the instance, 2 to decide, 22 new, 1 with an error', {
    timeout: 60_000,
  });
  await expect(app.getByTestId('roster-row-error')).toContainText(
    'Line 31: “robin.nowhere(at)example.org” is not an e-mail address',
  );
  await snapshot(app, 'lifecycle-roster-read');

  // The near-duplicates: the first is the person in the instance, the second is someone new after all.
  const review = app.locator('[data-testid="roster-row"][data-outcome="review"]');
  await review.nth(0).getByTestId('roster-choose').click();
  await app.getByRole('option', { name: new RegExp(near[0]!.email.replace(/[.+]/g, '\\$&')) }).click();
  await review.nth(1).getByTestId('roster-choose').click();
  await app.getByRole('option', { name: 'A new person' }).click();
  await app.getByTestId('roster-exact').check();
  const external = db
    .prepare('SELECT name FROM mirror_organizations WHERE instance_id = ? AND is_external = 1 ORDER BY id LIMIT 1')
    .pluck()
    .get(instanceId) as string;
  await chooseOption(app, 'roster-organization', external, new RegExp(`${external} \\(external\\)`));
  await app.getByTestId('roster-plan').click();
  await expect(app.getByTestId('template-plan')).toBeVisible();
  await expect(app.getByTestId('template-follow-up')).toContainText('23 people are created');
  await app.getByTestId('template-plan').scrollIntoViewIfNeeded();
  await snapshot(app, 'lifecycle-roster-plan');
  const created = await app
    .getByTestId('template-operation')
    .filter({ hasText: /^Create/ })
    .count();
  expect(created).toBe(23);
  await app.getByTestId('open-template-plan').click();
  await approveAndApply(app, 'Roster: Reviewers of');
  await snapshot(app, 'lifecycle-roster-applied');
  // A created person's row names no one else: new people share an empty person id until synced.
  await expect(app.locator('tbody tr').filter({ hasText: 'Create ' }).first()).toContainText(
    'New person, SmartSimple id',
  );
  await sync(harness, instanceId);
  const holders = new Set(
    db
      .prepare(
        'SELECT person_id FROM mirror_program_assignments WHERE instance_id = ? AND program_id = ? AND role_id = ? AND deleted_at IS NULL',
      )
      .pluck()
      .all(instanceId, program.id, reviewer) as number[],
  );
  for (const p of [...existing, near[0]!]) expect(holders.has(p.id)).toBe(true);
  expect(holders.size).toBe(6);
  const newcomers = db
    .prepare(
      "SELECT COUNT(*) FROM mirror_people WHERE instance_id = ? AND (email LIKE '%@panel.example.org' OR email LIKE '%@reviewers.example.net')",
    )
    .pluck()
    .get(instanceId);
  expect(newcomers).toBe(23);

  // An organization offboarded, with a successor named.
  const org = db
    .prepare("SELECT id, name FROM mirror_organizations WHERE instance_id = ? AND name = 'Grants Management'")
    .get(instanceId) as { id: number; name: string };
  const successor = db
    .prepare(
      `SELECT id, first_name AS firstName, last_name AS lastName, email FROM mirror_people WHERE instance_id = ? AND is_external = 0 AND access_type = '1' AND company_id <> ? AND user_type = '10' ORDER BY id LIMIT 1`,
    )
    .get(instanceId, org.id) as Person;
  await app.goto(`${harness.url}#/lifecycle`);
  await app.getByTestId('tab-offboard').click();
  await chooseOption(app, 'offboard-organization', 'Grants Man', /Grants Management/);
  await app.getByTestId('person-picker').fill(successor.email.slice(0, 8));
  await app.getByTestId('person-option').filter({ hasText: successor.email }).click();
  await app.keyboard.press('Escape');
  await app.getByTestId('offboard-show').click();
  await expect(app.getByTestId('offboard-successor')).toContainText(`${successor.firstName} ${successor.lastName}`);
  await expect(app.getByTestId('offboard-transfers')).toBeVisible();
  await app.getByTestId('offboard-successor').scrollIntoViewIfNeeded();
  await snapshot(app, 'lifecycle-offboard-review');
  await app.getByTestId('offboard-plan').click();
  await expect(app.getByTestId('template-plan')).toBeVisible();
  await app.getByTestId('template-plan').scrollIntoViewIfNeeded();
  await snapshot(app, 'lifecycle-offboard-plan');
  await app.getByTestId('open-template-plan').click();
  await approveAndApply(app, `Offboard ${org.name}`);
  await snapshot(app, 'lifecycle-offboard-applied');
  await sync(harness, instanceId);
  const left = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM mirror_people WHERE instance_id = ? AND company_id = ? AND (access_type <> '0' OR status <> 'Inactive'))
         + (SELECT COUNT(*) FROM mirror_role_holdings h JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = ? AND p.company_id = ?)
         + (SELECT COUNT(*) FROM mirror_program_assignments a JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id WHERE a.instance_id = ? AND p.company_id = ? AND a.deleted_at IS NULL)`,
    )
    .pluck()
    .get(instanceId, org.id, instanceId, org.id, instanceId, org.id);
  expect(left).toBe(0);
  const managed = db
    .prepare(
      "SELECT COUNT(*) FROM mirror_program_assignments a JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id WHERE a.instance_id = ? AND a.person_id = ? AND r.name = 'Program Manager' AND a.deleted_at IS NULL",
    )
    .pluck()
    .get(instanceId, successor.id) as number;
  expect(managed).toBeGreaterThan(0);
});
