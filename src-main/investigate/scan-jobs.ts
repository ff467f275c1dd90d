/**
 * Scans as jobs: one per instance at a time (exclusive key `scan:<instance>`), off the main
 * thread, with progress and cancel. A sync that ends while a scan runs asks for another one
 * afterwards, so the findings always catch up with the mirror.
 */
import { createHash } from 'node:crypto';
import type { JobInfo, ScanRun, ScanStatus } from '../../src-preload/contract';
import type { DB } from '../db/open';
import type { InstancesService } from '../instances/instances-service';
import type { JobsService } from '../jobs/jobs-service';
import type { Logger } from '../log/logger';
import type { MirrorService } from '../mirror/mirror-service';
import type { DetectorSettings } from './model';
import { runScanOffThread } from './scan/run-in-worker';
import type { ScanRequest, ScanResult } from './scan/scan';
import type { SodRuleFacts } from './detectors/separation-of-duties';
import { currentMarks, hasDirtyPeople, keyRange } from './scan/scan-store';
import { lastSucceededScan, latestScan, type ScanRecord } from './scans-store';
import { getDetectorSettings, listSodRules } from './settings-store';

export interface ScanJobsDeps {
  db: DB;
  instances: InstancesService;
  mirror: MirrorService;
  jobs: JobsService;
  logger: Logger;
  /** Called when a scan ends (the screens that read findings refresh). */
  onFinished(): void;
}

export type ScanMode = ScanRequest['mode'];

const exclusiveKey = (instanceId: string) => `scan:${instanceId}`;

/**
 * What the findings depend on besides the mirror's rows: the settings, the rules, and which roles
 * count as privileged. When it changes, the next scan is full (an incremental one would judge
 * only the people whose rows changed).
 */
export function settingsDigest(
  settings: DetectorSettings,
  rules: readonly SodRuleFacts[] = [],
  privileged: readonly number[] = [],
): string {
  const pairs = rules.map((r) => [r.id, r.roleA, r.roleB]);
  return createHash('sha256')
    .update(JSON.stringify([settings, pairs, [...privileged].sort((a, b) => a - b)]))
    .digest('hex')
    .slice(0, 16);
}

/** The digest of an instance as it stands: settings, rules, flagged and likely privileged roles. */
function currentDigest(
  deps: Pick<ScanJobsDeps, 'db' | 'mirror'>,
  instanceId: string,
  settings: DetectorSettings,
  rules: SodRuleFacts[],
  likely: number[],
) {
  const flagged = deps.mirror
    .listRoles(instanceId)
    .filter((r) => r.privileged === true)
    .map((r) => -r.id);
  return settingsDigest(settings, rules, [...flagged, ...likely]);
}

export function createScanJobs(deps: ScanJobsDeps) {
  const { db, jobs } = deps;
  /** Instances whose mirror changed while their scan ran: scanned again when it ends. */
  const again = new Set<string>();

  const start = (instanceId: string, mode: ScanMode, now?: string): { job: JobInfo; done: Promise<ScanResult> } => {
    const instance = deps.instances.get(instanceId);
    const req = scanRequest(deps, instanceId, mode, now ? Math.floor(Date.parse(now) / 1000) : null);
    let resolveDone!: (r: ScanResult) => void;
    let rejectDone!: (e: unknown) => void;
    const done = new Promise<ScanResult>((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    done.catch(() => undefined);
    const job = jobs.start(
      {
        kind: 'scan',
        title: `Scan ${instance.name} for findings`,
        instanceId,
        exclusive: { key: exclusiveKey(instanceId), busyMessage: `A scan of ${instance.name} is already running.` },
      },
      async (ctx) => {
        try {
          const result = await runScanOffThread(db, req, ctx, deps.logger);
          resolveDone(result);
          return scanMessage(result);
        } catch (e) {
          rejectDone(e);
          throw e;
        } finally {
          deps.onFinished();
          if (again.delete(instanceId)) setImmediate(() => afterSync(instanceId));
        }
      },
    );
    return { job, done };
  };

  /** After a sync: an incremental scan now, or one more when the running scan ends. */
  const afterSync = (instanceId: string): void => {
    if (jobs.holder(exclusiveKey(instanceId))) {
      again.add(instanceId);
      return;
    }
    try {
      start(instanceId, 'auto');
    } catch (error) {
      deps.logger.warn('the scan after a sync did not start', { instanceId, error });
    }
  };

  return { start, afterSync, status: (instanceId: string) => scanStatus(deps, instanceId) };
}

function scanRequest(deps: ScanJobsDeps, instanceId: string, mode: ScanMode, asOf: number | null): ScanRequest {
  const settings = getDetectorSettings(deps.db, instanceId);
  const likely = deps.mirror.suggestPrivileged(instanceId).map((s) => s.roleId);
  const rules = listSodRules(deps.db, instanceId).map((r) => ({
    id: r.id,
    roleA: r.roleA.id,
    roleB: r.roleB.id,
    name: r.name,
  }));
  return {
    instanceId,
    mode,
    asOf,
    settings,
    rules,
    likelyPrivileged: likely,
    settingsDigest: currentDigest(deps, instanceId, settings, rules, likely),
  };
}

/** The last scan, a running one, and whether the mirror or the settings moved on since the last good one. */
function scanStatus(deps: ScanJobsDeps, instanceId: string): ScanStatus {
  const { db, jobs, instances } = deps;
  instances.get(instanceId);
  const last = latestScan(db, instanceId) ?? null;
  const good = lastSucceededScan(db, instanceId);
  const marks = currentMarks(db, instanceId, keyRange(db, instanceId));
  const stale =
    !good ||
    good.settingsDigest !== scanRequest(deps, instanceId, 'auto', null).settingsDigest ||
    good.marks.sessionKey !== marks.sessionKey ||
    good.marks.eventKey !== marks.eventKey ||
    hasDirtyPeople(db, instanceId);
  return {
    lastScan: last ? toRun(last) : null,
    runningJobId: jobs.holder(exclusiveKey(instanceId))?.id ?? null,
    stale,
  };
}

const toRun = (r: ScanRecord): ScanRun => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  asOf: r.asOf,
  summary: r.summary,
  error: r.error,
});

function scanMessage(r: ScanResult): string {
  const found = Object.values(r.summary.found).reduce((a, b) => a + (b ?? 0), 0);
  const what = r.kind === 'full' ? 'Full scan' : 'Scan of the changes';
  return `${what}: ${found.toLocaleString('en-US')} findings (${r.summary.added} new, ${r.summary.cleared} no longer detected), ${(r.summary.ms / 1000).toFixed(1)} s.`;
}
