/**
 * The bulk-action form's state: which action, its parameters, whether they are complete, and the
 * build call that turns them into a plan.
 */
import { useState } from 'react';
import { notifyError, notifySuccess, useApiMutation } from '../../api';

export type BulkKind = 'grantRoleToDepartment' | 'removeRoleFromDormant' | 'deactivateOrganization';

interface BulkActionFormOptions {
  instanceId: string;
  title: string;
  onBuilt: (planId: string) => void;
}

export function useBulkActionForm({ instanceId, title, onBuilt }: BulkActionFormOptions) {
  const [kind, setKind] = useState<BulkKind>('grantRoleToDepartment');
  const [roleId, setRoleId] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [subs, setSubs] = useState(false);
  const [days, setDays] = useState<number | string>(90);
  const build = useApiMutation('plans:buildFromFilter', {
    onSuccess: (r) => {
      notifySuccess(
        `${r.added} operations added${r.rejected.length ? `; ${r.rejected.length} people left out` : ''}.`,
        'Plan built',
      );
      onBuilt(r.plan.id);
    },
    onError: (e) => notifyError(e, 'The plan was not built'),
  });

  const ready =
    kind === 'grantRoleToDepartment'
      ? !!roleId && !!department
      : kind === 'removeRoleFromDormant'
        ? !!roleId && Number(days) >= 1
        : !!organizationId;
  const submit = () => {
    const t = title.trim() ? { title: title.trim() } : {};
    const b =
      kind === 'grantRoleToDepartment'
        ? { kind, roleId: Number(roleId), department: department ?? '' }
        : kind === 'removeRoleFromDormant'
          ? { kind, roleId: Number(roleId), days: Number(days) }
          : { kind, organizationId: Number(organizationId), includeSubOrganizations: subs };
    build.mutate({ instanceId, ...t, build: b });
  };

  return {
    kind,
    setKind,
    roleId,
    setRoleId,
    department,
    setDepartment,
    organizationId,
    setOrganizationId,
    subs,
    setSubs,
    days,
    setDays,
    ready,
    submit,
    building: build.isPending,
  };
}

export type BulkActionForm = ReturnType<typeof useBulkActionForm>;
