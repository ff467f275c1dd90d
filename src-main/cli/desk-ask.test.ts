/**
 * `desk ask` as a script runs it: the real command in a child process, over a data folder where
 * `desk connect --sandbox --instance FILE` (an instance file written here) and `desk sync` made a
 * mirror. The --json answers are compared with hand-written SQL over that folder's database; an
 * unreadable question exits 1 with JSON too; a broken instance file is refused before anything starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceToFile } from '../smartsimple/sandbox/instance-file';
import { generateInstance } from '../smartsimple/sandbox/seed/generate';
import { runDesk } from './test-support/run-desk';

const NOW = '2026-11-20T12:00:00Z';
let dir: string;

const desk = (args: string[]) => runDesk([...args, '--data', dir]);

interface AskJson {
  question: string;
  interpretation: string;
  query: unknown;
  kind: 'people' | 'table';
  people: { id: number; name: string }[];
  table: { columns: string[]; rows: unknown[][] };
}

/** Hand-written SQL over the data folder's database (read-only), with `@i` the one instance. */
function expected(sql: string): unknown[][] {
  const db = new Database(path.join(dir, 'admin-desk.sqlite'), { readonly: true });
  try {
    const i = db.prepare('SELECT id FROM instances').pluck().get() as string;
    return db.prepare(sql).raw().all({ i }) as unknown[][];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-desk-ask-'));
  const generated = generateInstance({ seed: 4, people: 150, now: Date.parse(NOW) });
  fs.writeFileSync(path.join(dir, 'instance.json'), JSON.stringify(instanceToFile(generated.data)));
  const connect = await desk(['connect', '--sandbox', '--instance', path.join(dir, 'instance.json')]);
  expect(connect.code, connect.stderr).toBe(0);
  const sync = await desk(['sync']);
  expect(sync.code, sync.stderr).toBe(0);
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('desk ask --json', () => {
  it('prints the question, interpretation, query, kind, people and table, as the mirror answers', async () => {
    const run = await desk(['ask', 'Which external users have the Report Submitter role?', '--json', '--now', NOW]);
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout) as AskJson;
    expect(a).toMatchObject({ question: 'Which external users have the Report Submitter role?', kind: 'people' });
    expect(a.interpretation).toMatch(/Report Submitter/);
    expect(a.table.columns.slice(0, 2)).toEqual(['id', 'name']);
    const want = expected(
      `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND p.deleted_at IS NULL AND p.is_external = 1
       AND EXISTS (SELECT 1 FROM mirror_role_holdings h JOIN mirror_roles r ON r.instance_id = h.instance_id AND r.id = h.role_id
         WHERE h.instance_id = @i AND h.person_id = p.id AND r.name = 'Report Submitter') ORDER BY p.id`,
    ).map((r) => r[0]);
    expect(want.length).toBeGreaterThan(0);
    expect(a.people.map((p) => p.id).sort((x, y) => x - y)).toEqual(want);
  }, 120_000);

  it('answers a count per group as a table', async () => {
    const run = await desk(['ask', 'how many people per status', '--json', '--now', NOW]);
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout) as AskJson;
    expect(a.kind).toBe('table');
    const want = expected(
      `SELECT coalesce(nullif(status, ''), '(none)'), count(*) FROM mirror_people
       WHERE instance_id = @i AND deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    expect(a.table.rows).toEqual(want);
  }, 120_000);

  it('exits 1 on a question it cannot read, with the nearest questions it can, in JSON too', async () => {
    const run = await desk(['ask', 'who likes pizza on fridays', '--json', '--now', NOW]);
    expect(run.code).toBe(1);
    const refusal = JSON.parse(run.stdout) as { error: string; suggestions: string[] };
    expect(refusal.error).toMatch(/Not understood: "pizza"/);
    expect(refusal.suggestions.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/Not understood/);
  }, 120_000);

  it('refuses an instance file with a problem before starting anything', async () => {
    const broken = JSON.parse(fs.readFileSync(path.join(dir, 'instance.json'), 'utf8')) as { holdings: unknown[] };
    broken.holdings.push({ personId: 1, roleId: 2 });
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken));
    const run = await desk(['connect', '--sandbox', '--instance', path.join(dir, 'broken.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /broken.json is not a sandbox instance file[\s\S]*holdings\[\d+\]\.personId: 1 is not a person/,
    );
  }, 120_000);

  it('says how to use it without a question (exit 2)', async () => {
    const run = await desk(['ask']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: desk ask "QUESTION"/);
  }, 120_000);
});
