/** The People table's columns; cells stay light (text and at most two badges) to keep scrolling smooth. */
import { Group, Text } from '@mantine/core';
import type { PersonRow } from '../../../src-preload/contract';
import { wireDateAgo, wireDateText } from '../../lib/format';
import type { VirtualColumn } from '../virtual-table/virtual-table';
import { AccessBadges, ExternalBadge, StatusBadge } from './person-badges';

export type PersonColumnId = 'name' | 'email' | 'organization' | 'department' | 'access' | 'status' | 'kind' | 'lastLogin';

export const PERSON_COLUMNS: VirtualColumn<PersonRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(150px, 1.4fr)',
    cell: (p) => (
      <Text span size="sm" fw={500} title={`${p.firstName} ${p.lastName}${p.title ? ` — ${p.title}` : ''}`}>
        {p.lastName}, {p.firstName}
      </Text>
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
    cell: (p) => (p.department ? <span title={p.department}>{p.department}</span> : <Text span size="sm" c="dimmed">—</Text>),
  },
  { id: 'access', header: 'Access', width: '150px', cell: (p) => <AccessBadges accessType={p.accessType} userType={p.userType} /> },
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
        <Text span size="sm" c="dimmed">
          never
        </Text>
      );
    },
  },
];

export function personColumns(hide: readonly PersonColumnId[] = []): VirtualColumn<PersonRow>[] {
  return PERSON_COLUMNS.filter((c) => !hide.includes(c.id as PersonColumnId));
}

/** A person as one line for lists outside the table: "Abbott, Carlos · Researcher". */
export function PersonLine({ person }: { person: Pick<PersonRow, 'firstName' | 'lastName' | 'title'> }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {person.lastName}, {person.firstName}
      </Text>
      {person.title && (
        <Text size="sm" c="dimmed" truncate>
          {person.title}
        </Text>
      )}
    </Group>
  );
}
