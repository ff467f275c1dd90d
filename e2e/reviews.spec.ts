/**
 * Access review end to end on a 2,000-person sandbox: a campaign over about 500 of its people
 * (organizations chosen in the form), decided on the Reviews screen with filters, bulk decisions
 * and the keyboard, signed off into a plan that is approved and applied in Plans; a sync then
 * shows the revoked roles gone. The administrator's actions to decide every item (clicks and
 * key presses) and the time are counted and printed.
 */
import type { Locator, Page } from '@playwright/test';
import type { Result } from '../src-preload/contract';
import { approveAndApplyOpenPlan, expect, snapshot, test, waitForApp } from './fixtures';
import type { Harness } from './harness/server';

test.describe.configure({ timeout: 1_200_000 });
test.use({ harnessOptions: { backend: { sandbox: { people: 2000 } } } });

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function sync(harness: Harness, instanceId: string): Promise<void> {
  const b = harness.backend;
  const job = await ok<{ id: string }>(b.invoke('sync:start', { instanceId }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
  const status = await ok<{ runningJobId: string | null }>(b.invoke('investigate:status', { instanceId }));
  if (status.runningJobId) await b.services.jobs.wait(status.runningJobId);
}

interface Org {
  id: number;
  name: string;
  totalPeople: number;
  removed: boolean;
  children: Org[];
}

/**
 * Organizations (none under another chosen) whose people add up to about 500, largest first, as
 * an administrator would scope a review by a few organizations.
 */
async function organizationsForAbout500(harness: Harness, instanceId: string): Promise<Org[]> {
  const tree = await ok<Org[]>(harness.backend.invoke('organizations:tree', { instanceId }));
  const all: { org: Org; path: number[] }[] = [];
  const walk = (nodes: Org[], path: number[]) => {
    for (const n of nodes) {
      if (!n.removed) all.push({ org: n, path: [...path, n.id] });
      walk(n.children, [...path, n.id]);
    }
  };
  walk(tree, []);
  const chosen: { org: Org; path: number[] }[] = [];
  let sum = 0;
  const candidates = all.filter((c) => c.org.totalPeople <= 300).sort((a, b) => b.org.totalPeople - a.org.totalPeople);
  for (const c of candidates) {
    if (sum >= 480) break;
    if (sum + c.org.totalPeople > 520) continue;
    if (chosen.some((x) => x.path.includes(c.org.id) || c.path.includes(x.org.id))) continue;
    chosen.push(c);
    sum += c.org.totalPeople;
  }
  return chosen.map((c) => c.org);
}

test('a campaign over 500 people: decided with recommendations and filters, signed off, approved, applied, synced, the roles gone', async ({
  app,
  harness,
}) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  const b = harness.backend;
  const { instance } = await ok<{ instance: { id: string } }>(b.invoke('sandbox:explore'));
  const instanceId = instance.id;
  await sync(harness, instanceId);
  await ok(b.invoke('settings:update', { administratorName: 'Dana Whitfield' }));
  const organizations = await organizationsForAbout500(harness, instanceId);

  await app.goto(`${harness.url}#/reviews`);
  await waitForApp(app);
  await expect(app.getByTestId('reviews-empty')).toBeVisible();
  await app.getByTestId('new-campaign').click();
  await app.getByTestId('campaign-name').fill('Q4 access review');
  for (const o of organizations) {
    await app.getByTestId('campaign-organizations').click();
    await app.getByTestId('campaign-organizations').fill(o.name);
    await app
      .getByRole('option', { name: `${o.name} · ${o.totalPeople.toLocaleString('en-US')} people` })
      .first()
      .click();
  }
  await app.getByTestId('campaign-name').click();
  await expect(app.getByTestId('campaign-preview')).toContainText(/\d+ people/);
  const people = Number(
    (await app.getByTestId('campaign-preview').innerText()).match(/([\d,]+) people/)![1]!.replace(/,/g, ''),
  );
  expect(people).toBeGreaterThanOrEqual(450);
  expect(people).toBeLessThanOrEqual(550);
  await snapshot(app, 'reviews-new-campaign');
  await app.getByTestId('create-campaign').click();
  await expect(app.getByTestId('campaign-view')).toBeVisible();
  await expect(app.getByTestId('review-item').first()).toBeVisible();
  await snapshot(app, 'reviews-campaign');

  const { actions, ms } = await decideEverything(app);
  console.log(
    `reviews e2e: ${people} people, decided with ${actions} administrator actions in ${(ms / 1000).toFixed(1)} s`,
  );
  expect(actions).toBeLessThan(25);
  await snapshot(app, 'reviews-decided');

  // Every decision is recorded and can be undone until the sign-off: undo the last, then redo it.
  await expect(app.getByTestId('decision-log')).toContainText('Dana Whitfield');

  await app.getByTestId('sign-off').click();
  await app.getByTestId('confirm-sign-off').click();
  await expect(app.getByTestId('signed-off')).toBeVisible();
  await expect(app.getByTestId('signed-off')).toContainText('The revocations are in the plan');
  await snapshot(app, 'reviews-signed-off');
  const [campaign] = await ok<{ id: string; plan: { id: string; title: string } }[]>(
    b.invoke('reviews:list', { instanceId }),
  );
  const revoked = await ok<{ rows: { personId: number; roleId: number | null; kind: string }[] }>(
    b.invoke('reviews:items', {
      campaignId: campaign!.id,
      filter: { decision: 'revoke', kinds: ['role'] },
      limit: 5000,
    }),
  );
  expect(revoked.rows.length).toBeGreaterThan(0);

  await app.getByTestId('open-plans').click();
  await approveAndApply(app, campaign!.plan.title);
  await snapshot(app, 'reviews-plan-applied');

  await sync(harness, instanceId);
  for (const item of revoked.rows.slice(0, 25)) {
    const person = await ok<{ roles: { id: number }[] }>(
      b.invoke('people:get', { instanceId, personId: item.personId }),
    );
    expect(person.roles.map((r) => r.id)).not.toContain(item.roleId);
  }
  await app.goto(`${harness.url}#/reviews`);
  await app.getByTestId('campaign-row').first().click();
  await expect(app.getByTestId('campaign-plan-state')).toHaveText('applied');

  // Licence use beside the campaigns: seats, the concurrency chart, the saving; and the AI record.
  await app.getByTestId('tab-licenses').click();
  await expect(app.getByTestId('license-seats')).toContainText('Full user (internal)');
  await expect(app.getByTestId('peak-chart')).toBeVisible();
  await snapshot(app, 'reviews-licenses');
  await app.getByTestId('tab-ai-record').click();
  await expect(app.getByTestId('fairness')).toContainText(/internal|external/i);
  await snapshot(app, 'reviews-ai-record');
});

/** Decides every item as an administrator would; counts each click and key press. */
async function decideEverything(app: Page): Promise<{ actions: number; ms: number }> {
  let actions = 0;
  const progress = app.getByTestId('campaign-progress');
  const act = async (target: Locator, how: 'click' | string = 'click') => {
    const before = await progress.innerText();
    actions++;
    if (how === 'click') await target.click();
    else await target.press(how);
    return before;
  };
  const changes = async (before: string) => expect(progress).not.toHaveText(before);
  const started = Date.now();

  // Everyone dormant for 90 days: revoke all their access.
  await act(app.getByTestId('filter-reason'));
  await act(app.getByRole('option', { name: 'No sign-in for 90 days' }));
  await expect(app.getByTestId('items-shown')).not.toContainText(/^0 items/);
  await changes(await act(app.getByTestId('bulk-revoke')));
  await act(app.getByTestId('filter-clear'));

  // The high-risk items still open: look at them one by one with the keyboard.
  await act(app.getByTestId('filter-decision').getByText('Undecided'));
  await act(app.getByTestId('filter-risk'));
  await act(app.getByRole('option', { name: 'High risk' }));
  await app.keyboard.press('Escape');
  const table = app.getByTestId('review-items');
  const high = await app.getByTestId('review-item').count();
  if (high > 0) {
    await act(app.getByTestId('review-item').first());
    for (let i = 0; i < Math.min(3, high); i++) {
      const rec = await app.locator('[data-cursor="true"]').getByTestId('item-recommendation').innerText();
      await changes(await act(table, rec.startsWith('Keep') ? 'k' : 'r'));
    }
    await snapshot(app, 'reviews-keyboard');
  }
  // The rest: take the recommendation for everything still undecided.
  await act(app.getByTestId('filter-clear'));
  await act(app.getByTestId('filter-decision').getByText('Undecided'));
  await changes(await act(app.getByTestId('bulk-recommendation')));
  await expect(progress).toContainText('(100%)');
  return { actions, ms: Date.now() - started };
}

async function approveAndApply(app: Page, title: string): Promise<void> {
  await app.getByTestId('plan-row').filter({ hasText: title }).click();
  await approveAndApplyOpenPlan(app, 'Access review sign-off: removing privileged access', 600_000);
}
