/**
 * A plan exported for a second administrator (JSON, or CSV for a spreadsheet) and imported back
 * with their approvals.
 *
 * The content hash covers what the operations DO (kind, person, params, before, after, source),
 * not risk or approvals, so a reviewer can add approvals without changing it. An import is
 * refused when the file's hash does not match its own operations (the file was edited) or the
 * plan's current operations (the plan changed since the export). Approvals then come in with the
 * reviewer's name and time, scope 'import'; a privileged operation takes only an approval the
 * reviewer gave to it on its own. The file is not signed: who may edit it is a matter of how it
 * travels, and the audit trail records that approvals came by import, from which file hash.
 */
import { parse } from 'csv-parse/sync';
import { appendAudit, canonicalJson, sha256Hex } from '../audit-trail';
import type { DB } from '../db/open';
import { setApproval } from './store/plans-store';
import { AppError, conflict, validation } from '../errors/app-error';
import { restoreCsvCell, toSafeCsv } from '../export/csv-cell';
import { checkApprover, requireReviewable, settleState } from './approval';
import { checkSecondApprover, MAX_REASON } from './four-eyes';
import { getPlan } from './plans';
import type { Operation, PlanWithOperations } from './types';
import { actorSchema } from './types';
import type { ImportResult } from '../../src-preload/contract';

export type { ImportResult };

export const EXPORT_FORMAT = 'admin-desk-plan';

type Content = Pick<
  Operation,
  'id' | 'seq' | 'kind' | 'personId' | 'params' | 'before' | 'after' | 'source' | 'aiSuggestionId'
>;
const contentOf = (op: Content) => ({
  id: op.id,
  seq: op.seq,
  kind: op.kind,
  personId: op.personId,
  params: op.params,
  before: op.before,
  after: op.after,
  source: op.source,
  aiSuggestionId: op.aiSuggestionId,
});

/** The hash of what a plan's operations do. */
export function contentHash(ops: readonly Content[]): string {
  return sha256Hex(canonicalJson([...ops].sort((a, b) => a.seq - b.seq).map(contentOf)));
}
/** One operation's fingerprint (CSV rows carry it). */
export const operationFingerprint = (op: Content): string => sha256Hex(canonicalJson(contentOf(op))).slice(0, 16);

export interface PlanExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  exportedBy: string;
  plan: {
    id: string;
    instanceId: string;
    title: string;
    description: string;
    state: string;
    revision: number;
    origin: string;
    createdBy: string;
    createdAt: string;
  };
  operations: (Content & Pick<Operation, 'summary' | 'risk' | 'riskReasons' | 'privileged' | 'approval'>)[];
  contentHash: string;
}

function audit(
  db: DB,
  plan: PlanWithOperations,
  actor: string,
  action: 'plan.exported' | 'plan.imported',
  details: Record<string, unknown>,
) {
  appendAudit(db, { actor, action, subject: `plan:${plan.id}`, instanceId: plan.instanceId, details });
}

export function exportPlanJson(db: DB, input: { planId: string; actor: string }): string {
  const actor = actorSchema.parse(input.actor);
  const plan = getPlan(db, input.planId);
  const doc: PlanExport = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    exportedBy: actor,
    plan: {
      id: plan.id,
      instanceId: plan.instanceId,
      title: plan.title,
      description: plan.description,
      state: plan.state,
      revision: plan.revision,
      origin: plan.origin,
      createdBy: plan.createdBy,
      createdAt: plan.createdAt,
    },
    operations: plan.operations.map((op) => ({
      ...contentOf(op),
      summary: op.summary,
      risk: op.risk,
      riskReasons: op.riskReasons,
      privileged: op.privileged,
      approval: op.approval,
    })),
    contentHash: contentHash(plan.operations),
  };
  audit(db, plan, actor, 'plan.exported', { format: 'json', contentHash: doc.contentHash, revision: plan.revision });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const CSV_COLUMNS = [
  'plan_id',
  'content_hash',
  'operation_id',
  'seq',
  'fingerprint',
  'kind',
  'person_id',
  'summary',
  'before',
  'after',
  'risk',
  'privileged',
  'source',
  'ai_suggestion_id',
  'approved_by',
  'approved_at',
  'approval_scope',
  'approval_reason',
] as const;

export function exportPlanCsv(db: DB, input: { planId: string; actor: string }): string {
  const actor = actorSchema.parse(input.actor);
  const plan = getPlan(db, input.planId);
  const hash = contentHash(plan.operations);
  const rows = plan.operations.map((op) => [
    plan.id,
    hash,
    op.id,
    op.seq,
    operationFingerprint(op),
    op.kind,
    op.personId ?? '',
    op.summary,
    canonicalJson(op.before),
    canonicalJson(op.after),
    op.risk,
    op.privileged ? 'yes' : 'no',
    op.source,
    op.aiSuggestionId ?? '',
    op.approval?.by ?? '',
    op.approval?.at ?? '',
    op.approval?.scope ?? '',
    op.approval?.reason ?? '',
  ]);
  audit(db, plan, actor, 'plan.exported', { format: 'csv', contentHash: hash, revision: plan.revision });
  // Names and summaries can come from an imported file: no cell may reach a spreadsheet as a formula.
  return toSafeCsv([CSV_COLUMNS, ...rows]);
}

interface IncomingApproval {
  operationId: number;
  by: string;
  at: string;
  reason: string | null;
  /** The reviewer approved this operation on its own. */
  individual: boolean;
}

