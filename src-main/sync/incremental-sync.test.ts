/**
 * After a full sync: changes made through the sandbox's API come in with an incremental sync at
 * one call per entity (counted in the sandbox's request log), deletions are noticed by a reconcile,
 * and a change the incremental criteria cannot see (a stamp moved back) is caught by the reconcile's
 * comparison of last-updated dates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import type { RoleCatalogueRecord } from '../smartsimple/protocol';
import { withRoles } from '../smartsimple/client';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { getPerson, searchPeople } from '../mirror/people-store';
import { getSyncCursor } from './store';
import { planSync } from './plan';
import { runSync } from './run-sync';
import type { RunSyncOptions } from './types';
import { callsTo, makeSyncClient, startSyncSandbox, testJob } from './test-support/sync-fixtures';
import { openTestDb } from './test-support/test-db';

const sandboxes: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function syncedSandbox() {
  const sb = await startSyncSandbox();
  sandboxes.push(sb);
  // In memory: writes inline (resume-sync and crash-sync cover the write worker).
  const t = openTestDb();
  const { client } = makeSyncClient(sb);
  const sync = (mode: RunSyncOptions['mode']) =>
    runSync({
      db: t.db,
      client,
      instanceId: t.instanceId,
      mode,
      pageSize: 50,
      logPageSize: 1000,
      ctx: testJob().ctx,
      logger: silentLogger,
    });
  await sync('full');
  return { sb, client, sync, ...t };
}

const HOUR = 60 * 60 * 1000;

describe('incremental sync and reconcile', () => {
  it('fetches only what changed, one call per entity, and applies it', async () => {
    const { sb, client, sync, db, instanceId } = await syncedSandbox();
    sb.clock.advance(HOUR);
    const people = sb.state.data.people.filter((p) => !p.deleted && p.accessType !== '5');
    const changed = [people[3], people[60], people[170], people[250]].map((p) => String(p?.id));
    const roles = (await client.getMeta('roles.meta')).records as RoleCatalogueRecord[];
    const role = roles.find((r) => r['sf_UTA Roles Only'] !== '1' && r['sf_Role Name'] === 'Report Viewer')?.[
      'sf_Role ID'
    ] as string;
    await client.readModifyWrite('users.update', 'users.list', [
      { recordid: changed[0] as string, set: { 'sf_Last Name': 'Quillfeather' } },
      { recordid: changed[1] as string, set: { sf_Title: 'Chief Tester' } },
      { recordid: changed[2] as string, set: (cur) => withRoles(cur, [role], []) },
      { recordid: changed[3] as string, set: { cf_Department: 'Skunkworks' } },
    ]);
    // A company whose people were not updated lately: a member inside the watermark's overlap would
    // come again with the new `sf_Company` text, and count as changed too.
    const recent = new Set(
      sb.state.data.people.filter((p) => p.lastUpdated > sb.clock.now() - 3 * HOUR).map((p) => p.companyId),
    );
    const company = sb.state.data.companies.find(
      (c) => c.isExternal && !c.deleted && !recent.has(c.id) && sb.state.data.people.some((p) => p.companyId === c.id),
    );
    await client.readModifyWrite('companies.update', 'companies.list', [
      { recordid: String(company?.id), set: { sf_Name: 'Renamed Arts Collective' } },
    ]);
    const program = sb.state.data.programs.find((p) => !p.deleted);
    const uta = roles.find((r) => r['sf_UTA Roles Only'] === '1')?.['sf_Role ID'] as string;
    await client.associationsUpdate('programs.associations.update', [
      { objectid: String(program?.id), contacts: [{ contactid: changed[0] as string, roleid: uta }] },
    ]);
    const accessBefore = db.prepare('SELECT count(*) FROM mirror_access_events').pluck().get() as number;

    const plan = await planSync(db, instanceId, client, { mode: 'auto', pageSize: 50 });
    expect(plan).toMatchObject({ kind: 'incremental', calls: 7, planningCalls: 0 });

    const from = sb.requestLog.length;
    const result = await sync('auto');
    expect(result.kind).toBe('incremental');
    // The minimum: one call per entity, as planned.
    expect(sb.requestLog.length - from).toBe(7);
    for (const fn of [
      'users.list',
      'companies.list',
      'programs.list',
      'roles.meta',
      'reports.program_assignments',
      'reports.access_modification',
      'reports.login_sessions',
    ]) {
      expect([fn, callsTo(sb, fn, from)]).toEqual([fn, 1]);
    }
    expect(result.summary.kinds.people).toEqual({ added: 0, changed: 4, removed: 0 });
    expect(result.summary.kinds.organizations).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(result.summary.kinds.assignments.added).toBe(1);
    expect(result.summary.kinds.role_holdings.added).toBe(1);

    expect(getPerson(db, instanceId, Number(changed[0])).lastName).toBe('Quillfeather');
    expect(getPerson(db, instanceId, Number(changed[1])).title).toBe('Chief Tester');
    expect(getPerson(db, instanceId, Number(changed[2])).roles.map((r) => String(r.id))).toContain(role);
    expect(getPerson(db, instanceId, Number(changed[3])).raw['cf_Department']).toBe('Skunkworks');
    expect(getPerson(db, instanceId, Number(changed[0])).programs.map((p) => p.programId)).toContain(program?.id);
    // The rename reached the search index of the organization's people.
    const member = sb.state.data.people.find((p) => p.companyId === company?.id && !p.deleted);
    if (member)
      expect(searchPeople(db, instanceId, { query: 'Renamed Arts' }).rows.map((r) => r.id)).toContain(member.id);
    // The role change was logged by the server, and came with the access log.
    const accessAfter = db.prepare('SELECT count(*) FROM mirror_access_events').pluck().get() as number;
    expect(accessAfter).toBe(sb.state.data.accessLog.length);
    expect(accessAfter).toBeGreaterThan(accessBefore);
    expect(result.summary.kinds.access_events.added).toBe(accessAfter - accessBefore);

    // Nothing changed since: the next incremental sync changes nothing.
    const again = await sync('incremental');
    expect(again.message).toBe('Incremental sync: no changes; 7 calls.');
  });

  it('a reconcile marks what the server deleted, brings back what it restored, and catches a missed change', async () => {
    const { sb, client, sync, db, instanceId } = await syncedSandbox();
    const live = sb.state.data.people.filter((p) => !p.deleted && p.accessType !== '5' && p.roleIds.length > 0);
    const gone = [live[10], live[20], live[30]].map((p) => String(p?.id));
    await client.delete('users.delete', gone);
    const sneaky = live[40];
    if (!sneaky) throw new Error('seed too small');
    // A change whose stamp went back in time: no last-updated criteria will ever select it.
    sneaky.lastName = 'Backdated';
    sneaky.lastUpdated -= 24 * HOUR;
    sb.state.touch();

    const incremental = await sync('incremental');
    expect(incremental.summary.kinds.people.removed).toBe(0);
    expect(getPerson(db, instanceId, sneaky.id).lastName).not.toBe('Backdated');

    const from = sb.requestLog.length;
    const result = await sync('reconcile');
    expect(result.kind).toBe('reconcile');
    expect(result.summary.kinds.people).toMatchObject({ removed: 3, changed: 1 });
    expect(callsTo(sb, 'users.ids', from)).toBe(1);
    expect(callsTo(sb, 'companies.ids', from)).toBe(1);
    for (const id of gone) {
      const person = getPerson(db, instanceId, Number(id));
      expect(person.removed).toBe(true);
      expect(person.roles).toEqual([]);
    }
    expect(searchPeople(db, instanceId, { filters: {} }).total).toBe(
      sb.state.data.people.filter((p) => !p.deleted).length,
    );
    expect(getPerson(db, instanceId, sneaky.id).lastName).toBe('Backdated');
    // The reconcile's id sweeps leave no bookkeeping behind.
    expect(db.prepare('SELECT count(*) FROM sync_seen').pluck().get()).toBe(0);
    expect(getSyncCursor(db, instanceId, 'people')?.phase).toBeNull();

    sb.restore('user', gone[0] as string);
    const restored = await sync('reconcile');
    expect(restored.summary.kinds.people).toMatchObject({ changed: 1, removed: 0 });
    expect(getPerson(db, instanceId, Number(gone[0])).removed).toBe(false);
    expect(getPerson(db, instanceId, Number(gone[0])).roles.length).toBeGreaterThan(0);
  });

  it('checks a dense overlap by ids instead of re-reading it, and still catches a change inside it', async () => {
    const sb = await startSyncSandbox();
    sandboxes.push(sb);
    // A bulk update: 200 people share the newest last-updated second.
    const people = sb.state.data.people.filter((p) => !p.deleted && p.accessType !== '5');
    const bulkAt = Math.max(...sb.state.data.people.map((p) => p.lastUpdated));
    for (const p of people.slice(0, 200)) p.lastUpdated = bulkAt;
    sb.state.touch();
    const { db, instanceId } = openTestDb();
    const { client } = makeSyncClient(sb);
    const sync = (mode: RunSyncOptions['mode']) =>
      runSync({ db, client, instanceId, mode, pageSize: 50, ctx: testJob().ctx, logger: silentLogger });
    await sync('full');
    // One of the bulk changed again in the same second (its stamp cannot tell), one changed later.
    const sameSecond = people[7];
    if (!sameSecond) throw new Error('seed too small');
    sameSecond.title = 'Changed within the bulk second';
    sameSecond.lastUpdated = bulkAt - 1000;
    sb.state.touch();
    sb.clock.advance(HOUR);
    await client.readModifyWrite('users.update', 'users.list', [
      { recordid: String(people[150]?.id), set: { sf_Title: 'Changed later' } },
    ]);

    const plan = await planSync(db, instanceId, client, { pageSize: 50 });
    expect(plan.entities.find((e) => e.entity === 'people' && e.phase === 'band')).toMatchObject({ calls: 1 });
    const from = sb.requestLog.length;
    const result = await sync('incremental');
    // Without the band check: ceil(201 / 50) = 5 pages of people. With it: one ids call, one
    // re-read of the record whose stamp moved, one page of what is newer.
    expect(callsTo(sb, 'users.ids', from)).toBe(1);
    expect(callsTo(sb, 'users.list', from)).toBe(2);
    expect(result.summary.kinds.people.changed).toBe(2);
    expect(getPerson(db, instanceId, sameSecond.id).title).toBe('Changed within the bulk second');
    expect(getPerson(db, instanceId, people[150]?.id as number).title).toBe('Changed later');
    // The next incremental sync starts after the band: no band check, one page.
    const next = sb.requestLog.length;
    await sync('incremental');
    expect(callsTo(sb, 'users.ids', next)).toBe(0);
    expect(callsTo(sb, 'users.list', next)).toBe(1);
  });

  it('auto mode: full first, incremental next, reconcile when due', async () => {
    const { sync } = await syncedSandbox();
    expect((await sync('auto')).kind).toBe('incremental');
    const t = Date.now() + 25 * HOUR;
    const { db, instanceId, client } = await syncedSandbox();
    const result = await runSync({
      db,
      client,
      instanceId,
      mode: 'auto',
      pageSize: 50,
      ctx: testJob().ctx,
      logger: silentLogger,
      clock: () => t,
    });
    expect(result.kind).toBe('reconcile');
  });
});
