/** Update (full replace, create, read-only and mandatory fields, roles, side effects), Delete and transactions. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DELETE_STATUS_OK, ERROR_TEXTS, formatWireDate, UPDATE_STATUS_OK } from '../protocol';
import type { Person } from './model';
import type { SandboxHandle } from './server';
import { call, errorOf, startTestSandbox, userForUpdate } from './test-support';

let sandbox: SandboxHandle;
let apiUserId: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  apiUserId = String(sandbox.state.data.apiAccount.personId);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.settings.partialBatch = 'all-or-nothing';
  sandbox.clock.advance(60_000);
});

const update = (records: unknown[], name = 'users.update'): ReturnType<typeof call> =>
  call(sandbox, name, { jsonrset: records });
let cursor = 0;
/** A different ordinary staff member per test, so tests do not see each other's writes. */
function staffMember(): Person {
  const staff = sandbox.state.data.people.filter(
    (p) => !p.isExternal && !p.deleted && p.accessType === '1' && p.status === 'Active' && p.roleIds.length > 1,
  );
  return staff[cursor++ % staff.length]!;
}
const accessRowsFor = (id: number): Array<{ action: string; detail: string; actor: number }> => {
  const log = sandbox.state.data.accessLog;
  const rows: Array<{ action: string; detail: string; actor: number }> = [];
  for (let r = 0; r < log.length; r++)
    if (log.user.get(r) === id && log.time.get(r) * 1000 >= sandbox.clock.now() - 1000)
      rows.push({ action: log.actionAt(r), detail: log.detailAt(r), actor: log.actor.get(r) });
  return rows;
};

