/**
 * Mover: a person's new department or title. The new peer group is found as onboarding finds one
 * (same organization and a similar title, widened step by step until at least 5); the roles more
 * than 70% of it hold are proposed (the AI core's recommend_roles task, k of n), and the roles the
 * person holds that fewer than 30% of it hold are proposed for removal (k of n, recorded as a
 * suggestion of its own). The administrator keeps what they choose; the plan changes the
 * department or title, then adds and removes the roles kept, each with its figure.
 */
import type { MoverProposal, RoleSuggestion, TemplatePlanResult } from '../../../src-preload/contract';
import { notFound, validation } from '../../errors/app-error';
import { MIN_PEERS, findPeers } from '../../onboarding/recommendations';
import { roleHoldingsOf } from '../../onboarding/store';
import { recommendRolesLocally } from '../../ai/tasks/recommend-roles';
import type { TemplatesDeps } from './deps';
import { peopleByIds } from './store';
import { planTemplate, type SuggestionDecision, type TemplateStep } from './template-plan';

/** A role the person holds is untypical of the new group when fewer than this share of it hold it. */
export const UNTYPICAL_SHARE = 0.3;

export interface MoverInput {
  instanceId: string;
  personId: number;
  department?: string | undefined;
  title?: string | undefined;
}

interface MoverFacts {
  proposal: Omit<MoverProposal, 'suggestionIds'>;
  peerIds: number[];
  own: number[];
  holdings: Map<number, number[]>;
}

function moverFacts(deps: TemplatesDeps, input: MoverInput): MoverFacts {
  const { instanceId, personId } = input;
  const person = peopleByIds(deps.db, instanceId, [personId])[0];
  if (!person) throw notFound(`Person ${personId}`);
  const department = input.department?.trim() || person.department;
  const title = input.title?.trim() || person.title;
  if ((department ?? '') === (person.department ?? '') && (title ?? '') === (person.title ?? ''))
    throw validation('Give the new department or the new title: the person has these already.');
  const fields: Record<string, string> = {};
  // A new department is a new peer group: the old organization (often the old department's) would find the old peers.
  const sameDepartment = (department ?? '') === (person.department ?? '');
  if (person.organization && sameDepartment) fields.organization = person.organization;
  if (department) fields.department = department;
  if (title) fields.title = title;
  const { peers, group } = findPeers(fields, deps.mirror.peopleForMatching(instanceId), personId);
  const peerIds = peers.map((p) => p.id);
  const holdings = roleHoldingsOf(deps.db, instanceId, peerIds);
  const own = roleHoldingsOf(deps.db, instanceId, [personId]).get(personId) ?? [];
  const roles = new Map(deps.mirror.listRoles(instanceId).map((r) => [r.id, r]));
  const suggestion = (roleId: number, k: number, reason: string): RoleSuggestion => ({
    roleId,
    roleName: roles.get(roleId)?.name ?? `role ${roleId}`,
    holders: k,
    peers: peerIds.length,
    reason,
    privileged: roles.get(roleId)?.privileged === true,
  });
  const local = recommendRolesLocally({
    person: { organization: person.organization, department, title, roleIds: own },
    peers: peerIds.map((id) => ({ personId: id, roleIds: holdings.get(id) ?? [] })),
    roles: [...roles.values()].filter((r) => !r.utaOnly && !r.removed).map((r) => ({ id: r.id, name: r.name })),
  });
  const add = local.recommendations
    .filter((r) => roles.get(r.roleId)?.utaOnly === false)
    .map((r) => suggestion(r.roleId, r.holders, r.reason));
  const remove: RoleSuggestion[] = [];
  if (peerIds.length >= MIN_PEERS)
    for (const roleId of own) {
      const k = peerIds.filter((id) => (holdings.get(id) ?? []).includes(roleId)).length;
      if (k / peerIds.length < UNTYPICAL_SHARE)
        remove.push(
          suggestion(
            roleId,
            k,
            `Only ${k} of ${peerIds.length} people of the new group hold ${roles.get(roleId)?.name ?? `role ${roleId}`}.`,
          ),
        );
    }
  const name = `${person.firstName} ${person.lastName}`.trim();
  return {
    proposal: {
      person: {
        id: person.id,
        name,
        email: person.email,
        organization: person.organization,
        department: person.department,
        title: person.title,
      },
      to: { department, title },
      peerGroup: group,
      add,
      remove,
    },
    peerIds,
    own,
    holdings,
  };
}

