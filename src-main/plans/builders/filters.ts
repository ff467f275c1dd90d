/**
 * Builders from a selection of people (ids picked on the People screen) or from a filter over the
 * mirror: one operation per person. People for whom the operation would change nothing (they
 * already lack the role, are already inactive) are left out by the filter where it can say so,
 * and otherwise come back as rejected with the reason.
 */
import type { DB } from '../../db/open';
import { selectMirrorPeople, type PeopleSelection } from '../store/mirror-reads';
import { countOperations } from '../store/plans-store';
import { formatWireDate } from '../../smartsimple/protocol';
import { addOperations, requirePlan } from '../plans';
import type { OperationInput } from '../types';
import type { BuildResult } from '../../../src-preload/contract';

export type { BuildResult };

/** The operation to apply to every selected person (its `personId` is filled in per person). */
export type BulkAction =
  | { kind: 'deactivate' }
  | { kind: 'add_role'; roleId: number }
  | { kind: 'remove_role'; roleId: number }
  | { kind: 'add_assignment'; programId: number; roleId: number }
  | { kind: 'remove_assignment'; programId: number; roleId: number }
  | {
      kind: 'set_access';
      accessType?: string;
      userType?: string;
      status?: 'Active' | 'Inactive' | 'Pending';
      expiresOn?: string;
    }
  | { kind: 'update_fields'; fields: Record<string, string> };

export interface SelectionInput {
  planId: string;
  actor: string;
  personIds: number[];
  action: BulkAction;
  source?: 'admin' | 'ai';
  aiSuggestionId?: string;
}

export function buildFromSelection(db: DB, input: SelectionInput): BuildResult {
  const ids = [...new Set(input.personIds)];
  const extra = {
    source: input.source ?? 'admin',
    ...(input.aiSuggestionId ? { aiSuggestionId: input.aiSuggestionId } : {}),
  };
  const operations = ids.map((personId) => ({ ...input.action, personId, ...extra }) as OperationInput);
  const before = requirePlan(db, input.planId);
  const countBefore = countOperations(db, before.id);
  const { plan, rejected } = addOperations(db, { planId: input.planId, actor: input.actor, operations });
  return {
    plan,
    selected: ids.length,
    added: plan.operations.length - countBefore,
    rejected: rejected.map((r) => ({ personId: ids[r.index] as number, message: r.message })),
  };
}

export interface FilterInput extends Omit<SelectionInput, 'personIds'> {
  filter: PeopleSelection;
}

/** Selects people in the mirror, then builds as for a selection. Role grants skip holders and removals non-holders. */
export function buildFromFilter(db: DB, input: FilterInput): BuildResult {
  const row = requirePlan(db, input.planId);
  const filter: PeopleSelection = { ...input.filter };
  if (input.action.kind === 'add_role') filter.lacksRoleId = input.action.roleId;
  if (input.action.kind === 'remove_role') filter.holdsRoleId = input.action.roleId;
  if (input.action.kind === 'deactivate') filter.activeOnly = true;
  const personIds = selectMirrorPeople(db, row.instance_id, filter);
  return buildFromSelection(db, { ...input, personIds });
}

/** "Deactivate everyone at organization X" (and its sub-organizations when asked). */
export function deactivateOrganization(
  db: DB,
  input: { planId: string; actor: string; organizationId: number; includeSubOrganizations?: boolean },
): BuildResult {
  return buildFromFilter(db, {
    planId: input.planId,
    actor: input.actor,
    filter: { organizationId: input.organizationId, includeSubOrganizations: input.includeSubOrganizations ?? false },
    action: { kind: 'deactivate' },
  });
}

/** "Grant role R to everyone in department D who lacks it". */
export function grantRoleToDepartment(
  db: DB,
  input: { planId: string; actor: string; roleId: number; department: string },
): BuildResult {
  return buildFromFilter(db, {
    planId: input.planId,
    actor: input.actor,
    filter: { department: input.department },
    action: { kind: 'add_role', roleId: input.roleId },
  });
}

/** "Remove role R from holders who have not logged in for N days" (never logged in counts too). */
export function removeRoleFromDormant(
  db: DB,
  input: { planId: string; actor: string; roleId: number; days: number; now?: number },
): BuildResult {
  const cutoff = formatWireDate((input.now ?? Date.now()) - input.days * 24 * 60 * 60 * 1000);
  return buildFromFilter(db, {
    planId: input.planId,
    actor: input.actor,
    filter: { lastLoginBefore: cutoff },
    action: { kind: 'remove_role', roleId: input.roleId },
  });
}
