/**
 * Onboarding as a service: a document's fields (read by intake) become a proposal, the
 * administrator edits fields, links the person and accepts or declines each recommendation (each
 * edit recorded), and the proposal becomes a draft plan (origin 'onboarding') whose operations are
 * signed 'ai' with their suggestion; the suggestions are decided with the operation they became.
 * Approval and apply are the plan's own (review, policy, journal): nothing is approved here.
 *
 * Proposals live in memory for the session: a proposal is cheap to make again from its document.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OnboardingDocument, Proposal, Recommendation } from '../../src-preload/contract';
import type { AiService } from '../ai/ai-service';
import type { DB } from '../db/open';
import { conflict, notFound, validation } from '../errors/app-error';
import type { MirrorService } from '../mirror/mirror-service';
import { addOperations, createPlan } from '../plans';
import { proposedOperations } from './operations';
import { buildProposal, keptFields } from './proposal';

export interface OnboardingServiceDeps {
  db: DB;
  mirror: MirrorService;
  ai: Pick<AiService, 'resolve' | 'recommendRoles' | 'decide'>;
  /** The administrator of an instance on this computer (the plan's author and the decider). */
  administrator: (instanceId: string) => string;
  /** Where the sample documents are (resources/intake-samples). */
  samplesDir?: string;
}

export interface DecideInput {
  proposalId: string;
  fields?: Record<string, string | string[]>;
  linkPersonId?: number | null;
  recommendations?: Record<string, Recommendation['decision']>;
}

export interface OnboardingService {
  propose(instanceId: string, document: OnboardingDocument): Promise<Proposal>;
  get(proposalId: string): Proposal;
  decide(input: DecideInput): Promise<Proposal>;
  createPlan(proposalId: string): { planId: string; proposal: Proposal };
  samples(): { name: string; bytes: number }[];
  sample(name: string): { name: string; base64: string };
}

const SAMPLE_TYPES = /\.(pdf|png|jpe?g|tiff?|docx|eml|msg|txt|csv|xlsx)$/i;

export function createOnboardingService(deps: OnboardingServiceDeps): OnboardingService {
  const proposals = new Map<string, Proposal>();
  const require = (id: string) => {
    const p = proposals.get(id);
    if (!p) throw notFound(`Onboarding proposal ${id} (proposals last for the session: drop the document again)`);
    return p;
  };
  const keep = (p: Proposal) => (proposals.set(p.id, p), p);
  const samplesDir = deps.samplesDir ?? path.resolve('resources', 'intake-samples');
  return {
    propose: async (instanceId, document) =>
      keep(await buildProposal(deps, instanceId, { file: document.file, fields: keptFields(document) })),
    get: require,
    async decide(input) {
      const p = require(input.proposalId);
      if (p.planId) throw conflict('This proposal is a plan already: change the plan instead.');
      const fields = { ...p.fields };
      for (const [k, v] of Object.entries(input.fields ?? {})) {
        const was = fields[k];
        fields[k] = { value: v, confidence: 1, source: was?.source ?? null, edited: true };
      }
      if (input.linkPersonId != null && !p.resolution.candidates.some((c) => c.personId === input.linkPersonId))
        throw validation('Link the person to one of the candidates shown, or keep it a new person.');
      const decisions = new Map(p.recommendations.map((r) => [r.id, r.decision]));
      for (const [id, d] of Object.entries(input.recommendations ?? {})) {
        if (!decisions.has(id)) throw validation(`There is no recommendation ${id} in this proposal.`);
        decisions.set(id, d);
      }
      const link =
        input.linkPersonId !== undefined
          ? input.linkPersonId
          : p.resolution.outcome === 'same'
            ? p.resolution.personId
            : undefined;
      return keep(
        await buildProposal(deps, p.instanceId, {
          id: p.id,
          file: p.file,
          fields,
          ...(link !== undefined ? { linkPersonId: link } : {}),
          decisions,
        }),
      );
    },
    createPlan: (proposalId) => planFromProposal(deps, require(proposalId), keep),
    samples: () => listSamples(samplesDir),
    sample(name) {
      const file = path.join(samplesDir, path.basename(name));
      if (!SAMPLE_TYPES.test(name) || !fs.existsSync(file)) throw notFound(`Sample ${name}`);
      return { name: path.basename(file), base64: fs.readFileSync(file).toString('base64') };
    },
  };
}

function listSamples(dir: string): { name: string; bytes: number }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => SAMPLE_TYPES.test(n))
    .sort()
    .map((name) => ({ name, bytes: fs.statSync(path.join(dir, name)).size }));
}

function planFromProposal(deps: OnboardingServiceDeps, p: Proposal, keep: (p: Proposal) => Proposal) {
  if (p.planId) throw conflict('This proposal is a plan already.');
  const people = deps.mirror.peopleForMatching(p.instanceId);
  const planned = proposedOperations(p, people.find((x) => x.id === p.resolution.personId) ?? null);
  if (planned.problems.length) throw validation(planned.problems.join(' '));
  if (planned.operations.length === 0) throw validation('Nothing to plan: the person exists and nothing was accepted.');
  const by = deps.administrator(p.instanceId);
  const name = `${p.fields.firstName?.value ?? ''} ${p.fields.lastName?.value ?? ''}`.trim() || p.file;
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
  return { planId: plan.id, proposal: keep({ ...p, planId: plan.id }) };
}

/**
 * Each suggestion once: accepted (edited when a field was changed), with the first operation it
 * became; one nothing came of is rejected. A proposal rebuilt after an edit records new suggestions;
 * the earlier ones stay undecided in the record.
 */
function decideSuggestions(
  deps: OnboardingServiceDeps,
  p: Proposal,
  ops: { id: number; kind: string; aiSuggestionId: string | null }[],
  by: string,
): void {
  const edited = Object.values(p.fields).some((f) => f.edited);
  const ids = new Set([p.resolution.suggestionId, ...p.recommendations.map((r) => r.suggestionId)]);
  for (const sid of ids) {
    // Roles accepted for a new person ride on its create_person operation.
    const folded =
      p.resolution.personId === null &&
      p.recommendations.some((r) => r.suggestionId === sid && r.decision === 'accepted');
    const op =
      ops.find((o) => o.aiSuggestionId === sid) ?? (folded ? ops.find((o) => o.kind === 'create_person') : undefined);
    const decision = op ? (sid === p.resolution.suggestionId && edited ? 'edited' : 'accepted') : 'rejected';
    deps.ai.decide(sid, decision, by, op?.id ?? null);
  }
}
