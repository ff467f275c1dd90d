/**
 * The People table's columns. Cells are plain elements (no Mantine components): a table re-renders
 * its visible rows on every search, and that must stay well under a frame.
 */
import {
  DEFAULT_PEOPLE_COLUMNS,
  PEOPLE_COLUMN_LABELS,
  type PeopleColumnId,
  type PersonRow,
} from '../../../src-preload/contract';
import { wireDateAgo, wireDateText } from '../../lib/format';
import type { VirtualColumn } from '../virtual-table/virtual-table';
import { AccessBadges, ExternalBadge, StatusBadge } from './person-badges';
import classes from './person-columns.module.css';

export type PersonColumnId = PeopleColumnId;

const dimmedDash = <span className={classes.dimmed}>—</span>;

export const PERSON_COLUMNS: VirtualColumn<PersonRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(150px, 1.4fr)',
    cell: (p) => (
      <span className={classes.name} title={`${p.firstName} ${p.lastName}${p.title ? ` — ${p.title}` : ''}`}>
        {p.lastName}, {p.firstName}
      </span>
    ),
  },
  { id: 'email', header: 'Email', width: 'minmax(160px, 1.6fr)', cell: (p) => <span title={p.email}>{p.email}</span> },
  {
    id: 'organization',
    header: 'Organization',
    width: 'minmax(140px, 1.4fr)',
    cell: (p) => <span title={p.organization ?? undefined}>{p.organization ?? '—'}</span>,
  },
  {
    id: 'department',
    header: 'Department',
    width: 'minmax(90px, 0.8fr)',
    cell: (p) => (p.department ? <span title={p.department}>{p.department}</span> : dimmedDash),
  },
  {
    id: 'access',
    header: 'Access',
    width: '178px',
    cell: (p) => <AccessBadges accessType={p.accessType} userType={p.userType} />,
  },
  { id: 'status', header: 'Status', width: '82px', cell: (p) => <StatusBadge status={p.status} removed={p.removed} /> },
  { id: 'kind', header: 'Type', width: '90px', cell: (p) => <ExternalBadge isExternal={p.isExternal} /> },
  {
    id: 'lastLogin',
    header: 'Last login',
    width: '104px',
    cell: (p) => {
      const text = wireDateAgo(p.lastLogin);
      return text ? (
        <span title={wireDateText(p.lastLogin) ?? undefined}>{text}</span>
      ) : (
        <span className={classes.dimmed}>never</span>
      );
    },
  },
  {
    id: 'title',
    header: 'Title',
    width: 'minmax(110px, 1fr)',
    cell: (p) => (p.title ? <span title={p.title}>{p.title}</span> : dimmedDash),
  },
  { id: 'id', header: 'ID', width: '84px', align: 'right', cell: (p) => p.id },
  {
    id: 'lastUpdated',
    header: 'Last updated',
    width: '112px',
    cell: (p) => {
      const text = wireDateAgo(p.lastUpdated);
      return text ? <span title={wireDateText(p.lastUpdated) ?? undefined}>{text}</span> : dimmedDash;
    },
  },
];

const BY_ID = new Map(PERSON_COLUMNS.map((c) => [c.id as PeopleColumnId, c]));

/** The default columns, less those hidden (an organization's or a role's people). */
export function personColumns(hide: readonly PersonColumnId[] = []): VirtualColumn<PersonRow>[] {
  return personColumnsIn(DEFAULT_PEOPLE_COLUMNS.filter((id) => !hide.includes(id)));
}

/** The columns chosen, in the order given. */
export function personColumnsIn(ids: readonly PeopleColumnId[]): VirtualColumn<PersonRow>[] {
  return ids.flatMap((id) => {
    const column = BY_ID.get(id);
    return column ? [{ ...column, header: PEOPLE_COLUMN_LABELS[id] }] : [];
  });
}