describe('Update of existing users', () => {
  it('applies a read-modify-write, stamps it, and answers per record', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    const result = await update([{ ...record, sf_Title: 'Senior Grants Officer' }]);
    expect(result.body).toEqual({
      records: [{ recordid: String(person.id), recordindex: 1, status: UPDATE_STATUS_OK }],
      message: {},
    });
    const after = (await call(sandbox, 'users.get', { recordid: String(person.id) })).body.records?.[0];
    expect(after).toMatchObject({
      sf_Title: 'Senior Grants Officer',
      'sf_Last Updated': formatWireDate(Math.floor(sandbox.clock.now() / 1000) * 1000),
      'sf_Updated By': apiUserId,
    });
  });

  it('refuses a stale read: stamps are read-only and must carry the current value', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    expect(errorOf(await update([{ ...record, sf_Phone: '+1-555-000-0001' }]))).toBeUndefined();
    sandbox.clock.advance(5000);
    expect(errorOf(await update([{ ...record, sf_Phone: '+1-555-000-0002' }]))).toBe(ERROR_TEXTS.record);
    expect(sandbox.state.person(person.id)?.phone).toBe('+1-555-000-0001');
  });

  it('is full replace: a missing or an extra field refuses the record and applies nothing', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    const applied = sandbox.appliedWrites().length;
    const { ['sf_Phone']: _dropped, ...missing } = record;
    expect(errorOf(await update([missing]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await update([{ ...record, 'sf_Shoe Size': '9' }]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await update([{ ...record, 'sf_User Role': record['sf_Role ID List'] }]))).toBe(ERROR_TEXTS.record);
    expect(sandbox.appliedWrites().length).toBe(applied);
  });

  it('refuses changes to read-only fields', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    for (const change of [
      { sf_Company: 'Elsewhere' },
      { 'sf_User ID': '1' },
      { 'sf_Is External': '1' },
      { 'sf_Created By': '1' },
    ]) {
      expect([change, errorOf(await update([{ ...record, ...change }]))]).toEqual([change, ERROR_TEXTS.record]);
    }
  });

  it('validates values: e-mail, codes, status, dates, organization side, manager', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    const external = sandbox.state.data.companies.find((c) => c.isExternal)!;
    for (const change of [
      { sf_Email: 'not-an-email' },
      { 'sf_Access Type': '7' },
      { 'sf_User Type': 'admin' },
      { sf_Status: 'Sleeping' },
      { 'sf_Access Expiry': 'soon' },
      { 'sf_Company ID': String(external.id) },
      { 'sf_Company ID': '1' },
      { 'cf_Manager ID': '1' },
    ]) {
      expect([change, errorOf(await update([{ ...record, ...change }]))]).toEqual([change, ERROR_TEXTS.record]);
    }
  });

  it('validates role lists, refuses UTA-only roles, and logs role changes', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    const utaOnly = sandbox.state.data.roles.find((r) => r.utaOnly)!;
    const unheld = sandbox.state.data.roles.find((r) => !r.utaOnly && !person.roleIds.includes(r.id))!;
    expect(errorOf(await update([{ ...record, 'sf_Role ID List': `,${utaOnly.id},` }]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await update([{ ...record, 'sf_Role ID List': ',999999,' }]))).toBe(ERROR_TEXTS.record);
    expect(errorOf(await update([{ ...record, 'sf_Role ID List': ',abc,' }]))).toBe(ERROR_TEXTS.record);
    const removed = person.roleIds[0]!;
    const next = [...person.roleIds.slice(1), unheld.id];
    expect(errorOf(await update([{ ...record, 'sf_Role ID List': `,${next.join(',')},` }]))).toBeUndefined();
    expect(sandbox.state.person(person.id)?.roleIds).toEqual([...next].sort((a, b) => a - b));
    expect(accessRowsFor(person.id)).toEqual([
      { action: 'role_added', detail: `,${unheld.id},`, actor: Number(apiUserId) },
      { action: 'role_removed', detail: `,${removed},`, actor: Number(apiUserId) },
    ]);
  });

  it('logs deactivation and activation', async () => {
    const person = staffMember();
    const record = await userForUpdate(sandbox, String(person.id));
    await update([{ ...record, sf_Status: 'Inactive' }]);
    expect(accessRowsFor(person.id).map((r) => r.action)).toEqual(['deactivated']);
    sandbox.clock.advance(60_000);
    const again = await userForUpdate(sandbox, String(person.id));
    await update([{ ...again, sf_Status: 'Active' }]);
    expect(accessRowsFor(person.id).map((r) => r.action)).toEqual(['activated']);
  });

  it('says "Recordset does not exist" for an unknown record, and refuses malformed jsonrset', async () => {
    const record = await userForUpdate(sandbox, String(staffMember().id));
    expect(errorOf(await update([{ ...record, recordid: '77' }]))).toBe(ERROR_TEXTS.notFound);
    for (const jsonrset of ['[', '[]', '{}', '"x"'])
      expect(errorOf(await call(sandbox, 'users.update', { jsonrset }))).toBe(ERROR_TEXTS.record);
  });
});

describe('creating users', () => {
  const blank = (companyId: string, isExternal: string): Record<string, string> => {
    const record: Record<string, string> = { recordid: '0' };
    for (const field of sandbox.functions['users.update']?.fields ?? []) record[field] = '';
    return {
      ...record,
      'sf_User ID': '0',
      'sf_First Name': 'Nora',
      'sf_Last Name': 'Quill',
      sf_Email: 'nora.quill@example.org',
      'sf_Company ID': companyId,
      'sf_Is External': isExternal,
      'sf_Access Type': '1',
      'sf_User Type': '10',
      sf_Status: 'Active',
    };
  };
  it('creates with recordid "0" and the mandatory fields, then logs the activation', async () => {
    const org = sandbox.state.data.companies.find((c) => c.isExternal)!;
    const portal = sandbox.state.roleByName('Grantee Portal User')!;
    const result = await update([{ ...blank(String(org.id), '1'), 'sf_Role ID List': `,${portal.id},` }]);
    const id = String(result.body.records?.[0]?.recordid);
    expect(Number(id)).toBeGreaterThan(Math.max(...sandbox.state.data.people.slice(0, -1).map((p) => p.id)));
    const created = (await call(sandbox, 'users.get', { recordid: id })).body.records?.[0];
    expect(created).toMatchObject({
      'sf_First Name': 'Nora',
      sf_Company: org.name,
      'sf_Is External': '1',
      'sf_Created By': apiUserId,
      'sf_User Role': `,${portal.id},`,
    });
    expect(
      accessRowsFor(Number(id))
        .map((r) => r.action)
        .sort(),
    ).toEqual(['activated', 'role_added']);
  });
  it('refuses a create without the mandatory fields, with the wrong side, or with read-only values', async () => {
    const org = sandbox.state.data.companies.find((c) => c.isExternal)!;
    for (const record of [
      blank('', '1'),
      blank(String(org.id), ''),
      blank(String(org.id), '0'),
      { ...blank(String(org.id), '1'), sf_Company: 'X' },
      { ...blank(String(org.id), '1'), 'sf_Last Updated': '2020-01-01 00:00:00' },
    ]) {
      expect(errorOf(await update([record]))).toBe(ERROR_TEXTS.record);
    }
  });
});

