import { beforeEach, describe, expect, it } from 'vitest';
import { createAccessEventsWriter, createLoginSessionsWriter } from '../sync/write-logs';
import { createPeopleWriter } from '../sync/write-people';
import {
  createAssignmentsWriter,
  createOrganizationsWriter,
  createProgramsWriter,
  createRolesWriter,
} from '../sync/write-records';
import { seenStatements } from '../sync/write-common';
import {
  accessEventRecord,
  assignmentRecord,
  organizationRecord,
  personRecord,
  programRecord,
  roleRecord,
  sessionRecord,
} from '../sync/test-support/wire-fixtures';
import { openTestDb, type TestDb } from '../sync/test-support/test-db';
import { getPerson, listDepartments, searchPeople, type PeopleFilters } from './people-store';
import { listOrganizationsTree } from './organizations-store';
import { listPrograms, listProgramAssignments } from './programs-store';
import { getRole, listRoles, setRolePrivileged, suggestPrivileged } from './roles-store';

const AT = '2025-02-01T00:00:00.000Z';

function seed({ db, instanceId }: TestDb) {
  const tx = db.transaction(() => {
    createOrganizationsWriter(db, instanceId).apply(
      [
        organizationRecord(10, 'Maple Foundation', null),
        organizationRecord(11, 'Finance', 10),
        organizationRecord(12, 'Accounts Payable', 11),
        organizationRecord(20, 'Harbor Arts Council', 10, { 'sf_Is External': '1' }),
      ],
      AT,
    );
    createRolesWriter(db, instanceId).apply(
      [
        roleRecord(1, 'System Administrator'),
        roleRecord(2, 'Payment Approver'),
        roleRecord(3, 'Report Viewer'),
        roleRecord(4, 'Reviewer', { 'sf_UTA Roles Only': '1' }),
        roleRecord(5, 'Help Desk'),
      ],
      AT,
    );
    createPeopleWriter(db, instanceId).apply(
      [
        personRecord(100, {
          'sf_First Name': 'Ana',
          'sf_Last Name': 'Núñez',
          sf_Email: 'ana.nunez@maple.org',
          'sf_Company ID': '12',
          'sf_User Role': ',2,3,',
          'cf_Employee Number': 'E-77',
        }),
        personRecord(101, {
          'sf_First Name': 'Bo',
          'sf_Last Name': 'Smith',
          sf_Email: 'bo@harborarts.org',
          'sf_Company ID': '20',
          'sf_Is External': '1',
          'sf_Last Login': '',
          'sf_User Role': ',3,',
        }),
        personRecord(102, {
          'sf_First Name': 'Cy',
          'sf_Last Name': 'Smithers',
          'sf_Company ID': '11',
          'sf_User Role': ',1,5,',
          'sf_User Type': '40',
          cf_Department: 'Information Technology',
          'cf_Manager ID': '100',
          'sf_Created By': '101',
          'sf_Updated By': '99999',
        }),
        personRecord(103, {
          'sf_First Name': 'Di',
          'sf_Last Name': 'Ng',
          'sf_Company ID': '10',
          'sf_Access Type': '0',
          sf_Status: 'Inactive',
        }),
      ],
      AT,
    );
    createProgramsWriter(db, instanceId).apply(
      [programRecord(500, 'Arts Access', { 'sf_Owner ID': '100' }), programRecord(501, 'Youth Futures')],
      AT,
    );
    createAssignmentsWriter(db, instanceId).apply(
      [assignmentRecord(9001, 500, 101, 4, 'Reviewer'), assignmentRecord(9002, 500, 102, 4, 'Reviewer')],
      AT,
    );
    createLoginSessionsWriter(db, instanceId).apply(
      [sessionRecord(1, 100, '2025-01-02 10:00:00'), sessionRecord(2, 100, '2025-01-03 10:00:00')],
      AT,
    );
    createAccessEventsWriter(db, instanceId).apply(
      [accessEventRecord(1, 100, 'role_added', '2025-01-02 10:00:00', ',2,')],
      AT,
    );
  });
  tx();
}

