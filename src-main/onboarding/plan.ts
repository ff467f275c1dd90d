/**
 * A reviewed proposal becomes a draft plan (origin 'onboarding'); every suggestion it rests on is
 * decided once, with the operation it became: the fields as read (accepted, or edited when the
 * administrator changed one), who the person is and their organization (accepted, or edited when
 * the administrator chose otherwise), the recommendations (accepted with their operation, or
 * rejected when nothing came of them). A dismissed proposal rejects what it rested on.
 */
import type { Proposal } from '../../src-preload/contract';
import type { AiService } from '../ai/ai-service';
import type { DB } from '../db/open';
import { conflict, validation } from '../errors/app-error';
import type { MirrorPersonFields } from '../ai/resolve/mirror-records';
import { addOperations, createPlan } from '../plans';
import { planProposal } from './operations';

export interface PlanDeps {
  db: DB;
  ai: Pick<AiService, 'decide' | 'get'>;
}

export function planFromProposal(
  deps: PlanDeps,
  p: Proposal,
  linked: MirrorPersonFields | null,
  by: string,
): { planId: string; proposal: Proposal } {
  if (p.state === 'planned') throw conflict('This proposal is a plan already: change the plan instead.');
  if (p.state === 'dismissed') throw conflict('This proposal was dismissed: reopen it first.');
  const planned = planProposal(p, linked);
  if (planned.problems.length) throw validation(planned.problems.join(' '));
  if (planned.operations.length === 0) throw validation('Nothing to plan: the person exists and nothing was accepted.');
  const read = `${p.fields.firstName?.value ?? ''} ${p.fields.lastName?.value ?? ''}`.trim();
  const name = linked ? `${linked.firstName} ${linked.lastName}`.trim() : read || p.file;
  const { plan } = createPlan(deps.db, {
    instanceId: p.instanceId,
    title: `Onboard ${name}`.slice(0, 200),
    description: `From ${p.file}. ${p.resolution.explanation}`.slice(0, 2000),
    origin: 'onboarding',
    createdBy: by,
  });
  const change = addOperations(deps.db, {
    planId: plan.id,
    actor: by,
    operations: planned.operations.map((o) => o.input),
  });
  if (change.rejected.length)
    throw validation(
      `The plan refused ${change.rejected.map((r) => r.message).join('; ')}. The draft plan ${plan.title} is kept for review.`,
    );
  decideSuggestions(deps, p, change.plan.operations, by);
  return { planId: plan.id, proposal: { ...p, state: 'planned', planId: plan.id } };
}

type Op = { id: number; kind: string; aiSuggestionId: string | null };
type Decision = 'accepted' | 'edited' | 'rejected';

/** Each suggestion once (see the file's comment). */
function decideSuggestions(deps: PlanDeps, p: Proposal, ops: Op[], by: string): void {
  const person = ops.find((o) => o.kind === 'create_person' || o.kind === 'update_fields') ?? ops[0];
  const creates = ops.find((o) => o.kind === 'create_person');
  const decisions = new Map<string, { decision: Decision; op: Op | undefined }>();
  const put = (sid: string | null, decision: Decision, op: Op | undefined) => {
    if (sid && !decisions.has(sid)) decisions.set(sid, { decision: op ? decision : 'rejected', op });
  };
  const edited = Object.values(p.fields).some((f) => f.edited);
  put(p.extractionSuggestionId, edited ? 'edited' : 'accepted', person);
  const sid = p.resolution.suggestionId;
  put(
    sid,
    p.resolution.decidedBy === 'administrator' ? 'edited' : 'accepted',
    ops.find((o) => o.aiSuggestionId === sid) ?? person,
  );
  const org = p.organization;
  put(
    org.suggestionId,
    org.decidedBy === 'administrator' ? 'edited' : 'accepted',
    ops.find((o) => o.kind === 'create_organization') ?? creates,
  );
  for (const r of p.recommendations) {
    if (decisions.has(r.suggestionId)) continue;
    const accepted = p.recommendations.some((x) => x.suggestionId === r.suggestionId && x.decision === 'accepted');
    // Roles accepted for a new person ride on its create_person operation.
    const op = ops.find((o) => o.aiSuggestionId === r.suggestionId) ?? (accepted ? creates : undefined);
    put(r.suggestionId, 'accepted', accepted ? op : undefined);
  }
  for (const [id, d] of decisions) deps.ai.decide(id, d.decision, by, d.op?.id ?? null);
}

/** Every suggestion of a dismissed proposal that is still undecided: rejected. */
export function rejectSuggestions(deps: PlanDeps, p: Proposal, by: string): void {
  const ids = new Set(
    [
      p.extractionSuggestionId,
      p.resolution.suggestionId,
      p.organization.suggestionId,
      ...p.recommendations.map((r) => r.suggestionId),
    ].filter((x): x is string => x !== null),
  );
  for (const id of ids) if (deps.ai.get(id).decision === null) deps.ai.decide(id, 'rejected', by, null);
}
