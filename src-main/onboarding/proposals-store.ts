/** The onboarding queue's SQL: the documents dropped (what intake read of them) and their proposals. */
import type { OnboardingPage, Proposal, ProposalState, ProposalSummary } from '../../src-preload/contract';
import type { DB } from '../db/open';

export interface DocumentRow {
  id: string;
  instanceId: string;
  batchId: string;
  file: string;
  format: ProposalSummary['format'];
  intakeDocumentId: string | null;
  pages: OnboardingPage[];
  warnings: string[];
  createdAt: string;
}

export function insertDocument(db: DB, d: DocumentRow): void {
  db.prepare(
    `INSERT INTO onboarding_documents (id, instance_id, batch_id, file, format, intake_document_id, pages, warnings, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.id,
    d.instanceId,
    d.batchId,
    d.file,
    d.format,
    d.intakeDocumentId,
    JSON.stringify(d.pages),
    JSON.stringify(d.warnings),
    d.createdAt,
  );
}

interface RawDocument {
  id: string;
  instance_id: string;
  batch_id: string;
  file: string;
  format: string;
  intake_document_id: string | null;
  pages: string;
  warnings: string;
  created_at: string;
}

export function getDocument(db: DB, id: string): DocumentRow | undefined {
  const r = db.prepare('SELECT * FROM onboarding_documents WHERE id = ?').get(id) as RawDocument | undefined;
  return r
    ? {
        id: r.id,
        instanceId: r.instance_id,
        batchId: r.batch_id,
        file: r.file,
        format: r.format as DocumentRow['format'],
        intakeDocumentId: r.intake_document_id,
        pages: JSON.parse(r.pages) as OnboardingPage[],
        warnings: JSON.parse(r.warnings) as string[],
        createdAt: r.created_at,
      }
    : undefined;
}

/** The person's name as the queue shows it. */
export function titleOf(p: Pick<Proposal, 'fields'>): string {
  const v = (k: string) => {
    const x = p.fields[k]?.value;
    return typeof x === 'string' ? x.trim() : '';
  };
  return `${v('firstName')} ${v('lastName')}`.trim() || v('email');
}

export function insertProposal(db: DB, p: Proposal, at: string): void {
  db.prepare(
    `INSERT INTO onboarding_proposals (id, instance_id, document_id, record_index, state, title, proposal, plan_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.instanceId, p.documentId, p.recordIndex, p.state, titleOf(p), JSON.stringify(p), p.planId, at, at);
}

/** Saves a proposal as it now stands (state, plan and dismissal follow the proposal). */
export function saveProposal(db: DB, p: Proposal, at: string, dismissedBy: string | null = null): void {
  db.prepare(
    `UPDATE onboarding_proposals SET state = ?, title = ?, proposal = ?, plan_id = ?, dismissed_by = ?, dismissed_reason = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    p.state,
    titleOf(p),
    JSON.stringify(p),
    p.planId,
    p.state === 'dismissed' ? dismissedBy : null,
    p.state === 'dismissed' ? p.dismissedReason : null,
    at,
    p.id,
  );
}

export function getProposal(db: DB, id: string): Proposal | undefined {
  const row = db.prepare('SELECT proposal, plan_id FROM onboarding_proposals WHERE id = ?').get(id) as
    { proposal: string; plan_id: string | null } | undefined;
  // The plan id column wins: a plan removed with its instance's data sets it to null.
  return row ? { ...(JSON.parse(row.proposal) as Proposal), planId: row.plan_id } : undefined;
}

interface RawSummary {
  id: string;
  document_id: string;
  batch_id: string;
  file: string;
  format: string;
  record_index: number;
  title: string;
  state: ProposalState;
  proposal: string;
  plan_id: string | null;
  plan_title: string | null;
  plan_state: ProposalSummary['planState'];
  dismissed_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** The queue: the latest drop first; within a drop, the documents and their records in the order they came. */
export function listProposals(db: DB, instanceId: string, states: readonly ProposalState[]): ProposalSummary[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.document_id, d.batch_id, d.file, d.format, p.record_index, p.title, p.state, p.proposal,
              p.plan_id, pl.title AS plan_title, pl.state AS plan_state, p.dismissed_reason, p.created_at, p.updated_at
       FROM onboarding_proposals p
       JOIN onboarding_documents d ON d.id = p.document_id
       LEFT JOIN plans pl ON pl.id = p.plan_id
       WHERE p.instance_id = ? AND p.state IN (${states.map(() => '?').join(',')})
       ORDER BY MAX(d.created_at) OVER (PARTITION BY d.batch_id) DESC, d.batch_id, d.rowid, p.record_index
       LIMIT 5000`,
    )
    .all(instanceId, ...states) as RawSummary[];
  return rows.map((r) => {
    const p = JSON.parse(r.proposal) as Proposal;
    return {
      id: r.id,
      documentId: r.document_id,
      batchId: r.batch_id,
      file: r.file,
      format: r.format as ProposalSummary['format'],
      recordIndex: r.record_index,
      title: r.title,
      state: r.state,
      outcome: p.resolution.outcome,
      operations: p.operations.length,
      problems: p.problems.length,
      privileged: p.recommendations.filter((x) => x.privileged && x.decision !== 'declined').length,
      planId: r.plan_id,
      planTitle: r.plan_title,
      planState: r.plan_state,
      dismissedReason: r.dismissed_reason,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** The state of a proposal's plan (undefined when the plan is gone). */
export function planStateOf(db: DB, planId: string): string | undefined {
  return db.prepare('SELECT state FROM plans WHERE id = ?').pluck().get(planId) as string | undefined;
}
