/**
 * One scan of one instance's mirror: every detector, then the findings saved by their stable
 * keys, each person's session state, the risk scores, and the scan's high-water marks, in one
 * transaction at the end (a cancelled or failed scan leaves the last good findings as they were).
 *
 * Full: the whole login log in one read, every role change. Incremental: only the people with a
 * session past the last scan's mark and the actors of role changes past it; the detectors over
 * people's records (dormant, expiry, privileged, peers, separation of duties, external) are cheap
 * and time-dependent, so they always look at everyone. A change of settings or rules makes the
 * next scan full.
 */
import type { DB } from '../../db/open';
import type { FindingKind, ScanSummary } from '../../../src-preload/contract';
import { FINDING_KINDS } from '../../../src-preload/contract';
import { detectDormant } from '../detectors/dormant';
import { detectExpiredAccess } from '../detectors/expired-access';
import { detectExternalInternalRoles, internalRoleIds, roleHolderStats } from '../detectors/external-internal-role';
import { detectPeerOutliers, groupPeople } from '../detectors/peer-outliers';
import { detectPermissionBursts } from '../detectors/permission-burst';
import { detectPrivilegedUnused, narrowLikelyPrivileged } from '../detectors/privileged-unused';
import { detectSodConflicts, type SodRuleFacts } from '../detectors/separation-of-duties';
import { openFindingsByPerson, saveFindings, type ScanScope } from '../findings-store';
import type { DetectorContext, DetectorSettings, FindingDraft, PersonFacts, RoleFacts } from '../model';
import { DAY_S, Dictionary, secondsToWire } from '../model';
import { riskOf } from '../risk';
import { saveRisk } from '../risk-store';
import { finishScanRecord, lastSucceededScan, startScanRecord } from '../scans-store';
import { fullSessionPass, incrementalSessionPass, type SessionPassResult } from './session-pass';
import {
  countSessions,
  currentMarks,
  evidenceSessions,
  keyRange,
  loadAllPeople,
  loadRoles,
  newestLogTime,
  peopleWithNewSessions,
  roleChangesByActor,
  newEventPeople,
  savePersonState,
} from './scan-store';
import type { PersonKeyRange } from '../../db/mirror-keys';

export interface ScanRequest {
  instanceId: string;
  mode: 'auto' | 'full' | 'incremental';
  /** The moment to judge at (seconds); default chooseAsOf. */
  asOf: number | null;
  settings: DetectorSettings;
  rules: SodRuleFacts[];
  /** Undecided roles that look privileged (the mirror's hints, decided in main). */
  likelyPrivileged: number[];
  /** A digest of settings, rules and hints: when it differs from the last scan's, the scan is full. */
  settingsDigest: string;
}

export interface ScanHooks {
  progress(done: number, total: number | null, message: string): void;
  throwIfCancelled(): void;
}

export interface ScanResult {
  scanId: number;
  kind: 'full' | 'incremental';
  summary: ScanSummary;
}

/**
 * The moment a mirror is judged at: now, but never more than a day past the newest row of its
 * logs, so a mirror last synced weeks ago (or a snapshot rehearsed today) is judged as of its
 * own time rather than calling everyone dormant since.
 */
export function chooseAsOf(db: DB, instanceId: string, now = Date.now() / 1000): number {
  const newest = newestLogTime(db, instanceId, keyRange(db, instanceId));
  return Math.floor(newest === null ? now : Math.min(now, newest + DAY_S));
}

export function runScan(db: DB, req: ScanRequest, hooks: ScanHooks): ScanResult {
  const started = performance.now();
  const previous = lastSucceededScan(db, req.instanceId);
  const kind =
    req.mode === 'full' || !previous || previous.settingsDigest !== req.settingsDigest ? 'full' : 'incremental';
  const range = keyRange(db, req.instanceId);
  const marks = currentMarks(db, req.instanceId, range);
  const asOf = req.asOf ?? chooseAsOf(db, req.instanceId);
  const stamp = new Date().toISOString();
  const scanId = startScanRecord(db, {
    instanceId: req.instanceId,
    kind,
    startedAt: stamp,
    asOf: secondsToWire(asOf),
    settingsDigest: req.settingsDigest,
  });
  try {
    const work = detectAll(db, req, { kind, range, asOf, previousMarks: previous?.marks ?? null }, hooks);
    hooks.throwIfCancelled();
    hooks.progress(1, 1, 'Saving the findings');
    const summary = db.transaction(() => {
      const saved = saveFindings(db, req.instanceId, work.drafts, work.scope, stamp);
      savePersonState(db, req.instanceId, work.sessionState, kind === 'full');
      saveRiskScores(db, req, work, asOf);
      const s: ScanSummary = {
        found: countKinds(work.drafts),
        added: saved.added,
        cleared: saved.cleared,
        people: work.people.length,
        sessions: work.sessionRows,
        events: work.events,
        ms: Math.round(performance.now() - started),
      };
      finishScanRecord(db, scanId, { state: 'succeeded', finishedAt: new Date().toISOString(), marks, summary: s });
      return s;
    })();
    return { scanId, kind, summary };
  } catch (e) {
    const cancelled = e instanceof Error && (e.name === 'AbortError' || /cancel/i.test(e.message));
    finishScanRecord(db, scanId, {
      state: cancelled ? 'cancelled' : 'failed',
      finishedAt: new Date().toISOString(),
      error: e instanceof Error ? e.message : String(e),
    });
    throw e;
  }
}

