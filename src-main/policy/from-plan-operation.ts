/**
 * The policy's view of a planned operation: its kind, ids and codes, and the names (never the
 * values) of the fields it changes. Everything else a plan operation carries (text, before/after
 * values, where it came from) stays out of the policy's reach.
 */
import type { PolicyOperation } from './approval-policy';

interface PlannedLike {
  kind: string;
  params: Record<string, unknown>;
  after?: Record<string, string | null>;
}

const codeOrNull = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const fieldsOf = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

export function policyOperationFrom(op: PlannedLike): PolicyOperation | { kind: string } {
  const p = op.params;
  switch (op.kind) {
    case 'create_person': {
      const f = fieldsOf(p.fields);
      return {
        kind: 'create_person',
        roleIds: Array.isArray(p.roleIds) ? (p.roleIds as number[]) : [],
        userType: codeOrNull(f['sf_User Type']),
        accessType: codeOrNull(f['sf_Access Type']),
        isExternal: (op.after?.['sf_Is External'] ?? '0') === '1',
      };
    }
    case 'update_fields':
      return { kind: 'update_fields', fields: Object.keys(fieldsOf(p.fields)) };
    case 'add_role':
    case 'remove_role':
      return { kind: op.kind, roleId: p.roleId as number };
    case 'add_assignment':
    case 'remove_assignment':
      return { kind: op.kind, programId: p.programId as number, roleId: p.roleId as number };
    case 'set_access':
      return {
        kind: 'set_access',
        accessType: codeOrNull(p.accessType),
        userType: codeOrNull(p.userType),
        status: (codeOrNull(p.status) as 'Active' | 'Inactive' | 'Pending' | null) ?? null,
      };
    case 'create_organization':
      return { kind: 'create_organization', isExternal: (op.after?.['sf_Is External'] ?? '0') === '1' };
    default:
      // deactivate, or a kind the policy does not know (which it then refuses).
      return { kind: op.kind };
  }
}
