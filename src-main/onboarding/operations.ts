/**
 * The operations a proposal plans, each signed 'ai' with the suggestion it came from:
 * - a new organization first, when the person's is not in the tree (create_organization, under
 *   the parent proposed or chosen), the person then planned into it by name;
 * - create the person (with the accepted profile roles) or update the linked one (only the fields
 *   the document states differently);
 * - add the accepted roles and program (UTA) assignments of a linked person.
 * The transaction note on the person, signed AI_Service, is written by the plan's apply for every
 * 'ai' operation.
 */
import type { Proposal, ProposedOperation } from '../../src-preload/contract';
import type { MirrorPersonFields } from '../ai/resolve/mirror-records';
import type { OperationInput } from '../plans/types';
import { distance } from 'fastest-levenshtein';
import { flatFields } from './proposal';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAP: [string, string, keyof MirrorPersonFields][] = [
  ['firstName', 'sf_First Name', 'firstName'],
  ['lastName', 'sf_Last Name', 'lastName'],
  ['email', 'sf_Email', 'email'],
  ['title', 'sf_Title', 'title'],
  ['phone', 'sf_Phone', 'phone'],
  ['department', 'cf_Department', 'department'],
];
const LABEL: Record<string, string> = {
  'sf_First Name': 'first name',
  'sf_Last Name': 'last name',
  sf_Email: 'e-mail',
  sf_Title: 'title',
  sf_Phone: 'phone',
  cf_Department: 'department',
};

export interface PlannedFromProposal {
  operations: { input: OperationInput; shown: ProposedOperation }[];
  problems: string[];
  warnings: string[];
}

const cut = (s: string) => s.slice(0, 255);
const norm = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

interface Ctx {
  p: Proposal;
  f: Record<string, string>;
  out: PlannedFromProposal;
  push(input: OperationInput, summary: string, privileged?: boolean): void;
}

export function planProposal(p: Proposal, linked: MirrorPersonFields | null): PlannedFromProposal {
  const out: PlannedFromProposal = { operations: [], problems: [], warnings: [] };
  const ctx: Ctx = {
    p,
    f: flatFields(p.fields),
    out,
    push: (input, summary, privileged = false) =>
      out.operations.push({
        input,
        shown: {
          kind: input.kind as ProposedOperation['kind'],
          summary,
          suggestionId: input.aiSuggestionId ?? p.resolution.suggestionId,
          privileged,
        },
      }),
  };
  if (p.resolution.outcome === 'possible' && p.resolution.personId === null)
    out.problems.push('Decide whether this is one of the similar people shown, or a new person.');
  if (p.resolution.personId === null) newPerson(ctx);
  else linkedPerson(ctx, p.resolution.personId, linked);
  return out;
}

function linkedPerson(ctx: Ctx, personId: number, linked: MirrorPersonFields | null): void {
  const { p, f, push, out } = ctx;
  const sid = p.resolution.suggestionId;
  if (linked) {
    const changes: Record<string, string> = {};
    for (const [k, sf, m] of MAP) {
      const mirror = String(linked[m] ?? '');
      if (!f[k] || norm(mirror) === norm(f[k])) continue;
      if (likelyMisread(p.fields[k], f[k]!, mirror)) {
        out.warnings.push(
          `The document's ${LABEL[sf] ?? k} “${f[k]}” (read at ${Math.round(p.fields[k]!.confidence * 100)}%) is close to the instance's “${mirror}”: kept “${mirror}”. Type the value to change it.`,
        );
        continue;
      }
      changes[sf] = cut(f[k]!);
    }
    if (Object.keys(changes).length)
      push(
        { kind: 'update_fields', personId, fields: changes, source: 'ai', aiSuggestionId: sid },
        `Update the ${Object.keys(changes)
          .map((k) => LABEL[k] ?? k)
          .join(', ')} of ${linked.firstName} ${linked.lastName}`,
      );
    if (
      p.organization.outcome !== 'none' &&
      p.organization.name &&
      norm(p.organization.name) !== norm(linked.organization)
    )
      out.warnings.push(
        `The document places ${linked.firstName} ${linked.lastName} in ${p.organization.name}; the mirror has ${linked.organization ?? 'no organization'}. Moving a person to another organization is not part of this plan.`,
      );
  }
  for (const r of p.recommendations.filter((x) => x.decision === 'accepted'))
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
}

/**
 * A value read with less than full confidence that is a letter or two away from what the instance
 * holds is more likely a misread (a scan's "tt" read as "ft") than a change: it is not planned.
 * A value the administrator typed or took from the page is always meant.
 */
function likelyMisread(field: Proposal['fields'][string] | undefined, value: string, mirror: string): boolean {
  if (!field || field.edited || !mirror.trim()) return false;
  const a = norm(value).replace(/[^\p{L}\p{N}@.]/gu, '');
  const b = norm(mirror).replace(/[^\p{L}\p{N}@.]/gu, '');
  if (a === b) return true;
  return field.confidence < 0.9 && 1 - distance(a, b) / Math.max(a.length, b.length) >= 0.75;
}

/** A new person: their organization first when it is new, then create_person with the accepted profile roles. */
function newPerson(ctx: Ctx): void {
  const { p, f, out, push } = ctx;
  const accepted = p.recommendations.filter((r) => r.decision === 'accepted');
  if (!f.firstName || !f.lastName) out.problems.push('A new person needs a first and a last name.');
  if (!f.email || !EMAIL.test(f.email))
    out.problems.push('A new person needs a valid e-mail address (for example jane@example.org).');
  const org = p.organization;
  const newOrg = org.outcome === 'new' && org.create && org.proposedParent !== null && org.name !== null;
  if (org.organizationId === null && !newOrg) out.problems.push('Choose the organization the person belongs to.');
  const roles = accepted.filter((r) => r.kind === 'role');
  if (accepted.some((r) => r.kind === 'assignment'))
    out.warnings.push(
      'Program assignments for a new person go in a second plan, once the person exists after apply and sync.',
    );
  if (out.problems.length > 0) return;
  if (newOrg)
    push(
      {
        kind: 'create_organization',
        fields: {
          sf_Name: cut(org.name!),
          'sf_Parent Company ID': String(org.proposedParent!.id),
          'sf_Is External': org.isExternal ? '1' : '0',
        },
        source: 'ai',
        aiSuggestionId: org.suggestionId ?? p.resolution.suggestionId,
      },
      `Create ${org.isExternal ? 'external' : 'internal'} organization ${org.name} under ${org.proposedParent!.name}`,
    );
  const fields: Record<string, string> = newOrg ? {} : { 'sf_Company ID': String(org.organizationId) };
  for (const [k, sf] of MAP) if (f[k]) fields[sf] = cut(f[k]!);
  push(
    {
      kind: 'create_person',
      fields: fields as never,
      roleIds: roles.map((r) => r.roleId),
      ...(newOrg ? { newOrganization: cut(org.name!) } : {}),
      source: 'ai',
      aiSuggestionId: p.resolution.suggestionId,
    },
    `Create ${f.firstName} ${f.lastName} (${f.email}) in ${newOrg ? org.name : org.path.join(' › ') || org.name}${roles.length ? ` with ${roles.map((r) => r.roleName).join(', ')}` : ''}`,
    roles.some((r) => r.privileged),
  );
}