describe('mirror queries', () => {
  let t: TestDb;
  beforeEach(() => {
    t = openTestDb();
    seed(t);
  });

  it('searches by name, email and organization, with trigram substrings and short prefixes', () => {
    const ids = (q: string, filters = {}) =>
      searchPeople(t.db, t.instanceId, { query: q, filters }).rows.map((r) => r.id);
    expect(ids('smith')).toEqual(expect.arrayContaining([101, 102]));
    expect(ids('nunez')).toEqual([100]);
    expect(ids('harborarts')).toEqual([101]);
    expect(ids('payable')).toEqual([100]);
    // Two short terms: the start of a name; a short term beside a long one narrows it.
    expect(ids('Ng')).toEqual([103]);
    expect(ids('smith cy')).toEqual([102]);
    // Query syntax in the input is just text.
    expect(ids('"OR" AND *')).toEqual([]);
    const all = searchPeople(t.db, t.instanceId, { limit: 2 });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.lastName)).toEqual(['Ng', 'Núñez']);
  });

  it('lists a 1-2 letter query as last-name matches, then first-name matches, paged across both', () => {
    createPeopleWriter(t.db, t.instanceId).apply(
      [
        personRecord(104, { 'sf_First Name': 'Nora', 'sf_Last Name': 'Adams' }),
        personRecord(105, { 'sf_First Name': 'Nils', 'sf_Last Name': 'Berg' }),
      ],
      AT,
    );
    const names = (offset: number, limit: number) => {
      const r = searchPeople(t.db, t.instanceId, { query: 'n', offset, limit });
      return [r.total, ...r.rows.map((p) => `${p.firstName} ${p.lastName}`)];
    };
    expect(names(0, 10)).toEqual([4, 'Di Ng', 'Ana Núñez', 'Nils Berg', 'Nora Adams']);
    expect(names(1, 2)).toEqual([4, 'Ana Núñez', 'Nils Berg']);
    expect(names(3, 2)).toEqual([4, 'Nora Adams']);
    // With a filter, the same people by name.
    expect(
      searchPeople(t.db, t.instanceId, { query: 'n', filters: { status: 'Active' } }).rows.map((p) => p.lastName),
    ).toEqual(['Adams', 'Berg', 'Núñez']);
  });

  it('filters by role, organization subtree, access, external and last login', () => {
    const ids = (filters: PeopleFilters) =>
      searchPeople(t.db, t.instanceId, { filters })
        .rows.map((r) => r.id)
        .sort();
    expect(ids({ roleId: 3 })).toEqual([100, 101]);
    expect(ids({ organizationId: 11 })).toEqual([102]);
    expect(ids({ organizationId: 11, includeSubOrganizations: true })).toEqual([100, 102]);
    expect(ids({ accessType: '0' })).toEqual([103]);
    expect(ids({ isExternal: true })).toEqual([101]);
    expect(ids({ lastLogin: { never: true } })).toEqual([101]);
    expect(ids({ status: 'Active', isExternal: false })).toEqual([100, 102]);
  });

  it('gives the person page roles, programs, organization path, logins, access changes and custom fields', () => {
    const ana = getPerson(t.db, t.instanceId, 100);
    expect(ana.organizationPath.map((o) => o.name)).toEqual(['Maple Foundation', 'Finance', 'Accounts Payable']);
    expect(ana.roles.map((r) => r.name)).toEqual(['Payment Approver', 'Report Viewer']);
    expect(ana.raw['cf_Employee Number']).toBe('E-77');
    expect(ana.recentLogins.map((s) => s.sessionId)).toEqual([2, 1]);
    expect(ana.accessChanges[0]).toMatchObject({ action: 'role_added', detail: ',2,' });
    const cy = getPerson(t.db, t.instanceId, 102);
    expect(cy.managerName).toBe('Ana Núñez');
    // "Created By" reads as a name; an id the mirror does not know stays unnamed.
    expect(cy.peopleNamed).toEqual({ '100': 'Ana Núñez', '101': 'Bo Smith' });
    expect(ana.peopleNamed).toEqual({});
    expect(cy.programs).toEqual([
      { associationId: 9002, programId: 500, programName: 'Arts Access', roleId: 4, roleName: 'Reviewer' },
    ]);
    expect(() => getPerson(t.db, t.instanceId, 999)).toThrow(/not found/);
  });

  it('builds the organization tree with people counts per subtree', () => {
    const [root] = listOrganizationsTree(t.db, t.instanceId);
    expect(root?.name).toBe('Maple Foundation');
    expect(root?.children.map((c) => c.name)).toEqual(['Finance', 'Harbor Arts Council']);
    expect(root?.totalPeople).toBe(4);
    expect(root?.children[0]?.totalPeople).toBe(2);
  });

  it('lists roles with holders, keeps the privileged flag across syncs, and suggests from names and holders', () => {
    const roles = listRoles(t.db, t.instanceId, { withDepartments: true });
    const byName = new Map(roles.map((r) => [r.name, r]));
    expect(byName.get('Report Viewer')?.holders).toBe(2);
    expect(byName.get('Reviewer')).toMatchObject({ utaOnly: true, assignments: 2, holders: 0 });
    expect(byName.get('Help Desk')?.suggestedReasons).toEqual(['held mostly by user administrators']);
    expect(byName.get('System Administrator')?.departments).toEqual([
      { department: 'Information Technology', holders: 1 },
    ]);
    expect(suggestPrivileged(t.db, t.instanceId).map((s) => s.name)).toEqual([
      'Help Desk',
      'Payment Approver',
      'System Administrator',
    ]);

    setRolePrivileged(t.db, t.instanceId, 1, true, AT);
    setRolePrivileged(t.db, t.instanceId, 5, false, AT);
    // A later sync with a changed description keeps the decision.
    createRolesWriter(t.db, t.instanceId).apply(
      [roleRecord(1, 'System Administrator', { sf_Description: 'Everything' })],
      AT,
    );
    expect(getRole(t.db, t.instanceId, 1)).toMatchObject({
      privileged: true,
      description: 'Everything',
      privilegedSetAt: AT,
    });
    expect(suggestPrivileged(t.db, t.instanceId).map((s) => s.name)).toEqual(['Payment Approver']);
    expect(() => setRolePrivileged(t.db, t.instanceId, 77, true)).toThrow(/not found/);
  });

  it('lists programs with their assignments', () => {
    expect(listPrograms(t.db, t.instanceId).map((p) => [p.name, p.assignments, p.ownerName])).toEqual([
      ['Arts Access', 2, 'Ana Núñez'],
      ['Youth Futures', 0, null],
    ]);
    expect(listProgramAssignments(t.db, t.instanceId, 500).map((a) => a.personName)).toEqual([
      'Bo Smith',
      'Cy Smithers',
    ]);
  });

  it('lists every department of the live people with head counts, however many people come before it', () => {
    // 1,200 people in Grants Management, then one in a department of its own, past the first thousand.
    const many = Array.from({ length: 1200 }, (_, i) => personRecord(2000 + i, { 'sf_Last Name': `Aaron${i}` }));
    const people = createPeopleWriter(t.db, t.instanceId);
    t.db.transaction(() => {
      people.apply([...many, personRecord(9000, { 'sf_Last Name': 'Zed', cf_Department: 'Zoning Review' })], AT);
      people.apply([personRecord(9001, { cf_Department: '  ' }), personRecord(9002, { cf_Department: 'Gone' })], AT);
      t.db.prepare('UPDATE mirror_people SET deleted_at = ? WHERE instance_id = ? AND id = 9002').run(AT, t.instanceId);
    })();
    const expected = t.db
      .prepare(
        `SELECT department AS name, count(*) AS people FROM mirror_people
         WHERE instance_id = ? AND deleted_at IS NULL AND trim(coalesce(department, '')) <> '' GROUP BY department`,
      )
      .all(t.instanceId) as { name: string; people: number }[];
    const listed = listDepartments(t.db, t.instanceId);
    expect(listed).toEqual([...expected].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())));
    expect(listed.find((d) => d.name === 'Zoning Review')).toEqual({ name: 'Zoning Review', people: 1 });
    expect(listed.find((d) => d.name === 'Grants Management')!.people).toBeGreaterThan(1200);
    expect(listed.map((d) => d.name)).not.toContain('Gone');
    expect(listed.map((d) => d.name.trim())).not.toContain('');
  });

  it('writes only what changed, follows role lists, and marks what a pass did not see as removed', () => {
    const { db, instanceId } = t;
    const people = createPeopleWriter(db, instanceId);
    const same = db.transaction(() =>
      people.apply(
        [
          personRecord(103, {
            'sf_First Name': 'Di',
            'sf_Last Name': 'Ng',
            'sf_Company ID': '10',
            'sf_Access Type': '0',
            sf_Status: 'Inactive',
          }),
        ],
        AT,
      ),
    )();
    expect(same.people).toEqual({ added: 0, changed: 0, removed: 0 });
    const changed = db.transaction(() =>
      people.apply(
        [
          personRecord(100, {
            'sf_First Name': 'Ana',
            'sf_Last Name': 'Núñez',
            sf_Email: 'ana.nunez@maple.org',
            'sf_Company ID': '12',
            'sf_User Role': ',3,5,',
            'cf_Employee Number': 'E-77',
          }),
        ],
        AT,
      ),
    )();
    expect(changed).toEqual({
      people: { added: 0, changed: 1, removed: 0 },
      role_holdings: { added: 1, changed: 0, removed: 1 },
    });

    const seen = seenStatements(db, instanceId, 'people');
    db.transaction(() => seen.add([100, 101, 102]))();
    const marked = db.transaction(() => people.markUnseen?.(0, 2, AT))();
    // The first slice of two rows (100, 101) had nothing unseen; the next one finds 103.
    expect(marked?.counts.people?.removed).toBe(0);
    const next = db.transaction(() => people.markUnseen?.(marked?.lastId ?? 0, 2, AT))();
    expect(next?.counts.people?.removed).toBe(1);
    expect(searchPeople(db, instanceId, { query: 'Ng' }).total).toBe(0);
    expect(searchPeople(db, instanceId, { query: 'Ng', filters: { includeRemoved: true } }).rows[0]?.removed).toBe(
      true,
    );
    // Back on the server: the same record undeletes it.
    const back = db.transaction(() =>
      people.apply(
        [
          personRecord(103, {
            'sf_First Name': 'Di',
            'sf_Last Name': 'Ng',
            'sf_Company ID': '10',
            'sf_Access Type': '0',
            sf_Status: 'Inactive',
          }),
        ],
        AT,
      ),
    )();
    expect(back.people?.changed).toBe(1);
    expect(searchPeople(db, instanceId, { query: 'Ng' }).total).toBe(1);
  });
});
