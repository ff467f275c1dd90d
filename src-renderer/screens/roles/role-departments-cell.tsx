/**
 * The departments a role's holders are in, for the Roles table: "Finance 5 · Programs 3 · +2".
 * Asked for per role on request, not for every row at once: `roles:get` aggregates over all
 * holdings, about a third of a second per role at 100,000 people, and the main process would be
 * busy for many seconds answering a whole catalogue. The role page reads the same cached answer.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { RoleRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

const SHOWN = 2;

export function RoleDepartmentsCell({ instanceId, role }: { instanceId: string; role: RoleRow }) {
  const [asked, setAsked] = useState(false);
  const detail = useApiQuery(
    'roles:get',
    { instanceId, roleId: role.id },
    { enabled: asked && role.holders > 0, meta: { silent: true } },
  );
  if (role.holders === 0)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  const departments = detail.data?.departments;
  if (!departments) {
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        loading={detail.isFetching}
        onClick={(e) => {
          e.stopPropagation();
          setAsked(true);
        }}
        aria-label={`Show the departments of ${role.name}`}
      >
        Show
      </Button>
    );
  }
  const named = departments.map((d) => `${d.department ?? 'none'} ${d.holders}`);
  const text = named.slice(0, SHOWN).join(' · ') + (named.length > SHOWN ? ` · +${named.length - SHOWN}` : '');
  return (
    <Text span size="sm" title={named.join('\n')}>
      {text}
    </Text>
  );
}
