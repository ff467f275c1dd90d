/** Get, List and Report-Query: reads through the table read model, paged. */
import { ERROR_TEXTS, REPORT_COLUMNS } from '../../protocol';
import { SandboxError } from '../errors';
import { listMessage, pageOf, parseOtherSettings } from '../paging';
import type { ReportName } from '../report-tables';
import type { Table } from '../table';
import { type ActionContext, type ActionResult, idParam, recordTableOf, renderRows } from './context';

export function getAction(ctx: ActionContext): ActionResult {
  const table = recordTableOf(ctx);
  const type = ctx.fn.spec.type as 'user' | 'company' | 'levelone' | 'transactions';
  const row = ctx.core.state.rowOf(type, idParam(ctx.params.recordid));
  if (row === undefined) throw new SandboxError(ERROR_TEXTS.notFound, `no ${type} ${ctx.params.recordid ?? ''}`);
  return { body: { records: renderRows(table, ctx.fn.spec.fields, [row]), message: {} } };
}

function pagedQuery(ctx: ActionContext, table: Table, fields: readonly string[]): ActionResult {
  const settings = parseOtherSettings(ctx.params.othersettings);
  const rows = ctx.core.queries.rows(ctx.fn.name, table, new Set(fields), ctx.params.criteria, ctx.params.sortby);
  const page = pageOf(settings, rows.length);
  const slice = rows.subarray(page.offset, page.offset + page.recordcount);
  return { body: { records: renderRows(table, fields, slice), message: listMessage(page) } };
}

export function listAction(ctx: ActionContext): ActionResult {
  return pagedQuery(ctx, recordTableOf(ctx), ctx.fn.spec.fields);
}

/**
 * Report-Query over the instance's own logs. The function names the report; a `reportid` sent
 * with the call must be that report's id.
 */
export function reportAction(ctx: ActionContext): ActionResult {
  const name = ctx.fn.name as ReportName;
  const table = ctx.core.reports[name];
  const expected = ctx.core.functions.reportIds.get(name);
  if (!table || !expected) throw new SandboxError(ERROR_TEXTS.notFound, `no report behind ${ctx.fn.name}`);
  const asked = (ctx.params.reportid ?? '').trim();
  if (asked !== '' && asked !== expected) throw new SandboxError(ERROR_TEXTS.notFound, `report ${asked}`);
  return pagedQuery(ctx, table, REPORT_COLUMNS[name]);
}
