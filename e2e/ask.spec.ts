/**
 * Ask, as an administrator uses it: sync the sandbox, ask three questions on the Audit screen's
 * Ask tab, take a condition out, rewrite the SQL (and see a DELETE refused at the field), export
 * the answer as CSV and as PDF (saved in e2e/artifacts; the PDF is also read back), save a
 * question, and ask one it cannot read (the nearest questions, one click away). Screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Result } from '../src-preload/contract';
import { ARTIFACTS_DIR, expect, snapshot, test, waitForApp } from './fixtures';

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function askQuestion(app: Page, question: string): Promise<void> {
  await app.getByTestId('ask-question').fill(question);
  await app.getByTestId('ask-question').press('Enter');
  await expect(app.getByTestId('ask-interpretation')).toBeVisible();
  await expect(app.getByTestId('ask-answer-count')).toBeVisible();
}

async function download(app: Page, testId: string, name: string): Promise<Buffer> {
  const [file] = await Promise.all([app.waitForEvent('download'), app.getByTestId(testId).click()]);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const target = path.join(ARTIFACTS_DIR, name);
  await file.saveAs(target);
  return fs.readFileSync(target);
}

test('ask three questions, edit one, export CSV and PDF, save one, get suggestions for one it cannot read', async ({
  app,
  harness,
}) => {
  test.setTimeout(300_000);
  const b = harness.backend;
  const { instance } = await ok<{ instance: { id: string } }>(b.invoke('sandbox:explore'));
  const job = await ok<{ id: string }>(b.invoke('sync:start', { instanceId: instance.id }));
  expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');

  await app.goto(`${harness.url}#/audit`);
  await waitForApp(app);
  await app.getByTestId('tab-ask').click();
  await expect(app.getByTestId('ask-examples')).toBeVisible();
  await snapshot(app, 'ask-start');

  await askQuestion(app, 'Who has not logged in for the last 90 days?');
  await expect(app.getByTestId('ask-interpretation')).toContainText('have not logged in since');
  await expect(app.getByTestId('ask-row').first()).toBeVisible();
  await snapshot(app, 'ask-1-dormant');

  await askQuestion(app, 'How many people per department?');
  await expect(app.getByTestId('ask-chart')).toBeVisible();
  await expect(app.getByTestId('ask-table')).toContainText('Grants Management');
  await snapshot(app, 'ask-2-per-department');

  await askQuestion(app, 'Which external users logged in between 23:00 and 05:00 UTC?');
  const conditions = app.getByTestId('ask-condition');
  await expect(conditions).toHaveCount(2);
  const before = await app.getByTestId('ask-answer-count').textContent();
  await snapshot(app, 'ask-3-night-logins');

  // Edit the reading: take the hours condition out; the words, the SQL and the answer follow.
  await app.getByRole('button', { name: /Take out: with login sessions between 23:00/ }).click();
  await expect(conditions).toHaveCount(1);
  await expect(app.getByTestId('ask-sql')).not.toContainText('strftime');
  await expect(app.getByTestId('ask-answer-count')).not.toHaveText(before ?? '');

  // Edit the SQL: a DELETE is refused at the field; a SELECT of one's own runs.
  const sql = app.getByTestId('ask-sql');
  await sql.fill('DELETE FROM people');
  await app.getByTestId('ask-run-sql').click();
  await expect(app.getByText('"DELETE" is not allowed', { exact: false })).toBeVisible();
  await sql.fill(
    'SELECT p.organization, count(*) AS people FROM people p WHERE p.is_external = 1 GROUP BY 1 ORDER BY 2 DESC LIMIT 12',
  );
  await sql.press('Control+Enter');
  await expect(app.getByTestId('ask-table')).toContainText('organization');
  await expect(app.getByTestId('ask-row')).toHaveCount(12);
  await expect(app.getByTestId('ask-from-sql')).toBeVisible();
  await app.mouse.move(0, 0);
  await snapshot(app, 'ask-4-edited-sql');

  const csv = (await download(app, 'ask-export-csv', 'ask-evidence.csv')).toString('utf8');
  expect(csv.split('\n')[0]).toBe('organization,people');
  expect(csv.trim().split('\n')).toHaveLength(13);
  const pdf = await download(app, 'ask-export-pdf', 'ask-evidence.pdf');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const trail = await ok<{ entries: { action: string; details: { sha256: string } }[] }>(
    b.invoke('audit:list', { instanceId: instance.id, limit: 2 }),
  );
  expect(trail.entries.map((e) => e.action)).toEqual(['evidence.exported', 'evidence.exported']);

  await app.getByRole('button', { name: 'Save question' }).click();
  await expect(app.getByTestId('ask-saved-item')).toHaveCount(1);
  await expect(app.getByTestId('ask-saved-item')).toContainText('edited SQL');

  await askQuestion(app, 'Who has the Report Viewer role?').catch(() => undefined);
  await app.getByTestId('ask-question').fill('who likes pizza on fridays');
  await app.getByTestId('ask-question').press('Enter');
  await expect(app.getByTestId('ask-refusal')).toContainText('Not understood: "pizza"');
  await snapshot(app, 'ask-5-not-understood');
  await app.getByTestId('ask-suggestion').first().click();
  await expect(app.getByTestId('ask-answer-count')).toBeVisible();
});
