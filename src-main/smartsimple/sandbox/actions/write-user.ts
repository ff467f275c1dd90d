/**
 * Users through Update: the settable fields, creation (mandatory `sf_Company ID` and
 * `sf_Is External`, which must match the organization's side), and the side effects a save has
 * in a real instance: new stamps, and Access Modification rows for role and access changes.
 */
import { ACCESS_TYPES, parseWireDate, USER_STATUSES, USER_TYPES } from '../../protocol';
import { recordError } from '../errors';
import { blankPerson, type Person } from '../model';
import type { ActionContext } from './context';
import { type RecordWriter, value } from './writer';

const text = value.text();

type UserSetters = RecordWriter<Person>['setters'];
type State = ActionContext['core']['state'];

/** Who a user is: names, contact details, organization, side. */
function identitySetters(state: State): UserSetters {
  return {
    'sf_First Name': { set: (d, v) => (d.firstName = text(v)) },
    'sf_Last Name': { set: (d, v) => (d.lastName = text(v)) },
    sf_Email: {
      set: (d, v) => {
        if (v !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) throw recordError(`sf_Email "${v}"`);
        d.email = v;
      },
    },
    sf_Title: { set: (d, v) => (d.title = text(v)) },
    sf_Phone: { set: (d, v) => (d.phone = text(v)) },
    'sf_Company ID': {
      set: (d, v) => {
        if (v === '') throw recordError('sf_Company ID is mandatory');
        const company = state.company(value.id('sf_Company ID', v));
        if (!company) throw recordError(`organization ${v} does not exist`);
        d.companyId = company.id;
      },
    },
    'sf_Is External': {
      createOnly: true,
      set: (d, v) => (d.isExternal = value.oneOf('sf_Is External', ['0', '1'])(v) === '1'),
    },
  };
}

/** What a user may do: roles, access type, user type, status, expiry. */
function accessSetters(state: State): UserSetters {
  return {
    'sf_Role ID List': {
      set: (d, v) => {
        d.roleIds = value.idList('sf_Role ID List', v).map((id) => {
          const role = state.role(id);
          if (!role) throw recordError(`role ${id} does not exist`);
          if (role.utaOnly) throw recordError(`role ${role.name} is for UTA roles only`);
          return id;
        });
      },
    },
    'sf_Access Type': {
      set: (d, v) => (d.accessType = value.oneOf('sf_Access Type', Object.values(ACCESS_TYPES))(v)),
    },
    'sf_User Type': { set: (d, v) => (d.userType = value.oneOf('sf_User Type', Object.values(USER_TYPES))(v)) },
    sf_Status: { set: (d, v) => (d.status = value.oneOf('sf_Status', USER_STATUSES)(v)) },
    'sf_Access Expiry': {
      set: (d, v) => {
        const day = v === '' ? null : parseWireDate(v.slice(0, 10));
        if (day === undefined) throw recordError(`sf_Access Expiry "${v}"`);
        d.accessExpiry = day;
      },
    },
  };
}

/** The custom fields. */
function customSetters(state: State): UserSetters {
  return {
    cf_Department: { set: (d, v) => (d.department = v === '' ? null : text(v)) },
    'cf_Employee Number': { set: (d, v) => (d.employeeNumber = v === '' ? null : text(v)) },
    'cf_Manager ID': {
      set: (d, v) => {
        if (v === '') d.managerId = null;
        else if (!state.person(value.id('cf_Manager ID', v))) throw recordError(`manager ${v} does not exist`);
        else d.managerId = Number(v);
      },
    },
  };
}

export function userWriter(ctx: ActionContext): RecordWriter<Person> {
  const { state } = ctx.core;
  const table = ctx.core.tables.user;
  return {
    table,
    idField: 'sf_User ID',
    setters: { ...identitySetters(state), ...accessSetters(state), ...customSetters(state) },
    find: (id) => {
      const row = state.rowOf('user', id);
      const record = row === undefined ? undefined : state.data.people[row];
      return record && row !== undefined ? { record, row } : undefined;
    },
    blank: blankPerson,
    copy: (p) => ({ ...p, roleIds: [...p.roleIds] }),
    check: (draft, before, fields) => {
      if (!before) {
        for (const mandatory of ['sf_Company ID', 'sf_Is External'])
          if (!fields.includes(mandatory)) throw recordError(`${mandatory} is mandatory to create a user`);
      }
      const company = state.company(draft.companyId);
      if (!company) throw recordError('sf_Company ID is mandatory');
      // A person is internal or external for good, and so is the branch they sit in.
      if (company.isExternal !== draft.isExternal) throw recordError('sf_Is External does not match the organization');
    },
    insert: (draft) => {
      draft.id = state.takeId('person');
      state.addPerson(draft);
    },
    afterWrite: logAccessChanges,
  };
}

/** Access Modification rows for what a save changed: roles one by one, then access. */
function logAccessChanges(ctx: ActionContext, after: Person, before: Person | null, at: number): void {
  const { state } = ctx.core;
  const actor = ctx.apiUser.id;
  const had = new Set(before?.roleIds ?? []);
  const has = new Set(after.roleIds);
  for (const id of after.roleIds) if (!had.has(id)) state.logAccess(after.id, 'role_added', actor, at, `,${id},`);
  for (const id of before?.roleIds ?? [])
    if (!has.has(id)) state.logAccess(after.id, 'role_removed', actor, at, `,${id},`);
  const wasActive = before ? state.hasAccess(before, at) : false;
  const isActive = state.hasAccess(after, at);
  if (wasActive === isActive) return;
  const changes: string[] = [];
  if (before?.accessType !== after.accessType)
    changes.push(`sf_Access Type: ${before?.accessType ?? ''} -> ${after.accessType}`);
  if (before?.status !== after.status) changes.push(`sf_Status: ${before?.status ?? ''} -> ${after.status}`);
  if (before?.accessExpiry !== after.accessExpiry) changes.push('sf_Access Expiry changed');
  state.logAccess(after.id, isActive ? 'activated' : 'deactivated', actor, at, changes.join('; '));
}
