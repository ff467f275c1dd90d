/**
 * Everything planning reads from the mirror, loaded once per batch of operations (a builder may
 * add 10,000 at a time), and the mapping of stored rows to `Operation`.
 */
import type { DB } from '../db/open';
import {
  getMirrorAssignments,
  getMirrorChildOrganizationNames,
  getMirrorOrganization,
  getMirrorPeople,
  listMirrorProgramNames,
  listMirrorRoles,
  type MirrorPerson,
} from './store/mirror-reads';
import type { OperationRow } from './store/plans-store';
import { describeOperation, type PlanningContext, type PlannedOperation, rolesOf } from './operations';
import type { Operation, ParsedOperationInput, RoleInfo } from './types';

export interface InstanceCatalogue {
  roles: Map<number, RoleInfo>;
  programs: Map<number, string>;
}

export function loadCatalogue(db: DB, instanceId: string): InstanceCatalogue {
  return {
    roles: new Map(listMirrorRoles(db, instanceId).map((r) => [r.id, r])),
    programs: listMirrorProgramNames(db, instanceId),
  };
}

export interface PeopleContext extends InstanceCatalogue {
  people: Map<number, MirrorPerson>;
  /** `personId:programId:roleId` of live assignments. */
  assignments: Set<string>;
  contextFor(input: ParsedOperationInput): PlanningContext;
}

/** A new organization of the plan, as people planned into it see it. */
export interface PlannedOrganization {
  name: string;
  isExternal: boolean;
}

/** The create_organization operations a plan already holds (stored rows). */
export function plannedOrganizationsOf(rows: readonly Pick<OperationRow, 'kind' | 'after'>[]): PlannedOrganization[] {
  return rows
    .filter((r) => r.kind === 'create_organization')
    .map((r) => {
      const after = JSON.parse(r.after) as Operation['after'];
      return { name: after['sf_Name'] ?? '', isExternal: after['sf_Is External'] === '1' };
    });
}

const orgKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

export function loadPeopleContext(
  db: DB,
  instanceId: string,
  inputs: readonly ParsedOperationInput[],
  catalogue = loadCatalogue(db, instanceId),
  inPlan: readonly PlannedOrganization[] = [],
): PeopleContext {
  const ids = inputs.flatMap((i) => ('personId' in i ? [i.personId] : []));
  const people = getMirrorPeople(db, instanceId, ids);
  const needsAssignments = inputs.some((i) => i.kind === 'add_assignment' || i.kind === 'remove_assignment');
  const assignments = new Set(
    needsAssignments
      ? getMirrorAssignments(db, instanceId, ids).map((a) => `${a.personId}:${a.programId}:${a.roleId}`)
      : [],
  );
  const orgs = new Map<number, ReturnType<typeof getMirrorOrganization>>();
  const org = (id: number) => {
    if (!orgs.has(id)) orgs.set(id, getMirrorOrganization(db, instanceId, id));
    return orgs.get(id);
  };
  // The organizations this plan creates: those stored, and those arriving with these inputs.
  const created = new Map(inPlan.map((o) => [orgKey(o.name), o]));
  for (const i of inputs)
    if (i.kind === 'create_organization')
      created.set(orgKey(i.fields.sf_Name), { name: i.fields.sf_Name, isExternal: i.fields['sf_Is External'] === '1' });
  return {
    ...catalogue,
    people,
    assignments,
    contextFor(input) {
      if (input.kind === 'create_person') {
        const organization = input.newOrganization
          ? created.get(orgKey(input.newOrganization))
          : org(Number(input.fields['sf_Company ID']));
        return { ...catalogue, organization };
      }
      if (input.kind === 'create_organization') {
        const parent = org(Number(input.fields['sf_Parent Company ID']));
        return {
          ...catalogue,
          parent: parent && { ...parent, children: getMirrorChildOrganizationNames(db, instanceId, parent.id) },
        };
      }
      const personId = input.personId;
      return {
        ...catalogue,
        person: people.get(personId)?.fields,
        assigned: (programId, roleId) => assignments.has(`${personId}:${programId}:${roleId}`),
      };
    },
  };
}

/**
 * What an operation claims on its person: a role, an assignment, a field. Two operations of one
 * plan may not claim the same thing (add and remove the same role, two new titles).
 */
export function claimsOf(op: Pick<PlannedOperation, 'kind' | 'personId' | 'params' | 'before' | 'after'>): string[] {
  if (op.kind === 'create_organization')
    return [
      `organization:${orgKey(String(op.after['sf_Name'] ?? ''))}:under:${String(op.after['sf_Parent Company ID'])}`,
    ];
  const who = op.personId ?? `new:${String(op.after['sf_Email'] ?? '').toLowerCase()}`;
  const out: string[] = [];
  for (const key of Object.keys(op.after)) {
    if (key.startsWith('UTA ')) out.push(`${who}:${key}`);
    else if (key !== 'sf_User Role') out.push(`${who}:field:${key}`);
  }
  const before = new Set(rolesOf(op.before));
  const after = new Set(rolesOf(op.after));
  for (const r of new Set([...before, ...after])) if (before.has(r) !== after.has(r)) out.push(`${who}:role:${r}`);
  if (op.kind === 'create_person') out.push(`${who}:create`);
  return out;
}

export function toOperation(r: OperationRow, catalogue: InstanceCatalogue): Operation {
  const params = JSON.parse(r.params) as Record<string, unknown>;
  const before = JSON.parse(r.before) as Operation['before'];
  const after = JSON.parse(r.after) as Operation['after'];
  return {
    id: r.id,
    planId: r.plan_id,
    seq: r.seq,
    kind: r.kind,
    personId: r.person_id,
    params,
    before,
    after,
    risk: r.risk,
    riskReasons: JSON.parse(r.risk_reasons) as Operation['riskReasons'],
    privileged: r.privileged === 1,
    source: r.source,
    aiSuggestionId: r.ai_suggestion_id,
    approval:
      r.approved_by && r.approved_at && r.approval_scope
        ? {
            by: r.approved_by,
            at: r.approved_at,
            scope: r.approval_scope,
            reason: r.approval_reason ?? null,
            recordedBy: r.approval_recorded_by ?? null,
          }
        : null,
    summary: describeOperation({ kind: r.kind, params, before, after }, catalogue),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
