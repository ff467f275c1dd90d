/**
 * Risk scores in SQLite: one row per person with a score above zero and its contributions. A scan
 * writes only the rows that changed; the Risk tab reads the distribution and the top people.
 */
import type { DB } from '../db/open';
import type { RiskContribution, RiskPerson } from '../../src-preload/contract';

export interface RiskRow {
  personId: number;
  score: number;
  contributions: RiskContribution[];
}

/** Replaces the scores of the people given (all of the instance's when `all`); zero scores are removed. */
export function saveRisk(db: DB, instanceId: string, rows: readonly RiskRow[], all: boolean): number {
  const existing = new Map<number, string>();
  if (all)
    for (const [id, c] of db
      .prepare('SELECT person_id, contributions FROM investigate_risk WHERE instance_id = ?')
      .raw(true)
      .all(instanceId) as [number, string][])
      existing.set(id, c);
  else {
    const one = db
      .prepare('SELECT contributions FROM investigate_risk WHERE instance_id = ? AND person_id = ?')
      .pluck();
    for (const r of rows) {
      const c = one.get(instanceId, r.personId) as string | undefined;
      if (c !== undefined) existing.set(r.personId, c);
    }
  }
  const upsert = db.prepare(
    `INSERT INTO investigate_risk (instance_id, person_id, score, contributions) VALUES (?, ?, ?, ?)
     ON CONFLICT (instance_id, person_id) DO UPDATE SET score = excluded.score, contributions = excluded.contributions`,
  );
  const remove = db.prepare('DELETE FROM investigate_risk WHERE instance_id = ? AND person_id = ?');
  let written = 0;
  const seen = new Set<number>();
  for (const r of rows) {
    seen.add(r.personId);
    if (r.score <= 0) {
      if (existing.has(r.personId)) written += remove.run(instanceId, r.personId).changes;
      continue;
    }
    const json = JSON.stringify(r.contributions);
    if (existing.get(r.personId) !== json) {
      upsert.run(instanceId, r.personId, r.score, json);
      written++;
    }
  }
  if (all) for (const id of existing.keys()) if (!seen.has(id)) written += remove.run(instanceId, id).changes;
  return written;
}

interface RiskDbRow {
  person_id: number;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  department: string | null;
  is_external: number | null;
  score: number;
  contributions: string;
}

const toPerson = (r: RiskDbRow): RiskPerson => ({
  personId: r.person_id,
  name: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() || `Person ${r.person_id}`,
  title: r.title || null,
  department: r.department || null,
  isExternal: r.is_external === 1,
  score: r.score,
  contributions: JSON.parse(r.contributions) as RiskContribution[],
});

const SELECT = `SELECT r.person_id, p.first_name, p.last_name, p.title, p.department, p.is_external, r.score, r.contributions
  FROM investigate_risk r LEFT JOIN mirror_people p ON p.instance_id = r.instance_id AND p.id = r.person_id`;

export function topRisk(db: DB, instanceId: string, limit: number): RiskPerson[] {
  return (
    db
      .prepare(`${SELECT} WHERE r.instance_id = ? ORDER BY r.score DESC, p.last_name, p.first_name LIMIT ?`)
      .all(instanceId, limit) as RiskDbRow[]
  ).map(toPerson);
}

export function personRisk(db: DB, instanceId: string, personId: number): RiskPerson | null {
  const row = db.prepare(`${SELECT} WHERE r.instance_id = ? AND r.person_id = ?`).get(instanceId, personId) as
    RiskDbRow | undefined;
  return row ? toPerson(row) : null;
}

/** Scores of everyone scored, for the distribution. */
export function riskScores(db: DB, instanceId: string): number[] {
  return db.prepare('SELECT score FROM investigate_risk WHERE instance_id = ?').pluck().all(instanceId) as number[];
}

/** People the Risk tab counts: everyone not removed. */
export function livePeople(db: DB, instanceId: string): number {
  return db
    .prepare('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')
    .pluck()
    .get(instanceId) as number;
}

/**
 * After status changes: the people's finding contributions again from their open findings (the
 * rest of their score is the last scan's), so a dismissed finding stops counting at once.
 */
export function refreshFindingContributions(
  db: DB,
  instanceId: string,
  personIds: Iterable<number>,
  open: (personId: number) => RiskContribution[],
): void {
  const read = db.prepare('SELECT contributions FROM investigate_risk WHERE instance_id = ? AND person_id = ?').pluck();
  const rows: RiskRow[] = [];
  for (const personId of new Set(personIds)) {
    const stored = read.get(instanceId, personId) as string | undefined;
    const kept = (stored ? (JSON.parse(stored) as RiskContribution[]) : []).filter(
      (c) => !c.factor.startsWith('finding:'),
    );
    const contributions = [...kept, ...open(personId)].sort(
      (a, b) => b.points - a.points || a.factor.localeCompare(b.factor),
    );
    rows.push({ personId, score: contributions.reduce((s, c) => s + c.points, 0), contributions });
  }
  saveRisk(db, instanceId, rows, false);
}
