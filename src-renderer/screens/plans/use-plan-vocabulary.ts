/** Roles, programs, organizations and departments of the mirror, as Select options and names for the builders. */
import { useMemo } from 'react';
import type { OrganizationNode } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

export interface Option {
  value: string;
  label: string;
}

export function usePlanVocabulary(instanceId: string) {
  const roles = useApiQuery('roles:list', { instanceId });
  const tree = useApiQuery('organizations:tree', { instanceId });
  const programs = useApiQuery('programs:list', { instanceId });
  const departmentRows = useApiQuery('departments:list', { instanceId });
  return useMemo(() => {
    const profileRoles: Option[] = (roles.data ?? [])
      .filter((r) => !r.utaOnly && !r.removed)
      .map((r) => ({ value: String(r.id), label: r.privileged ? `${r.name} (privileged)` : r.name }));
    const organizations: Option[] = [];
    const walk = (nodes: OrganizationNode[], depth: number) => {
      for (const n of nodes) {
        if (!n.removed)
          organizations.push({ value: String(n.id), label: `${'  '.repeat(depth)}${n.name} (${n.totalPeople})` });
        walk(n.children, depth + 1);
      }
    };
    walk(tree.data ?? [], 0);
    const departments: Option[] = (departmentRows.data ?? []).map((d) => ({
      value: d.name,
      label: `${d.name} (${d.people})`,
    }));
    const roleName = new Map((roles.data ?? []).map((r) => [r.id, r.name]));
    const programName = new Map((programs.data ?? []).map((p) => [p.id, p.name]));
    return {
      profileRoles,
      organizations,
      departments,
      roleName,
      programName,
      isLoading: roles.isLoading || tree.isLoading || departmentRows.isLoading,
    };
  }, [
    roles.data,
    tree.data,
    programs.data,
    departmentRows.data,
    roles.isLoading,
    tree.isLoading,
    departmentRows.isLoading,
  ]);
}
