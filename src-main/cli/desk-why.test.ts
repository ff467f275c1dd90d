/**
 * `desk why` as an administrator runs it: the real command in a child process on the built-in
 * sandbox (its own data folder), the person found by e-mail, by name and by id, the program by
 * name and by id, every check in order in the JSON, the fix plan made with --fix, and plain
 * errors for a name that matches no one or several people.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPDESK_CHECK_IDS, type HelpdeskDiagnosis, type HelpdeskPlanMade } from '../../src-preload/contract';
import { runDesk } from './test-support/run-desk';

const SERVICE = `Admin Desk desk-why-test ${crypto.randomUUID()}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-why-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const desk = (...args: string[]) => runDesk(['--data', dir, ...args], { ADMIN_DESK_KEYCHAIN_SERVICE: SERVICE });

interface Pair {
  personId: number;
  email: string;
  name: string;
  holds: { id: number; name: string };
  lacks: { id: number; name: string };
}

/** From the synced mirror: an external applicant, an open program they hold a part on, and an open one they lack. */
function applicantAndPrograms(): Pair {
  const db = new Database(path.join(dir, 'admin-desk.sqlite'), { readonly: true });
  try {
    const open = db
      .prepare("SELECT id, name FROM mirror_programs WHERE deleted_at IS NULL AND status NOT IN ('Closed', 'Draft')")
      .all() as { id: number; name: string }[];
    const rows = db
      .prepare(
        `SELECT p.id, p.email, p.first_name || ' ' || p.last_name AS name, a.program_id FROM mirror_people p
         JOIN mirror_program_assignments a ON a.instance_id = p.instance_id AND a.person_id = p.id AND a.deleted_at IS NULL
         WHERE p.is_external = 1 AND p.deleted_at IS NULL AND p.access_type = '1' AND p.status = 'Active'
           AND (p.access_expiry IS NULL OR p.access_expiry > date('now', '+1 day')) ORDER BY p.id`,
      )
      .all() as { id: number; email: string; name: string; program_id: number }[];
    for (const r of rows) {
      const holds = open.find((p) => p.id === r.program_id);
      const mine = new Set(rows.filter((x) => x.id === r.id).map((x) => x.program_id));
      const lacks = open.find((p) => !mine.has(p.id));
      const sameName = rows.filter((x) => x.name === r.name && x.id !== r.id).length;
      if (holds && lacks && sameName === 0) return { personId: r.id, email: r.email, name: r.name, holds, lacks };
    }
    throw new Error('no external applicant with an open program and another open program');
  } finally {
    db.close();
  }
}

describe('desk why', () => {
  let pair: Pair;
  beforeAll(async () => {
    const connect = await desk('connect', '--sandbox', '--people', '600', '--seed', '11');
    expect(connect.code, connect.stderr).toBe(0);
    const sync = await desk('sync');
    expect(sync.code, sync.stderr).toBe(0);
    pair = applicantAndPrograms();
  }, 240_000);

  it('runs every check in order for a person by e-mail and a program by name, in JSON', async () => {
    const run = await desk('why', pair.email, pair.holds.name, '--json');
    expect(run.code, run.stderr).toBe(0);
    const d = JSON.parse(run.stdout) as HelpdeskDiagnosis;
    expect(d.person).toMatchObject({ id: pair.personId, email: pair.email, isExternal: true });
    expect(d.target).toEqual({ kind: 'program', id: pair.holds.id, name: pair.holds.name });
    expect(d.checks.map((c) => c.id)).toEqual([...HELPDESK_CHECK_IDS]);
    expect(d.checks.find((c) => c.id === 'uta_role')).toMatchObject({ result: 'pass' });
    expect(d.failed).not.toContain('uta_role');
  }, 120_000);

  it('finds the person by name and the program by id, says what is wrong, and makes the fix plan with --fix', async () => {
    const human = await desk('why', pair.name, String(pair.lacks.id));
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(
      new RegExp(`FAIL\\s+Part on the program\\s+No part \\(UTA role\\) on ${pair.lacks.name}`),
    );
    expect(human.stdout).toMatch(/Add --fix to make it/);

    const fixed = await desk('why', String(pair.personId), String(pair.lacks.id), '--fix', '--json');
    expect(fixed.code, fixed.stderr).toBe(0);
    const d = JSON.parse(fixed.stdout) as HelpdeskDiagnosis & { planMade: HelpdeskPlanMade };
    expect(d.failed).toContain('uta_role');
    expect(d.planMade.plan.state).toBe('draft');
    expect(d.planMade.operations).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^Assign .+ on ${pair.lacks.name}$`))]),
    );
  }, 120_000);

  it('checks the portal without a program, and refuses what it cannot resolve with plain words', async () => {
    const portal = await desk('why', pair.email, '--json');
    expect(portal.code, portal.stderr).toBe(0);
    expect((JSON.parse(portal.stdout) as HelpdeskDiagnosis).target.kind).toBe('portal');

    const nobody = await desk('why', 'Zebedee Quuxworth-Nobody', '--json');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/No one in the mirror matches "Zebedee Quuxworth-Nobody"/);
    expect(nobody.stdout).toBe('');
    const noProgram = await desk('why', pair.email, 'No Such Program Anywhere');
    expect(noProgram.code).toBe(1);
    expect(noProgram.stderr).toMatch(/No program in the mirror is called "No Such Program Anywhere"/);
    const usage = await desk('why');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: desk why PERSON/);
  }, 120_000);
});