/** Imports a reviewed export (JSON or CSV) back into its plan, with the reviewer's approvals. */
export function importPlanApprovals(
  db: DB,
  input: { planId: string; content: string; format: 'json' | 'csv'; importedBy: string; fourEyes?: boolean },
): ImportResult {
  const importedBy = actorSchema.parse(input.importedBy);
  const plan = getPlan(db, input.planId);
  const current = contentHash(plan.operations);
  const approvals =
    input.format === 'json' ? readJson(input.content, plan, current) : readCsv(input.content, plan, current);
  const skipped: ImportResult['skipped'] = [];
  const taken: { operationId: number; by: string; reason: string | null }[] = [];
  db.transaction(() => {
    requireReviewable(db, plan.id);
    const ops = new Map(plan.operations.map((o) => [o.id, o]));
    for (const a of approvals) {
      const op = ops.get(a.operationId);
      if (!op) continue;
      const refusal = refusalOf(op, a, { builder: plan.createdBy, importedBy, fourEyes: input.fourEyes ?? true });
      if (refusal) {
        skipped.push({ operationId: op.id, reason: refusal });
        continue;
      }
      const by = checkApprover(a.by);
      if (Number.isNaN(Date.parse(a.at))) throw validation(`Operation ${op.id}: "${a.at}" is not a time.`);
      const reason = a.reason?.trim().slice(0, MAX_REASON) || null;
      setApproval(db, [op.id], {
        by,
        at: new Date(a.at).toISOString(),
        scope: 'import',
        reason,
        recordedBy: importedBy,
      });
      taken.push({ operationId: op.id, by, reason });
    }
    audit(db, plan, importedBy, 'plan.imported', {
      format: input.format,
      contentHash: current,
      approvals: taken.length,
      reviewers: [...new Set(approvals.map((a) => a.by))],
      approved: taken,
      builder: plan.createdBy,
      skipped: skipped.length,
    });
    settleState(db, plan.id, new Date().toISOString());
  })();
  return { plan: getPlan(db, plan.id), imported: taken.length, skipped };
}

/** Why an approval in the file is not taken (null: it is). Privileged ones follow four-eyes. */
function refusalOf(
  op: Operation,
  a: IncomingApproval,
  ctx: { builder: string; importedBy: string; fourEyes: boolean },
): string | null {
  if (op.approval) return `already approved by ${op.approval.by}`;
  if (!op.privileged) return null;
  if (!a.individual) return 'privileged: the reviewer must approve it on its own';
  if ((a.reason ?? '').trim().length < 3) return 'privileged: the reviewer gave no reason';
  if (!ctx.fourEyes) return null;
  try {
    checkSecondApprover({ second: a.by, builder: ctx.builder, local: ctx.importedBy, via: 'file' });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function readJson(content: string, plan: PlanWithOperations, current: string): IncomingApproval[] {
  let doc: PlanExport;
  try {
    doc = JSON.parse(content) as PlanExport;
  } catch {
    throw validation('The file is not JSON.');
  }
  if (doc?.format !== EXPORT_FORMAT || doc.version !== 1 || !Array.isArray(doc.operations))
    throw validation('The file is not an Admin Desk plan export.');
  if (doc.plan?.id !== plan.id) throw conflict(`The file is for another plan (${String(doc.plan?.id)}).`);
  if (contentHash(doc.operations) !== doc.contentHash)
    throw conflict("The file's operations do not match its content hash: it was edited after the export. Refused.");
  if (doc.contentHash !== current)
    throw conflict(
      "The file's operations differ from the plan's: the plan was edited since this export. Export it again for review.",
    );
  return doc.operations.flatMap((op) =>
    op.approval
      ? [
          {
            operationId: op.id,
            by: op.approval.by,
            at: op.approval.at,
            reason: typeof op.approval.reason === 'string' ? op.approval.reason : null,
            individual: op.approval.scope !== 'plan',
          },
        ]
      : [],
  );
}

/** Undoes the export's formula neutralizing, so names and ids read back exactly as written. */
const restoreRow = (row: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? restoreCsvCell(v) : v]));

function readCsv(content: string, plan: PlanWithOperations, current: string): IncomingApproval[] {
  let rows: Record<string, string>[];
  try {
    rows = (
      parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[]
    ).map(restoreRow);
  } catch (e) {
    throw validation(`The CSV could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const ops = new Map(plan.operations.map((o) => [o.id, o]));
  const seen = new Set<number>();
  for (const r of rows) {
    if (r.plan_id !== plan.id) throw conflict(`The file is for another plan (${r.plan_id ?? 'none'}).`);
    const op = ops.get(Number(r.operation_id));
    if (
      !op ||
      r.content_hash !== current ||
      r.fingerprint !== operationFingerprint(op) ||
      r.kind !== op.kind ||
      String(op.personId ?? '') !== r.person_id
    ) {
      throw conflict(
        `The file's operations differ from the plan's (operation ${r.operation_id ?? '?'}): export the plan again for review.`,
      );
    }
    seen.add(op.id);
  }
  if (seen.size !== ops.size) throw conflict("The file's operations differ from the plan's: some are missing from it.");
  return rows.flatMap((r) => {
    if (!r.approved_by) return [];
    if (!r.approved_at)
      throw new AppError('VALIDATION', `Operation ${r.operation_id}: approved_by without approved_at.`);
    return [
      {
        operationId: Number(r.operation_id),
        by: r.approved_by,
        at: r.approved_at,
        reason: r.approval_reason || null,
        individual: r.approval_scope === 'operation' || r.approval_scope === 'import',
      },
    ];
  });
}