describe('batches', () => {
  it('applies several records per call, answering each with its recordindex', async () => {
    const [a, b] = [staffMember(), staffMember()];
    const records = [await userForUpdate(sandbox, String(a.id)), await userForUpdate(sandbox, String(b.id))];
    const result = await update(records.map((r) => ({ ...r, sf_Phone: '+1-555-111-2222' })));
    expect(result.body.records?.map((r) => [r.recordid, r.recordindex, r.status])).toEqual([
      [String(a.id), 1, UPDATE_STATUS_OK],
      [String(b.id), 2, UPDATE_STATUS_OK],
    ]);
  });
  it('all-or-nothing (default): one bad record refuses the call and applies nothing', async () => {
    const [a, b] = [staffMember(), staffMember()];
    const good = { ...(await userForUpdate(sandbox, String(a.id))), sf_Title: 'Changed A' };
    const bad = { ...(await userForUpdate(sandbox, String(b.id))), sf_Status: 'Nope' };
    const result = await update([good, bad]);
    expect(result.body).toEqual({ records: [], message: { error: ERROR_TEXTS.record, recordindex: 2 } });
    expect(sandbox.state.person(a.id)?.title).not.toBe('Changed A');
  });
  it('per-record: the good records apply and the bad one carries the error text', async () => {
    sandbox.settings.partialBatch = 'per-record';
    const [a, b] = [staffMember(), staffMember()];
    const good = { ...(await userForUpdate(sandbox, String(a.id))), sf_Title: 'Changed A' };
    const bad = { ...(await userForUpdate(sandbox, String(b.id))), sf_Status: 'Nope' };
    const result = await update([bad, good]);
    expect(result.body.records).toEqual([
      { recordid: String(b.id), recordindex: 1, status: ERROR_TEXTS.record },
      { recordid: String(a.id), recordindex: 2, status: UPDATE_STATUS_OK },
    ]);
    expect(sandbox.state.person(a.id)?.title).toBe('Changed A');
    expect(sandbox.requestLog.at(-1)?.outcome).toBe('partial');
  });
});

describe('companies', () => {
  const record = (overrides: Record<string, string>): Record<string, string> => {
    const base: Record<string, string> = { recordid: '0' };
    for (const field of sandbox.functions['companies.update']?.fields ?? []) base[field] = '';
    return { ...base, sf_Name: 'Tidewater Literacy Project', sf_Status: 'Active', ...overrides };
  };
  it('creates under a parent of the same side, and refuses the rest', async () => {
    const root = sandbox.rootCompanyId;
    const internal = sandbox.state.data.companies.find((c) => !c.isExternal && String(c.id) !== root)!;
    const external = sandbox.state.data.companies.find((c) => c.isExternal)!;
    const created = await call(sandbox, 'companies.update', {
      jsonrset: [record({ 'sf_Parent Company ID': root, 'sf_Is External': '1', 'sf_Category List': ',201,' })],
    });
    expect(created.body.records?.[0]?.status).toBe(UPDATE_STATUS_OK);
    for (const bad of [
      record({ 'sf_Parent Company ID': '', 'sf_Is External': '1' }),
      record({ 'sf_Parent Company ID': root, 'sf_Is External': '' }),
      record({ 'sf_Parent Company ID': String(external.id), 'sf_Is External': '0' }),
      record({ 'sf_Parent Company ID': String(internal.id), 'sf_Is External': '1' }),
      record({ 'sf_Parent Company ID': root, 'sf_Is External': '1', 'sf_Category List': ',999,' }),
      record({ 'sf_Parent Company ID': root, 'sf_Is External': '1', 'sf_Company ID': '5' }),
    ]) {
      expect(errorOf(await call(sandbox, 'companies.update', { jsonrset: [bad] }))).toBe(ERROR_TEXTS.record);
    }
  });
  it('keeps the root without a parent and refuses cycles', async () => {
    const got = await call(sandbox, 'companies.get', { recordid: sandbox.rootCompanyId });
    const root = { ...(got.body.records?.[0] as Record<string, string>) };
    const child = sandbox.state.data.companies.find((c) => c.parentId === sandbox.state.rootCompanyId)!;
    expect(
      errorOf(
        await call(sandbox, 'companies.update', { jsonrset: [{ ...root, 'sf_Parent Company ID': String(child.id) }] }),
      ),
    ).toBe(ERROR_TEXTS.record);
    expect(
      errorOf(await call(sandbox, 'companies.update', { jsonrset: [{ ...root, sf_Phone: '+1-555-999-0000' }] })),
    ).toBeUndefined();
  });
});

