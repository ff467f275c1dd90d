/**
 * Investigation end to end, against the real backend and sandbox: sync (the detectors scan what it
 * brought), open the findings, open one, see its evidence and reason, make a plan from it and find
 * the plan in Plans; dismiss findings in bulk with a reason asked at the field; the risk tab; a
 * person's timeline from the person page.
 */
import type { Page } from '@playwright/test';
import type { ConnectionDetails, JobInfo, ScanStatus } from '../src-preload/contract';
import { expect, snapshot, test } from './fixtures';
import type { Harness } from './harness/server';

test.describe.configure({ timeout: 360_000 });

async function exploreAndSync(harness: Harness): Promise<string> {
  const explored = await harness.backend.invoke('sandbox:explore');
  if (!explored.ok) throw new Error(`sandbox:explore: ${explored.error.message}`);
  const instanceId = (explored.data as ConnectionDetails).instance.id;
  const sync = await harness.backend.invoke('sync:start', { instanceId });
  if (!sync.ok) throw new Error(`sync:start: ${sync.error.message}`);
  expect((await harness.backend.services.jobs.wait((sync.data as JobInfo).id)).state).toBe('succeeded');
  // The scan the sync started: wait for it through the same channel the screen reads.
  const status = await harness.backend.invoke('investigate:status', { instanceId });
  const running = status.ok ? (status.data as ScanStatus).runningJobId : null;
  if (running) expect((await harness.backend.services.jobs.wait(running)).state).toBe('succeeded');
  return instanceId;
}

async function open(app: Page, harness: Harness, hash: string): Promise<void> {
  await app.goto(`${harness.url}#${hash}`);
}

test('sync, open the findings, open one, see its evidence, make a plan from it', async ({ app, harness }) => {
  await exploreAndSync(harness);
  await open(app, harness, '/audit');
  await app.getByTestId('tab-findings').click();
  await expect(app.getByTestId('scan-last')).toContainText(/Last scan .*: [\d,]+ findings, judged as of/);
  const rows = app.getByTestId('finding-row');
  await expect(rows.first()).toBeVisible();
  await snapshot(app, 'investigate-findings');

  // Only the peer outliers: the role nobody else in their group holds.
  await app.getByTestId('filter-kind').click();
  await app.getByRole('option', { name: /^Role unlike their peers/ }).click();
  await app.keyboard.press('Escape');
  await expect(rows.first()).toHaveAttribute('data-kind', 'peer_outlier');
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toHaveAttribute('data-kind', 'peer_outlier');

  await rows.first().getByTestId('finding-open').click();
  const page = app.getByTestId('finding-page');
  await expect(page.getByTestId('finding-title')).toContainText('Role unlike their peers:');
  await expect(page.getByTestId('finding-reason')).toContainText(/which none of their \d+ peers/);
  const roles = page.getByTestId('evidence-roles');
  await expect(roles).toBeVisible();
  await expect(roles.locator('tr[data-subject="yes"]')).toHaveCount(1);
  await expect(roles).toContainText('Peers holding it');
  await snapshot(app, 'investigate-finding');

  await page.getByTestId('make-plan-button').first().click();
  const made = page.getByTestId('plan-made');
  await expect(made).toContainText(/1 operation \(remove .+\), a draft for you to review/);
  await expect(page.getByTestId('finding-plan')).toContainText(/Plan “.+” \(draft\)/);
  await made.scrollIntoViewIfNeeded();
  await snapshot(app, 'investigate-plan-made');
  const title = await page.getByTestId('finding-title').innerText();
  await made.getByTestId('plan-made-open').click();
  await expect(app.getByTestId('screen-plans')).toBeVisible();
  await expect(
    app.getByText(title.replace(/^Role unlike their peers: /, 'Role unlike their peers: ')).first(),
  ).toBeVisible();
});

test('dismisses findings in bulk with a reason asked at the field; risk and a timeline', async ({ app, harness }) => {
  await exploreAndSync(harness);
  await open(app, harness, '/audit/findings');
  const rows = app.getByTestId('finding-row');
  await expect(rows.first()).toBeVisible();
  const before = await app.getByTestId('findings-count').innerText();
  await rows.nth(0).locator('input[type="checkbox"]').check();
  await rows.nth(1).locator('input[type="checkbox"]').check();
  await expect(app.getByTestId('bulk-bar')).toContainText('2 findings selected');
  await app.getByTestId('bulk-dismiss').click();
  const modal = app.getByRole('dialog', { name: 'Dismiss 2 findings' });
  await modal.getByTestId('dismiss-confirm').click();
  await expect(modal.getByText('Say why: the reason is kept with the findings and in the audit trail.')).toBeVisible();
  await snapshot(app, 'investigate-dismiss-reason');
  await modal.getByTestId('dismiss-reason').fill('Reviewed with the program director');
  await modal.getByTestId('dismiss-confirm').click();
  await expect(modal).toBeHidden();
  await expect(app.getByTestId('findings-count')).not.toHaveText(before);

  await app.getByTestId('tab-risk').click();
  await expect(app.getByTestId('risk-distribution')).toContainText(/people score above zero/);
  await expect(app.getByTestId('risk-person').first()).toContainText(/\+\d+/);
  await snapshot(app, 'investigate-risk');

  const someone = harness.backend.services.db
    .prepare(
      `SELECT p.id FROM mirror_people p JOIN mirror_login_sessions s ON s.user_key = p.key
       WHERE p.is_external = 0 GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get() as number;
  await open(app, harness, `/people/${someone}`);
  await app.getByTestId('person-timeline-link').click();
  await expect(app.getByTestId('person-timeline')).toBeVisible();
  await expect(app.getByTestId('timeline-usual')).toContainText(
    /Usual hours, as the off-hours detector learned them: \d\d:\d\d–\d\d:\d\d UTC/,
  );
  await expect(app.getByTestId('session-heatmap').locator('svg')).toBeVisible();
  await snapshot(app, 'investigate-timeline');
});
