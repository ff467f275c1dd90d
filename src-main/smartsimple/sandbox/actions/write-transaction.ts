/**
 * Transactions: what Admin Desk writes back on a person after an admin action. Create with
 * `recordid` "0" and `sf_Object ID` (an existing person) and `sf_Type`; an existing transaction
 * can be updated the same way. Tests read them through `handle.transactions()`.
 */
import { recordError } from '../errors';
import type { Transaction } from '../model';
import type { ActionContext } from './context';
import { type RecordWriter, value } from './writer';

export function transactionWriter(ctx: ActionContext): RecordWriter<Transaction> {
  const { state } = ctx.core;
  const text = value.text(4000);
  return {
    table: ctx.core.tables.transactions,
    idField: 'sf_Transaction ID',
    setters: {
      'sf_Object ID': {
        set: (d, v) => {
          const person = v === '' ? undefined : state.person(value.id('sf_Object ID', v));
          if (!person) throw recordError(`sf_Object ID "${v}" is not a person`);
          d.objectId = person.id;
        },
      },
      sf_Type: {
        set: (d, v) => {
          if (v === '') throw recordError('sf_Type is mandatory');
          d.type = value.text()(v);
        },
      },
      sf_Subject: { set: (d, v) => (d.subject = value.text()(v)) },
      sf_Description: { set: (d, v) => (d.description = text(v)) },
      sf_Source: { set: (d, v) => (d.source = value.text()(v)) },
    },
    find: (id) => {
      const row = state.rowOf('transactions', id);
      const record = row === undefined ? undefined : state.data.transactions[row];
      return record && row !== undefined ? { record, row } : undefined;
    },
    blank: () => ({
      id: 0,
      objectId: 0,
      type: '',
      subject: '',
      description: '',
      source: '',
      created: 0,
      createdBy: 0,
      lastUpdated: 0,
      updatedBy: 0,
    }),
    copy: (t) => ({ ...t }),
    check: (draft, before, fields) => {
      if (!before && (!fields.includes('sf_Object ID') || !fields.includes('sf_Type')))
        throw recordError('sf_Object ID and sf_Type are mandatory');
      if (!state.person(draft.objectId)) throw recordError('sf_Object ID is not a person');
    },
    insert: (draft) => {
      draft.id = state.takeId('transaction');
      state.addTransaction(draft);
    },
  };
}
