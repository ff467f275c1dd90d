/** The local audit trail: read, verify the hash chain, export as JSON lines for an auditor. */
import { exportAuditTrail, listAudit, verifyAuditTrail } from '../audit-trail';
import { getInstance } from '../instances/instances-store';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';

export function auditHandlers(s: Services): Pick<Handlers, 'audit:list' | 'audit:verify' | 'audit:export'> {
  return {
    'audit:list': ({ instanceId, subject, beforeSeq, limit }) =>
      listAudit(s.db, {
        ...(instanceId !== undefined ? { instanceId: getInstance(s.db, instanceId).id } : {}),
        ...(subject !== undefined ? { subject } : {}),
        ...(beforeSeq !== undefined ? { beforeSeq } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    'audit:verify': () => verifyAuditTrail(s.db),
    'audit:export': ({ instanceId }) => {
      const text = exportAuditTrail(
        s.db,
        instanceId !== undefined ? { instanceId: getInstance(s.db, instanceId).id } : {},
      );
      return {
        filename: `audit-trail-${new Date().toISOString().slice(0, 10)}.jsonl`,
        mime: 'application/x-ndjson',
        text,
      };
    },
  };
}
