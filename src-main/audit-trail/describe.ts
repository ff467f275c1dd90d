/**
 * One trail entry in words: what the administrator did, to which plan and people, why. Pure: the
 * names come in from readable-store.ts; the entry's own details are read defensively (old entries
 * lack the newer fields).
 */
import type { AuditKind, ReadableAuditEntry } from '../../src-preload/contract';
import { KIND_ACTIONS, type TrailRow } from './readable-store';

export interface Names {
  /** Operation id -> the person's name, its kind and params (JSON). */
  operations: Map<number, { person: string | null; kind: string; params: string; planId: string }>;
  /** `instanceId:roleId` -> role name. */
  roles: Map<string, string>;
}

const KIND_WORDS: Record<string, string> = {
  create_person: 'create a person',
  update_fields: 'change profile fields',
  add_role: 'add role',
  remove_role: 'remove role',
  add_assignment: 'add a program role',
  remove_assignment: 'remove a program role',
  set_access: 'change access',
  deactivate: 'deactivate',
};

const SETTING_WORDS: Record<string, string> = {
  fourEyes: 'four-eyes approval',
  administratorName: 'administrator name',
};

const kindOf = (action: string): AuditKind | 'other' =>
  (Object.entries(KIND_ACTIONS).find(([, actions]) => actions.includes(action))?.[0] as AuditKind | undefined) ??
  'other';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
/** A name without the API-user suffix the desk adds (the actor column keeps it in full). */
const who = (v: unknown) => str(v)?.replace(/\s*\(API user [^)]*\)\s*$/i, '') ?? null;
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

function operationWords(id: number, row: TrailRow, names: Names): string {
  const op = names.operations.get(id);
  if (!op) return `an operation since removed`;
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(op.params) as Record<string, unknown>;
  } catch {
    // old or unreadable: the kind alone
  }
  const roleId = typeof params.roleId === 'number' ? params.roleId : null;
  const role = roleId !== null ? (names.roles.get(`${row.instance_id}:${roleId}`) ?? `a role no longer listed`) : null;
  const what = `${KIND_WORDS[op.kind] ?? op.kind}${role ? ` ${role}` : ''}`;
  return op.person ? `${what} for ${op.person}` : what;
}

function approvedWords(d: Record<string, unknown>, row: TrailRow, names: Names, plan: string): string {
  if (d.scope === 'plan') {
    const n = typeof d.operations === 'number' ? d.operations : 0;
    return `approved ${plural(n, 'operation')} of ${plan} (privileged ones excepted)`;
  }
  const opIds = ids(d.operations);
  const list = opIds.slice(0, 3).map((id) => operationWords(id, row, names));
  const more = opIds.length > 3 ? ` and ${plural(opIds.length - 3, 'more')}` : '';
  const privileged = d.privileged === true ? 'the privileged operation ' : '';
  const second = str(d.recordedBy) ? `, entered on this computer by ${who(d.recordedBy)}` : '';
  const builder = str(d.builder) ? ` built by ${who(d.builder)}` : '';
  return `approved ${privileged}"${list.join('", "')}"${more} in ${plan}${builder}${second}`;
}

function settingWords(d: Record<string, unknown>): string {
  const name = SETTING_WORDS[String(d.setting)] ?? String(d.setting);
  if (d.setting === 'fourEyes') return `turned ${name} ${d.to === true ? 'on' : 'off'}`;
  if (d.setting === 'administratorName')
    return d.from
      ? `changed the ${name} from "${String(d.from)}" to "${String(d.to)}"`
      : `set the ${name} to "${String(d.to)}"`;
  return `changed the setting ${name}`;
}

function roleWords(d: Record<string, unknown>): string {
  const role = str(d.roleName) ?? `a role`;
  const to = d.to === true ? 'privileged' : d.to === false ? 'not privileged' : 'undecided';
  return `marked role "${role}" ${to}`;
}

function summaryOf(row: TrailRow, d: Record<string, unknown>, names: Names): string {
  const plan = row.plan_title ? `"${row.plan_title}"` : 'a plan since removed';
  switch (row.action) {
    case 'plan.created':
      return `created plan ${plan}`;
    case 'plan.edited':
      return typeof d.added === 'number' ? `added ${plural(d.added, 'operation')} to ${plan}` : `edited ${plan}`;
    case 'plan.submitted':
      return `submitted ${plan} for review`;
    case 'plan.discarded':
      return `discarded ${plan}`;
    case 'plan.undo_created':
      return `created the undo plan of ${plan}`;
    case 'plan.approved':
      return approvedWords(d, row, names, plan);
    case 'plan.approval_revoked':
      return `withdrew ${plural(ids(d.operations).length, 'approval')} in ${plan}`;
    case 'plan.approval_note':
      return `noted on ${plan}: ${str(d.note) ?? ''}`;
    case 'plan.exported':
      return `exported ${plan} for a second administrator (${String(d.format ?? 'file').toUpperCase()})`;
    case 'plan.imported':
      return `imported ${plural(Number(d.approvals ?? 0), 'approval')} into ${plan} from ${
        Array.isArray(d.reviewers) && d.reviewers.length ? d.reviewers.map(String).join(', ') : 'a file'
      }`;
    case 'plan.apply_started':
    case 'plan.apply_resumed':
      return `${row.action === 'plan.apply_started' ? 'started' : 'resumed'} applying ${plan}`;
    case 'plan.applied':
      return `applied ${plan}: ${String(d.state ?? 'done').replace('_', ' ')}`;
    case 'settings.changed':
      return settingWords(d);
    case 'role.privileged_set':
      return roleWords(d);
    case 'evidence.exported':
      return `exported evidence "${str(d.title) ?? 'untitled'}" (${String(d.format ?? 'file').toUpperCase()}, ${plural(Number(d.rows ?? 0), 'row')}, sha256 ${String(d.sha256 ?? '').slice(0, 12)}…)`;
    default:
      return row.action.replace(/[._]/g, ' ');
  }
}

function peopleOf(row: TrailRow, d: Record<string, unknown>, names: Names): string[] {
  const opIds = ids(d.operations);
  const ops = opIds.length
    ? opIds.map((id) => names.operations.get(id))
    : [...names.operations.values()].filter((o) => o.planId === row.plan_id);
  return [...new Set(ops.flatMap((o) => (o?.person ? [o.person] : [])))].slice(0, 5);
}

function reasonOf(d: Record<string, unknown>): string | null {
  if (str(d.reason)) return str(d.reason);
  if (Array.isArray(d.approved)) {
    const reasons = d.approved.flatMap((a) => {
      const r = a && typeof a === 'object' ? str((a as Record<string, unknown>).reason) : null;
      return r ? [r] : [];
    });
    return reasons.length ? reasons.join('; ') : null;
  }
  return null;
}

export function describeEntry(row: TrailRow, names: Names): ReadableAuditEntry {
  let d: Record<string, unknown> = {};
  try {
    d = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    // an unreadable entry still shows who and when
  }
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    kind: kindOf(row.action),
    summary: summaryOf(row, d, names),
    planId: row.plan_id,
    planTitle: row.plan_title,
    people: peopleOf(row, d, names),
    reason: reasonOf(d),
  };
}
