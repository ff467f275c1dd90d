/**
 * Findings in SQLite: a scan writes what its detectors found by the finding's stable key (so the
 * administrator's status survives every scan), then marks as no longer detected what it looked
 * at and did not find again. Lists filter and page them; a plan made from one is linked here.
 */
import type { DB } from '../db/open';
import type {
  FindingEvidence,
  FindingKind,
  FindingRow,
  FindingStatus,
  FindingsQuery,
} from '../../src-preload/contract';
import { FINDING_KINDS, FINDING_STATUSES } from '../../src-preload/contract';
import type { FindingDraft } from './model';

/** What a scan looked at, per kind: everyone, or some people (their findings of that kind). */
export type ScanScope = Partial<Record<FindingKind, 'all' | ReadonlySet<number>>>;

export interface SaveResult {
  added: number;
  cleared: number;
  /** The people one of whose findings was written or cleared (their risk may have changed). */
  changedPeople: Set<number>;
}

/** A 64-bit FNV-1a of the strings, as hex: enough to tell a changed finding from an unchanged one. */
function fingerprint(parts: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

interface Existing {
  id: number;
  kind: FindingKind;
  personId: number;
  detected: number;
  fingerprint: string;
}

/** The findings a scan may touch: all of the instance's, or those of the people its scope names. */
function existingInScope(db: DB, instanceId: string, scope: ScanScope): (Existing & { key: string })[] {
  const columns = 'key, id, kind, person_id AS personId, detected, fingerprint';
  const sets = Object.values(scope);
  if (sets.some((s) => s === 'all'))
    return db
      .prepare(`SELECT ${columns} FROM investigate_findings WHERE instance_id = ?`)
      .all(instanceId) as (Existing & {
      key: string;
    })[];
  const people = new Set<number>();
  for (const s of sets) if (s && s !== 'all') for (const id of s) people.add(id);
  const select = db.prepare(`SELECT ${columns} FROM investigate_findings WHERE instance_id = ? AND person_id = ?`);
  return [...people].flatMap((id) => select.all(instanceId, id) as (Existing & { key: string })[]);
}

const inScope = (scope: ScanScope, e: Pick<Existing, 'kind' | 'personId'>) => {
  const s = scope[e.kind];
  return s === 'all' || (s !== undefined && s.has(e.personId));
};

/**
 * A draft as it is written: its numbers and evidence as JSON, and the fingerprint of what is
 * written. Prepared where the draft is made: the scan's second thread sends its own prepared, as
 * strings cross between threads far cheaper than nested objects, and the work is shared.
 */
export interface PreparedDraft extends Omit<FindingDraft, 'numbers' | 'evidence'> {
  numbers: string;
  evidence: string;
  fingerprint: string;
}

export function prepareDraft(d: FindingDraft): PreparedDraft {
  const numbers = JSON.stringify(d.numbers);
  const evidence = JSON.stringify(d.evidence);
  const parts = [d.kind, String(d.personId), String(d.score), d.reason, numbers, evidence, d.occurredAt ?? ''];
  return {
    key: d.key,
    kind: d.kind,
    personId: d.personId,
    score: d.score,
    reason: d.reason,
    numbers,
    evidence,
    occurredAt: d.occurredAt,
    fingerprint: fingerprint(parts),
  };
}

/**
 * Writes a scan's findings and clears, within its scope, those it did not find again. Only what
 * changed is written: a finding found again as it was costs a comparison. Runs inside the
 * caller's transaction.
 */
export function saveFindings(
  db: DB,
  instanceId: string,
  drafts: readonly PreparedDraft[],
  scope: ScanScope,
  at: string,
): SaveResult {
  const existing = new Map(existingInScope(db, instanceId, scope).map((r) => [r.key, r]));
  const insert = db.prepare(
    `INSERT INTO investigate_findings (instance_id, key, kind, person_id, score, reason, numbers, evidence, occurred_at,
       detected, first_seen_at, changed_at, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE investigate_findings SET kind = ?, person_id = ?, score = ?, reason = ?, numbers = ?, evidence = ?,
       occurred_at = ?, detected = 1, cleared_at = NULL, changed_at = ?, fingerprint = ? WHERE id = ?`,
  );
  let added = 0;
  const changedPeople = new Set<number>();
  const seen = new Set<string>();
  for (const d of drafts) {
    seen.add(d.key);
    const fp = d.fingerprint;
    const old = existing.get(d.key);
    if (!old) {
      insert.run(
        instanceId,
        d.key,
        d.kind,
        d.personId,
        d.score,
        d.reason,
        d.numbers,
        d.evidence,
        d.occurredAt,
        at,
        at,
        fp,
      );
      added++;
      changedPeople.add(d.personId);
    } else if (old.fingerprint !== fp || old.detected !== 1) {
      update.run(d.kind, d.personId, d.score, d.reason, d.numbers, d.evidence, d.occurredAt, at, fp, old.id);
      changedPeople.add(d.personId).add(old.personId);
    }
  }
  const clear = db.prepare('UPDATE investigate_findings SET detected = 0, cleared_at = ? WHERE id = ?');
  let cleared = 0;
  for (const [key, e] of existing)
    if (e.detected === 1 && !seen.has(key) && inScope(scope, e)) {
      cleared += clear.run(at, e.id).changes;
      changedPeople.add(e.personId);
    }
  return { added, cleared, changedPeople };
}

/** The people with a finding of this kind still detected. */
export function detectedPeople(db: DB, instanceId: string, kind: FindingKind): Set<number> {
  return new Set(
    db
      .prepare(
        'SELECT DISTINCT person_id FROM investigate_findings WHERE instance_id = ? AND kind = ? AND detected = 1',
      )
      .pluck()
      .all(instanceId, kind) as number[],
  );
}

interface FindingDbRow {
  id: number;
  key: string;
  kind: FindingKind;
  person_id: number;
  person_name: string | null;
  score: number;
  reason: string;
  numbers: string;
  evidence?: string;
  occurred_at: string | null;
  detected: number;
  first_seen_at: string;
  changed_at: string;
  cleared_at: string | null;
  status: FindingStatus;
  status_reason: string | null;
  status_by: string | null;
  status_at: string | null;
  plan_id: string | null;
  plan_title: string | null;
  plan_state: string | null;
}

const APPLIED = "('applied', 'partially_applied')";

/** The status the administrator sees: a finding whose plan was applied is remediated by it. */
const EFFECTIVE_STATUS = `CASE WHEN pl.state IN ${APPLIED} THEN 'remediated' ELSE f.status END`;

const SELECT = `SELECT f.id, f.key, f.kind, f.person_id, trim(p.first_name || ' ' || p.last_name) AS person_name,
    f.score, f.reason, f.numbers, f.occurred_at, f.detected, f.first_seen_at, f.changed_at, f.cleared_at,
    ${EFFECTIVE_STATUS} AS status, f.status_reason, f.status_by, f.status_at, f.plan_id,
    pl.title AS plan_title, pl.state AS plan_state`;

const FROM = `FROM investigate_findings f
  LEFT JOIN mirror_people p ON p.instance_id = f.instance_id AND p.id = f.person_id
  LEFT JOIN plans pl ON pl.id = f.plan_id`;

function toRow(r: FindingDbRow): FindingRow {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    personId: r.person_id,
    personName: r.person_name || `Person ${r.person_id}`,
    score: r.score,
    reason: r.reason,
    numbers: JSON.parse(r.numbers) as FindingRow['numbers'],
    occurredAt: r.occurred_at,
    detected: r.detected === 1,
    firstSeenAt: r.first_seen_at,
    changedAt: r.changed_at,
    clearedAt: r.cleared_at,
    status: r.status,
    statusReason: r.status_reason,
    statusBy: r.status_by,
    statusAt: r.status_at,
    plan: r.plan_id && r.plan_title ? { id: r.plan_id, title: r.plan_title, state: r.plan_state ?? '' } : null,
  };
}

