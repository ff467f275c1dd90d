/**
 * Administrator decisions that are not plans but change what the policy asks: settings such as
 * four-eyes and the administrator's name, and a role marked privileged or not; and evidence
 * handed out. Each is one entry in the hash-chained trail, written in the same transaction as
 * the change.
 */
import type { DB } from '../db/open';
import { appendAudit } from './trail-store';

export function recordPolicySettings(
  db: DB,
  input: { actor: string; changes: { setting: string; from: unknown; to: unknown }[] },
): void {
  for (const c of input.changes)
    appendAudit(db, {
      actor: input.actor,
      action: 'settings.changed',
      subject: `setting:${c.setting}`,
      details: { setting: c.setting, from: c.from ?? null, to: c.to ?? null },
    });
}

export function recordRolePrivileged(
  db: DB,
  input: {
    actor: string;
    instanceId: string;
    roleId: number;
    roleName: string;
    from: boolean | null;
    to: boolean | null;
  },
): void {
  appendAudit(db, {
    actor: input.actor,
    action: 'role.privileged_set',
    subject: `role:${input.roleId}`,
    instanceId: input.instanceId,
    details: { roleId: input.roleId, roleName: input.roleName, from: input.from, to: input.to },
  });
}

/** An evidence file handed to an auditor: what it shows and the file's hash, so the file can be checked later. */
export function recordEvidenceExported(
  db: DB,
  input: {
    actor: string;
    instanceId: string;
    subject: string;
    details: { title: string; kind: string; format: string; sha256: string; bytes: number; rows: number };
  },
): void {
  appendAudit(db, {
    actor: input.actor,
    action: 'evidence.exported',
    subject: input.subject,
    instanceId: input.instanceId,
    details: input.details,
  });
}
