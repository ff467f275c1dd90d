/** The local audit trail as a service: read a page, verify the hash chain, export as JSON lines. */
import type {
  AuditEntry,
  AuditTrailPage,
  AuditTrailQuery,
  AuditVerification,
  DownloadText,
} from '../../src-preload/contract';
import { describeEntry } from './describe';
import { operationNames, queryTrail, roleNames, trailActors, trailPlans } from './readable-store';
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
  /** The trail in words: filtered, paged, names resolved at read time. */
  trail(query: AuditTrailQuery): AuditTrailPage;
  list(query: AuditListQuery): { entries: AuditEntry[]; total: number };
  verify(): AuditVerification;
  /** The trail (of one instance, or all) as a file an auditor can check line by line. */
  export(instanceId?: string): DownloadText;
}

export function createAuditService({ db, instances }: { db: DB; instances: InstancesService }): AuditService {
  const scope = (instanceId?: string) => (instanceId !== undefined ? { instanceId: instances.get(instanceId).id } : {});
  return {
    trail: (query) => readableTrail(db, { ...query, ...scope(query.instanceId) }),
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

function readableTrail(db: DB, query: AuditTrailQuery): AuditTrailPage {
  const page = query.page ?? 0;
  const pageSize = query.pageSize ?? 50;
  const { total, rows } = queryTrail(db, query, page, pageSize);
  const planIds = [...new Set(rows.flatMap((r) => (r.plan_id ? [r.plan_id] : [])))];
  const instanceIds = [...new Set(rows.flatMap((r) => (r.instance_id ? [r.instance_id] : [])))];
  const names = { operations: operationNames(db, planIds), roles: roleNames(db, instanceIds) };
  return {
    entries: rows.map((r) => describeEntry(r, names)),
    total,
    page,
    pageSize,
    actors: trailActors(db),
    plans: trailPlans(db, query.instanceId),
  };
}
