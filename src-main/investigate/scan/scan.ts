/**
 * One scan of one instance's mirror: the detectors, then the findings saved by their stable keys,
 * each person's state, the risk scores, and the scan's high-water marks, in one transaction at the
 * end (a cancelled or failed scan leaves the last good findings as they were).
 *
 * Full: every session in one read, every role change, everyone. Incremental: only what the new
 * rows can change (scope.ts): the people with a session past the last scan's mark, the actors of
 * role changes past it, the people whose row changed or whom time moved across a limit, and the
 * peer groups they were and are in. A change of settings or rules makes the next scan full, and so
 * does a day since the last full one (role shares are counted at full scans).
 */
import type { DB } from '../../db/open';
import type { FindingKind, ScanSummary } from '../../../src-preload/contract';
import { FINDING_KINDS } from '../../../src-preload/contract';
import type { SodRuleFacts } from '../detectors/separation-of-duties';
import {
  detectedPeople,
  openFindingsByPerson,
  prepareDraft,
  saveFindings,
  type PreparedDraft,
  type ScanScope,
} from '../findings-store';
import type { DetectorContext, DetectorSettings, FindingDraft, PersonFacts, RoleChange, RoleFacts } from '../model';
import { DAY_S, Dictionary, lastActivity, secondsToWire } from '../model';
import { riskOf } from '../risk';
import { saveRisk } from '../risk-store';
import { finishScanRecord, lastSucceededScan, startScanRecord, type RoleStats, type ScanRecord } from '../scans-store';
import { detectPeople } from './people-pass';
import { incrementalScope } from './scope';
import { fullSessionPass, incrementalSessionPass, type PartReader, type SessionPassResult } from './session-pass';
import {
  countSessions,
  currentMarks,
  evidenceSessions,
  keyRange,
  loadAllPeople,
  loadPeople,
  loadRoles,
  newestLogTime,
  roleChangesByActor,
  saveRowState,
  personStateChanges,
  writePersonState,
  type PersonState,
  type PersonStateChanges,
  saveSessionState,
  clearDirtyPeople,
  personNames,
} from './scan-store';
import type { PersonKeyRange } from '../../db/mirror-keys';
import { detectPermissionBursts } from '../detectors/permission-burst';
import { peerGroupKey, sortedRoles, type GroupCounts } from '../detectors/peer-outliers';
import { fullPeerPass, incrementalPeerPass } from './peer-pass';
import { keptPlaces, roleList, saveCounts } from './peer-store';

export interface ScanRequest {
  instanceId: string;
  mode: 'auto' | 'full' | 'incremental';
  /** The moment to judge at (seconds); default chooseAsOf. */
  asOf: number | null;
  settings: DetectorSettings;
  rules: SodRuleFacts[];
  /** Undecided roles that look privileged (the mirror's hints, decided in main). */
  likelyPrivileged: number[];
  /** A digest of settings, rules and role decisions: when it differs from the last scan's, the scan is full. */
  settingsDigest: string;
}

export interface ScanHooks {
  progress(done: number, total: number | null, message: string): void;
  throwIfCancelled(): void;
  /** Called just before the save takes the write lock (the worker gives way to the app's writes). */
  beforeSave?(): void;
  /** Another thread that can judge a share of the people's sessions in a full scan (session-reader.ts); let go otherwise. */
  partReader?: PartReader;
}

export interface ScanResult {
  scanId: number;
  kind: 'full' | 'incremental';
  summary: ScanSummary;
}

/** A full scan at least this often in 'auto' mode. */
export const FULL_SCAN_EVERY_S = DAY_S;

/**
 * The moment a mirror is judged at: now, but never more than a day past the newest row of its
 * logs, so a mirror last synced weeks ago (or a snapshot rehearsed today) is judged as of its
 * own time rather than calling everyone dormant since.
 */
export function chooseAsOf(db: DB, instanceId: string, now = Date.now() / 1000): number {
  const newest = newestLogTime(db, instanceId, keyRange(db, instanceId));
  return Math.floor(newest === null ? now : Math.min(now, newest + DAY_S));
}

/** Milliseconds per step, each from the end of the one before. */
function phaseClock() {
  const phases: Record<string, number> = {};
  let last = performance.now();
  return {
    phases,
    mark(name: string) {
      const now = performance.now();
      phases[name] = Math.round((phases[name] ?? 0) + now - last);
      last = now;
    },
  };
}
type PhaseClock = ReturnType<typeof phaseClock>;

