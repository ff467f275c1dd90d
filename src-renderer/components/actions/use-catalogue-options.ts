/** Roles and programs of the mirror as Select options for the action dialogs: names, privileged ones said so. */
import { useMemo } from 'react';
import type { RoleRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

export interface Option {
  value: string;
  label: string;
}

export const roleLabel = (r: Pick<RoleRow, 'name' | 'privileged'>) =>
  r.privileged ? `${r.name} (privileged)` : r.name;

/** Profile roles (`uta: false`) or program (UTA) roles, live ones, without those in `exclude`. */
export function useRoleOptions(instanceId: string, uta: boolean, exclude?: ReadonlySet<number>) {
  const roles = useApiQuery('roles:list', { instanceId });
  const options = useMemo<Option[]>(
    () =>
      (roles.data ?? [])
        .filter((r) => r.utaOnly === uta && !r.removed && !exclude?.has(r.id))
        .map((r) => ({ value: String(r.id), label: roleLabel(r) })),
    [roles.data, uta, exclude],
  );
  return { options, roles: roles.data ?? [], isLoading: roles.isLoading };
}

/** Live programs by name. */
export function useProgramOptions(instanceId: string) {
  const programs = useApiQuery('programs:list', { instanceId });
  const options = useMemo<Option[]>(
    () =>
      (programs.data ?? [])
        .filter((p) => !p.removed)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => ({ value: String(p.id), label: p.name })),
    [programs.data],
  );
  return { options, programs: programs.data ?? [], isLoading: programs.isLoading };
}
