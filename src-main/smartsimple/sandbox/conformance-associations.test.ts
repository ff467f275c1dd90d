/** Associations (UTA roles on programs), Get Meta for users and roles, and the report functions. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DUPLICATE_ASSOCIATION_TEXT, ERROR_TEXTS, REPORT_COLUMNS, UPDATE_STATUS_OK } from '../protocol';
import type { SandboxHandle } from './server';
import { call, errorOf, startTestSandbox, userForUpdate } from './test-support';

let sandbox: SandboxHandle;
let programId: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  programId = String(sandbox.state.data.programs[0]?.id);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.settings.partialBatch = 'all-or-nothing';
});

const assocUpdate = (contacts: unknown[], objectid = programId): ReturnType<typeof call> =>
  call(sandbox, 'programs.associations.update', { jsonrset: [{ objectid, contacts }] });
const listAssoc = async (): Promise<Array<Record<string, unknown>>> =>
  (await call(sandbox, 'programs.associations.list', { objectid: programId })).body.records ?? [];
const outsider = (): string => {
  const onProgram = new Set(sandbox.state.associationsOf(Number(programId)).map((a) => a.contactId));
  return String(sandbox.state.data.people.find((p) => p.isExternal && !p.deleted && !onProgram.has(p.id))?.id);
};

describe('associations', () => {
  it('lists the contacts of a program with their UTA roles and List counters', async () => {
    const result = await call(sandbox, 'programs.associations.list', { objectid: programId });
    const expected = sandbox.state.associationsOf(Number(programId));
    expect(result.body.records?.map((r) => r.associationid)).toEqual(expected.map((a) => String(a.id)));
    expect(result.body.records?.[0]).toEqual({
      recordid: String(expected[0]?.id),
      associationid: String(expected[0]?.id),
      objectid: programId,
      contactid: String(expected[0]?.contactId),
      roleid: String(expected[0]?.roleId),
      rolename: sandbox.state.role(expected[0]?.roleId ?? 0)?.name,
    });
    expect(result.body.message).toMatchObject({ recordfrom: 1, allcount: expected.length });
    expect(errorOf(await call(sandbox, 'programs.associations.list', { objectid: '1' }))).toBe(ERROR_TEXTS.notFound);
  });

  it('adds by role name or id, refuses a duplicate, changes a role and removes', async () => {
    const contactid = outsider();
    const reviewer = sandbox.state.roleByName('Reviewer')!;
    const applicant = sandbox.state.roleByName('Applicant')!;
    const added = await assocUpdate([
      { contactid, rolename: 'applicant' },
      { contactid, roleid: String(reviewer.id) },
    ]);
    expect(added.body.records?.map((r) => [r.recordindex, r.objectid, r.status])).toEqual([
      [1, programId, UPDATE_STATUS_OK],
      [2, programId, UPDATE_STATUS_OK],
    ]);
    const [asApplicant, asReviewer] = (added.body.records ?? []).map((r) => String(r.recordid));
    expect((await listAssoc()).filter((r) => r.contactid === contactid).map((r) => r.rolename)).toEqual([
      'Applicant',
      'Reviewer',
    ]);

    const duplicate = await assocUpdate([{ contactid, rolename: 'Applicant' }]);
    expect(errorOf(duplicate)).toBe(DUPLICATE_ASSOCIATION_TEXT);
    expect(errorOf(await assocUpdate([{ contactid, associationid: asReviewer, rolename: 'Applicant' }]))).toBe(
      DUPLICATE_ASSOCIATION_TEXT,
    );

    const changed = await assocUpdate([{ contactid, associationid: asApplicant, rolename: 'Program Manager' }]);
    expect(changed.body.records?.[0]?.recordid).toBe(asApplicant);
    expect(sandbox.state.association(Number(asApplicant))?.roleId).toBe(
      sandbox.state.roleByName('Program Manager')?.id,
    );

    await assocUpdate([{ associationid: asApplicant, delete: '1' }]);
    await assocUpdate([{ contactid, roleid: String(reviewer.id), delete: true }]);
    expect((await listAssoc()).filter((r) => r.contactid === contactid)).toEqual([]);
    // Once removed, the pair may be added again.
    expect(errorOf(await assocUpdate([{ contactid, roleid: String(applicant.id) }]))).toBeUndefined();
  });

  it('refuses a pair twice in one batch, profile-only roles, unknown contacts, records and associations', async () => {
    const contactid = outsider();
    expect(
      errorOf(
        await assocUpdate([
          { contactid, rolename: 'Reviewer' },
          { contactid, rolename: 'Reviewer' },
        ]),
      ),
    ).toBe(DUPLICATE_ASSOCIATION_TEXT);
    expect(errorOf(await assocUpdate([{ contactid, rolename: 'Finance Officer' }]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await assocUpdate([{ contactid, rolename: 'No Such Role' }]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await assocUpdate([{ contactid: '5', rolename: 'Reviewer' }]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await assocUpdate([{ contactid, rolename: 'Reviewer' }], '1'))).toBe(ERROR_TEXTS.notFound);
    expect(errorOf(await assocUpdate([{ associationid: '1', delete: '1' }]))).toBe(ERROR_TEXTS.notFound);
    expect(errorOf(await assocUpdate([{ contactid, rolename: 'Reviewer', colour: 'red' }]))).toBe(ERROR_TEXTS.record);
    expect((await listAssoc()).filter((r) => r.contactid === contactid)).toEqual([]);
  });
});

describe('Get Meta', () => {
  it('gives the users custom field map, usable as cf_<id>', async () => {
    const meta = await call(sandbox, 'users.meta');
    expect(meta.body).toEqual({
      contacts: {
        fields: [
          { id: '1001', name: 'Department', type: 'text' },
          { id: '1002', name: 'Employee Number', type: 'text' },
          { id: '1003', name: 'Manager ID', type: 'lookup' },
        ],
      },
      message: {},
    });
    const byName = await call(sandbox, 'users.list', {
      criteria: [{ andor: 'and', field: 'cf_Department', operator: '=', value: 'Finance' }],
    });
    expect(byName.body.records?.length).toBe(
      sandbox.state.data.people.filter((p) => p.department === 'Finance').length,
    );
  });

  it('gives the roles catalogue with the UTA-only flag', async () => {
    const meta = await call(sandbox, 'roles.meta');
    const records = meta.body.records ?? [];
    expect(records).toHaveLength(sandbox.state.data.roles.length);
    expect(records.map((r) => r['sf_Role Name'])).toEqual(
      expect.arrayContaining([
        'Global User Administrator',
        'Finance Approver',
        'System Administrator',
        'Payment Approver',
        'Applicant',
        'Reviewer',
        'Program Manager',
      ]),
    );
    expect(records.filter((r) => r['sf_UTA Roles Only'] === '1').map((r) => r['sf_Role Name'])).toEqual(
      expect.arrayContaining(['Applicant', 'Reviewer', 'Program Manager']),
    );
    expect(records.every((r) => /^\d+$/.test(String(r['sf_Role ID'])))).toBe(true);
  });
});

describe('Report-Query', () => {
  it('pages each report with List counters and fixed columns', async () => {
    for (const name of Object.keys(REPORT_COLUMNS) as Array<keyof typeof REPORT_COLUMNS>) {
      const result = await call(sandbox, name, {
        reportid: sandbox.functions[name]?.reportid,
        othersettings: { recordsperpage: 7, pagenum: 2 },
      });
      expect(Object.keys(result.body.records?.[0] ?? {})).toEqual(['recordid', ...REPORT_COLUMNS[name]]);
      expect(result.body.message).toMatchObject({ recordfrom: 8, recordto: 14, recordcount: 7 });
    }
  });

  it('filters and sorts the login sessions like a List', async () => {
    const log = sandbox.state.data.sessions;
    const user = log.user.get(0);
    const since = '2026-09-01 00:00:00';
    const result = await call(sandbox, 'reports.login_sessions', {
      criteria: [
        { andor: 'and', field: 'userid', operator: '=', value: String(user) },
        { andor: 'and', field: 'session_start', operator: '>=', value: since },
      ],
      sortby: [{ field: 'session_start', direction: 'desc' }],
    });
    const expected: string[] = [];
    for (let r = log.length - 1; r >= 0; r--)
      if (log.user.get(r) === user && log.start.get(r) >= Date.UTC(2026, 8, 1) / 1000)
        expected.push(String(log.idBase + r));
    expect(result.body.records?.map((r) => r.sessionid)).toEqual(expected);
  });

  it('shows the Access Modification rows that updates append', async () => {
    const person = sandbox.state.data.people.find(
      (p) => !p.isExternal && p.status === 'Active' && p.accessType === '1' && p.roleIds.length > 0,
    )!;
    const record = await userForUpdate(sandbox, String(person.id));
    const [removed, ...kept] = person.roleIds;
    sandbox.clock.advance(3_600_000);
    await call(sandbox, 'users.update', { jsonrset: [{ ...record, 'sf_Role ID List': `,${kept.join(',')},` }] });
    const result = await call(sandbox, 'reports.access_modification', {
      criteria: [{ andor: 'and', field: 'userid', operator: '=', value: String(person.id) }],
      sortby: [{ field: 'eventid', direction: 'desc' }],
      othersettings: { recordend: 1 },
    });
    expect(result.body.records?.[0]).toMatchObject({
      action: 'role_removed',
      detail: `,${removed ?? ''},`,
      changed_by: String(sandbox.state.data.apiAccount.personId),
    });
  });

  it('refuses another report id and unknown columns', async () => {
    expect(errorOf(await call(sandbox, 'reports.login_sessions', { reportid: '1' }))).toBe(ERROR_TEXTS.notFound);
    expect(
      errorOf(
        await call(sandbox, 'reports.login_sessions', {
          criteria: [{ andor: 'and', field: 'sf_Email', operator: '=', value: 'x' }],
        }),
      ),
    ).toBe(ERROR_TEXTS.list);
  });
});
