/**
 * A plan to apply in tests: operations of every kind on people picked from the sandbox, approved
 * (privileged ones on their own), ready for applyPlan. `roleAdds` gives a big plan of one role
 * grant per person plus a title change on some, for the crash test and the benchmark.
 */
import type { DB } from '../../db/open';
import type { SandboxHandle } from '../../smartsimple/sandbox';
import { approvePlan, recordOperationApprovals } from '../approval';
import { createPlan, getPlan, submitForReview } from '../plans';
import type { OperationInput, PlanWithOperations } from '../types';

export function approveAll(db: DB, planId: string, approver = 'bo'): PlanWithOperations {
  submitForReview(db, { planId, actor: 'ana' });
  const { plan, needOwnApproval } = approvePlan(db, { planId, approver });
  if (needOwnApproval.length === 0) return plan;
  // Four-eyes: a privileged one by a second administrator (not the builder 'ana', not the approver), with a reason.
  for (const op of needOwnApproval)
    recordOperationApprovals(db, {
      planId,
      operationIds: [op.id],
      approver,
      reason: 'Approved for the test',
      secondApprover: 'second reviewer',
    });
  return getPlan(db, planId);
}

/** People who can sign in, plain users (so no operation is refused for being a no-op). */
export function plainUsers(sb: SandboxHandle) {
  return sb.state.data.people.filter(
    (p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && p.userType === '10',
  );
}

/** One operation of each kind, on distinct people. */
export function mixedOperations(sb: SandboxHandle): OperationInput[] {
  const users = plainUsers(sb);
  const [a, b, c, d, e] = users as [
    (typeof users)[number],
    (typeof users)[number],
    (typeof users)[number],
    (typeof users)[number],
    (typeof users)[number],
  ];
  const profile = sb.state.data.roles.filter((r) => !r.utaOnly && !r.privileged);
  const uta = sb.state.data.roles.find((r) => r.utaOnly) as { id: number };
  const program = sb.state.data.programs.find((p) => !p.deleted) as { id: number };
  const held = sb.state.data.associations.find(
    (x) =>
      !x.removed &&
      x.objectId === program.id &&
      users.some((u) => u.id === x.contactId) &&
      ![a, b, c, d].some((u) => u.id === x.contactId),
  );
  const lacking = (p: { roleIds: number[] }) => (profile.find((r) => !p.roleIds.includes(r.id)) as { id: number }).id;
  const ops: OperationInput[] = [
    { kind: 'add_role', personId: a.id, roleId: lacking(a) },
    { kind: 'update_fields', personId: a.id, fields: { sf_Title: 'Programme Lead', cf_Department: 'Grants' } },
    { kind: 'remove_role', personId: b.id, roleId: b.roleIds[0] as number, source: 'ai', aiSuggestionId: 'sugg-1' },
    { kind: 'set_access', personId: c.id, status: 'Inactive' },
    { kind: 'deactivate', personId: d.id },
    { kind: 'add_assignment', personId: e.id, programId: program.id, roleId: uta.id },
  ];
  if (held)
    ops.push({ kind: 'remove_assignment', personId: held.contactId, programId: held.objectId, roleId: held.roleId });
  ops.push({
    kind: 'create_person',
    fields: {
      'sf_First Name': 'Nia',
      'sf_Last Name': 'Okafor',
      sf_Email: 'nia.okafor@example.org',
      'sf_Company ID': String(a.companyId),
      sf_Title: 'Analyst',
    },
    roleIds: [lacking({ roleIds: [] })],
    source: 'ai',
    aiSuggestionId: 'intake-12',
  });
  return ops;
}

export function approvedPlan(
  db: DB,
  instanceId: string,
  operations: OperationInput[],
  title = 'Test plan',
): PlanWithOperations {
  const { plan, rejected } = createPlan(db, { instanceId, title, createdBy: 'ana', operations });
  if (rejected.length > 0) throw new Error(`operations refused: ${JSON.stringify(rejected)}`);
  return approveAll(db, plan.id);
}

/** `count` operations: a role grant for each person it can, then title changes, on live people. */
export function bulkOperations(sb: SandboxHandle, count: number): OperationInput[] {
  const people = sb.state.data.people.filter((p) => !p.deleted);
  const profile = sb.state.data.roles.filter((r) => !r.utaOnly && !r.privileged);
  const ops: OperationInput[] = [];
  for (const p of people) {
    if (ops.length >= count) break;
    const role = profile.find((r) => !p.roleIds.includes(r.id));
    if (role) ops.push({ kind: 'add_role', personId: p.id, roleId: role.id });
  }
  for (const p of people) {
    if (ops.length >= count) break;
    ops.push({ kind: 'update_fields', personId: p.id, fields: { sf_Title: `Bulk ${p.id}` } });
  }
  if (ops.length < count) throw new Error(`only ${ops.length} operations possible on ${people.length} people`);
  return ops;
}
