/**
 * A change's action on the people selected, through the plans builders (buildFromSelection: one
 * operation per person, no-ops refused with the reason, the policy's risk and privilege on each).
 * Removing assignments becomes one build per (program, role) the selected people hold.
 */
import type { LifecycleAction } from '../../src-preload/contract/lifecycle';
import type { DB } from '../db/open';
import { validation } from '../errors/app-error';
import { buildFromSelection, type BuildResult, type BulkAction } from '../plans';
import { assignmentsOf, idsByName } from './store';

export interface ChangeTarget {
  planId: string;
  actor: string;
  instanceId: string;
  personIds: number[];
  action: LifecycleAction;
  source: 'admin' | 'ai';
  aiSuggestionId?: string;
}

/** The builds a change makes: a bulk action and the people it applies to. */
function buildsOf(db: DB, t: ChangeTarget): { action: BulkAction; personIds: number[] }[] {
  const ids = idsByName(db, t.instanceId);
  const roleId = (name: string) => {
    const id = ids.roles.get(name.toLowerCase());
    if (id === undefined) throw validation(`The role "${name}" is not in the mirror.`);
    return id;
  };
  const programId = (name: string) => {
    const id = ids.programs.get(name.toLowerCase());
    if (id === undefined) throw validation(`The program "${name}" is not in the mirror.`);
    return id;
  };
  const all = (action: BulkAction) => [{ action, personIds: t.personIds }];
  const a = t.action;
  switch (a.kind) {
    case 'add_role':
    case 'remove_role':
      return all({ kind: a.kind, roleId: roleId(a.role) });
    case 'add_assignment':
      return all({ kind: 'add_assignment', programId: programId(a.program), roleId: roleId(a.role) });
    case 'remove_assignment': {
      const groups = new Map<string, { action: BulkAction; personIds: number[] }>();
      for (const x of assignmentsOf(db, t.instanceId, t.personIds, a.program, a.role)) {
        const key = `${x.programId}:${x.roleId}`;
        const g = groups.get(key) ?? {
          action: { kind: 'remove_assignment', programId: x.programId, roleId: x.roleId },
          personIds: [],
        };
        g.personIds.push(x.personId);
        groups.set(key, g);
      }
      return [...groups.values()];
    }
    case 'deactivate':
      return all({ kind: 'deactivate' });
    case 'reactivate':
      return all({ kind: 'set_access', status: 'Active' });
    case 'set_expiry':
      return all({ kind: 'set_access', expiresOn: a.date });
    case 'set_department':
      return all({ kind: 'update_fields', fields: { cf_Department: a.department } });
    case 'set_title':
      return all({ kind: 'update_fields', fields: { sf_Title: a.title } });
  }
}

/** Adds the change's operations to the plan; the result counts every build together. */
export function buildChange(db: DB, t: ChangeTarget): BuildResult | null {
  let result: BuildResult | null = null;
  for (const b of buildsOf(db, t)) {
    if (b.personIds.length === 0) continue;
    const r = buildFromSelection(db, {
      planId: t.planId,
      actor: t.actor,
      personIds: b.personIds,
      action: b.action,
      source: t.source,
      ...(t.aiSuggestionId ? { aiSuggestionId: t.aiSuggestionId } : {}),
    });
    result = result
      ? {
          ...r,
          selected: result.selected + r.selected,
          added: result.added + r.added,
          rejected: [...result.rejected, ...r.rejected],
        }
      : r;
  }
  return result;
}
