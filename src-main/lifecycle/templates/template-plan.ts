/**
 * A template's operations become a draft plan through the plans builders (createPlan,
 * addOperations: the same planning, checks and risk as any plan), each with the step and reason
 * it came from kept beside it, and each AI suggestion it rests on decided with the operation it
 * became. A plan that would stay empty is not kept: nothing is written.
 */
import type { TemplateOperation, TemplatePlanResult } from '../../../src-preload/contract';
import { validation } from '../../errors/app-error';
import { addOperations, createPlan } from '../../plans';
import type { OperationInput } from '../../plans/types';
import type { TemplatesDeps } from './deps';
import { insertReasons } from './store';

export interface TemplateStep {
  input: OperationInput;
  /** The template step ("roster line 4", "transfer", "typical role"). */
  step: string;
  reason: string;
}

export interface SuggestionDecision {
  suggestionId: string;
  decision: 'accepted' | 'edited' | 'rejected';
  /** The steps (indexes into `steps`) it became; the first that was planned is recorded. */
  steps: number[];
}

export interface TemplatePlanInput {
  instanceId: string;
  template: 'roster' | 'mover' | 'offboard';
  title: string;
  description: string;
  steps: TemplateStep[];
  decisions?: SuggestionDecision[];
  followUp?: string | null;
}

export function planTemplate(deps: TemplatesDeps, input: TemplatePlanInput): TemplatePlanResult {
  const actor = deps.administrator(input.instanceId);
  if (input.steps.length === 0) throw validation('Nothing to change: no plan was made.');
  return deps.db.transaction(() => {
    const { plan } = createPlan(deps.db, {
      instanceId: input.instanceId,
      title: input.title.slice(0, 200),
      description: input.description.slice(0, 2000),
      origin: 'ai',
      createdBy: actor,
    });
    const change = addOperations(deps.db, { planId: plan.id, actor, operations: input.steps.map((s) => s.input) });
    const refused = new Set(change.rejected.map((r) => r.index));
    const kept = input.steps.map((_, i) => i).filter((i) => !refused.has(i));
    if (kept.length === 0)
      throw validation(
        `Nothing to change, so no plan was made: ${change.rejected[0]?.message ?? 'every step was refused'}.`,
      );
    // addOperations stores the planned inputs in order, after whatever the plan held (nothing: it is new).
    const opIdOf = new Map(kept.map((stepIndex, n) => [stepIndex, change.plan.operations[n]!.id]));
    insertReasons(
      deps.db,
      plan.id,
      input.template,
      kept.map((i) => ({ operationId: opIdOf.get(i)!, step: input.steps[i]!.step, reason: input.steps[i]!.reason })),
    );
    for (const d of input.decisions ?? []) {
      const op = d.steps.map((i) => opIdOf.get(i)).find((x) => x !== undefined) ?? null;
      const decision = op === null ? 'rejected' : d.decision;
      if (deps.ai.get(d.suggestionId).decision === null) deps.ai.decide(d.suggestionId, decision, actor, op);
    }
    const operations: TemplateOperation[] = kept.map((i, n) => {
      const op = change.plan.operations[n]!;
      return {
        operationId: op.id,
        personId: op.personId,
        summary: op.summary,
        step: input.steps[i]!.step,
        reason: input.steps[i]!.reason,
        source: op.source,
      };
    });
    return {
      planId: plan.id,
      title: plan.title,
      operations,
      rejected: change.rejected.map((r) => ({ message: `${input.steps[r.index]?.step ?? 'step'}: ${r.message}` })),
      followUp: input.followUp ?? null,
    };
  })();
}