describe('Delete and transactions', () => {
  it('soft-deletes: Get and List hide the person until restored', async () => {
    const person = staffMember();
    const id = String(person.id);
    const result = await call(sandbox, 'users.delete', { jsonrset: [{ recordid: id }] });
    expect(result.body).toEqual({ records: [{ recordid: id, recordindex: 1, status: DELETE_STATUS_OK }], message: {} });
    expect(errorOf(await call(sandbox, 'users.get', { recordid: id }))).toBe(ERROR_TEXTS.notFound);
    const listed = await call(sandbox, 'users.ids', {
      criteria: [{ andor: 'and', field: 'sf_User ID', operator: '=', value: id }],
    });
    expect(listed.body.records).toEqual([]);
    expect(errorOf(await call(sandbox, 'users.delete', { jsonrset: [{ recordid: id }] }))).toBe(ERROR_TEXTS.notFound);
    expect(sandbox.restore('user', id)).toBe(true);
    expect((await call(sandbox, 'users.get', { recordid: id })).body.records?.[0]?.['sf_User ID']).toBe(id);
    expect(errorOf(await call(sandbox, 'users.delete', { jsonrset: [{ recordid: id, extra: '1' }] }))).toBe(
      ERROR_TEXTS.record,
    );
  });
  it('a company delete takes its contacts, and its restore brings them back', () => {
    const org = sandbox.state.data.companies.find(
      (c) => c.isExternal && sandbox.state.data.people.some((p) => p.companyId === c.id && !p.deleted),
    )!;
    const members = sandbox.state.data.people.filter((p) => p.companyId === org.id && !p.deleted);
    sandbox.state.softDelete('company', org.id, Number(apiUserId), sandbox.clock.now());
    expect(members.every((p) => sandbox.state.person(p.id) === undefined)).toBe(true);
    expect(sandbox.restore('company', org.id)).toBe(true);
    expect(members.every((p) => sandbox.state.person(p.id) !== undefined)).toBe(true);
  });
  it('records transactions on a person', async () => {
    const person = staffMember();
    const tx = {
      recordid: '0',
      'sf_Object ID': String(person.id),
      sf_Type: 'Admin Desk',
      sf_Subject: 'Role change',
      sf_Description: 'Added Report Viewer (plan 12)',
      sf_Source: 'Admin Desk',
    };
    const result = await call(sandbox, 'transactions.update', { jsonrset: [tx] });
    expect(result.body.records?.[0]?.status).toBe(UPDATE_STATUS_OK);
    expect(sandbox.transactions().at(-1)).toMatchObject({
      objectId: person.id,
      type: 'Admin Desk',
      subject: 'Role change',
      createdBy: Number(apiUserId),
    });
    expect(errorOf(await call(sandbox, 'transactions.update', { jsonrset: [{ ...tx, 'sf_Object ID': '12' }] }))).toBe(
      ERROR_TEXTS.record,
    );
    expect(errorOf(await call(sandbox, 'transactions.update', { jsonrset: [{ ...tx, sf_Type: '' }] }))).toBe(
      ERROR_TEXTS.record,
    );
  });
});
