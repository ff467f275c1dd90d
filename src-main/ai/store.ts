/** SQL of the AI suggestion record (table ai_suggestions, migration 6). */
import type { DB } from '../db/open';
import type { EngineName } from './engine';
import type { TaskKind } from './task';

import type { Decision } from '../../src-preload/contract';

export type { Decision };

export interface SuggestionRow {
  id: string;
  instance_id: string | null;
  kind: TaskKind;
  engine: EngineName;
  model: string;
  input_sha256: string;
  output: string;
  confidence: number;
  explanation: string;
  fallback_reason: string | null;
  created_at: string;
  decision: Decision | null;
  decided_by: string | null;
  decided_at: string | null;
  operation_id: number | null;
}

export type NewSuggestionRow = Omit<SuggestionRow, 'decision' | 'decided_by' | 'decided_at' | 'operation_id'>;

export function insertSuggestion(db: DB, row: NewSuggestionRow): void {
  db.prepare(
    `INSERT INTO ai_suggestions (id, instance_id, kind, engine, model, input_sha256, output, confidence, explanation, fallback_reason, created_at)
     VALUES (@id, @instance_id, @kind, @engine, @model, @input_sha256, @output, @confidence, @explanation, @fallback_reason, @created_at)`,
  ).run(row);
}

export function getSuggestionRow(db: DB, id: string): SuggestionRow | undefined {
  return db.prepare('SELECT * FROM ai_suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
}

/** Writes the decision once: false when the suggestion was decided already (or is missing). */
export function setDecision(
  db: DB,
  id: string,
  d: { decision: Decision; by: string; at: string; operationId: number | null },
): boolean {
  return (
    db
      .prepare(
        `UPDATE ai_suggestions SET decision = ?, decided_by = ?, decided_at = ?, operation_id = ?
         WHERE id = ? AND decision IS NULL`,
      )
      .run(d.decision, d.by, d.at, d.operationId, id).changes === 1
  );
}

export interface RateRow {
  kind: TaskKind;
  suggested: number;
  accepted: number;
  edited: number;
  rejected: number;
}

export function countDecisions(db: DB): RateRow[] {
  return db
    .prepare(
      `SELECT kind, count(*) AS suggested,
              coalesce(sum(decision = 'accepted'), 0) AS accepted, coalesce(sum(decision = 'edited'), 0) AS edited,
              coalesce(sum(decision = 'rejected'), 0) AS rejected
       FROM ai_suggestions GROUP BY kind ORDER BY kind`,
    )
    .all() as RateRow[];
}

export function listSuggestionRows(db: DB, q: { kind?: TaskKind | undefined; limit: number }): SuggestionRow[] {
  return db
    .prepare(
      `SELECT * FROM ai_suggestions WHERE (@kind IS NULL OR kind = @kind) ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
    )
    .all({ kind: q.kind ?? null, limit: q.limit }) as SuggestionRow[];
}
