/**
 * "Make a plan" from a finding: the fixes each kind of finding offers, and the plan operations a
 * chosen fix becomes. The plan then goes through the normal review, approval and apply; nothing
 * here changes the instance.
 */
import type {
  FindingDetail,
  FindingKind,
  PlanOperationInput,
  Remediation,
  RemediationAction,
} from '../../src-preload/contract';
import { validation } from '../errors/app-error';

/** Every fix changes people who exist: no operation creates one. */
export type PersonOperation = Exclude<PlanOperationInput, { kind: 'create_person' }>;

type Finding = Pick<FindingDetail, 'kind' | 'personId' | 'personName' | 'evidence' | 'numbers'>;

const DEACTIVATE: RemediationAction = { kind: 'deactivate' };
const REMOVE_ACCESS: RemediationAction = { kind: 'remove_access' };

/** Roles a finding is about (its subject roles), for "remove the role". */
function subjectRoles(f: Finding): { roleId: number; roleName: string }[] {
  return (f.evidence.roles ?? []).filter((r) => r.subject || f.kind === 'privileged_unused');
}

function actionsFor(f: Finding): RemediationAction[] {
  const removeRoles = subjectRoles(f).map((r): RemediationAction => ({ kind: 'remove_role', roleId: r.roleId }));
  const byKind: Record<FindingKind, RemediationAction[]> = {
    dormant: [REMOVE_ACCESS, DEACTIVATE],
    off_hours: [REMOVE_ACCESS, DEACTIVATE],
    new_ip_or_agent: [REMOVE_ACCESS, DEACTIVATE],
    permission_burst: [{ kind: 'revert_changes' }, REMOVE_ACCESS, DEACTIVATE],
    peer_outlier: removeRoles,
    sod_conflict: removeRoles,
    privileged_unused: [...removeRoles, REMOVE_ACCESS, DEACTIVATE],
    expired_access: [REMOVE_ACCESS, DEACTIVATE],
    external_internal_role: removeRoles,
  };
  return byKind[f.kind];
}

function label(f: Finding, action: RemediationAction): string {
  switch (action.kind) {
    case 'remove_role': {
      const name = subjectRoles(f).find((r) => r.roleId === action.roleId)?.roleName ?? `role ${action.roleId}`;
      return `Remove ${name} from ${f.personName}`;
    }
    case 'deactivate':
      return `Deactivate ${f.personName}`;
    case 'remove_access':
      return `Take away ${f.personName}'s login access`;
    case 'revert_changes':
      return `Undo the ${f.evidence.events?.length ?? 0} role changes of the burst`;
  }
}

export function remediationsFor(f: Finding): Remediation[] {
  return actionsFor(f).map((action) => ({
    action,
    label: label(f, action),
    people: action.kind === 'revert_changes' ? new Set((f.evidence.events ?? []).map((e) => e.personId)).size : 1,
  }));
}

const same = (a: RemediationAction, b: RemediationAction) => JSON.stringify(a) === JSON.stringify(b);

/** The plan operations of a fix; refused when the fix is not one the finding offers. */
export function operationsFor(f: Finding, action: RemediationAction): PersonOperation[] {
  if (!actionsFor(f).some((a) => same(a, action)))
    throw validation('That fix does not apply to this finding: choose one of the fixes it offers.');
  switch (action.kind) {
    case 'remove_role':
      return [{ kind: 'remove_role', personId: f.personId, roleId: action.roleId }];
    case 'deactivate':
      return [{ kind: 'deactivate', personId: f.personId }];
    case 'remove_access':
      return [{ kind: 'set_access', personId: f.personId, accessType: '0' }];
    case 'revert_changes':
      // Newest first: the last change to a (person, role) is the one to undo.
      return [...(f.evidence.events ?? [])]
        .reverse()
        .filter((e) => e.roleId !== null)
        .filter((e, i, all) => all.findIndex((x) => x.personId === e.personId && x.roleId === e.roleId) === i)
        .map((e) =>
          e.action === 'role_added'
            ? { kind: 'remove_role' as const, personId: e.personId, roleId: e.roleId! }
            : { kind: 'add_role' as const, personId: e.personId, roleId: e.roleId! },
        );
  }
}
