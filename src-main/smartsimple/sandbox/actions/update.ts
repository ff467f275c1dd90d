/** Update (create/modify, full replace) and Delete (soft delete). */
import { DELETE_STATUS_OK, UPDATE_STATUS_OK } from '../../protocol';
import { recordError } from '../errors';
import { exactRecord, notFoundError, parseJsonrset, runBatch } from './batch';
import { type ActionContext, type ActionResult, stamp } from './context';
import { companyWriter } from './write-company';
import { transactionWriter } from './write-transaction';
import { userWriter } from './write-user';
import { type PreparedWrite, prepareWrite, type RecordWriter, type Stamped } from './writer';

function prepareWith<T extends Stamped>(ctx: ActionContext, writer: RecordWriter<T>): (item: unknown) => PreparedWrite {
  const keys = [...ctx.fn.spec.fields, 'recordid'];
  return (item) => prepareWrite(ctx, writer, exactRecord(item, keys));
}

export function updateAction(ctx: ActionContext): ActionResult {
  const items = parseJsonrset(ctx.params.jsonrset);
  const type = ctx.fn.spec.type;
  let prepare: (item: unknown) => PreparedWrite;
  if (type === 'user') prepare = prepareWith(ctx, userWriter(ctx));
  else if (type === 'company') prepare = prepareWith(ctx, companyWriter(ctx));
  else if (type === 'transactions') prepare = prepareWith(ctx, transactionWriter(ctx));
  else throw recordError(`the sandbox cannot update ${type} records`);
  return runBatch(ctx, items, prepare, UPDATE_STATUS_OK);
}

export function deleteAction(ctx: ActionContext): ActionResult {
  const items = parseJsonrset(ctx.params.jsonrset);
  const type = ctx.fn.spec.type;
  if (type !== 'user' && type !== 'company' && type !== 'levelone')
    throw recordError(`the sandbox cannot delete ${type} records`);
  const { state } = ctx.core;
  return runBatch(
    ctx,
    items,
    (item) => {
      const { recordid } = exactRecord(item, ['recordid']);
      if (!/^\d{1,15}$/.test(recordid ?? '')) throw recordError(`recordid "${recordid ?? ''}"`);
      const id = Number(recordid);
      if (state.rowOf(type, id) === undefined || (type === 'company' && id === state.rootCompanyId))
        throw notFoundError(`${type} ${id}`);
      return {
        op: 'delete',
        apply: () => {
          state.softDelete(type, id, ctx.apiUser.id, stamp(ctx.now));
          return String(id);
        },
      };
    },
    DELETE_STATUS_OK,
  );
}
