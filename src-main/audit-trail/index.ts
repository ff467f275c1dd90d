/** The local audit trail: append-only, hash-chained, verifiable, exportable as JSON lines. */
export {
  AUDIT_HEAD_KEY,
  GENESIS_HASH,
  appendAudit,
  entryHash,
  exportAuditTrail,
  iterateAudit,
  listAudit,
  readAuditHead,
} from './trail-store';
export type { AuditAction, AuditEntry, AuditEntryInput, AuditHead, ListAuditInput } from './trail-store';
export { verifyAuditTrail } from './verify';
export type { AuditProblem, AuditProblemKind, AuditVerification } from './verify';
export { canonicalJson, sha256Hex } from './canonical-json';
export { recordEvidenceExported, recordPolicySettings, recordRolePrivileged } from './decisions';