const ORDER = {
  score: 'f.score DESC, f.occurred_at DESC, f.id',
  recent: 'coalesce(f.occurred_at, f.first_seen_at) DESC, f.id DESC',
  person: 'p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, f.score DESC, f.id',
} as const;

function whereOf(q: FindingsQuery): { sql: string; params: unknown[] } {
  const parts = ['f.instance_id = ?'];
  const params: unknown[] = [q.instanceId];
  const detected = q.detected ?? 'current';
  if (detected !== 'all') parts.push(`f.detected = ${detected === 'current' ? 1 : 0}`);
  if (q.kinds && q.kinds.length > 0) {
    parts.push(`f.kind IN (${q.kinds.map(() => '?').join(', ')})`);
    params.push(...q.kinds);
  }
  if (q.statuses && q.statuses.length > 0) {
    parts.push(`${EFFECTIVE_STATUS} IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.personId !== undefined) {
    parts.push('f.person_id = ?');
    params.push(q.personId);
  }
  if (q.minScore !== undefined) {
    parts.push('f.score >= ?');
    params.push(q.minScore);
  }
  for (const word of (q.search ?? '').split(/\s+/).filter(Boolean)) {
    parts.push("(p.first_name || ' ' || p.last_name || ' ' || f.reason) LIKE ? ESCAPE '\\'");
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: parts.join(' AND '), params };
}

export function listFindings(db: DB, q: FindingsQuery): { total: number; rows: FindingRow[] } {
  const { sql, params } = whereOf(q);
  const total = db
    .prepare(`SELECT count(*) ${FROM} WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
  const columns = q.withEvidence ? `${SELECT}, f.evidence` : SELECT;
  const rows = db
    .prepare(`${columns} ${FROM} WHERE ${sql} ORDER BY ${ORDER[q.sort ?? 'score']} LIMIT ? OFFSET ?`)
    .all(...params, q.limit ?? 100, q.offset ?? 0) as FindingDbRow[];
  return {
    total,
    rows: rows.map((r) =>
      q.withEvidence ? { ...toRow(r), evidence: JSON.parse(r.evidence ?? '{}') as FindingEvidence } : toRow(r),
    ),
  };
}

/** Findings still detected, by kind and by the status the administrator sees. */
export function countFindings(
  db: DB,
  instanceId: string,
): { byKind: Record<FindingKind, number>; byStatus: Record<FindingStatus, number> } {
  const byKind = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;
  const rows = db
    .prepare(
      `SELECT f.kind, ${EFFECTIVE_STATUS} AS status, count(*) AS n FROM investigate_findings f
       LEFT JOIN plans pl ON pl.id = f.plan_id
       WHERE f.instance_id = ? AND f.detected = 1 GROUP BY 1, 2`,
    )
    .all(instanceId) as { kind: FindingKind; status: FindingStatus; n: number }[];
  for (const r of rows) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + r.n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
  }
  return { byKind, byStatus };
}

export function getFinding(
  db: DB,
  instanceId: string,
  findingId: number,
): (FindingRow & { evidence: FindingEvidence }) | undefined {
  const row = db
    .prepare(`${SELECT}, f.evidence ${FROM} WHERE f.instance_id = ? AND f.id = ?`)
    .get(instanceId, findingId) as FindingDbRow | undefined;
  if (!row) return undefined;
  return { ...toRow(row), evidence: JSON.parse(row.evidence ?? '{}') as FindingEvidence };
}

/** Sets the status of the findings named (of this instance); returns those changed, with their previous status. */
export function setFindingStatus(
  db: DB,
  input: {
    instanceId: string;
    ids: readonly number[];
    status: FindingStatus;
    reason: string | null;
    by: string;
    at: string;
  },
): { id: number; key: string; personId: number; from: FindingStatus }[] {
  const read = db.prepare(
    'SELECT id, key, person_id, status FROM investigate_findings WHERE instance_id = ? AND id = ?',
  );
  const update = db.prepare(
    'UPDATE investigate_findings SET status = ?, status_reason = ?, status_by = ?, status_at = ? WHERE id = ?',
  );
  const changed: { id: number; key: string; personId: number; from: FindingStatus }[] = [];
  for (const id of input.ids) {
    const row = read.get(input.instanceId, id) as
      { id: number; key: string; person_id: number; status: FindingStatus } | undefined;
    if (!row) continue;
    update.run(input.status, input.reason, input.by, input.at, id);
    changed.push({ id, key: row.key, personId: row.person_id, from: row.status });
  }
  return changed;
}

export function linkPlan(db: DB, instanceId: string, findingId: number, planId: string): void {
  db.prepare('UPDATE investigate_findings SET plan_id = ? WHERE instance_id = ? AND id = ?').run(
    planId,
    instanceId,
    findingId,
  );
}

/** Open findings still detected, per person and kind (the risk score's input): everyone's, or the people named. */
export function openFindingsByPerson(
  db: DB,
  instanceId: string,
  people?: readonly number[],
): Map<number, Map<FindingKind, number>> {
  const select = (
    from: string,
  ) => `SELECT f.person_id, f.kind, count(*) FROM ${from} LEFT JOIN plans pl ON pl.id = f.plan_id
    WHERE f.instance_id = ? AND f.detected = 1 AND ${EFFECTIVE_STATUS} IN ('open', 'acknowledged')`;
  // One person's findings through the person index (the planner would otherwise walk the kind index).
  const one = db
    .prepare(
      `${select('investigate_findings f INDEXED BY investigate_findings_person')} AND f.person_id = ? GROUP BY 1, 2`,
    )
    .raw(true);
  const rows = (
    people === undefined
      ? db
          .prepare(`${select('investigate_findings f')} GROUP BY 1, 2`)
          .raw(true)
          .all(instanceId)
      : people.flatMap((id) => one.all(instanceId, id))
  ) as [number, FindingKind, number][];
  const out = new Map<number, Map<FindingKind, number>>();
  for (const [person, kind, n] of rows) {
    let m = out.get(person);
    if (!m) out.set(person, (m = new Map()));
    m.set(kind, n);
  }
  return out;
}
