/**
 * applyPlan: the job that pushes an approved plan to SmartSimple, and resumes one that a crash,
 * a quit, a cancel or a lost network interrupted (call it again: a plan in 'applying' continues
 * from its journal).
 *
 * Order: first whatever is in doubt from the last run is reconciled by reading back; then new
 * organizations, new people, changes to people (re-read, drift check, merged full-replace updates in batches,
 * verify), program assignments, and last the note on each changed person. The hourly limit is
 * the client's business (it waits for a slot); the wait shows in the job's progress message.
 */
import { appendAudit } from '../../audit-trail';
import { listFunctions } from '../../connect/store';
import { initJournal, listJournal, listNotes } from '../store/journal-store';
import { savePlanResult, setPlanState, toPlan } from '../store/plans-store';
import type { DB } from '../../db/open';
import { conflict } from '../../errors/app-error';
import type { JobContext } from '../../jobs/jobs-service';
import type { Logger } from '../../log/logger';
import type { SmartConnectClient, WaitEvent } from '../../smartsimple/client';
import { RECOMMENDED_FIELDS } from '../../smartsimple/protocol';
import { getPlan, requirePlan } from '../plans';
import type { ApplySummary, JournalState, PlanState } from '../types';
import { actorSchema } from '../types';
import { DEFAULT_APPLY_FUNCTIONS, createEnv, opsIn, serverText, type ApplyEnv, type ApplyFunctions } from './env';
import { runAssociationPhase } from './association-phase';
import { runCreatePhase } from './create-phase';
import { runNotePhase } from './note-phase';
import { runOrganizationPhase } from './organization-phase';
import { assertCanApply } from './can-apply';
import { reconcileInDoubt } from './reconcile';
import { runUserPhase } from './user-phase';
import type { ApplyResult, OperationResult } from '../../../src-preload/contract';

export type { ApplyResult, OperationResult };

export const DEFAULT_APPLY_BATCH_SIZE = 50;
export const DEFAULT_IDS_PER_CALL = 100;