function countKinds(drafts: readonly FindingDraft[]): Partial<Record<FindingKind, number>> {
  const found: Partial<Record<FindingKind, number>> = {};
  for (const d of drafts) found[d.kind] = (found[d.kind] ?? 0) + 1;
  return found;
}

interface Plan {
  kind: 'full' | 'incremental';
  range: PersonKeyRange | null;
  asOf: number;
  previousMarks: { sessionKey: number; eventKey: number } | null;
}

interface Detected {
  drafts: FindingDraft[];
  scope: ScanScope;
  people: PersonFacts[];
  roles: Map<number, RoleFacts>;
  internalRoles: Set<number>;
  sessionState: { personId: number; lastSessionAt: string | null; sessions: number }[];
  sessionRows: number;
  events: number;
}

function detectAll(db: DB, req: ScanRequest, plan: Plan, hooks: ScanHooks): Detected {
  const roles = loadRoles(db, req.instanceId, new Set(req.likelyPrivileged));
  hooks.progress(0, null, 'Reading people');
  const people = loadAllPeople(db, req.instanceId);
  const byId = new Map(people.map((p) => [p.id, p]));
  const range = plan.range;
  const ctx: DetectorContext = {
    settings: req.settings,
    asOf: plan.asOf,
    roles,
    personName: (id) => byId.get(id)?.name ?? null,
    sessionsOf: (personId, o) =>
      range
        ? evidenceSessions(db, range, personId, {
            limit: o.limit,
            ...(o.after !== undefined ? { after: secondsToWire(o.after) } : {}),
          })
        : [],
  };
  const full = plan.kind === 'full' || !plan.previousMarks;
  const scope: ScanScope = {};
  const drafts: FindingDraft[] = [];
  let sessions: SessionPassResult = { drafts: [], state: new Map(), rows: 0 };
  let events = 0;
  if (range) {
    sessions = sessionStep(db, range, plan, ctx, hooks);
    const sessionScope = full ? 'all' : new Set(sessions.state.keys());
    scope.off_hours = sessionScope;
    scope.new_ip_or_agent = sessionScope;
    drafts.push(...sessions.drafts);
    hooks.progress(0, null, 'Looking for bursts of role changes');
    const actors = full ? undefined : newEventPeople(db, range, plan.previousMarks!.eventKey).actors;
    const changes = roleChangesByActor(db, range, actors);
    for (const list of changes.values()) events += list.length;
    drafts.push(...detectPermissionBursts(changes, ctx.personName, ctx));
    scope.permission_burst = full ? 'all' : new Set(actors);
  }
  for (const [id, s] of sessions.state) {
    const p = byId.get(id);
    if (p && s.lastSessionAt !== null) p.lastSessionAt = s.lastSessionAt;
  }
  hooks.throwIfCancelled();
  hooks.progress(0, null, 'Judging people, roles and peer groups');
  const stats = roleHolderStats(people);
  narrowLikelyPrivileged(roles, stats);
  drafts.push(
    ...detectDormant(people, ctx),
    ...detectPrivilegedUnused(people, ctx),
    ...detectExpiredAccess(people, ctx),
    ...detectPeerOutliers(groupPeople(people), ctx),
    ...detectSodConflicts(people, req.rules, ctx),
    ...detectExternalInternalRoles(people, stats, ctx),
  );
  for (const kind of FINDING_KINDS) scope[kind] ??= 'all';
  return {
    drafts,
    scope,
    people,
    roles,
    internalRoles: internalRoleIds(stats, roles, req.settings.internalRoleShare),
    sessionState: [...sessions.state].map(([personId, s]) => ({
      personId,
      lastSessionAt: s.lastSessionAt === null ? null : secondsToWire(s.lastSessionAt),
      sessions: s.sessions,
    })),
    sessionRows: sessions.rows,
    events,
  };
}

function sessionStep(
  db: DB,
  range: PersonKeyRange,
  plan: Plan,
  ctx: DetectorContext,
  hooks: ScanHooks,
): SessionPassResult {
  const dict = new Dictionary();
  if (plan.kind === 'incremental' && plan.previousMarks) {
    const people = peopleWithNewSessions(db, range, plan.previousMarks.sessionKey);
    hooks.progress(0, people.length, `Reading the sessions of ${people.length.toLocaleString('en-US')} people`);
    return incrementalSessionPass(db, range, people, dict, ctx);
  }
  const total = countSessions(db, range);
  return fullSessionPass(db, range, total, dict, ctx, {
    progress: (rows) => hooks.progress(rows, total, `Reading sessions: ${rows.toLocaleString('en-US')}`),
    throwIfCancelled: () => hooks.throwIfCancelled(),
  });
}

function saveRiskScores(db: DB, req: ScanRequest, work: Detected, asOf: number): void {
  const open = openFindingsByPerson(db, req.instanceId);
  const input = { settings: req.settings, asOf, roles: work.roles, internalRoles: work.internalRoles };
  saveRisk(
    db,
    req.instanceId,
    work.people.map((p) => ({ personId: p.id, ...riskOf(p, open.get(p.id), input) })),
    true,
  );
}