function decideKind(
  db: DB,
  req: ScanRequest,
  asOf: number,
): { kind: 'full' | 'incremental'; previous: ScanRecord | undefined } {
  const previous = lastSucceededScan(db, req.instanceId);
  if (req.mode === 'full' || !previous || previous.settingsDigest !== req.settingsDigest)
    return { kind: 'full', previous };
  const lastFull = lastSucceededScan(db, req.instanceId, 'full');
  const previousAsOf = Date.parse(`${previous.asOf.replace(' ', 'T')}Z`) / 1000;
  const due = !lastFull || Date.parse(lastFull.startedAt) / 1000 < Date.now() / 1000 - FULL_SCAN_EVERY_S;
  // Judging an earlier moment than last time (a script's --now) starts over.
  if (asOf < previousAsOf || (req.mode === 'auto' && due)) return { kind: 'full', previous };
  return { kind: 'incremental', previous };
}

/** What a scan of `req` would be now (a few lookups): the worker's caller starts a second thread for a full one. */
export function scanKind(db: DB, req: ScanRequest): 'full' | 'incremental' {
  return decideKind(db, req, req.asOf ?? chooseAsOf(db, req.instanceId)).kind;
}

export function runScan(db: DB, req: ScanRequest, hooks: ScanHooks): ScanResult {
  const started = performance.now();
  const clock = phaseClock();
  const asOf = req.asOf ?? chooseAsOf(db, req.instanceId);
  const { kind, previous } = decideKind(db, req, asOf);
  const range = keyRange(db, req.instanceId);
  const marks = currentMarks(db, req.instanceId, range);
  const stamp = new Date().toISOString();
  const scanId = startScanRecord(db, {
    instanceId: req.instanceId,
    kind,
    startedAt: stamp,
    asOf: secondsToWire(asOf),
    settingsDigest: req.settingsDigest,
  });
  try {
    const env: Env = { db, req, range, asOf, clock, hooks };
    const work = kind === 'full' || !previous ? detectFull(env) : detectIncremental(env, previous, marks.dirtySeq);
    hooks.throwIfCancelled();
    const state = stateChanges(db, req.instanceId, work, kind === 'full');
    clock.mark('state changes');
    hooks.progress(1, 1, 'Saving the findings');
    hooks.beforeSave?.();
    // IMMEDIATE: the save reads before it writes, and a deferred transaction would fail at once,
    // without waiting, if the app's connection were writing at that moment.
    const summary = db
      .transaction(() => {
        const saved = saveFindings(db, req.instanceId, work.drafts, work.scope, stamp);
        clock.mark('save findings');
        saveState(db, req.instanceId, work, state);
        clearDirtyPeople(db, req.instanceId, marks.dirtySeq);
        clock.mark('save state');
        saveRiskScores(env, work, kind === 'full', saved.changedPeople);
        clock.mark('risk');
        const s = summarize(work, saved, started, clock.phases);
        finishScanRecord(db, scanId, {
          state: 'succeeded',
          finishedAt: new Date().toISOString(),
          marks,
          summary: s,
          roleStats: work.stats,
        });
        return s;
      })
      .immediate();
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

function summarize(
  work: Detected,
  saved: { added: number; cleared: number },
  started: number,
  phases: Record<string, number>,
): ScanSummary {
  const found: Partial<Record<FindingKind, number>> = {};
  for (const d of work.drafts) found[d.kind] = (found[d.kind] ?? 0) + 1;
  return {
    found,
    added: saved.added,
    cleared: saved.cleared,
    people: work.people.length,
    sessions: work.sessionRows,
    events: work.events,
    ms: Math.round(performance.now() - started),
    phases,
  };
}

interface Env {
  db: DB;
  req: ScanRequest;
  range: PersonKeyRange | null;
  asOf: number;
  clock: PhaseClock;
  hooks: ScanHooks;
}

interface Detected {
  /** What the detectors found, prepared for saving. */
  drafts: PreparedDraft[];
  scope: ScanScope;
  /** The people the scan judged (everyone in a full scan): their state is saved and their risk scored again. */
  people: PersonFacts[];
  /** In an incremental scan, the ids of `people`. */
  judged?: ReadonlySet<number>;
  roles: Map<number, RoleFacts>;
  stats: RoleStats;
  internalRoles: Set<number>;
  /** Latest session and count of the people whose sessions were read. */
  sessions: Map<number, { lastSessionAt: number | null; sessions: number }>;
  sessionRows: number;
  events: number;
  /** The peer groups compared, with their counts now. */
  peerCounts: Map<string, GroupCounts>;
}

function contextOf(env: Env, roles: Map<number, RoleFacts>, names: (id: number) => string | null): DetectorContext {
  const { db, range } = env;
  return {
    settings: env.req.settings,
    asOf: env.asOf,
    roles,
    personName: names,
    sessionsOf: (personId, o) =>
      range
        ? evidenceSessions(db, range, personId, {
            limit: o.limit,
            ...(o.after !== undefined ? { after: secondsToWire(o.after) } : {}),
          })
        : [],
  };
}

const EMPTY_PASS: SessionPassResult = { drafts: [], state: new Map(), rows: 0 };

function detectFull(env: Env): Detected {
  const { db, req, range, clock, hooks } = env;
  // Another thread, when there is one, reads and judges its share of the people's sessions meanwhile.
  const reader = range ? hooks.partReader : undefined;
  if (range) reader?.start({ range, settings: req.settings });
  else hooks.partReader?.cancel();
  const roles = loadRoles(db, req.instanceId, new Set(req.likelyPrivileged));
  hooks.progress(0, null, 'Reading people');
  const people = loadAllPeople(db, req.instanceId);
  const byId = new Map(people.map((p) => [p.id, p]));
  clock.mark('people');
  const ctx = contextOf(env, roles, (id) => byId.get(id)?.name ?? null);
  let sessions = EMPTY_PASS;
  const drafts: PreparedDraft[] = [];
  let events = 0;
  if (range) {
    const total = countSessions(db, range);
    sessions = fullSessionPass(
      db,
      range,
      total,
      new Dictionary(),
      ctx,
      {
        progress: (rows) => hooks.progress(rows, total, `Reading sessions: ${rows.toLocaleString('en-US')}`),
        throwIfCancelled: () => hooks.throwIfCancelled(),
      },
      reader,
    );
    drafts.push(...sessions.drafts);
    clock.mark('sessions');
    hooks.progress(0, null, 'Looking for bursts of role changes');
    const changes = roleChangesByActor(db, range);
    for (const list of changes.values()) events += list.length;
    for (const d of detectPermissionBursts(changes, ctx.personName, ctx)) drafts.push(prepareDraft(d));
    clock.mark('bursts');
  }
  for (const [id, s] of sessions.state) {
    const p = byId.get(id);
    if (p) p.lastSessionAt = s.lastSessionAt;
  }
  hooks.throwIfCancelled();
  hooks.progress(0, null, 'Judging people, roles and peer groups');
  const judged = detectPeople(people, roles, null, req.rules, ctx);
  const peers = fullPeerPass(people, ctx);
  for (const d of [...judged.drafts, ...peers.drafts]) drafts.push(prepareDraft(d));
  clock.mark('people detectors');
  const scope: ScanScope = Object.fromEntries(FINDING_KINDS.map((k) => [k, 'all']));
  return {
    drafts,
    scope,
    people,
    roles,
    stats: judged.stats,
    internalRoles: judged.internalRoles,
    sessions: sessions.state,
    sessionRows: sessions.rows,
    events,
    peerCounts: peers.counts,
  };
}

function detectIncremental(env: Env, previous: ScanRecord, dirtySeq: number): Detected {
  const { db, req, range, clock, hooks } = env;
  const roles = loadRoles(db, req.instanceId, new Set(req.likelyPrivileged));
  const who = incrementalScope(db, req, range, previous, env.asOf, dirtySeq);
  const byId = new Map(who.judged.map((p) => [p.id, p]));
  clock.mark('scope');
  const ctx = contextOf(env, roles, (id) => byId.get(id)?.name ?? null);
  hooks.progress(0, null, `Reading the sessions of ${who.sessionPeople.length.toLocaleString('en-US')} people`);
  const sessions = range ? incrementalSessionPass(db, range, who.sessionPeople, new Dictionary(), ctx) : EMPTY_PASS;
  for (const [id, s] of sessions.state) {
    const p = byId.get(id);
    if (p) p.lastSessionAt = s.lastSessionAt;
  }
  clock.mark('sessions');
  const drafts = [...sessions.drafts];
  let events = 0;
  if (range && who.actors.length > 0) {
    const changes = roleChangesByActor(db, range, who.actors);
    const names = changedNames(env, changes, byId);
    for (const list of changes.values()) events += list.length;
    for (const d of detectPermissionBursts(changes, (id) => names.get(id) ?? null, ctx)) drafts.push(prepareDraft(d));
  }
  clock.mark('bursts');
  const judged = detectPeople(who.judged, roles, previous.roleStats, req.rules, ctx);
  const peers = incrementalPeerPass(db, req.instanceId, who.judged, ctx);
  for (const d of [...judged.drafts, ...peers.drafts]) drafts.push(prepareDraft(d));
  clock.mark('people detectors');
  const judgedIds = new Set(who.judged.map((p) => p.id));
  const sessionScope = new Set(who.sessionPeople);
  const scope: ScanScope = {
    off_hours: sessionScope,
    new_ip_or_agent: sessionScope,
    permission_burst: new Set(who.actors),
    peer_outlier: peerScope(env, peers.counts, judgedIds, drafts),
  };
  for (const kind of FINDING_KINDS) scope[kind] ??= judgedIds;
  return {
    drafts,
    scope,
    people: who.judged,
    judged: judgedIds,
    roles,
    stats: previous.roleStats,
    internalRoles: judged.internalRoles,
    sessions: sessions.state,
    sessionRows: sessions.rows,
    events,
    peerCounts: peers.counts,
  };
}

/** Names of the people in role changes: those loaded, the others read (as a full scan knows everyone's). */
function changedNames(
  { db, req }: Env,
  changes: ReadonlyMap<number, readonly RoleChange[]>,
  loaded: ReadonlyMap<number, PersonFacts>,
): Map<number, string> {
  const ids = new Set<number>();
  for (const [actor, list] of changes) {
    ids.add(actor);
    for (const c of list) ids.add(c.personId);
  }
  const names = personNames(
    db,
    req.instanceId,
    [...ids].filter((id) => !loaded.has(id)),
  );
  for (const id of ids) {
    const p = loaded.get(id);
    if (p) names.set(id, p.name);
  }
  return names;
}

/**
 * Whose peer-outlier findings a scan rewrites: the touched groups were compared whole (from their
 * counts), so a member is an outlier now exactly when a draft names them; the members with none
 * that still had one are cleared. Every other member had none and has none: nothing of theirs is
 * read or written.
 */
function peerScope(
  { db, req }: Env,
  compared: ReadonlyMap<string, unknown>,
  judged: ReadonlySet<number>,
  drafts: readonly Pick<FindingDraft, 'kind' | 'personId'>[],
): Set<number> {
  const scope = new Set<number>();
  for (const d of drafts) if (d.kind === 'peer_outlier') scope.add(d.personId);
  const detected = [...detectedPeople(db, req.instanceId, 'peer_outlier')];
  for (const [id, place] of keptPlaces(db, req.instanceId, detected))
    if (judged.has(id) || (place && compared.has(place.group))) scope.add(id);
  for (const id of detected) if (judged.has(id)) scope.add(id);
  return scope;
}

/**
 * What the next incremental scan needs of each person the scan looked at (everyone, for a full one),
 * worked out before the save: a full scan's changes of the kept state (the rows that differ), an
 * incremental one's rows.
 */
type StateChanges = { full: true; changes: PersonStateChanges } | { full: false; rows: PersonState[] };

function stateChanges(db: DB, instanceId: string, work: Detected, full: boolean): StateChanges {
  const wire = (s: number | null) => (s === null ? null : secondsToWire(s));
  const { judged } = work;
  const people = full || !judged ? work.people : work.people.filter((p) => judged.has(p.id));
  const rows = people.map((p) => ({
    personId: p.id,
    peerGroup: peerGroupKey(p),
    lastActivity: wire(lastActivity(p) ?? p.created),
    expiry: p.expiry,
    roleIds: roleList(sortedRoles(p.roleIds)),
    lastSessionAt: wire(p.lastSessionAt),
    sessions: work.sessions.get(p.id)?.sessions ?? 0,
  }));
  return full ? { full, changes: personStateChanges(db, instanceId, rows) } : { full, rows };
}

/** Writes the state (inside the save's transaction), and the peer groups' counts. */
function saveState(db: DB, instanceId: string, work: Detected, state: StateChanges): void {
  saveCounts(db, instanceId, work.peerCounts, state.full);
  if (state.full) {
    writePersonState(db, instanceId, state.changes);
    return;
  }
  saveSessionState(
    db,
    instanceId,
    [...work.sessions].map(([personId, s]) => ({
      personId,
      lastSessionAt: s.lastSessionAt === null ? null : secondsToWire(s.lastSessionAt),
      sessions: s.sessions,
    })),
  );
  saveRowState(db, instanceId, state.rows);
}

/**
 * Risk scores: everyone's in a full scan; in an incremental one, those of the people judged and of
 * the people one of whose findings changed (a peer whose group moved). Nobody else's inputs changed.
 */
function saveRiskScores({ db, req, asOf }: Env, work: Detected, full: boolean, changed: ReadonlySet<number>): void {
  const loaded = new Set(work.people.map((p) => p.id));
  const people = full
    ? work.people
    : [
        ...work.people,
        ...loadPeople(
          db,
          req.instanceId,
          [...changed].filter((id) => !loaded.has(id)),
        ),
      ];
  const open = openFindingsByPerson(db, req.instanceId, full ? undefined : people.map((p) => p.id));
  const input = { settings: req.settings, asOf, roles: work.roles, internalRoles: work.internalRoles };
  saveRisk(
    db,
    req.instanceId,
    people.map((p) => ({ personId: p.id, ...riskOf(p, open.get(p.id), input) })),
    full,
  );
}
