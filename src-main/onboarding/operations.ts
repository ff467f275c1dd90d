/**
 * The operations a proposal plans, each signed 'ai' with the suggestion it came from: create the
 * person (with the accepted profile roles) or update the linked one (only fields the document
 * states differently), add the accepted roles and program assignments. The transaction note on the
 * person, signed AI_Service, is written by the plan's apply for every 'ai' operation.
 */
import type { Proposal, ProposedOperation } from '../../src-preload/contract';
import type { MirrorPersonFields } from '../ai/resolve/mirror-records';
import type { OperationInput } from '../plans/types';
import { flatFields } from './proposal';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAP: [string, string, keyof MirrorPersonFields | null][] = [
  ['firstName', 'sf_First Name', 'firstName'],
  ['lastName', 'sf_Last Name', 'lastName'],
  ['email', 'sf_Email', 'email'],
  ['title', 'sf_Title', 'title'],
  ['phone', 'sf_Phone', 'phone'],
  ['department', 'cf_Department', 'department'],
];

export interface PlannedFromProposal {
  operations: { input: OperationInput; shown: ProposedOperation }[];
  problems: string[];
  warnings: string[];
}

const cut = (s: string) => s.slice(0, 255);

export function proposedOperations(p: Proposal, linked: MirrorPersonFields | null): PlannedFromProposal {
  const f = flatFields(p.fields);
  const problems: string[] = [];
  const warnings: string[] = [];
  const operations: PlannedFromProposal['operations'] = [];
  const accepted = p.recommendations.filter((r) => r.decision === 'accepted');
  const sid = p.resolution.suggestionId;
  const push = (input: OperationInput, summary: string, privileged = false) =>
    operations.push({
      input,
      shown: {
        kind: input.kind as ProposedOperation['kind'],
        summary,
        suggestionId: input.aiSuggestionId ?? sid,
        privileged,
      },
    });
  if (p.resolution.outcome === 'possible' && p.resolution.personId === null)
    problems.push('Decide whether this is one of the similar people shown, or a new person.');
  if (p.resolution.personId === null) return newPersonOps(p, { f, problems, warnings, operations, push, sid });
  const personId = p.resolution.personId;
  if (linked) {
    const changes: Record<string, string> = {};
    for (const [k, sf, m] of MAP) {
      const v = f[k];
      if (
        v &&
        m &&
        String(linked[m] ?? '')
          .trim()
          .toLowerCase() !== v.toLowerCase()
      )
        changes[sf] = cut(v);
    }
    if (Object.keys(changes).length)
      push(
        { kind: 'update_fields', personId, fields: changes, source: 'ai', aiSuggestionId: sid },
        `Update ${Object.keys(changes).join(', ')} of ${linked.firstName} ${linked.lastName}`,
      );
  }
  for (const r of accepted)
    if (r.kind === 'role')
      push(
        { kind: 'add_role', personId, roleId: r.roleId, source: 'ai', aiSuggestionId: r.suggestionId },
        `Add role ${r.roleName}`,
        r.privileged,
      );
    else if (r.programId !== null)
      push(
        {
          kind: 'add_assignment',
          personId,
          programId: r.programId,
          roleId: r.roleId,
          source: 'ai',
          aiSuggestionId: r.suggestionId,
        },
        `Assign as ${r.roleName} on ${r.programName}`,
        r.privileged,
      );
  return { operations, problems, warnings };
}

type Push = (input: OperationInput, summary: string, privileged?: boolean) => void;

/** A new person: create_person with the accepted profile roles, once the document names enough. */
function newPersonOps(
  p: Proposal,
  {
    f,
    problems,
    warnings,
    operations,
    push,
    sid,
  }: {
    f: Record<string, string>;
    problems: string[];
    warnings: string[];
    operations: PlannedFromProposal['operations'];
    push: Push;
    sid: string;
  },
): PlannedFromProposal {
  const accepted = p.recommendations.filter((r) => r.decision === 'accepted');
  if (!f.firstName || !f.lastName) problems.push('A new person needs a first and a last name.');
  if (!f.email || !EMAIL.test(f.email))
    problems.push('A new person needs a valid e-mail address (for example jane@example.org).');
  const companyId = p.organization.organizationId ?? p.organization.proposedParent?.id ?? null;
  if (companyId === null) problems.push('Choose the organization the person belongs to.');
  if (p.organization.outcome === 'new')
    warnings.push(
      `"${p.organization.name}" is not in the tree: the person goes under ${p.organization.proposedParent?.name ?? 'the root'} until the organization is created.`,
    );
  const roles = accepted.filter((r) => r.kind === 'role');
  if (problems.length === 0) {
    const fields: Record<string, string> = { 'sf_Company ID': String(companyId) };
    for (const [k, sf] of MAP) if (f[k]) fields[sf] = cut(f[k]!);
    push(
      {
        kind: 'create_person',
        fields: fields as never,
        roleIds: roles.map((r) => r.roleId),
        source: 'ai',
        aiSuggestionId: sid,
      },
      `Create ${f.firstName} ${f.lastName} (${f.email})${roles.length ? ` with ${roles.map((r) => r.roleName).join(', ')}` : ''}`,
      roles.some((r) => r.privileged),
    );
  }
  if (accepted.some((r) => r.kind === 'assignment'))
    warnings.push(
      'Program assignments for a new person go in a second plan, once the person exists after apply and sync.',
    );
  return { operations, problems, warnings };
}