/** The proposal, with its suggestions recorded (the additions through the AI core's task, the removals beside them). */
export async function proposeMover(deps: TemplatesDeps, input: MoverInput): Promise<MoverProposal> {
  const facts = moverFacts(deps, input);
  const { proposal, peerIds, own, holdings } = facts;
  const roles = deps.mirror.listRoles(input.instanceId).filter((r) => !r.utaOnly && !r.removed);
  const recorded = await deps.ai.recommendRoles(
    {
      person: {
        organization: proposal.person.organization,
        department: proposal.to.department,
        title: proposal.to.title,
        roleIds: own,
      },
      peers: peerIds.map((id) => ({ personId: id, roleIds: holdings.get(id) ?? [] })),
      roles: roles.map((r) => ({ id: r.id, name: r.name.slice(0, 300) })),
    },
    { instanceId: input.instanceId },
  );
  const removal =
    proposal.remove.length === 0
      ? null
      : deps.ai.record(
          'recommend_roles',
          {
            input: { personId: proposal.person.id, to: proposal.to, peers: peerIds },
            output: { remove: proposal.remove.map((r) => ({ roleId: r.roleId, holders: r.holders, peers: r.peers })) },
            confidence: Math.min(...proposal.remove.map((r) => 1 - r.holders / Math.max(1, r.peers))),
            explanation: proposal.remove.map((r) => r.reason).join(' '),
            model: 'lifecycle-mover',
          },
          { instanceId: input.instanceId },
        ).id;
  return {
    ...proposal,
    suggestionIds: { add: recorded.output.recommendations.length ? recorded.suggestionId : null, remove: removal },
  };
}

export interface MoverPlanInput extends MoverInput {
  addRoleIds: number[];
  removeRoleIds: number[];
  suggestionIds?: { add?: string | null | undefined; remove?: string | null | undefined } | undefined;
}

export function planMover(deps: TemplatesDeps, input: MoverPlanInput): TemplatePlanResult {
  const { proposal } = moverFacts(deps, input);
  const { person, to } = proposal;
  const steps: TemplateStep[] = [];
  const fields: Record<string, string> = {};
  if ((to.department ?? '') !== (person.department ?? '')) fields.cf_Department = to.department ?? '';
  if ((to.title ?? '') !== (person.title ?? '')) fields.sf_Title = to.title ?? '';
  steps.push({
    input: { kind: 'update_fields', personId: person.id, fields },
    step: 'The move',
    reason: `${person.name} moves to ${[to.department, to.title].filter(Boolean).join(', ')}.`,
  });
  const pick = (ids: number[], offered: RoleSuggestion[], what: string) => {
    for (const roleId of ids)
      if (!offered.some((r) => r.roleId === roleId))
        throw validation(`Role ${roleId} was not proposed ${what}: choose among the roles shown.`);
    return offered.filter((r) => ids.includes(r.roleId));
  };
  const adds = pick(input.addRoleIds, proposal.add, 'to add');
  const removes = pick(input.removeRoleIds, proposal.remove, 'for removal');
  const ai = (sid: string | null | undefined) => (sid ? { source: 'ai' as const, aiSuggestionId: sid } : {});
  const addSteps: number[] = [];
  for (const r of adds) {
    addSteps.push(steps.length);
    steps.push({
      input: { kind: 'add_role', personId: person.id, roleId: r.roleId, ...ai(input.suggestionIds?.add) },
      step: 'Typical of the new group',
      reason: `${r.reason} (${proposal.peerGroup.how})`,
    });
  }
  const removeSteps: number[] = [];
  for (const r of removes) {
    removeSteps.push(steps.length);
    steps.push({
      input: { kind: 'remove_role', personId: person.id, roleId: r.roleId, ...ai(input.suggestionIds?.remove) },
      step: 'Not typical of the new group',
      reason: `${r.reason} (${proposal.peerGroup.how})`,
    });
  }
  const decisions: SuggestionDecision[] = [];
  const decided = (sid: string | null | undefined, kept: number, offered: number, at: number[]) => {
    if (sid)
      decisions.push({
        suggestionId: sid,
        decision: kept === offered ? 'accepted' : kept === 0 ? 'rejected' : 'edited',
        steps: at,
      });
  };
  decided(input.suggestionIds?.add, adds.length, proposal.add.length, addSteps);
  decided(input.suggestionIds?.remove, removes.length, proposal.remove.length, removeSteps);
  return planTemplate(deps, {
    instanceId: input.instanceId,
    template: 'mover',
    title: `Mover: ${person.name}`,
    description: `${person.name} moves to ${[to.department, to.title].filter(Boolean).join(', ')}. Peer group: ${proposal.peerGroup.how}.`,
    steps,
    decisions,
  });
}
