/**
 * The three reports behind the report functions, read straight from the log columns: a page of
 * the Login Session report touches only the rows it returns, however long the log is.
 */
import { type REPORT_COLUMNS } from '../protocol';
import { ipToText } from './log-store';
import type { Association } from './model';
import type { InstanceState } from './state';
import { dateField, type FieldDef, numberField, type Table, textField } from './table';

export type ReportName = keyof typeof REPORT_COLUMNS;

function columnTable(
  name: string,
  size: () => number,
  recordId: (row: number) => string,
  fields: FieldDef[],
  version: () => number,
  visible: (row: number) => boolean = () => true,
): Table {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return { name, size, visible, recordId, field: (n) => byName.get(n), version };
}

export function accessModificationReport(state: InstanceState): Table {
  const log = state.data.accessLog;
  const id = (row: number): number => log.idBase + row;
  // Ids ascend with the row; times too while appends stay in time order.
  const timeOrdered = (): boolean => log.timeOrdered;
  return columnTable(
    'reports.access_modification',
    () => log.length,
    (row) => String(id(row)),
    [
      numberField('eventid', id, () => true),
      numberField('userid', (r) => log.user.get(r)),
      textField('action', (r) => log.actionAt(r)),
      textField('detail', (r) => log.detailAt(r)),
      numberField('changed_by', (r) => log.actor.get(r)),
      dateField('timestamp', (r) => log.time.get(r) * 1000, 'date', timeOrdered),
    ],
    () => log.length,
  );
}

export function loginSessionReport(state: InstanceState): Table {
  const log = state.data.sessions;
  const id = (row: number): number => log.idBase + row;
  return columnTable(
    'reports.login_sessions',
    () => log.length,
    (row) => String(id(row)),
    [
      numberField('sessionid', id, () => true),
      numberField('userid', (r) => log.user.get(r)),
      // Generated in time order and never appended by the server.
      dateField(
        'session_start',
        (r) => log.start.get(r) * 1000,
        'date',
        () => true,
      ),
      dateField('session_end', (r) => log.end.get(r) * 1000),
      textField('ip', (r) => ipToText(log.ip.get(r))),
      textField('user_agent', (r) => log.userAgents[log.ua.get(r)] ?? ''),
    ],
    () => log.length,
  );
}

/** Live associations of live programs (removed ones drop out, as in a report run now). */
export function programAssignmentsReport(state: InstanceState): Table {
  const rows = state.data.associations;
  const at = (row: number): Association => rows[row] as Association;
  return columnTable(
    'reports.program_assignments',
    () => rows.length,
    (row) => String(at(row).id),
    [
      numberField(
        'associationid',
        (r) => at(r).id,
        () => true,
      ),
      numberField('objectid', (r) => at(r).objectId),
      textField('program_name', (r) => state.program(at(r).objectId, true)?.name ?? ''),
      numberField('contactid', (r) => at(r).contactId),
      numberField('roleid', (r) => at(r).roleId),
      textField('rolename', (r) => state.role(at(r).roleId)?.name ?? ''),
    ],
    () => state.version(),
    (row) => {
      const a = rows[row];
      return (
        a !== undefined &&
        !a.removed &&
        state.program(a.objectId) !== undefined &&
        state.person(a.contactId) !== undefined
      );
    },
  );
}

export function reportTables(state: InstanceState): Record<ReportName, Table> {
  return {
    'reports.access_modification': accessModificationReport(state),
    'reports.login_sessions': loginSessionReport(state),
    'reports.program_assignments': programAssignmentsReport(state),
  };
}
