/**
 * Describe the change, as an administrator uses it: on the Plans screen, type a sentence, see its
 * interpretation, the action and the SQL; confirm; the draft plan opens with its consequences
 * warnings; a click on one shows only the operations behind it. An unreadable sentence gets the
 * nearest sentences, one click away. Screenshots.
 */
import { exploreAndSync, expect, snapshot, test, waitForApp } from './fixtures';

test('describe a change, confirm it, see the consequences and filter by one', async ({ app, harness }) => {
  test.setTimeout(300_000);
  await exploreAndSync(harness);
  await app.goto(`${harness.url}#/plans`);
  await waitForApp(app);
  const box = app.getByTestId('describe-sentence');
  await expect(box).toBeVisible();

  // A sentence it cannot read: the nearest sentences, one click away.
  await box.fill('frobnicate the Grants Management department');
  await box.press('Enter');
  await expect(app.getByTestId('describe-refused')).toBeVisible();
  await expect(app.getByTestId('describe-suggestion').first()).toBeVisible();
  await snapshot(app, 'lifecycle-describe-refused');

  await box.fill('deactivate everyone in the Grants Management department');
  await box.press('Enter');
  await expect(app.getByTestId('describe-interpretation')).toContainText('Deactivate');
  await expect(app.getByTestId('describe-interpretation')).toContainText('Grants Management');
  await expect(app.getByTestId('describe-action')).toHaveText(/Deactivate/);
  await expect(app.getByTestId('describe-sql')).toHaveValue(/SELECT[\s\S]*Grants Management/);
  await expect(app.getByTestId('describe-counts')).toContainText('people selected');
  await snapshot(app, 'lifecycle-describe-reading');

  await app.getByTestId('describe-confirm').click();
  await expect(app.getByTestId('plan-page')).toBeVisible();
  const warnings = app.getByTestId('consequences');
  await expect(warnings).toBeVisible();
  const losesAccess = app.getByTestId('consequence-losesAccess');
  await expect(losesAccess).toBeVisible();
  await snapshot(app, 'lifecycle-describe-plan-consequences');

  // One warning: only the operations behind it.
  const manager = app.getByTestId('consequence-programWithoutManager');
  const target = (await manager.count()) > 0 ? manager : losesAccess;
  await target.click();
  await expect(app.getByTestId('consequence-filter')).toBeVisible();
  const shown = await app.getByTestId('consequence-filter').textContent();
  const n = Number(/(\d+) operation/.exec(shown ?? '')?.[1] ?? 0);
  expect(n).toBeGreaterThan(0);
  await snapshot(app, 'lifecycle-describe-filtered');
  await app.getByTestId('consequence-clear').click();
  await expect(app.getByTestId('consequence-filter')).toHaveCount(0);
});
