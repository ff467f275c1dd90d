/**
 * Leaver and organization offboarding. Every leaver is deactivated (the plans' deactivate: no
 * access, Inactive, administrator type and privileged roles taken off), their other profile roles
 * and every program assignment removed. What must not be left orphaned goes to a successor first:
 * a managing program role (Program Manager, owner, lead) that no one staying holds on that program,
 * the managing role on a program the leaver owns, and the leaver's direct reports (their manager,
 * and so their open access-review items, which go to the person's manager). The successor is the
 * administrator's, or proposed from the leaver's peers (onboarding's peer groups) and from the
 * people who already manage programs, with the reason; the proposal is recorded as a suggestion.
 */
import type {
  OffboardProposal,
  OffboardTransfer,
  SuccessorChoice,
  TemplatePlanResult,
} from '../../../src-preload/contract';
import { validation } from '../../errors/app-error';
import { findPeers } from '../../onboarding/recommendations';
import { assignmentsOf, roleHoldingsOf } from '../../onboarding/store';
import { ACCESS_TYPES } from '../../smartsimple/protocol';
import type { TemplatesDeps } from './deps';
import { directReports, peopleByIds, peopleOfOrganization, programRoleHolders, type TemplatePerson } from './store';
import { planTemplate, type TemplateStep } from './template-plan';

/** A program role that makes someone answerable for the program: never left without a holder. */
export const MANAGING_ROLE = /\b(manager|owner|lead|director|officer in charge)\b/i;

export interface OffboardInput {
  instanceId: string;
  personIds?: number[] | undefined;
  organizationId?: number | undefined;
  includeSubOrganizations?: boolean | undefined;
  successorId?: number | undefined;
}

