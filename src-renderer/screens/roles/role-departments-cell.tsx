/**
 * The departments a role's holders are in, for the Roles table: "Finance 5 · Programs 3 · +2".
 * One `roles:get` per role with holders (the list call does not carry departments); the role page
 * reads the same cached answer.
 */
import { Text } from '@mantine/core';
import type { RoleRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

const SHOWN = 2;

export function RoleDepartmentsCell({ instanceId, role }: { instanceId: string; role: RoleRow }) {
  const detail = useApiQuery('roles:get', { instanceId, roleId: role.id }, { enabled: role.holders > 0, meta: { silent: true } });
  if (role.holders === 0) return <Text span size="sm" c="dimmed">—</Text>;
  const departments = detail.data?.departments;
  if (!departments) return <Text span size="sm" c="dimmed">…</Text>;
  const named = departments.map((d) => `${d.department ?? 'none'} ${d.holders}`);
  const text = named.slice(0, SHOWN).join(' · ') + (named.length > SHOWN ? ` · +${named.length - SHOWN}` : '');
  return (
    <Text span size="sm" title={named.join('\n')}>
      {text}
    </Text>
  );
}
