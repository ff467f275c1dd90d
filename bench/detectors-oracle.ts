/**
 * bench/detectors' scoring: a scan's findings against the sandbox's planted ground truth, and
 * against each detector's definition written as SQL (src-main/investigate/test-support).
 */
import type { DB } from '../src-main/db/open';
import type { RoleFacts } from '../src-main/investigate/model';
import type { ScanRequest } from '../src-main/investigate/scan/scan';
import * as sql from '../src-main/investigate/test-support/definitions-sql';
import type { GroundTruth } from '../src-main/smartsimple/sandbox/seed/ground-truth';

export interface Score {
  precision: number;
  recall: number;
  found: number;
  expected: number;
}

export function score(found: Iterable<string>, expected: Iterable<string>, recallOnly = false): Score {
  const f = new Set(found);
  const e = new Set(expected);
  const hits = [...e].filter((k) => f.has(k)).length;
  return {
    precision: recallOnly ? Number.NaN : f.size === 0 ? (e.size === 0 ? 1 : 0) : hits / f.size,
    recall: e.size === 0 ? 1 : hits / e.size,
    found: recallOnly ? hits : f.size,
    expected: e.size,
  };
}

/** Keys of the findings of a kind still detected, without the kind prefix. */
export function foundKeys(db: DB, instanceId: string, kind: string): Set<string> {
  const keys = db
    .prepare('SELECT key FROM investigate_findings WHERE instance_id = ? AND kind = ? AND detected = 1')
    .pluck()
    .all(instanceId, kind) as string[];
  return new Set(keys.map((k) => k.slice(kind.length + 1)));
}

const personOf = (keys: Set<string>) => new Set([...keys].map((k) => k.split(':')[0]!));

export function flagPrivileged(db: DB, instanceId: string, roleIds: number[]): void {
  const flag = db.prepare('UPDATE mirror_roles SET privileged = 1 WHERE instance_id = ? AND id = ?');
  for (const id of roleIds) flag.run(instanceId, id);
}

export function profileRoles(db: DB, instanceId: string): RoleFacts[] {
  return (
    db
      .prepare('SELECT id, name, privileged FROM mirror_roles WHERE instance_id = ? AND uta_only = 0')
      .all(instanceId) as {
      id: number;
      name: string;
      privileged: number | null;
    }[]
  ).map((r) => ({ id: r.id, name: r.name, privileged: r.privileged === 1, likelyPrivileged: false }));
}

export function againstTruth(db: DB, instanceId: string, truth: GroundTruth) {
  const burstEvents = (
    db
      .prepare(
        "SELECT evidence FROM investigate_findings WHERE instance_id = ? AND kind = 'permission_burst' AND detected = 1",
      )
      .pluck()
      .all(instanceId) as string[]
  ).flatMap((e) => (JSON.parse(e) as { events: { eventId: number }[] }).events.map((x) => String(x.eventId)));
  return {
    dormant: score(foundKeys(db, instanceId, 'dormant'), truth.dormant),
    offHours: score(
      foundKeys(db, instanceId, 'off_hours'),
      truth.offHoursLogins.map((o) => o.sessionId),
    ),
    burst: score(burstEvents, truth.permissionBurst.eventIds),
    peers: score(
      foundKeys(db, instanceId, 'peer_outlier'),
      truth.peerOutliers.map((o) => `${o.userId}:${o.roleId}`),
    ),
    newAddressRecall: score(
      foundKeys(db, instanceId, 'new_ip_or_agent'),
      truth.offHoursLogins.map((o) => o.sessionId),
      true,
    ),
  };
}

export function againstDefinitions(db: DB, instanceId: string, request: ScanRequest) {
  const asOfText = db
    .prepare('SELECT as_of FROM investigate_scans WHERE instance_id = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(instanceId) as string;
  const asOf = Date.parse(`${asOfText.replace(' ', 'T')}Z`) / 1000;
  const s = request.settings;
  return {
    newIpOrAgent: score(
      foundKeys(db, instanceId, 'new_ip_or_agent'),
      sql.newIpOrAgentSql(db, instanceId, s.newAddressDays),
    ),
    privilegedUnused: score(
      foundKeys(db, instanceId, 'privileged_unused'),
      sql.privilegedUnusedSql(db, instanceId, asOf, s.privilegedUnusedDays),
    ),
    expiredAccess: score(foundKeys(db, instanceId, 'expired_access'), sql.expiredAccessSql(db, instanceId, asOf)),
    sod: score(foundKeys(db, instanceId, 'sod_conflict'), sql.sodSql(db, instanceId, request.rules)),
    external: score(
      personOf(foundKeys(db, instanceId, 'external_internal_role')),
      sql.externalInternalSql(db, instanceId, s.internalRoleShare),
    ),
  };
}
