/** The local audit trail as a service: read a page, verify the hash chain, export as JSON lines. */
import type { AuditEntry, AuditVerification, DownloadText } from '../../src-preload/contract';
import type { DB } from '../db/open';
import type { InstancesService } from '../instances/instances-service';
import { exportAuditTrail, listAudit } from './trail-store';
import { verifyAuditTrail } from './verify';

export interface AuditListQuery {
  instanceId?: string | undefined;
  subject?: string | undefined;
  beforeSeq?: number | undefined;
  limit?: number | undefined;
}

export interface AuditService {
  list(query: AuditListQuery): { entries: AuditEntry[]; total: number };
  verify(): AuditVerification;
  /** The trail (of one instance, or all) as a file an auditor can check line by line. */
  export(instanceId?: string): DownloadText;
}

export function createAuditService({ db, instances }: { db: DB; instances: InstancesService }): AuditService {
  const scope = (instanceId?: string) => (instanceId !== undefined ? { instanceId: instances.get(instanceId).id } : {});
  return {
    list: ({ instanceId, subject, beforeSeq, limit }) =>
      listAudit(db, {
        ...scope(instanceId),
        ...(subject !== undefined ? { subject } : {}),
        ...(beforeSeq !== undefined ? { beforeSeq } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    verify: () => verifyAuditTrail(db),
    export: (instanceId) => ({
      filename: `audit-trail-${new Date().toISOString().slice(0, 10)}.jsonl`,
      mime: 'application/x-ndjson',
      text: exportAuditTrail(db, scope(instanceId)),
    }),
  };
}