export interface ApplyPlanOptions {
  db: DB;
  client: SmartConnectClient;
  instanceId: string;
  planId: string;
  ctx: JobContext;
  /** The administrator who starts (or resumes) the apply; signs the notes of their changes. */
  approver: string;
  logger: Logger;
  /** Records per write call (default 50). */
  batchSize?: number;
  /** Ids per read call: must be the client's `idsPerCall` (default 100). */
  idsPerCall?: number;
  functions?: Partial<ApplyFunctions>;
  /** Where the client's waits for the hourly limit are heard (the relay given to it as onWait). */
  waits?: { subscribe(listener: (event: WaitEvent) => void): () => void };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** People per round: a multiple of both sizes when that stays reasonable, so calls are full. */
export function roundSize(batchSize: number, idsPerCall: number): number {
  const lcm = (batchSize * idsPerCall) / gcd(batchSize, idsPerCall);
  return lcm <= 1000 ? lcm : Math.max(batchSize, idsPerCall);
}

function fieldsOf(db: DB, instanceId: string, name: string, fallback: readonly string[]): readonly string[] {
  const stored = listFunctions(db, instanceId).find((f) => f.name === name);
  return stored && stored.fields.length > 0 ? stored.fields : fallback;
}

export async function applyPlan(options: ApplyPlanOptions): Promise<ApplyResult> {
  const { db, client, instanceId, planId, ctx, logger } = options;
  const approver = actorSchema.parse(options.approver);
  const row = requirePlan(db, planId);
  if (row.instance_id !== instanceId) throw conflict('The plan belongs to another instance.');
  assertCanApply(row.state);
  const log = logger.child('plans:apply');
  const previous = row.result ? (JSON.parse(row.result) as ApplySummary) : null;
  const resuming = row.state === 'applying';
  recordApplyStart(db, { planId, instanceId, approver, resuming, revision: row.revision });

  const plan = getPlan(db, planId);
  const env = createApplyEnv(options, plan, log);
  const unsubscribe = options.waits?.subscribe((event) => {
    const at = new Date(event.until).toISOString().slice(11, 16);
    env.report(`Waiting for the hourly SmartConnect call limit; resumes at ${at} UTC.`);
  });
  const callsAtStart = client.stats().calls;
  const summarize = (stoppedBy?: string): ApplySummary =>
    summaryOf(
      env,
      (previous?.calls ?? 0) + client.stats().calls - callsAtStart,
      (previous?.resumes ?? 0) + (resuming ? 1 : 0),
      stoppedBy,
    );
  try {
    await runPhases(env, plan, approver, () => savePlanResult(db, planId, summarize()));
  } catch (e) {
    savePlanResult(db, planId, summarize(serverText(e)));
    log.warn('apply stopped; run it again to resume', { planId, error: e });
    throw e;
  } finally {
    unsubscribe?.();
  }
  const message = recordApplyEnd(env, approver, summarize());
  ctx.progress(env.journal.size, env.journal.size, message);
  return { ...getApplyResult(db, planId), message };
}

type PlanToApply = ReturnType<typeof getPlan>;

/** Opens (or reopens) the journal, moves the plan to 'applying' and says so in the audit trail. */
function recordApplyStart(
  db: DB,
  start: { planId: string; instanceId: string; approver: string; resuming: boolean; revision: number },
): void {
  const { planId, instanceId, approver, resuming } = start;
  const startedAt = new Date().toISOString();
  db.transaction(() => {
    initJournal(db, planId, startedAt);
    if (!resuming) setPlanState(db, planId, 'applying', startedAt, { appliedBy: approver, applyStartedAt: startedAt });
    appendAudit(db, {
      actor: approver,
      action: resuming ? 'plan.apply_resumed' : 'plan.apply_started',
      subject: `plan:${planId}`,
      instanceId,
      details: { revision: start.revision },
    });
  })();
}

function createApplyEnv(options: ApplyPlanOptions, plan: PlanToApply, log: Logger): ApplyEnv {
  const { db, client, instanceId, planId, ctx } = options;
  const functions = { ...DEFAULT_APPLY_FUNCTIONS, ...options.functions };
  const batchSize = options.batchSize ?? DEFAULT_APPLY_BATCH_SIZE;
  return createEnv({
    db,
    client,
    planId,
    instanceId,
    ctx,
    logger: log,
    fns: functions,
    userFields: fieldsOf(db, instanceId, functions.updateUsers, RECOMMENDED_FIELDS['users.update'] ?? []),
    noteFields: fieldsOf(db, instanceId, functions.transactions, RECOMMENDED_FIELDS['transactions.update'] ?? []),
    companyFields: fieldsOf(db, instanceId, functions.updateCompanies, RECOMMENDED_FIELDS['companies.update'] ?? []),
    batchSize,
    chunkPeople: roundSize(batchSize, options.idsPerCall ?? DEFAULT_IDS_PER_CALL),
    ops: new Map(plan.operations.map((o) => [o.id, o])),
  });
}

/** The phases in their order; the summary is saved between them so a stop shows the progress. */
async function runPhases(env: ApplyEnv, plan: PlanToApply, approver: string, saveProgress: () => void): Promise<void> {
  await reconcileInDoubt(env, opsIn(env, ['sending', 'unknown']));
  await runOrganizationPhase(env);
  await runCreatePhase(env);
  saveProgress();
  await runUserPhase(env);
  saveProgress();
  await runAssociationPhase(env);
  await runNotePhase(env, { id: plan.id, title: plan.title }, approver);
}

/** Ends a finished run: the plan's final state and the audit entry; returns the line for the job history. */
function recordApplyEnd(env: ApplyEnv, approver: string, summary: ApplySummary): string {
  const { db, planId, instanceId } = env;
  const state: PlanState =
    summary.verified === 0 ? 'failed' : summary.failed + summary.skippedDrift > 0 ? 'partially_applied' : 'applied';
  const finishedAt = new Date().toISOString();
  db.transaction(() => {
    setPlanState(db, planId, state, finishedAt, { applyFinishedAt: finishedAt, result: summary });
    appendAudit(db, {
      actor: approver,
      action: 'plan.applied',
      subject: `plan:${planId}`,
      instanceId,
      details: { state, ...summary },
    });
  })();
  return describeSummary(state, summary);
}

function summaryOf(env: ApplyEnv, calls: number, resumes: number, stoppedBy?: string): ApplySummary {
  const states = [...env.journal.values()].map((r) => r.state);
  return summarizeStates(env.db, env.planId, states, { calls, resumes }, stoppedBy);
}

/** An apply's summary from its journal states and its notes; the run's counters as given. */
function summarizeStates(
  db: DB,
  planId: string,
  states: JournalState[],
  { calls, resumes }: { calls: number; resumes: number },
  stoppedBy?: string,
): ApplySummary {
  const count = (s: JournalState[]) => states.filter((state) => s.includes(state)).length;
  const notes = listNotes(db, planId);
  return {
    verified: count(['verified']),
    failed: count(['failed']),
    skippedDrift: count(['skipped_drift']),
    pending: count(['pending', 'sending', 'sent', 'unknown']),
    calls,
    resumes,
    transactions: {
      written: notes.filter((n) => n.state === 'sent').length,
      failed: notes.filter((n) => n.state === 'failed').length,
      unknown: notes.filter((n) => n.state === 'unknown').length,
    },
    ...(stoppedBy ? { stoppedBy } : {}),
  };
}

export function describeSummary(state: PlanState, s: ApplySummary): string {
  const parts = [`${s.verified} applied and verified`];
  if (s.skippedDrift) parts.push(`${s.skippedDrift} skipped (changed on the server since planning)`);
  if (s.failed) parts.push(`${s.failed} failed`);
  const notes = s.transactions.unknown ? `; ${s.transactions.unknown} SmartSimple notes may be missing` : '';
  return `${state === 'applied' ? 'Applied' : state === 'failed' ? 'Nothing applied' : 'Partially applied'}: ${parts.join(', ')}; ${s.calls} calls${notes}.`;
}

/** The result per operation (for the results screen), from the journal. */
export function getApplyResult(db: DB, planId: string): Omit<ApplyResult, 'message'> {
  const plan = getPlan(db, planId);
  const journal = new Map(listJournal(db, planId).map((r) => [r.operationId, r]));
  const operations = plan.operations.map((op): OperationResult => {
    const j = journal.get(op.id);
    return {
      operationId: op.id,
      seq: op.seq,
      kind: op.kind,
      personId: op.personId,
      summary: op.summary,
      state: j?.state ?? 'pending',
      message: j?.message ?? null,
      recordid: j?.recordid ?? null,
      actualBefore: j?.actualBefore ?? null,
      actualAfter: j?.actualAfter ?? null,
    };
  });
  const row = requirePlan(db, planId);
  const summary = row.result
    ? (JSON.parse(row.result) as ApplySummary)
    : {
        verified: 0,
        failed: 0,
        skippedDrift: 0,
        pending: operations.length,
        calls: 0,
        resumes: 0,
        transactions: { written: 0, failed: 0, unknown: 0 },
      };
  return { plan: toPlan(row), summary, operations };
}

/**
 * Gives up on an interrupted apply: the plan ends as partially applied (or failed when nothing was
 * verified) and its pending operations are never sent. Refused while any operation's outcome is
 * not settled ('sending', 'unknown', 'sent'): resume first, which finds out what landed.
 */
export function stopApplying(db: DB, input: { planId: string; actor: string }): Omit<ApplyResult, 'message'> {
  const actor = actorSchema.parse(input.actor);
  db.transaction(() => {
    const row = requirePlan(db, input.planId);
    if (row.state !== 'applying') throw conflict('Only an interrupted apply can be stopped.');
    const journal = listJournal(db, input.planId);
    const unsettled = journal.filter(
      (j) => j.state === 'sending' || j.state === 'unknown' || j.state === 'sent',
    ).length;
    if (unsettled > 0)
      throw conflict(
        `${unsettled} change(s) may have reached SmartSimple without being verified: resume the apply first to settle them.`,
      );
    const previous = row.result ? (JSON.parse(row.result) as ApplySummary) : null;
    // Nothing is unsettled here, so every operation still counted pending is one never sent.
    const summary = summarizeStates(
      db,
      input.planId,
      journal.map((j) => j.state),
      { calls: previous?.calls ?? 0, resumes: previous?.resumes ?? 0 },
      `Stopped by ${actor}`,
    );
    const at = new Date().toISOString();
    setPlanState(db, input.planId, summary.verified > 0 ? 'partially_applied' : 'failed', at, {
      applyFinishedAt: at,
      result: summary,
    });
    appendAudit(db, {
      actor,
      action: 'plan.applied',
      subject: `plan:${input.planId}`,
      instanceId: row.instance_id,
      details: { stopped: true, ...summary },
    });
  })();
  return getApplyResult(db, input.planId);
}
