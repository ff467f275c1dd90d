/**
 * Organizations through Update. Creation needs `sf_Parent Company ID` and `sf_Is External`;
 * a company sits on the same side (internal/external) as its parent, except directly under the
 * root, which has both branches. The root itself keeps no parent.
 */
import { COMPANY_STATUSES } from '../../protocol';
import { recordError } from '../errors';
import type { Company } from '../model';
import type { ActionContext } from './context';
import { type RecordWriter, value } from './writer';

export function companyWriter(ctx: ActionContext): RecordWriter<Company> {
  const { state } = ctx.core;
  const categoryIds = new Set(state.data.categories.map((c) => c.id));
  return {
    table: ctx.core.tables.company,
    idField: 'sf_Company ID',
    setters: {
      sf_Name: {
        set: (d, v) => {
          if (v === '') throw recordError('sf_Name is empty');
          d.name = value.text()(v);
        },
      },
      'sf_Parent Company ID': {
        set: (d, v) => {
          if (v === '') {
            if (d.id !== state.rootCompanyId) throw recordError('sf_Parent Company ID is mandatory');
            return;
          }
          if (d.id === state.rootCompanyId) throw recordError('the root organization has no parent');
          const parent = state.company(value.id('sf_Parent Company ID', v));
          if (!parent) throw recordError(`organization ${v} does not exist`);
          d.parentId = parent.id;
        },
      },
      'sf_Is External': {
        createOnly: true,
        set: (d, v) => (d.isExternal = value.oneOf('sf_Is External', ['0', '1'])(v) === '1'),
      },
      sf_Status: { set: (d, v) => (d.status = value.oneOf('sf_Status', COMPANY_STATUSES)(v)) },
      'sf_Category List': {
        set: (d, v) => {
          d.categoryIds = value.idList('sf_Category List', v);
          for (const id of d.categoryIds) if (!categoryIds.has(id)) throw recordError(`category ${id} does not exist`);
        },
      },
      sf_Phone: { set: (d, v) => (d.phone = value.text()(v)) },
      'sf_Web Site': { set: (d, v) => (d.website = value.text()(v)) },
    },
    find: (id) => {
      const row = state.rowOf('company', id);
      const record = row === undefined ? undefined : state.data.companies[row];
      return record && row !== undefined ? { record, row } : undefined;
    },
    blank: () => ({
      id: 0,
      name: '',
      parentId: null,
      isExternal: false,
      status: 'Active',
      categoryIds: [],
      phone: '',
      website: '',
      created: 0,
      createdBy: 0,
      lastUpdated: 0,
      updatedBy: 0,
      deleted: false,
    }),
    copy: (c) => ({ ...c, categoryIds: [...c.categoryIds] }),
    check: (draft, before, fields) => {
      if (!before) {
        for (const mandatory of ['sf_Parent Company ID', 'sf_Is External', 'sf_Name'])
          if (!fields.includes(mandatory)) throw recordError(`${mandatory} is mandatory to create an organization`);
      }
      if (draft.id === state.rootCompanyId) return;
      const parent = draft.parentId === null ? undefined : state.company(draft.parentId);
      if (!parent) throw recordError('sf_Parent Company ID is mandatory');
      if (parent.id !== state.rootCompanyId && parent.isExternal !== draft.isExternal)
        throw recordError('sf_Is External does not match the parent organization');
      // No cycles: the new parent may not sit below this company.
      for (let up: number | null = parent.id; up !== null; up = state.company(up, true)?.parentId ?? null) {
        if (up === draft.id && draft.id !== 0) throw recordError('an organization cannot move below itself');
      }
    },
    insert: (draft) => {
      draft.id = state.takeId('company');
      state.addCompany(draft);
    },
  };
}
