/**
 * How each mirrored entity is read from SmartConnect: the function, the field its pages are keyed
 * on, the date an incremental sync selects by, and how a reconcile lists its ids.
 *
 * Paging is by key, not by offset: every page is a fresh List with `<id field> > <last id of the
 * previous page>` in the server's default order (record id ascending). A page therefore never
 * shifts when records are added or removed while a sync runs, and a resumed pass starts right
 * after the last committed page without asking for anything it already has.
 */
import type { KnownFunctionName, WireRecord } from '../smartsimple/protocol';
import { ID_CRITERIA_FIELDS } from '../smartsimple/protocol';
import type { SyncEntity } from './types';

export interface PagedEntitySpec {
  entity: Exclude<SyncEntity, 'roles'>;
  fn: KnownFunctionName;
  source: 'list' | 'report';
  /** Criteria field for the keyset (`> after`); reports take their own id column (REPORT_COLUMNS). */
  idField: string;
  /**
   * Criteria field for incremental passes (`>= watermark`); none for append-only sources, whose
   * incremental pass continues after the highest id the mirror holds.
   */
  updatedField?: string;
  /** List function of ids (and last-updated) for a reconcile; without one a reconcile re-reads it all. */
  idsFn?: KnownFunctionName;
  /** Page size group. */
  pageGroup: 'records' | 'logs';
  /** Label for progress messages. */
  label: string;
}

export const PAGED_ENTITIES: Readonly<Record<PagedEntitySpec['entity'], PagedEntitySpec>> = {
  organizations: {
    entity: 'organizations',
    fn: 'companies.list',
    source: 'list',
    idField: ID_CRITERIA_FIELDS.company,
    updatedField: 'sf_Last Updated',
    idsFn: 'companies.ids',
    pageGroup: 'records',
    label: 'Organizations',
  },
  people: {
    entity: 'people',
    fn: 'users.list',
    source: 'list',
    idField: ID_CRITERIA_FIELDS.user,
    updatedField: 'sf_Last Updated',
    idsFn: 'users.ids',
    pageGroup: 'records',
    label: 'People',
  },
  programs: {
    entity: 'programs',
    fn: 'programs.list',
    source: 'list',
    idField: ID_CRITERIA_FIELDS.levelone,
    updatedField: 'sf_Last Updated',
    pageGroup: 'records',
    label: 'Programs',
  },
  assignments: {
    entity: 'assignments',
    fn: 'reports.program_assignments',
    source: 'report',
    idField: 'associationid',
    pageGroup: 'records',
    label: 'Program assignments',
  },
  access_events: {
    entity: 'access_events',
    fn: 'reports.access_modification',
    source: 'report',
    idField: 'eventid',
    updatedField: 'timestamp',
    pageGroup: 'logs',
    label: 'Access changes',
  },
  login_sessions: {
    entity: 'login_sessions',
    fn: 'reports.login_sessions',
    source: 'report',
    idField: 'sessionid',
    updatedField: 'session_start',
    pageGroup: 'logs',
    label: 'Login sessions',
  },
};

export const ENTITY_LABELS: Readonly<Record<SyncEntity, string>> = {
  roles: 'Roles',
  organizations: PAGED_ENTITIES.organizations.label,
  people: PAGED_ENTITIES.people.label,
  programs: PAGED_ENTITIES.programs.label,
  assignments: PAGED_ENTITIES.assignments.label,
  access_events: PAGED_ENTITIES.access_events.label,
  login_sessions: PAGED_ENTITIES.login_sessions.label,
};

/** The numeric record id of a wire record (`recordid`, else the given id field). */
export function recordIdOf(record: WireRecord, idField?: string): number | undefined {
  const text = record.recordid ?? (idField ? record[idField] : undefined);
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