const nameOf = (p: Pick<TemplatePerson, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`.trim();
const isActive = (p: TemplatePerson) =>
  p.accessType !== ACCESS_TYPES.none || (p.status ?? '').toLowerCase() !== 'inactive';

export function leaversOf(deps: TemplatesDeps, input: OffboardInput): TemplatePerson[] {
  const { instanceId } = input;
  if (input.organizationId !== undefined) {
    const people = peopleOfOrganization(
      deps.db,
      instanceId,
      input.organizationId,
      input.includeSubOrganizations ?? false,
    );
    if (people.length === 0) throw validation('No one of this organization is in the mirror: nothing to offboard.');
    return people;
  }
  const ids = [...new Set(input.personIds ?? [])];
  if (ids.length === 0) throw validation('Choose the people leaving, or an organization to offboard.');
  const people = peopleByIds(deps.db, instanceId, ids);
  const missing = ids.filter((id) => !people.some((p) => p.id === id));
  if (missing.length) throw validation(`Not in the mirror: ${missing.slice(0, 5).join(', ')}.`);
  return people;
}

interface Facts {
  leavers: TemplatePerson[];
  transfers: OffboardTransfer[];
  roleIdsOf: Map<number, number[]>;
  assignmentsOf: ReturnType<typeof assignmentsOf>;
}

function facts(deps: TemplatesDeps, input: OffboardInput): Facts {
  const { instanceId } = input;
  const leavers = leaversOf(deps, input);
  const leaving = new Set(leavers.map((l) => l.id));
  const ids = leavers.map((l) => l.id);
  const held = assignmentsOf(deps.db, instanceId, ids);
  const roles = new Map(deps.mirror.listRoles(instanceId).map((r) => [r.id, r]));
  const programs = deps.mirror.listPrograms(instanceId).filter((p) => !p.removed);
  const programName = new Map(programs.map((p) => [p.id, p.name]));
  const transfers: OffboardTransfer[] = [];
  const seen = new Set<string>();
  const orphan = (from: TemplatePerson, programId: number, roleId: number, why: string) => {
    const key = `${programId}:${roleId}`;
    if (seen.has(key)) return;
    const staying = programRoleHolders(deps.db, instanceId, programId, roleId).filter(
      (h) => !leaving.has(h.id) && isActive(h),
    );
    if (staying.length > 0) return;
    seen.add(key);
    transfers.push({
      kind: 'program_role',
      fromId: from.id,
      fromName: nameOf(from),
      programId,
      programName: programName.get(programId) ?? `program ${programId}`,
      roleId,
      roleName: roles.get(roleId)?.name ?? `role ${roleId}`,
      personId: null,
      personName: null,
      why,
    });
  };
  for (const l of leavers)
    for (const a of held.get(l.id) ?? []) {
      const role = roles.get(a.roleId);
      if (role && MANAGING_ROLE.test(role.name))
        orphan(
          l,
          a.programId,
          a.roleId,
          `${nameOf(l)} is the last ${role.name} of ${programName.get(a.programId) ?? 'the program'} staying: it would be left without one.`,
        );
    }
  const manager = [...roles.values()].find((r) => r.utaOnly && !r.removed && MANAGING_ROLE.test(r.name));
  for (const p of programs.filter((x) => x.ownerId !== null && leaving.has(x.ownerId)))
    if (manager) {
      const owner = leavers.find((l) => l.id === p.ownerId)!;
      orphan(
        owner,
        p.id,
        manager.id,
        `${nameOf(owner)} owns ${p.name}: someone staying must manage it (the owner field itself is changed in SmartSimple).`,
      );
    }
  for (const r of directReports(
    deps.db,
    instanceId,
    leavers.map((l) => l.id),
  ).filter((x) => !leaving.has(x.id))) {
    const boss = leavers.find((l) => l.id === r.managerId)!;
    transfers.push({
      kind: 'manager',
      fromId: boss.id,
      fromName: nameOf(boss),
      programId: null,
      programName: null,
      roleId: null,
      roleName: null,
      personId: r.id,
      personName: nameOf(r),
      why: `${nameOf(r)} reports to ${nameOf(boss)}: their manager (and their access-review items) go to the successor.`,
    });
  }
  return { leavers, transfers, roleIdsOf: roleHoldingsOf(deps.db, instanceId, ids), assignmentsOf: held };
}

/** People who could take over: the leavers' peers first, then those who already manage programs, each with why. */
function successorCandidates(deps: TemplatesDeps, input: OffboardInput, f: Facts): SuccessorChoice[] {
  const { instanceId } = input;
  const leaving = new Set(f.leavers.map((l) => l.id));
  const everyone = deps.mirror.peopleForMatching(instanceId);
  const managing = f.transfers.filter((t) => t.kind === 'program_role').map((t) => t.roleId!);
  const managesCount = new Map<number, number>();
  for (const roleId of new Set(managing))
    for (const p of deps.mirror.listPrograms(instanceId).filter((x) => !x.removed))
      for (const h of programRoleHolders(deps.db, instanceId, p.id, roleId))
        managesCount.set(h.id, (managesCount.get(h.id) ?? 0) + 1);
  const from = f.leavers.find((l) => f.transfers.some((t) => t.fromId === l.id)) ?? f.leavers[0]!;
  const fields: Record<string, string> = {};
  if (from.organization) fields.organization = from.organization;
  if (from.department) fields.department = from.department;
  if (from.title) fields.title = from.title;
  const { peers, group } = findPeers(
    fields,
    everyone.filter((p) => !leaving.has(p.id)),
    from.id,
  );
  const peerIds = new Set(peers.map((p) => p.id));
  const pool = new Set([...peerIds, ...managesCount.keys()].filter((id) => !leaving.has(id)));
  const people = peopleByIds(deps.db, instanceId, [...pool]).filter((p) => isActive(p) && !p.isExternal);
  const score = (p: TemplatePerson) =>
    (peerIds.has(p.id) ? 2 : 0) + (managesCount.get(p.id) ?? 0) / 10 + (p.department === from.department ? 0.5 : 0);
  return people
    .sort((a, b) => score(b) - score(a) || a.id - b.id)
    .slice(0, 5)
    .map((p) => {
      const why: string[] = [];
      if (peerIds.has(p.id)) why.push(`one of ${group.how}, like ${nameOf(from)}`);
      const n = managesCount.get(p.id) ?? 0;
      if (n > 0) why.push(`already manages ${n} program${n === 1 ? '' : 's'}`);
      if (p.department && p.department === from.department && !peerIds.has(p.id))
        why.push(`in ${p.department} like ${nameOf(from)}`);
      return {
        personId: p.id,
        name: nameOf(p),
        email: p.email,
        reason: `${nameOf(p)}: ${why.join('; ') || 'active staff'}.`,
        proposed: true,
        suggestionId: null,
      };
    });
}

function namedSuccessor(deps: TemplatesDeps, input: OffboardInput, f: Facts): SuccessorChoice {
  const p = peopleByIds(deps.db, input.instanceId, [input.successorId!])[0];
  if (!p) throw validation(`The successor (person ${input.successorId}) is not in the mirror.`);
  if (f.leavers.some((l) => l.id === p.id))
    throw validation(`${nameOf(p)} is leaving too: choose a successor who stays.`);
  if (!isActive(p)) throw validation(`${nameOf(p)} has no access: choose an active successor.`);
  return {
    personId: p.id,
    name: nameOf(p),
    email: p.email,
    reason: 'Named by the administrator.',
    proposed: false,
    suggestionId: null,
  };
}

export function proposeOffboarding(deps: TemplatesDeps, input: OffboardInput): OffboardProposal {
  const f = facts(deps, input);
  const roleNames = new Map(deps.mirror.listRoles(input.instanceId).map((r) => [r.id, r.name]));
  const reports = new Map<number, number>();
  for (const t of f.transfers) if (t.kind === 'manager') reports.set(t.fromId, (reports.get(t.fromId) ?? 0) + 1);
  const candidates = f.transfers.length ? successorCandidates(deps, input, f) : [];
  let successor: SuccessorChoice | null = null;
  if (input.successorId !== undefined) successor = namedSuccessor(deps, input, f);
  else if (candidates[0]) {
    const c = candidates[0];
    const recorded = deps.ai.record(
      'recommend_roles',
      {
        input: { leavers: f.leavers.map((l) => l.id), transfers: f.transfers.length },
        output: { successor: c.personId, candidates: candidates.map((x) => x.personId) },
        confidence: 0.6,
        explanation: c.reason,
        model: 'lifecycle-successor',
      },
      { instanceId: input.instanceId },
    );
    successor = { ...c, suggestionId: recorded.id };
  }
  const problems: string[] = [];
  if (f.transfers.length && !successor) problems.push('Name a successor: no one staying looks like the leavers.');
  return {
    people: f.leavers.map((l) => ({
      personId: l.id,
      name: nameOf(l),
      email: l.email,
      organization: l.organization,
      active: isActive(l),
      roles: (f.roleIdsOf.get(l.id) ?? []).map((r) => roleNames.get(r) ?? `role ${r}`),
      assignments: (f.assignmentsOf.get(l.id) ?? []).length,
      reports: reports.get(l.id) ?? 0,
    })),
    transfers: f.transfers,
    successor,
    candidates,
    problems,
  };
}

export function planOffboarding(
  deps: TemplatesDeps,
  input: OffboardInput & { successorSuggestionId?: string | undefined },
): TemplatePlanResult {
  const proposal = proposeOffboarding(deps, input);
  if (proposal.problems.length) throw validation(proposal.problems.join(' '));
  const f = facts(deps, input);
  const roles = new Map(deps.mirror.listRoles(input.instanceId).map((r) => [r.id, r]));
  const { successor, decisions } = successorOfPlan(deps, input, proposal.successor);
  const ai = successor?.suggestionId ? { source: 'ai' as const, aiSuggestionId: successor.suggestionId } : {};
  const steps: TemplateStep[] = [];
  const transferSteps: number[] = [];
  const by = successor
    ? `${successor.name} (${successor.proposed ? `proposed: ${successor.reason}` : 'named by the administrator'})`
    : '';
  const successorHolds = successor
    ? new Set(
        (assignmentsOf(deps.db, input.instanceId, [successor.personId]).get(successor.personId) ?? []).map(
          (a) => `${a.programId}:${a.roleId}`,
        ),
      )
    : new Set<string>();
  for (const t of f.transfers) {
    if (!successor) break;
    transferSteps.push(steps.length);
    if (t.kind === 'program_role' && !successorHolds.has(`${t.programId}:${t.roleId}`))
      steps.push({
        input: {
          kind: 'add_assignment',
          personId: successor.personId,
          programId: t.programId!,
          roleId: t.roleId!,
          ...ai,
        },
        step: 'Transfer',
        reason: `${t.why} Goes to ${by}.`,
      });
    else if (t.kind === 'manager')
      steps.push({
        input: {
          kind: 'update_fields',
          personId: t.personId!,
          fields: { 'cf_Manager ID': String(successor.personId) },
          ...ai,
        },
        step: 'Transfer',
        reason: `${t.why} Goes to ${by}.`,
      });
    else transferSteps.pop();
  }
  steps.push(...leaverSteps(f, roles));
  const org = input.organizationId !== undefined ? f.leavers[0]?.organization : null;
  return planTemplate(deps, {
    instanceId: input.instanceId,
    template: 'offboard',
    title: org
      ? `Offboard ${org}`
      : `Leaver: ${f.leavers.map(nameOf).slice(0, 3).join(', ')}${f.leavers.length > 3 ? ` and ${f.leavers.length - 3} more` : ''}`,
    description: `${f.leavers.length} ${f.leavers.length === 1 ? 'person leaves' : 'people leave'}; ${f.transfers.length} transfer${f.transfers.length === 1 ? '' : 's'}${successor ? ` to ${successor.name}` : ''}.`,
    steps,
    decisions: decisions.map((d) => ({ ...d, steps: d.decision === 'rejected' ? [] : transferSteps })),
  });
}

/** Each leaver: deactivated (when they still have access), every profile role and program assignment off. */
function leaverSteps(f: Facts, roles: Map<number, { privileged: boolean | null }>): TemplateStep[] {
  const steps: TemplateStep[] = [];
  for (const l of f.leavers) {
    const who = nameOf(l);
    const deactivating = isActive(l);
    if (deactivating)
      steps.push({
        input: { kind: 'deactivate', personId: l.id },
        step: 'Leaver',
        reason: `${who} leaves: no access, Inactive, privileged roles off.`,
      });
    for (const r of f.roleIdsOf.get(l.id) ?? [])
      if (!deactivating || roles.get(r)?.privileged !== true)
        steps.push({
          input: { kind: 'remove_role', personId: l.id, roleId: r },
          step: 'Leaver',
          reason: `${who} leaves: holds nothing after.`,
        });
    for (const a of f.assignmentsOf.get(l.id) ?? [])
      steps.push({
        input: { kind: 'remove_assignment', personId: l.id, programId: a.programId, roleId: a.roleId },
        step: 'Leaver',
        reason: `${who} leaves: off every program.`,
      });
  }
  return steps;
}

/**
 * The successor the plan uses. One proposed earlier (the preview's suggestion) and then kept by the
 * administrator is the AI's proposal, accepted; one the administrator chose instead rejects it.
 */
function successorOfPlan(
  deps: TemplatesDeps,
  input: OffboardInput & { successorSuggestionId?: string | undefined },
  chosen: SuccessorChoice | null,
): { successor: SuccessorChoice | null; decisions: { suggestionId: string; decision: 'accepted' | 'rejected' }[] } {
  if (chosen?.suggestionId)
    return { successor: chosen, decisions: [{ suggestionId: chosen.suggestionId, decision: 'accepted' }] };
  const sid = input.successorSuggestionId;
  if (!sid || !chosen) return { successor: chosen, decisions: [] };
  const earlier = deps.ai.get(sid);
  const proposed = (earlier.output as { successor?: unknown } | null)?.successor;
  if (proposed !== chosen.personId)
    return { successor: chosen, decisions: [{ suggestionId: sid, decision: 'rejected' }] };
  return {
    successor: { ...chosen, proposed: true, suggestionId: sid, reason: earlier.explanation },
    decisions: [{ suggestionId: sid, decision: 'accepted' }],
  };
}
