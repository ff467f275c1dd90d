/**
 * A first full sync against the sandbox over HTTP mirrors exactly what the sandbox holds: counts
 * of every kind, every person's wire record (custom fields included), holdings, the tree, and the
 * logs; the plan before it is what the run then costs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { parseRoleList } from '../smartsimple/protocol';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { getSyncStatus } from './store';
import { getPerson, searchPeople } from '../mirror/people-store';
import { listOrganizationsTree } from '../mirror/organizations-store';
import { planSync } from './plan';
import { mergeSearchIndexStep } from './index-store';
import { runSync } from './run-sync';
import { callsTo, makeSyncClient, mirrorIndexes, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

/** What the sandbox holds that a sync can see. */
function expected(sb: SandboxHandle) {
  const { data } = sb.state;
  const people = data.people.filter((p) => !p.deleted);
  const liveIds = new Set(people.map((p) => p.id));
  const programs = data.programs.filter((p) => !p.deleted);
  const programIds = new Set(programs.map((p) => p.id));
  return {
    people,
    companies: data.companies.filter((c) => !c.deleted),
    roles: data.roles,
    programs,
    assignments: data.associations.filter((a) => !a.removed && programIds.has(a.objectId) && liveIds.has(a.contactId)),
    accessEvents: data.accessLog.length,
    sessions: data.sessions.length,
  };
}

describe('full sync', () => {
  it('mirrors everything the sandbox holds, field by field, within the planned calls', async () => {
    const sb = await startSyncSandbox();
    sandboxes.push(sb);
    const { db, instanceId } = openTestDb();
    const { client, budget } = makeSyncClient(sb);
    const indexes = mirrorIndexes(db);

    const plan = await planSync(db, instanceId, client, { pageSize: 100, logPageSize: 2000, budget });
    expect(plan.kind).toBe('full');
    expect(plan.planningCalls).toBe(6);
    expect(plan.message).toMatch(/^About \d+ calls; \d+ left this hour\.$/);

    const job = testJob();
    const logStart = sb.requestLog.length;
    const result = await runSync({
      db,
      client,
      instanceId,
      mode: 'auto',
      pageSize: 100,
      logPageSize: 2000,
      ctx: job.ctx,
      logger: silentLogger,
    });
    expect(result.kind).toBe('full');
    // The plan was exact: the run made what it said, nothing more.
    expect(sb.requestLog.length - logStart).toBe(plan.calls);
    expect(result.summary.calls).toBe(plan.calls);

    const want = expected(sb);
    const count = (sql: string) => db.prepare(sql).pluck().get(instanceId) as number;
    expect(count('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')).toBe(
      want.people.length,
    );
    expect(count('SELECT count(*) FROM mirror_organizations WHERE instance_id = ?')).toBe(want.companies.length);
    expect(count('SELECT count(*) FROM mirror_roles WHERE instance_id = ?')).toBe(want.roles.length);
    expect(count('SELECT count(*) FROM mirror_programs WHERE instance_id = ?')).toBe(want.programs.length);
    expect(count('SELECT count(*) FROM mirror_program_assignments WHERE instance_id = ?')).toBe(
      want.assignments.length,
    );
    expect(count('SELECT count(*) FROM mirror_access_events WHERE instance_id = ?')).toBe(want.accessEvents);
    expect(count('SELECT count(*) FROM mirror_login_sessions WHERE instance_id = ?')).toBe(want.sessions);
    expect(result.summary.kinds.people).toEqual({ added: want.people.length, changed: 0, removed: 0 });
    expect(result.summary.kinds.login_sessions.added).toBe(want.sessions);
    expect(result.message).toMatch(/^Full sync: roles \d+ added; organizations \d+ added; people \d+ added/);

    // Every person's wire record, as a second reader sees it, is the mirrored raw record.
    const wire = await client.listAll('users.list', { pageSize: 1000 });
    const raws = new Map(
      (
        db
          .prepare(
            'SELECT p.id, r.raw FROM mirror_people p JOIN mirror_people_raw r ON r.key = p.key WHERE p.instance_id = ?',
          )
          .all(instanceId) as { id: number; raw: string }[]
      ).map((r) => [r.id, r.raw]),
    );
    for (const record of wire) expect(raws.get(Number(record.recordid))).toBe(JSON.stringify(record));
    expect(wire.some((r) => r['cf_Department'] !== null)).toBe(true);

    // A sample, typed: columns, holdings, organization path, logs.
    for (const p of want.people.filter((_, i) => i % 37 === 0)) {
      const mine = getPerson(db, instanceId, p.id);
      expect(mine).toMatchObject({
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        companyId: p.companyId,
        isExternal: p.isExternal,
        status: p.status,
        department: p.department,
      });
      expect(mine.roles.map((r) => r.id).sort((a, b) => a - b)).toEqual([...p.roleIds].sort((a, b) => a - b));
      const wireRecord = wire.find((r) => Number(r.recordid) === p.id);
      expect(mine.roles.map((r) => String(r.id)).sort()).toEqual(parseRoleList(wireRecord?.['sf_User Role']).sort());
      expect(mine.organizationPath.at(-1)?.id).toBe(p.companyId);
      expect(mine.organizationPath[0]?.id).toBe(sb.state.rootCompanyId);
      const sessions = sb.state.data.sessions;
      let expectedSessions = 0;
      for (let i = 0; i < sessions.length; i++) if (sessions.user.get(i) === p.id) expectedSessions++;
      expect(mine.recentLogins.length).toBe(Math.min(20, expectedSessions));
    }
    const [root] = listOrganizationsTree(db, instanceId);
    expect(root?.id).toBe(sb.state.rootCompanyId);
    expect(root?.totalPeople).toBe(want.people.length);
    const someone = want.people[want.people.length - 1];
    expect(
      searchPeople(db, instanceId, { query: `${someone?.firstName} ${someone?.lastName}` }).rows.map((r) => r.id),
    ).toContain(someone?.id);

    const status = getSyncStatus(db, instanceId);
    expect(status).toMatchObject({ unfinished: false, counts: { people: want.people.length } });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(job.events.at(-1)?.message).toMatch(/calls/);
    expect(callsTo(sb, 'roles.meta', logStart)).toBe(1);
    // The indexes the full sync dropped while filling empty tables are all back.
    expect(mirrorIndexes(db)).toEqual(indexes);
    expect(db.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get()).toBe(0);
    // So are the logs' per-person tables and their triggers, complete.
    expect(db.prepare('SELECT count(*) FROM mirror_login_sessions_by_user').pluck().get()).toBe(want.sessions);
    expect(db.prepare('SELECT count(*) FROM mirror_access_events_by_user').pluck().get()).toBe(want.accessEvents);
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%by_user%'");
    expect(triggers.pluck().all()).toHaveLength(6);
    // The search index the pages left in many small segments was merged: nothing is left to merge.
    expect(mergeSearchIndexStep(db, 1_000_000)).toBe(false);
  });
});
